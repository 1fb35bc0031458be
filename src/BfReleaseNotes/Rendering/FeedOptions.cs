namespace BfReleaseNotes.Rendering;

/// <summary>What an Atom feed needs beyond the releases.</summary>
/// <param name="PageUrl">
/// The absolute address where the history page is published; each feed entry links to the page with the release's
/// fragment (<c>https://example.com/whats-new.html#v1_42_0</c>).
/// </param>
/// <param name="Title">The feed's title, also its author's name unless <see cref="Author"/> is given.</param>
public sealed record FeedOptions(Uri PageUrl, string Title)
{
    /// <summary>The feed's permanent id; the page URL when null. Never random: readers key on it.</summary>
    public Uri? Id { get; init; }

    /// <summary>The address the feed itself is published at (<c>rel="self"</c>), or null.</summary>
    public Uri? FeedUrl { get; init; }

    /// <summary>The author's name (Atom requires one); <see cref="Title"/> when null.</summary>
    public string? Author { get; init; }

    /// <summary>Throws when a URL is not absolute or the title is blank.</summary>
    /// <exception cref="ArgumentException">A URL is relative, or the title is blank.</exception>
    public FeedOptions Validate()
    {
        ArgumentNullException.ThrowIfNull(PageUrl);
        foreach (var (name, url) in new[] { (nameof(PageUrl), PageUrl), (nameof(Id), Id), (nameof(FeedUrl), FeedUrl) })
        {
            if (url is not null && !url.IsAbsoluteUri)
            {
                throw new ArgumentException($"the feed's {name} '{url}' must be an absolute URL, such as 'https://example.com/whats-new.html'", name);
            }
        }

        if (string.IsNullOrWhiteSpace(Title))
        {
            throw new ArgumentException("the feed needs a title", nameof(Title));
        }

        return this;
    }
}
