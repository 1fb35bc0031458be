namespace BfReleaseNotes.Rendering;

/// <summary>What to render and for which host page.</summary>
/// <param name="Audience">Which visibility sections to show.</param>
/// <param name="HeadingLevel">
/// The level of each release's heading, 1 to 3, so the fragment fits the host page's outline: visibility sections
/// are one level below, change types two, and headings written inside an entry three or more (never above h6).
/// </param>
public sealed record RenderOptions(Audience Audience = Audience.Beta, int HeadingLevel = RenderOptions.DefaultHeadingLevel)
{
    /// <summary>The release heading's level when none is given: <c>&lt;h2&gt;</c>, under the host page's <c>&lt;h1&gt;</c>.</summary>
    public const int DefaultHeadingLevel = 2;

    /// <summary>The highest release heading level: three outline levels and one for headings inside entries fit in h1 to h6.</summary>
    public const int MaximumHeadingLevel = 3;

    /// <summary>The options the app gets by default: Public and Beta, releases as <c>&lt;h2&gt;</c>.</summary>
    public static RenderOptions Default { get; } = new();

    /// <summary>True when the Beta sections are shown.</summary>
    public bool IncludesBeta => Audience == Audience.Beta;

    /// <summary>Throws when <see cref="HeadingLevel"/> is outside 1 to <see cref="MaximumHeadingLevel"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The heading level cannot hold the outline.</exception>
    public RenderOptions Validate()
    {
        if (HeadingLevel is < 1 or > MaximumHeadingLevel)
        {
            throw new ArgumentOutOfRangeException(nameof(HeadingLevel), HeadingLevel,
                $"the heading level must be 1 to {MaximumHeadingLevel} (releases, sections, change types and headings inside entries must fit in h1 to h6)");
        }

        return this;
    }
}
