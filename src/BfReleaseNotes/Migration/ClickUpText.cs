using System.Collections.Immutable;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace BfReleaseNotes.Migration;

/// <summary>
/// The cell conventions of ClickUp exports: the text <c>null</c> for an empty cell, multi-value cells written
/// <c>[a,b]</c> or <c>[a, b]</c> (<c>[]</c> for none), line breaks as real newlines or as a literal backslash-n,
/// and task content that may hold HTML.
/// </summary>
public static partial class ClickUpText
{
    /// <summary>The cell as text: trimmed, with ClickUp's <c>null</c> read as empty.</summary>
    public static string Cell(string? value)
    {
        var trimmed = value?.Trim() ?? string.Empty;
        return trimmed == "null" ? string.Empty : trimmed;
    }

    /// <summary>
    /// The values of a cell: <c>[a, b]</c> gives a and b, <c>[]</c> none, any other text itself as one value.
    /// <paramref name="multiValued"/> says whether the cell was written as a list.
    /// </summary>
    public static ImmutableArray<string> Values(string? value, out bool multiValued)
    {
        var cell = Cell(value);
        multiValued = cell.StartsWith('[') && cell.EndsWith(']');
        if (!multiValued)
        {
            return cell.Length == 0 ? [] : [cell];
        }

        return [.. cell[1..^1].Split(',').Select(part => Cell(part.Trim().Trim('"'))).Where(part => part.Length > 0)];
    }

    /// <summary>
    /// Multi-line text as markdown with <c>\n</c> line ends: CR LF and CR become LF, a literal backslash-n becomes a
    /// line break (unless it is part of a longer escape such as <c>\\n</c>), and HTML is reduced to markdown.
    /// <paramref name="hadHtml"/> tells whether HTML was found, and <paramref name="escapedTags"/> lists the tags
    /// that had no markdown form and were escaped so they show as text (never dropped).
    /// </summary>
    public static string Markdown(string? value, out bool hadHtml, out ImmutableArray<string> escapedTags)
    {
        var text = (value ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        if (text.Trim() == "null")
        {
            text = string.Empty;
        }

        if (!text.Contains('\n', StringComparison.Ordinal))
        {
            text = LiteralNewline().Replace(text, "\n");
        }

        hadHtml = HtmlTag().IsMatch(text);
        escapedTags = [];
        if (hadHtml)
        {
            text = ReduceHtml(text, out escapedTags);
        }

        return text.Trim('\n', ' ', '\t');
    }

    private static string ReduceHtml(string html, out ImmutableArray<string> escapedTags)
    {
        var escaped = new SortedSet<string>(StringComparer.Ordinal);
        var builder = new StringBuilder();
        var linkTargets = new Stack<string?>();
        var position = 0;
        foreach (Match tag in HtmlTag().Matches(html))
        {
            builder.Append(html, position, tag.Index - position);
            position = tag.Index + tag.Length;
            var name = tag.Groups["name"].Value.ToLowerInvariant();
            var closing = tag.Groups["close"].Success;
            switch (name)
            {
                case "br":
                    builder.Append('\n');
                    break;
                case "p" or "div":
                    builder.Append("\n\n");
                    break;
                case "b" or "strong":
                    builder.Append("**");
                    break;
                case "i" or "em":
                    builder.Append('*');
                    break;
                case "s" or "del" or "strike":
                    builder.Append("~~");
                    break;
                case "code":
                    builder.Append('`');
                    break;
                case "ul" or "ol":
                    builder.Append('\n');
                    break;
                case "li" when closing:
                    builder.Append('\n');
                    break;
                case "li":
                    if (builder.Length > 0 && builder[^1] != '\n')
                    {
                        builder.Append('\n');
                    }

                    builder.Append("- ");
                    break;
                case "h1" or "h2" or "h3" or "h4" or "h5" or "h6":
                    builder.Append(closing ? "\n\n" : "\n\n**");
                    if (closing)
                    {
                        builder.Insert(builder.Length - 2, "**");
                    }

                    break;
                case "a" when !closing:
                    var href = Href().Match(tag.Value);
                    // A task named '<a href="javascript:...">' must not become a markdown link: keep its text only.
                    var url = href.Success ? WebUtility.HtmlDecode(href.Groups["url"].Value) : null;
                    linkTargets.Push(url is not null && Rendering.LinkPolicy.IsAllowed(url) ? url : null);
                    if (linkTargets.Peek() is not null)
                    {
                        builder.Append('[');
                    }

                    break;
                case "a":
                    var target = linkTargets.Count > 0 ? linkTargets.Pop() : null;
                    if (target is not null)
                    {
                        builder.Append("](").Append(target.Replace(" ", "%20", StringComparison.Ordinal)).Append(')');
                    }

                    break;
                default:
                    escaped.Add(name);
                    builder.Append("&lt;").Append(tag.Value.AsSpan(1));
                    break;
            }
        }

        builder.Append(html, position, html.Length - position);
        escapedTags = [.. escaped];
        var lines = builder.ToString().Split('\n').Select(line => line.TrimEnd());
        return ExtraBlankLines().Replace(string.Join('\n', lines), "\n\n");
    }

    [GeneratedRegex(@"(?<!\\)\\n", RegexOptions.CultureInvariant)]
    private static partial Regex LiteralNewline();

    [GeneratedRegex(@"<(?<close>/)?(?<name>[A-Za-z][A-Za-z0-9]*)(\s[^<>]*)?/?>", RegexOptions.CultureInvariant)]
    private static partial Regex HtmlTag();

    [GeneratedRegex(@"href\s*=\s*[""'](?<url>[^""']*)[""']", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Href();

    [GeneratedRegex(@"\n{3,}", RegexOptions.CultureInvariant)]
    private static partial Regex ExtraBlankLines();
}
