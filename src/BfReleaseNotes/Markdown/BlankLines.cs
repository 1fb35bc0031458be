namespace BfReleaseNotes.Markdown;

/// <summary>
/// Where markdown needs a blank line to see a new block, the edits check and add one; this is the one place
/// that decides whether a text already ends with one.
/// </summary>
internal static class BlankLines
{
    /// <summary>True when the text ends with a line ending followed by a whitespace-only line (or is one blank line).</summary>
    public static bool AtEnd(string text)
    {
        if (!text.EndsWith('\n'))
        {
            return false;
        }

        var withoutLastEnding = text[..^1].TrimEnd('\r');
        var lastLineStart = withoutLastEnding.LastIndexOf('\n') + 1;
        return string.IsNullOrWhiteSpace(withoutLastEnding[lastLineStart..]);
    }

    /// <summary>What to append to <paramref name="text"/> so that it ends with a blank line.</summary>
    public static string PaddingFor(string text, string lineEnding) =>
        !text.EndsWith('\n') ? lineEnding + lineEnding : AtEnd(text) ? string.Empty : lineEnding;
}
