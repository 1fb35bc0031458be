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
/// words stay and nothing is clickable. Which URLs stay links is <see cref="Rendering.LinkPolicy"/>'s decision, the same
/// one the renderer and lint apply, so an imported note is never judged by a second, different rule.
/// </summary>
internal static class ImportedLinks
{
    /// <summary>How many links nested in each other's text are unlinked one by one before all link syntax is escaped.</summary>
    private const int MaxRounds = 8;

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePreciseSourceLocation().Build();

    /// <summary>
    /// Returns <paramref name="markdown"/> with every link, image, autolink and link definition whose target is not
    /// safe turned into text by escaping its opening bracket; <paramref name="neutralised"/> counts them.
    /// </summary>
    public static string Neutralise(string markdown, out int neutralised)
    {
        neutralised = 0;
        // Escaping one link can expose another inside it (a link in a link's text), so repeat until none is left; the
        // round after the last allowed one only looks, so text that needed exactly that many rounds is done.
        for (var round = 0; ; round++)
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

            if (round == MaxRounds)
            {
                break;
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
        return Unlinked(markdown);
    }

    /// <summary>
    /// Every <c>[</c> escaped and every <c>&lt;</c> written as <c>&amp;lt;</c>. A bracket already escaped (by an earlier
    /// round or by its author) keeps its one backslash: a second would escape the backslash and free the bracket again.
    /// </summary>
    private static string Unlinked(string markdown)
    {
        var builder = new StringBuilder();
        var escaped = false;
        foreach (var character in markdown)
        {
            if (character == '[' && !escaped)
            {
                builder.Append('\\');
            }

            builder.Append(character);
            escaped = character == '\\' && !escaped;
        }

        return builder.Replace("<", "&lt;").ToString();
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
                case LinkInline link when !Rendering.LinkPolicy.IsAllowed(link.Url) || (link.Reference is { } reference && !Rendering.LinkPolicy.IsAllowed(reference.Url)):
                    positions.Add(BracketAt(markdown, link.Span.Start));
                    break;
                case AutolinkInline autolink when !Rendering.LinkPolicy.IsAllowed(autolink.Url):
                    positions.Add(autolink.Span.Start);
                    break;
                case LinkReferenceDefinition definition when !Rendering.LinkPolicy.IsAllowed(definition.Url):
                    positions.Add(BracketAt(markdown, definition.Span.Start));
                    break;
                default:
                    break;
            }
        }

        return positions;
    }

    /// <summary>
    /// The first <c>[</c> at or after <paramref name="start"/> (an image starts with <c>!</c>, a definition may be indented);
    /// every link and definition holds one, so the fallback to <paramref name="start"/> only keeps a surprise from failing.
    /// </summary>
    private static int BracketAt(string markdown, int start)
    {
        var from = Math.Max(0, start);
        return Math.Max(markdown.IndexOf('[', from), from);
    }
}
