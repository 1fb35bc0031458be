using System.Text.RegularExpressions;
using Markdig;
using Markdig.Syntax;

namespace BfReleaseNotes.Checks;

/// <summary>An explicit decision that a merge request needs no release notes, printed so it can be audited.</summary>
/// <param name="Source">Label, description or commit message.</param>
/// <param name="Where">The label's name, or the description, or the commit (short id and subject).</param>
/// <param name="Reason">The reason given after <c>Release-Notes: none -</c> (markup around it removed); null for a label.</param>
public sealed partial record OptOut(OptOutSource Source, string Where, string? Reason)
{
    /// <summary>The syntax of the line form, for messages.</summary>
    public const string LineSyntax = "Release-Notes: none - <reason>";

    // Words people leave in a template instead of a reason: they would pass an audit with nothing said. Marks
    // without a letter or digit ("...", "…", "-") need no entry: Scan rejects every such reason.
    private static readonly HashSet<string> Placeholders = new(StringComparer.OrdinalIgnoreCase)
    {
        "reason", "<reason>", "your reason", "why", "todo", "tbd", "xxx",
    };

    /// <summary>The source line as written (with its markup), for audit output; null for a label.</summary>
    public string? Line { get; init; }

    /// <summary>
    /// Finds the first <c>Release-Notes: none - reason</c> line in a text (case-insensitive, the dash may be
    /// <c>-</c>, <c>:</c>, an en or em dash). A line without a reason is not an opt-out:
    /// <paramref name="withoutReason"/> is then true so the user can be told to add one.
    /// </summary>
    /// <returns>The reason, or null when the text holds no valid opt-out line.</returns>
    public static string? FindReason(string? text, out bool withoutReason)
    {
        var scan = Scan(text);
        withoutReason = scan.Rejected is not null;
        return scan.Reason;
    }

    /// <summary>
    /// Reads a text as markdown (a description or a commit message) and finds its opt-out line. Only lines of
    /// paragraphs and headings count: a line inside a fenced or indented code block or an HTML comment is an
    /// example, not a decision. Emphasis around the line (<c>**...**</c>, <c>_..._</c>) is removed. A line whose
    /// reason is empty or a placeholder (<c>&lt;reason&gt;</c>, <c>reason</c>, <c>TODO</c>) does not opt out and is
    /// returned as <see cref="OptOutScan.Rejected"/>.
    /// </summary>
    public static OptOutScan Scan(string? text) => Scan(text, null);

    /// <summary>
    /// As <see cref="Scan(string?)"/>, for one project of a monorepo: a line <c>Release-Notes: none - reason</c> opts
    /// every project out, <c>Release-Notes: none(manage, admin) - reason</c> only the projects it names (any case).
    /// With <paramref name="project"/> null only lines that name no project count.
    /// </summary>
    public static OptOutScan Scan(string? text, string? project)
    {
        if (string.IsNullOrEmpty(text))
        {
            return new OptOutScan(null, null, null);
        }

        var sourceLines = text.Split('\n');
        string? rejected = null;
        foreach (var block in Markdig.Markdown.Parse(text).Descendants<LeafBlock>())
        {
            if (block is not (ParagraphBlock or HeadingBlock))
            {
                continue;
            }

            // The block's own source lines; quote and list markers of continuation lines are removed below.
            var start = Math.Clamp(block.Span.Start, 0, text.Length);
            // Stryker disable once Arithmetic : Markdig's Span.End is inclusive and inside the text, so this upper bound (a guard should it ever not be) never bites
            var end = Math.Clamp(block.Span.End, start, Math.Max(start, text.Length - 1));
            var first = text.AsSpan(0, start).Count('\n');
            // Both bounds stay inside the text, so last is at most the text's line count - 1: no separate bound on sourceLines.
            var last = first + text.AsSpan(start, end - start).Count('\n');
            for (var index = first; index <= last; index++)
            {
                var written = sourceLines[index].TrimEnd('\r');
                var match = OptOutLine().Match(StripEmphasis(ContainerMarkers().Replace(written, string.Empty)));
                if (!match.Success || !AppliesTo(match.Groups["projects"], project))
                {
                    continue;
                }

                var reason = StripEmphasis(match.Groups["reason"].Value.Trim()).Trim();
                if (reason.Length == 0 || Placeholders.Contains(reason) || !reason.Any(char.IsLetterOrDigit))
                {
                    rejected ??= written;
                    continue;
                }

                return new OptOutScan(reason, written, rejected);
            }
        }

        return new OptOutScan(null, null, rejected);
    }

    /// <summary>True when a line names no project, or names <paramref name="project"/> among its comma-separated names.</summary>
    private static bool AppliesTo(Group projects, string? project) =>
        !projects.Success || (project is not null && projects.Value.Split(',').Any(name => string.Equals(name.Trim(), project, StringComparison.OrdinalIgnoreCase)));

    /// <summary>The line form for one project, for messages: <c>Release-Notes: none(manage) - &lt;reason&gt;</c>.</summary>
    public static string LineSyntaxFor(string project) => $"Release-Notes: none({project}) - <reason>";

    /// <summary>Removes matching emphasis or code markers around a text: <c>**x**</c>, <c>_x_</c>, <c>`x`</c>, <c>~~x~~</c>.</summary>
    private static string StripEmphasis(string text)
    {
        text = text.Trim();
        // Stryker disable once Equality : a two-character text made of one marker twice holds no letter, so the reason is rejected and no line matches whether it is stripped or not
        while (text.Length >= 2 && text[0] is '*' or '_' or '`' or '~' && text[^1] == text[0])
        {
            text = text[1..^1].Trim();
        }

        return text;
    }

    /// <summary>Block-quote, list and task markers before a line's text: <c>&gt; </c>, <c>- </c>, <c>1. </c>, <c>[x] </c>, nested.</summary>
    [GeneratedRegex(@"^[ \t]*(?:(?:>|[-*+][ \t]|[0-9]{1,9}[.)][ \t]|\[[ xX]\][ \t])[ \t]*)*")]
    private static partial Regex ContainerMarkers();

    /// <summary>One line: the key, <c>none</c> with the projects it names if any, a dash and the reason (block markers are already gone).</summary>
    [GeneratedRegex(@"^release-notes[ \t]*:[ \t]*none(?:[ \t]*\((?<projects>[^)]*)\)|\b)[ \t]*(?:[-:\u2013\u2014][ \t]*(?<reason>.*))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OptOutLine();
}
