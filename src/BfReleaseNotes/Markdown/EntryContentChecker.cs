using BfReleaseNotes.Model;
using BfReleaseNotes.Rendering;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace BfReleaseNotes.Markdown;

/// <summary>
/// Reports what the app would have to change when it shows the notes: a link, image, autolink or reference
/// definition whose URL <see cref="LinkPolicy"/> refuses (BFRN130, an error) and a heading written inside an entry
/// (BFRN131, a warning: the app demotes it).
/// </summary>
internal static class EntryContentChecker
{
    /// <summary>Where an inline link's destination starts: <c>[text](url)</c>.</summary>
    private const string LinkOpening = "](";

    // Only inline parsing finds links; the parser itself reads blocks only, so a paragraph is parsed again here,
    // and only when its text could hold a link at all.
    private static readonly MarkdownPipeline InlinePipeline = new MarkdownPipelineBuilder().UsePreciseSourceLocation().Build();

    public static void Check(MarkdownDocument markdown, ReleaseNotesParser.SourceLines lines, string file, List<Diagnostic> diagnostics)
    {
        foreach (var block in markdown.Descendants<Block>())
        {
            switch (block)
            {
                case LinkReferenceDefinition definition:
                    // Markdig gives a definition inside an entry column 0; its '[' is the first one on the line, since
                    // only indentation and quote or list markers can come before it.
                    var bracket = lines.LineText(definition.Line).IndexOf('[', StringComparison.Ordinal);
                    ReportIfRefused(definition.Url, new SourcePosition(definition.Line + 1, Math.Max(bracket, definition.Column) + 1), "the reference definition", file, diagnostics);
                    break;
                case LeafBlock { Inline: not null } leaf and (ParagraphBlock or HeadingBlock):
                    CheckLinks(leaf, lines, file, diagnostics);
                    if (leaf is HeadingBlock heading && heading.Parent is not MarkdownDocument && IsInsideEntry(heading))
                    {
                        var source = lines.LineText(heading.Line).Trim();
                        diagnostics.Add(new Diagnostic(DiagnosticCodes.HeadingInsideEntry, DiagnosticSeverity.Warning, file,
                            new SourcePosition(heading.Line + 1, heading.Column + 1),
                            $"the heading '{Shorten(source)}' is inside an entry; the app shows it as a minor heading below the change type, so write it as **bold** text or make it part of the sentence"));
                    }

                    break;
                default:
                    break;
            }
        }
    }

    private static bool IsInsideEntry(Block block)
    {
        for (var parent = block.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is ListItemBlock)
            {
                return true;
            }
        }

        return false;
    }

    private static void CheckLinks(LeafBlock leaf, ReleaseNotesParser.SourceLines lines, string file, List<Diagnostic> diagnostics)
    {
        var literals = leaf.Inline!.Descendants<LiteralInline>().ToList();
        if (literals.Count == 0)
        // Stryker disable once Block : as the return below
        {
            // Stryker disable once Statement : an empty text holds no link, and the filter below says so for it
            return;
        }

        var text = string.Concat(literals.Select(literal => literal.Content.ToString()));
        if (!MayHoldARefusedUrl(text))
        // Stryker disable once Block : as the return below
        {
            // Stryker disable once Statement : the filter only saves a second parse; parsing anyway finds no refused URL in such a text
            return;
        }

        MarkdownDocument parsed;
        try
        {
            parsed = Markdig.Markdown.Parse(text, InlinePipeline);
        }
        catch (ArgumentException)
        {
            return; // nested past Markdig's limit: BFRN005 or the renderer's escaped-text fallback covers it.
        }

        // Lines as Markdig counts them (a bare CR ends one too), so a link's line in the text is an index here.
        var textLines = text.Split(["\r\n", "\r", "\n"], StringSplitOptions.None);
        foreach (var (url, what, line, column) in LinkPolicy.Urls(parsed))
        {
            var sourceLine = literals[0].Line + line;
            int sourceColumn;
            if (line == 0)
            {
                sourceColumn = literals[0].Column + column;
            }
            else
            {
                // Later lines lose their container's indentation ('  ', '> '); find where the text starts in the source.
                // Stryker disable once Conditional,Equality,String : a guard only; the text's lines are lines of the source
                var source = sourceLine < lines.Count ? lines.LineText(sourceLine) : string.Empty;
                // Stryker disable once Conditional,Equality,Unary : a guard only; Markdig's line in the text is one of textLines
                var start = line < textLines.Length ? source.IndexOf(textLines[line], StringComparison.Ordinal) : -1;
                sourceColumn = Math.Max(0, start) + column;
            }

            ReportIfRefused(url, new SourcePosition(sourceLine + 1, sourceColumn + 1), what, file, diagnostics);
        }
    }

    /// <summary>
    /// False when the text cannot hold a refused URL: no autolink ('&lt;') and every inline link destination (after
    /// "](" and optional whitespace) starts with a plain http, https or mailto scheme. Most notes end here, so a 50 MB
    /// file of linked entries is not parsed twice.
    /// </summary>
    private static bool MayHoldARefusedUrl(string text)
    {
        if (text.Contains('<', StringComparison.Ordinal))
        {
            return true;
        }

        for (var at = text.IndexOf(LinkOpening, StringComparison.Ordinal); at >= 0; at = text.IndexOf(LinkOpening, at + LinkOpening.Length, StringComparison.Ordinal))
        {
            // Stryker disable once String : trimming less makes the filter say "maybe" more often, and the parse finds the same URLs
            var rest = text.AsSpan(at + LinkOpening.Length).TrimStart(" \t\n");
            // Stryker disable once Logical : '||' makes the filter say "maybe" more often, and the parse finds the same URLs
            if (!rest.StartsWith("https://", StringComparison.Ordinal) && !rest.StartsWith("http://", StringComparison.Ordinal) && !rest.StartsWith("mailto:", StringComparison.Ordinal))
            {
                return true;
            }
        }

        // Stryker disable once Boolean : "maybe" for every text only costs a second parse, which finds the same URLs
        return false;
    }

    private static void ReportIfRefused(string? url, SourcePosition position, string what, string file, List<Diagnostic> diagnostics)
    {
        if (LinkPolicy.IsAllowed(url))
        {
            return;
        }

        var scheme = LinkPolicy.SchemeOf(url);
        var named = string.IsNullOrEmpty(scheme) ? "an unreadable scheme" : $"the scheme '{scheme}:'";
        diagnostics.Add(new Diagnostic(DiagnosticCodes.UnsafeLinkUrl, DiagnosticSeverity.Error, file, position,
            $"{what} to '{Shorten(url!)}' has {named}; only http, https, mailto and relative URLs are allowed (the app shows it as plain text), so link to an https page instead"));
    }

    private static string Shorten(string text)
    {
        // The message quotes the value; control characters must not reach a terminal, and a huge URL need not.
        var printable = new string([.. text.Select(c => char.IsControl(c) ? '?' : c)]);
        return printable.Length <= 80 ? printable : printable[..77] + "...";
    }
}
