using System.Globalization;
using System.Text;
using Markdig.Helpers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace BfReleaseNotes.Rendering;

/// <summary>
/// Which link and image URLs a release note may carry into the app: <c>http</c>, <c>https</c>, <c>mailto</c> and
/// relative URLs. Every other scheme (<c>javascript:</c>, <c>data:</c>, <c>vbscript:</c>, <c>file:</c>, ...) is refused,
/// however it is spelled: the scheme is read after decoding HTML entities and percent-escapes and after removing
/// control characters and whitespace, as a browser would, so <c>java&amp;#x73;cript:</c>, <c>JaVaScRiPt:</c>,
/// <c>javascript&amp;#58;</c> and <c>java%0Ascript:</c> are all refused.
/// </summary>
/// <example>
/// <code>
/// LinkPolicy.IsAllowed("https://example.com/12"); // true
/// LinkPolicy.IsAllowed("java&amp;#x73;cript:alert(1)"); // false
/// </code>
/// </example>
public static class LinkPolicy
{
    /// <summary>The schemes a link may have; anything else loses its <c>href</c>/<c>src</c>.</summary>
    public static IReadOnlyList<string> AllowedSchemes { get; } = ["http", "https", "mailto"];

    // Decoding twice catches '&amp;#58;' and '%253A'; more rounds than that would be an attack on the decoder itself,
    // and a URL that still changes after them is refused rather than trusted.
    private const int DecodingRounds = 4;

    /// <summary>True when <paramref name="url"/> is relative or its scheme is one of <see cref="AllowedSchemes"/>.</summary>
    public static bool IsAllowed(string? url)
    {
        var scheme = SchemeOf(url);
        return scheme is not null && (scheme.Length == 0 || AllowedSchemes.Contains(scheme, StringComparer.Ordinal));
    }

    /// <summary>
    /// The URL's scheme in lower case as a browser would read it (<c>"javascript"</c>), <c>""</c> for a relative URL,
    /// or null when the URL cannot be decoded to a stable form (treated as unsafe).
    /// </summary>
    public static string? SchemeOf(string? url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return string.Empty;
        }

        var current = url;
        for (var round = 0; round < DecodingRounds; round++)
        {
            var decoded = Strip(PercentDecode(HtmlHelper.Unescape(current, removeBackSlash: false)));
            if (string.Equals(decoded, current, StringComparison.Ordinal))
            {
                return SchemeOfDecoded(decoded);
            }

            current = decoded;
        }

        return null;
    }

    /// <summary>
    /// Removes every link, autolink and image with a refused URL from an inline-parsed Markdig document: a link keeps
    /// its text, an image keeps its description, an autolink becomes plain text. Returns how many were removed.
    /// </summary>
    internal static int Apply(MarkdownDocument document)
    {
        var removed = 0;
        // Materialise first: the tree changes under the walk.
        foreach (var inline in document.Descendants<Inline>().ToList())
        {
            switch (inline)
            {
                case LinkInline link when !IsAllowed(link.Url):
                    Unwrap(link);
                    removed++;
                    break;
                case AutolinkInline autolink when !IsAllowed(autolink.Url):
                    autolink.ReplaceBy(new LiteralInline(autolink.Url), copyChildren: false);
                    removed++;
                    break;
                default:
                    break;
            }
        }

        return removed;
    }

    /// <summary>
    /// The URL of every link, autolink and image of an inline-parsed document, with what it is (<c>"the link"</c>,
    /// <c>"the image"</c>) and its 0-based line and column.
    /// </summary>
    internal static IEnumerable<(string Url, string What, int Line, int Column)> Urls(MarkdownObject root) =>
        root.Descendants<Inline>().Select(inline => inline switch
        {
            LinkInline link => (link.Url, link.IsImage ? "the image" : "the link", link.Line, link.Column),
            AutolinkInline autolink => (autolink.Url, "the autolink", autolink.Line, autolink.Column),
            _ => ((string?)null, string.Empty, 0, 0),
        }).Where(found => found.Item1 is not null).Select(found => (found.Item1!, found.Item2, found.Item3, found.Item4));

    private static void Unwrap(LinkInline link)
    {
        var children = link.ToList();
        foreach (var child in children)
        {
            child.Remove();
            link.InsertBefore(child);
        }

        link.Remove();
    }

    private static string? SchemeOfDecoded(string url)
    {
        // RFC 3986: scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":"; a URL without one is relative.
        var colon = url.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return string.Empty;
        }

        var candidate = url[..colon];
        if (!char.IsAsciiLetter(candidate[0]) || !candidate.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.'))
        {
            // './a:b', 'a/b:c', '#x:y', '?q=a:b': the first ':' comes after a path, query or fragment, so no scheme.
            return candidate.IndexOfAny(['/', '?', '#']) >= 0 ? string.Empty : null;
        }

        return candidate.ToLowerInvariant();
    }

    /// <summary>Browsers drop control characters and whitespace before reading a scheme (<c>java\tscript:</c> runs).</summary>
    private static string Strip(string url)
    {
        var builder = new StringBuilder(url.Length);
        foreach (var rune in url.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (Rune.IsControl(rune) || Rune.IsWhiteSpace(rune) || category is UnicodeCategory.Format)
            {
                continue;
            }

            builder.Append(rune.ToString());
        }

        return builder.ToString();
    }

    private static string PercentDecode(string url)
    {
        if (!url.Contains('%', StringComparison.Ordinal))
        {
            return url;
        }

        try
        {
            return Uri.UnescapeDataString(url);
        }
        catch (UriFormatException)
        {
            return url;
        }
    }
}
