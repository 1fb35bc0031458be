using System.Collections.Immutable;
using Semver;

namespace BfReleaseNotes.Rendering;

/// <summary>One published release, ready for the app to show.</summary>
/// <param name="Version">The release version.</param>
/// <param name="Date">The release date.</param>
/// <param name="Sections">Public first, then Beta (when the audience includes it); empty ones are left out.</param>
public sealed record RenderedRelease(SemVersion Version, DateOnly Date, ImmutableArray<RenderedSection> Sections)
{
    /// <summary>
    /// The release's fragment identifier, <c>v</c> and the version with <c>.</c> as <c>_</c> and <c>+</c> as <c>__</c>
    /// (<c>v1_42_0</c>, <c>v1_0_0-rc_1__build_5</c>): letters, digits, <c>_</c> and <c>-</c> only, so it needs no
    /// escaping in a URL or a CSS selector, and distinct versions never share one.
    /// </summary>
    public string Id => FragmentIds.ForRelease(Version);

    /// <summary>
    /// The heading level of the release's own heading (1 to 3); visibility sections are one level below, change
    /// types two, headings inside entries three or more. Entries' HTML was rendered for this level.
    /// </summary>
    public int HeadingLevel { get; init; } = RenderOptions.DefaultHeadingLevel;
}
