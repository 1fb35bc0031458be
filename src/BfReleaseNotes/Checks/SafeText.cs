using System.Globalization;
using System.Text;

namespace BfReleaseNotes.Checks;

/// <summary>
/// Makes untrusted text (an MR description, an entry, a commit subject) safe to show: control characters become
/// visible escapes (<c>\u001B</c>), so nothing in a note can drive a terminal or break an XML report. Tab and line
/// feed stay; a carriage return is kept only before a line feed.
/// </summary>
public static class SafeText
{
    /// <summary>The text with every control character (and lone surrogate) escaped as <c>\uXXXX</c>; tab, line feed and CRLF kept.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!NeedsEscaping(text))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        for (var index = 0; index < text.Length; index++)
        {
            var character = text[index];
            if (char.IsHighSurrogate(character) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
            {
                builder.Append(character).Append(text[++index]);
            }
            else if (Unsafe(text, index))
            {
                // One visible form everywhere (job log, terminal, reports): the terminal writer's.
                if (char.IsSurrogate(character))
                {
                    builder.Append("\\u").Append(((int)character).ToString("x4", CultureInfo.InvariantCulture));
                }
                else
                {
                    Safety.TerminalText.AppendEscape(builder, character);
                }
            }
            else
            {
                builder.Append(character);
            }
        }

        return builder.ToString();
    }

    private static bool NeedsEscaping(string text)
    {
        for (var index = 0; index < text.Length; index++)
        {
            if (char.IsHighSurrogate(text[index]) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
            {
                index++;
            }
            else if (Unsafe(text, index))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Unsafe(string text, int index)
    {
        var character = text[index];
        if (character is '\t' or '\n')
        {
            return false;
        }

        if (character == '\r')
        {
            return index + 1 >= text.Length || text[index + 1] != '\n';
        }

        // C0 and C1 controls, DEL, lone surrogates and the two non-characters XML 1.0 refuses.
        return char.IsControl(character) || char.IsSurrogate(character) || character is '\uFFFE' or '\uFFFF';
    }
}
