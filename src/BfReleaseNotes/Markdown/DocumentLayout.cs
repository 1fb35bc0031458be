using System.Text;
using BfReleaseNotes.Model;

namespace BfReleaseNotes.Markdown;

/// <summary>
/// The text of a document and the character range each of its parts covers in it. Edits that must leave
/// every other byte alone are done as splices at these offsets, then the result is parsed again.
/// </summary>
internal sealed class DocumentLayout
{
    private readonly Dictionary<DocumentPart, (int Start, int End)> _ranges = new(ReferenceEqualityComparer.Instance);

    public DocumentLayout(ReleaseNotesDocument document)
    {
        var builder = new StringBuilder();
        foreach (var part in document.Preamble)
        {
            Add(part, builder);
        }

        foreach (var section in document.Sections)
        {
            var start = builder.Length;
            Add(section.Heading, builder);
            foreach (var part in section.Leading)
            {
                Add(part, builder);
            }

            foreach (var changeType in section.ChangeTypes)
            {
                var changeTypeStart = builder.Length;
                Add(changeType.Heading, builder);
                foreach (var part in changeType.Body)
                {
                    Add(part, builder);
                }

                foreach (var group in changeType.FlagGroups)
                {
                    var groupStart = builder.Length;
                    Add(group.Heading, builder);
                    foreach (var part in group.Body)
                    {
                        Add(part, builder);
                    }

                    _ranges[group] = (groupStart, builder.Length);
                }

                _ranges[changeType] = (changeTypeStart, builder.Length);
            }

            _ranges[section] = (start, builder.Length);
        }

        Text = builder.ToString();
    }

    public string Text { get; }

    public int Start(DocumentPart part) => _ranges[part].Start;

    public int End(DocumentPart part) => _ranges[part].End;

    /// <summary>Moves an offset that sits at a line start back over the blank lines before it.</summary>
    public int BeforeTrailingBlankLines(int offset)
    {
        while (offset > 0 && Text[offset - 1] == '\n')
        {
            // Stryker disable once Equality : at offset 2, '>' jumps to 0 over "\n\n" or " \n", where '>=' gets there in two blank steps
            var lineStart = offset >= 2 ? Text.LastIndexOf('\n', offset - 2) + 1 : 0;
            if (!string.IsNullOrWhiteSpace(Text[lineStart..offset]))
            {
                break;
            }

            offset = lineStart;
        }

        return offset;
    }

    /// <summary>
    /// Inserts a block (heading or entry lines) at a line-start offset, with one blank line before and after
    /// it where the surrounding text has none, so markdown reads it as its own block.
    /// </summary>
    public string InsertBlock(int offset, string block, string lineEnding)
    {
        var before = Text[..offset];
        var after = Text[offset..];
        var prefix = new StringBuilder();
        if (before.Length > 0)
        {
            if (!before.EndsWith('\n'))
            {
                prefix.Append(lineEnding);
                before += lineEnding;
            }

            if (!BlankLines.AtEnd(before))
            {
                prefix.Append(lineEnding);
            }
        }

        // Stryker disable once Equality : an empty rest counts as starting with a blank line, so the length test is a shortcut
        var suffix = after.Length > 0 && !StartsWithBlankLine(after) ? lineEnding : string.Empty;
        return Text[..offset] + prefix + block + suffix + after;
    }

    /// <summary>Inserts entry lines right after another entry (a tight list), adding only a missing line ending.</summary>
    public string InsertAfterEntry(int offset, string entry, string lineEnding)
    {
        var prefix = offset > 0 && Text[offset - 1] != '\n' ? lineEnding : string.Empty;
        return string.Concat(Text.AsSpan(0, offset), prefix, entry, Text.AsSpan(offset));
    }

    private static bool StartsWithBlankLine(string text)
    {
        var firstLineEnd = text.IndexOf('\n', StringComparison.Ordinal);
        var firstLine = firstLineEnd < 0 ? text : text[..firstLineEnd];
        return string.IsNullOrWhiteSpace(firstLine);
    }

    private void Add(DocumentPart part, StringBuilder builder)
    {
        var start = builder.Length;
        part.WriteTo(builder);
        _ranges[part] = (start, builder.Length);
    }
}
