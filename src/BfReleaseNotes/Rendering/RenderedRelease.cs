using System.Collections.Immutable;
using BfReleaseNotes.Model;
using Semver;

namespace BfReleaseNotes.Rendering;

/// <summary>One published release, ready for the app to show.</summary>
/// <param name="Version">The release version.</param>
/// <param name="Date">The release date.</param>
/// <param name="Sections">Public first, then Beta (when included); empty ones are left out.</param>
public sealed record RenderedRelease(SemVersion Version, DateOnly Date, ImmutableArray<RenderedSection> Sections);

/// <summary>A visibility section of a release.</summary>
/// <param name="Visibility">Public or Beta.</param>
/// <param name="Changes">Change types in canonical order, each with its entries.</param>
public sealed record RenderedSection(Visibility Visibility, ImmutableArray<RenderedChange> Changes);

/// <summary>The entries of one change type.</summary>
/// <param name="Type">The change type.</param>
/// <param name="Entries">The entries in file order.</param>
public sealed record RenderedChange(ChangeType Type, ImmutableArray<RenderedEntry> Entries);

/// <summary>An entry as markdown (without its bullet) and as safe HTML (raw HTML in the source is escaped).</summary>
/// <param name="Markdown">The entry's markdown.</param>
/// <param name="Html">The entry rendered to HTML, reference links resolved.</param>
public sealed record RenderedEntry(string Markdown, string Html);
