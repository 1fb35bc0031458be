using System.Net;
using System.Text;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace BfReleaseNotes.Migration;

/// <summary>
/// Keeps the import from ever writing a link that runs code: a ClickUp task named
/// <c>&lt;a href="javascript:..."&gt;</c>, or holding <c>[x](javascript:...)</c>, <c>&lt;vbscript:...&gt;</c> or
/// <c>[r]: data:text/html,...</c>, is imported with the link turned into plain text (its brackets escaped), so the
/// words stay and nothing is clickable. Only <c>http</c>, <c>https</c>, <c>mailto</c> and relative URLs stay links.
/// </summary>
internal static class ImportedLinks
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().Build();
    private static readonly string[] SafeSchemes = ["http", "https", "mailto"];

    /// <summary>
    /// Whether <paramref name="url"/> is safe as a link target, judged as a browser would read it: HTML entities
    /// and percent-escapes decoded, control characters and whitespace (which browsers drop) removed.
    /// </summary>
    public static bool IsSafeUrl(string? url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return true;
        }

        var decoded = url;
        // Decoding twice catches an entity that spells a percent-escape and the reverse.
        for (var i = 0; i < 2; i++)
        {
            decoded = WebUtility.HtmlDecode(decoded);
            try
            {
                decoded = Uri.UnescapeDataString(decoded);
            }
            catch (UriFormatException)
            {
                // Not decodable: judged as written.
            }
        }

        var cleaned = new StringBuilder(decoded.Length);
        foreach (var c in decoded)
        {
            if (!char.IsControl(c) && !char.IsWhiteSpace(c))
            {
                cleaned.Append(c);
            }
        }

        var text = cleaned.ToString();
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var pathStart = text.AsSpan().IndexOfAny("/?#");
        if (colon <= 0 || (pathStart >= 0 && pathStart < colon))
        {
            return true; // no scheme: a relative URL
        }

        var scheme = text[..colon];
        return SafeSchemes.Contains(scheme, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Returns <paramref name="markdown"/> with every link, image, autolink and link definition whose target is not
    /// safe turned into text by escaping its opening bracket; <paramref name="neutralised"/> counts them.
    /// </summary>
    public static string Neutralise(string markdown, out int neutralised)
    {
        neutralised = 0;
        // Escaping one link can expose another inside it (a link in a link's text), so repeat until none is left.
        for (var round = 0; round < 8; round++)
        {
            var positions = UnsafePositions(markdown);
            if (positions is null)
            {
                break;
            }

            if (positions.Count == 0)
            {
                return markdown;
            }

            var builder = new StringBuilder(markdown);
            foreach (var position in positions.Distinct().OrderDescending())
            {
                builder.Insert(position, '\\');
                neutralised++;
            }

            markdown = builder.ToString();
        }

        // Text too deeply nested to parse (the lint rejects its row anyway) or links inside links without end: no link syntax is left at all.
        neutralised++;
        return markdown.Replace("[", "\\[", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal);
    }

    /// <summary>Where to put a backslash to unlink each unsafe link; null when the text is too deeply nested to parse.</summary>
    private static List<int>? UnsafePositions(string markdown)
    {
        var positions = new List<int>();
        MarkdownDocument document;
        try
        {
            document = Markdig.Markdown.Parse(markdown, Pipeline);
        }
        catch (ArgumentException)
        {
            return null;
        }

        foreach (var node in document.Descendants())
        {
            switch (node)
            {
                case LinkInline link when !IsSafeUrl(link.Url) || (link.Reference is { } reference && !IsSafeUrl(reference.Url)):
                    positions.Add(BracketAt(markdown, link.Span.Start));
                    break;
                case AutolinkInline autolink when !IsSafeUrl(autolink.Url):
                    positions.Add(autolink.Span.Start);
                    break;
                case LinkReferenceDefinition definition when !IsSafeUrl(definition.Url):
                    positions.Add(BracketAt(markdown, definition.Span.Start));
                    break;
                default:
                    break;
            }
        }

        return positions;
    }

    /// <summary>The first <c>[</c> at or after <paramref name="start"/> (an image starts with <c>!</c>, a definition may be indented).</summary>
    private static int BracketAt(string markdown, int start)
    {
        var bracket = markdown.IndexOf('[', Math.Max(0, start));
        return bracket >= 0 ? bracket : Math.Max(0, start);
    }
}
