namespace BfReleaseNotes.Markdown;

/// <summary>
/// A linear pre-scan for nesting that Markdig would refuse only after a long parse: lists nested by indentation
/// thousands of levels deep took Markdig 7.7 s (1,600 levels) to over 30 s (3,000) before it gave up. The scan
/// counts, per line, the open list items (by their content indent) and the quote markers, and names the first
/// line deeper than Markdig's own limit, so such a file is refused at once with the right line.
/// </summary>
/// <remarks>
/// An estimate that never overstates legitimate nesting by much: fenced code and lazy continuation lines are not
/// modelled, so Markdig's own limit stays the final check for what the scan lets through.
/// </remarks>
internal static class NestingDepth
{
    /// <summary>Markdig's default maximum nesting depth (<c>MarkdownPipeline.MaximumNestingDepth</c>).</summary>
    public const int Limit = 128;

    /// <summary>The 1-based line where nesting first passes <see cref="Limit"/>, or null.</summary>
    public static int? FirstLineTooDeep(string text)
    {
        var indents = new List<int>();
        var line = 0;
        var start = 0;
        // Stryker disable once Equality : '<' skips only the empty line after a final line ending, which closes nothing and adds no level
        while (start <= text.Length)
        {
            line++;
            var end = text.IndexOf('\n', start);
            if (end < 0)
            {
                end = text.Length;
            }

            if (DepthOf(text.AsSpan(start, end - start), indents) > Limit)
            {
                return line;
            }

            start = end + 1;
        }

        return null;
    }

    /// <summary>The nesting of one line; <paramref name="indents"/> holds the content columns of the open list items.</summary>
    private static int DepthOf(ReadOnlySpan<char> line, List<int> indents)
    {
        var position = 0;
        var column = SkipSpaces(line, ref position, 0);
        // Stryker disable once Equality : with '>', a line of spaces leaves an empty rest, which the Trim test counts as blank all the same
        if (position >= line.Length || line[position..].Trim().IsEmpty)
        {
            return indents.Count; // a blank line closes nothing
        }

        if (IsThematicBreak(line[position..]))
        {
            return indents.Count;
        }

        while (indents.Count > 0 && indents[^1] > column)
        {
            indents.RemoveAt(indents.Count - 1);
        }

        var quotes = 0;
        while (position < line.Length)
        {
            if (line[position] == '>')
            {
                quotes++;
                position++;
                column++;
            }
            else if (ListMarkerLength(line[position..]) is > 0 and var length)
            {
                position += length;
                column += length;
                var contentColumn = SkipSpaces(line, ref position, column);
                indents.Add(contentColumn == column ? column + 1 : Math.Min(contentColumn, column + 4));
                column = contentColumn;
            }
            else
            {
                break;
            }

            column = SkipSpaces(line, ref position, column);
            if (indents.Count + quotes > Limit)
            // Stryker disable once Block : as the break below
            {
                // Stryker disable once Statement : the break only stops counting a line already past the limit; its count stays past it
                break;
            }
        }

        return indents.Count + quotes;
    }

    private static int SkipSpaces(ReadOnlySpan<char> line, ref int position, int column)
    {
        while (position < line.Length && line[position] is ' ' or '\t' or '\r')
        {
            column = line[position] == '\t' ? column + 4 - (column % 4) : column + 1;
            position++;
        }

        return column;
    }

    /// <summary>The length of a bullet (<c>-</c>, <c>*</c>, <c>+</c>) or ordered-list marker (<c>1.</c>, <c>1)</c>) followed by a space or the line end; 0 if none.</summary>
    private static int ListMarkerLength(ReadOnlySpan<char> rest)
    {
        var length = 0;
        if (rest[0] is '-' or '*' or '+')
        {
            length = 1;
        }
        else
        {
            while (length < rest.Length && length < 9 && char.IsAsciiDigit(rest[length]))
            {
                length++;
            }

            if (length == 0 || length >= rest.Length || rest[length] is not ('.' or ')'))
            {
                return 0;
            }

            length++;
        }

        return length == rest.Length || rest[length] is ' ' or '\t' or '\r' ? length : 0;
    }

    /// <summary>A line of three or more <c>-</c>, <c>*</c> or <c>_</c> (spaces between allowed) is a rule, not nested lists.</summary>
    private static bool IsThematicBreak(ReadOnlySpan<char> rest)
    {
        var trimmed = rest.TrimEnd();
        var marker = trimmed[0];
        if (marker is not ('-' or '*' or '_'))
        {
            return false;
        }

        var count = 0;
        foreach (var c in trimmed)
        {
            if (c == marker)
            {
                count++;
            }
            else if (c is not (' ' or '\t'))
            {
                return false;
            }
        }

        return count >= 3;
    }
}
