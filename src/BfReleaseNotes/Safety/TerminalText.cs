using System.Globalization;
using System.Text;

namespace BfReleaseNotes.Safety;

/// <summary>
/// Makes untrusted text (entries, headings, commit subjects, CI variables, CSV cells) safe to print on a terminal
/// or in a CI job log: every control character other than tab and line feed is replaced by a visible escape such
/// as <c>\x1b</c>, so an ESC sequence in a note cannot clear the screen, retitle the window or plant an OSC-8 link.
/// </summary>
/// <remarks>
/// Escaped: C0 controls (U+0000 to U+001F) except tab and line feed, DEL (U+007F), C1 controls (U+0080 to U+009F,
/// since U+009B is a one-character CSI on many terminals), and the bidirectional overrides and isolates
/// (U+202A to U+202E, U+2066 to U+2069) that can make printed text read differently from its bytes, the line and
/// paragraph separators (U+2028, U+2029), and, in a whole string, a lone surrogate and the two non-characters
/// U+FFFE and U+FFFF, which an XML report cannot hold (so one escape serves the terminal, job logs and reports). A carriage
/// return directly before a line feed is a line end and is kept; any other carriage return would let a line
/// overwrite itself and is escaped as <c>\r</c>. A backslash is never doubled: the escapes are for people reading
/// a log, not a reversible encoding (the file itself keeps the exact bytes).
/// </remarks>
/// <example><code>Console.Error.WriteLine(TerminalText.Escape(entry.Text)); // "a\x1b[2Jb" stays visible</code></example>
public static class TerminalText
{
    /// <summary>Returns <paramref name="text"/> with every unsafe character replaced by a visible escape.</summary>
    /// <param name="text">Any text; null gives an empty string.</param>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var first = FirstUnsafe(text);
        if (first < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        builder.Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (IsPair(text, i))
            {
                builder.Append(c).Append(text[++i]);
            }
            else if (IsUnsafeAt(text, i))
            {
                AppendEscape(builder, c);
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>True when <paramref name="c"/> must not reach a terminal as it is (a lone carriage return included).</summary>
    public static bool IsUnsafe(char c) =>
        c is (< ' ' and not '\t' and not '\n') or (>= '\u007f' and <= '\u009f') or (>= '\u202a' and <= '\u202e') or (>= '\u2066' and <= '\u2069')
            or '\u2028' or '\u2029';

    /// <summary>Appends the visible escape of <paramref name="c"/>: <c>\r</c> for a carriage return, <c>\xNN</c> up to U+00FF, else <c>\uNNNN</c>.</summary>
    /// <param name="builder">Where the escape goes.</param>
    /// <param name="c">An unsafe character.</param>
    public static void AppendEscape(StringBuilder builder, char c)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (c == '\r')
        {
            builder.Append("\\r");
        }
        else if (c <= '\u00ff')
        {
            builder.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
        }
        else
        {
            builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
        }
    }

    private static int FirstUnsafe(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (IsPair(text, i))
            {
                i++;
            }
            else if (IsUnsafeAt(text, i))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsPair(string text, int i) => char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);

    /// <summary>Unsafe in its place: a carriage return before a line feed is a line end; a surrogate here is alone.</summary>
    private static bool IsUnsafeAt(string text, int i)
    {
        var c = text[i];
        if (c == '\r')
        {
            return i + 1 >= text.Length || text[i + 1] != '\n';
        }

        return IsUnsafe(c) || char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF';
    }
}
