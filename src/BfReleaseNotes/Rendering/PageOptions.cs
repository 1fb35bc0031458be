namespace BfReleaseNotes.Rendering;

/// <summary>What a standalone history page needs beyond the releases.</summary>
/// <param name="Title">The page's title and its one <c>&lt;h1&gt;</c>.</param>
public sealed record PageOptions(string Title = PageOptions.DefaultTitle)
{
    /// <summary>The title when none is given.</summary>
    public const string DefaultTitle = "What's new";

    /// <summary>The page's language (<c>&lt;html lang&gt;</c>).</summary>
    public string Language { get; init; } = "en";

    /// <summary>A link to the Atom feed (relative or absolute) that browsers and readers can discover, or null.</summary>
    public string? FeedHref { get; init; }
}
