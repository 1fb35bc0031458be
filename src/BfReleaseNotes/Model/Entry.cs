using System.Text;

namespace BfReleaseNotes.Model;

/// <summary>
/// One release note: a top-level list item with everything nested in it, kept exactly as written
/// (bullet, wrapped lines, nested lists, code blocks, line endings).
/// </summary>
/// <param name="Text">The exact source lines of the item, line endings included.</param>
public sealed record Entry(string Text) : DocumentPart
{
    /// <summary>The bullet character (<c>-</c>, <c>*</c> or <c>+</c>), or the delimiter of an ordered item.</summary>
    public char Marker
    {
        get
        {
            var start = MarkerIndex;
            return start < Text.Length ? Text[start] : '-';
        }
    }

    /// <summary>The entry without its final line ending: what conservation checks compare.</summary>
    public string Content => Text.TrimEnd('\r', '\n');

    /// <summary>
    /// The entry's markdown without the bullet: the first line after the marker, and the following lines
    /// with the item's indentation removed. What the app renders.
    /// </summary>
    public string Markdown
    {
        get
        {
            var lines = Content.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
            var first = lines[0];
            var markerEnd = MarkerIndex;
            if (markerEnd < first.Length && first[markerEnd] is '-' or '*' or '+')
            {
                markerEnd++;
            }
            else
            {
                while (markerEnd < first.Length && char.IsAsciiDigit(first[markerEnd]))
                {
                    markerEnd++;
                }

                markerEnd = Math.Min(markerEnd + 1, first.Length); // the '.' or ')' after the number
            }

            var contentStart = markerEnd;
            while (contentStart < first.Length && first[contentStart] == ' ')
            {
                contentStart++;
            }

            var indent = contentStart;
            var builder = new StringBuilder(first[contentStart..]);
            foreach (var line in lines.Skip(1))
            {
                builder.Append('\n');
                var strip = 0;
                while (strip < indent && strip < line.Length && line[strip] == ' ')
                {
                    strip++;
                }

                builder.Append(line, strip, line.Length - strip);
            }

            return builder.ToString();
        }
    }

    private int MarkerIndex
    {
        get
        {
            var i = 0;
            while (i < Text.Length && Text[i] == ' ')
            {
                i++;
            }

            return i;
        }
    }

    /// <summary>Returns a copy with the bullet character replaced; nothing else changes.</summary>
    public Entry WithMarker(char marker)
    {
        var index = MarkerIndex;
        if (index >= Text.Length || Text[index] == marker)
        {
            return this;
        }

        return this with { Text = string.Concat(Text.AsSpan(0, index), [marker], Text.AsSpan(index + 1)) };
    }

    /// <inheritdoc />
    public override void WriteTo(StringBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Append(Text);
    }
}
