using System.Text;
using BfReleaseNotes.Markdown;
using Markdig;
using Markdig.Syntax;

namespace BfReleaseNotes.Editing;

/// <summary>
/// Takes the link reference definitions out of text given to <c>add</c>, so they go to the end of the file instead
/// of being indented into the entry (where <c>promote</c> would carry them under another entry).
/// Markdig decides what a definition is, so a line in a code block or an indented quote is left alone.
/// </summary>
internal static class LinkDefinitionSplitter
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePreciseSourceLocation().Build();

    /// <summary>The text without its definition lines, and the definitions in order.</summary>
    public static (string Text, List<(LinkDefinition? Definition, string Line, string? Error)> Definitions) Split(string text)
    {
        var document = Markdig.Markdown.Parse(text, Pipeline);
        var definitionLines = new SortedDictionary<int, LinkReferenceDefinition>();
        foreach (var definition in document.Descendants<LinkReferenceDefinition>())
        {
            // Stryker disable once Logical : with this pipeline every definition Markdig finds has a label and sits in a definition group; the test guards a Markdig change
            if (definition.Label is not null && definition.Parent is LinkReferenceDefinitionGroup)
            {
                definitionLines[definition.Line] = definition;
            }
        }

        if (definitionLines.Count == 0)
        // Stryker disable once Block : a shortcut: the loop below gives the same text back when no line is a definition
        {
            return (text, []);
        }

        var lines = text.Split('\n');
        var kept = new StringBuilder();
        var found = new List<(LinkDefinition?, string, string?)>();
        for (var index = 0; index < lines.Length; index++)
        {
            if (definitionLines.TryGetValue(index, out var definition))
            {
                // Markdig stores the label as written; a definition's title, if any, is dropped with a refusal below.
                var line = lines[index].TrimEnd('\r');
                var lastLine = text.AsSpan(definition.Span.Start, definition.Span.Length).Count('\n');
                if (lastLine > 0 || definition.Title is { Length: > 0 })
                {
                    found.Add((null, line, $"the link definition '{line.Trim()}' must be one line '[label]: url' without a title"));
                    index += lastLine;
                    continue;
                }

                // Stryker disable once String : Markdig gives every definition it finds a URL (an empty one for '<>'), never null
                found.Add(LinkDefinition.TryCreate(definition.Label!, definition.Url ?? string.Empty, out var parsed, out var error)
                    ? (parsed, line, null)
                    : (null, line, error));
                continue;
            }

            kept.Append(lines[index]);
            if (index < lines.Length - 1)
            {
                kept.Append('\n');
            }
        }

        return (kept.ToString(), found);
    }

    /// <summary>The definitions a file already holds, by normalised label (the first wins, as in CommonMark).</summary>
    public static Dictionary<string, string> Existing(Model.ReleaseNotesDocument document)
    {
        var existing = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var trivia in document.LinkReferenceDefinitions)
        {
            var parsed = Markdig.Markdown.Parse(trivia.Text, Pipeline);
            foreach (var definition in parsed.Descendants<LinkReferenceDefinition>())
            {
                if (definition.Label is not null)
                {
                    // Stryker disable once String : as above, a definition Markdig finds has a URL
                    existing.TryAdd(ReleaseNotesParser.NormalizeLabel(definition.Label), definition.Url ?? string.Empty);
                }
            }
        }

        return existing;
    }
}
