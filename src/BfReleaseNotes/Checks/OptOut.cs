using System.Text.RegularExpressions;

namespace BfReleaseNotes.Checks;

/// <summary>An explicit decision that a merge request needs no release notes, printed so it can be audited.</summary>
/// <param name="Source">Label, description or commit message.</param>
/// <param name="Where">The label's name, or the description, or the commit (short id and subject).</param>
/// <param name="Reason">The reason given after <c>Release-Notes: none -</c>; null for a label.</param>
public sealed partial record OptOut(OptOutSource Source, string Where, string? Reason)
{
    /// <summary>The syntax of the line form, for messages.</summary>
    public const string LineSyntax = "Release-Notes: none - <reason>";

    /// <summary>
    /// Finds the first <c>Release-Notes: none - reason</c> line in a text (case-insensitive, the dash may be
    /// <c>-</c>, <c>:</c>, an en or em dash). A line without a reason is not an opt-out:
    /// <paramref name="withoutReason"/> is then true so the user can be told to add one.
    /// </summary>
    /// <returns>The reason, or null when the text holds no valid opt-out line.</returns>
    public static string? FindReason(string? text, out bool withoutReason)
    {
        withoutReason = false;
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        foreach (Match match in OptOutLine().Matches(text))
        {
            var reason = match.Groups["reason"].Value.Trim();
            if (reason.Length > 0)
            {
                return reason;
            }

            withoutReason = true;
        }

        return null;
    }

    /// <summary>One line: optional indentation or a quote/list marker, the key, <c>none</c>, a dash and the reason.</summary>
    [GeneratedRegex(@"^[ \t>*-]*release-notes[ \t]*:[ \t]*none\b[ \t]*(?:[-:\u2013\u2014][ \t]*(?<reason>[^\r\n]*))?[ \t]*\r?$", RegexOptions.IgnoreCase | RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex OptOutLine();
}
