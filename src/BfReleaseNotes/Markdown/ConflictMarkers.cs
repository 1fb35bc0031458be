using System.Text.RegularExpressions;
using BfReleaseNotes.Model;
using Markdig.Syntax;

namespace BfReleaseNotes.Markdown;

/// <summary>
/// Finds the marker lines git writes around a conflict. Markdown reads them as a paragraph or a heading underline,
/// so without this rule a half-resolved conflict would lint and be published into the release note and the app.
/// </summary>
internal static partial class ConflictMarkers
{
    /// <summary>Adds one error per marker line that starts a line outside a code block.</summary>
    public static void Report(MarkdownDocument markdown, ReleaseNotesParser.SourceLines lines, string file, List<Diagnostic> diagnostics)
    {
        HashSet<int>? inCode = null;
        for (var line = 0; line < lines.Count; line++)
        {
            var text = lines.LineText(line);
            if (!MarkerPattern().IsMatch(text))
            {
                continue;
            }

            // A code block may show a conflict on purpose (a note about git); its lines are content.
            // Stryker disable once Assignment : computing the code lines again for every marker gives the same set
            inCode ??= CodeLines(markdown, lines);
            if (inCode.Contains(line))
            {
                continue;
            }

            var shown = ReleaseNotesParser.Shorten(text.Trim());
            diagnostics.Add(new Diagnostic(DiagnosticCodes.ConflictMarker, DiagnosticSeverity.Error, file, new SourcePosition(line + 1, 1),
                $"unresolved merge conflict: '{shown}' is a conflict marker line; keep the right entries between '<<<<<<<' and '>>>>>>>', delete every marker line ('<<<<<<<', '|||||||', '=======', '>>>>>>>'), then run 'bf-release-notes lint' (to avoid such conflicts, run 'bf-release-notes merge-driver install')"));
        }
    }

    private static HashSet<int> CodeLines(MarkdownDocument markdown, ReleaseNotesParser.SourceLines lines)
    {
        var result = new HashSet<int>();
        foreach (var block in markdown.Descendants<CodeBlock>())
        {
            var first = lines.LineOf(block.Span.Start);
            var last = lines.LineOf(Math.Max(block.Span.Start, block.Span.End));
            // A block's last line at the margin is its closing fence (an unclosed fence spans its first line only), never a marker.
            // Stryker disable once Equality : so '<' skips no marker; '>' (no line at all) fails ConflictMarkerRuleTests
            for (var line = first; line <= last; line++)
            {
                result.Add(line);
            }
        }

        return result;
    }

    [GeneratedRegex(@"^(?:<{7}|>{7}|\|{7})(?:[ \t].*)?$|^={7}[ \t]*$")]
    private static partial Regex MarkerPattern();
}
