using System.Net;
using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;

namespace BfReleaseNotes.Rendering;

/// <summary>
/// One entry's markdown to HTML: raw HTML escaped, links and images the <see cref="LinkPolicy"/> refuses reduced to
/// their text, and headings written inside the entry demoted below the change-type heading.
/// </summary>
internal static class EntryHtml
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();

    /// <param name="markdown">The entry's markdown.</param>
    /// <param name="definitions">The link reference definitions of the entry's file, one per line.</param>
    /// <param name="firstHeadingLevel">The level the entry's highest heading gets; lower ones follow without gaps, up to 6.</param>
    public static string Render(string markdown, string definitions, int firstHeadingLevel)
    {
        MarkdownDocument document;
        try
        {
            document = Markdig.Markdown.Parse(markdown + "\n\n" + definitions, Pipeline);
        }
        catch (ArgumentException exception) when (exception.Message.Contains("deeply nested", StringComparison.OrdinalIgnoreCase))
        {
            // Markup nested past Markdig's limit (thousands of '[' or '*'): show the text rather than fail the page.
            return WebUtility.HtmlEncode(markdown);
        }

        LinkPolicy.Apply(document);
        Demote(document, firstHeadingLevel);
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        var html = writer.ToString().TrimEnd('\n');

        // A one-paragraph entry renders as <p>...</p>; inside a list item the paragraph adds nothing.
        return html.StartsWith("<p>", StringComparison.Ordinal) && html.EndsWith("</p>", StringComparison.Ordinal) && html.IndexOf("<p>", 1, StringComparison.Ordinal) < 0
            ? html[3..^4]
            : html;
    }

    /// <summary>
    /// An entry's <c>## Big title</c> must not break the page's outline: its distinct heading levels are mapped, in
    /// order, to <paramref name="firstLevel"/>, the next level, and so on (never past h6), so none is skipped.
    /// </summary>
    private static void Demote(MarkdownDocument document, int firstLevel)
    {
        var headings = document.Descendants<HeadingBlock>().ToList();
        if (headings.Count == 0)
        {
            return;
        }

        var levels = headings.Select(heading => heading.Level).Distinct().Order().ToList();
        foreach (var heading in headings)
        {
            heading.Level = Math.Min(6, firstLevel + levels.IndexOf(heading.Level));
        }
    }
}
