using System.Text;
using DiffPlex;
using DiffPlex.Model;

namespace BfReleaseNotes.Merging;

/// <summary>
/// A three-way merge of lines, as <c>git merge-file</c> does it: regions only one side changed take that side,
/// regions both changed the same way are taken once, and regions changed differently are a conflict (markers) or,
/// with <see cref="LineMergeFavor.Union"/>, both versions, ours first. The diff3 alignment is DiffPlex's; lines
/// keep their line endings, so unchanged bytes stay as they were.
/// </summary>
public static class LineMerger
{
    /// <summary>The length of git's conflict markers (<c>&lt;&lt;&lt;&lt;&lt;&lt;&lt;</c>).</summary>
    public const int MarkerSize = 7;

    /// <summary>Merges <paramref name="theirs"/> into <paramref name="ours"/>, both derived from <paramref name="baseText"/>.</summary>
    /// <param name="baseText">The common ancestor.</param>
    /// <param name="ours">Our version (git's <c>%A</c>).</param>
    /// <param name="theirs">Their version (git's <c>%B</c>).</param>
    /// <param name="favor">Markers or union for conflicting regions.</param>
    /// <param name="oursLabel">The label after <c>&lt;&lt;&lt;&lt;&lt;&lt;&lt;</c>.</param>
    /// <param name="theirsLabel">The label after <c>&gt;&gt;&gt;&gt;&gt;&gt;&gt;</c>.</param>
    /// <example><code>var merged = LineMerger.Merge(baseText, ours, theirs, LineMergeFavor.Union);</code></example>
    public static LineMergeResult Merge(string baseText, string ours, string theirs, LineMergeFavor favor, string oursLabel = "ours", string theirsLabel = "theirs")
    {
        // Stryker disable once Statement : DiffPlex names the same parameter when the base is null
        ArgumentNullException.ThrowIfNull(baseText);
        ArgumentNullException.ThrowIfNull(ours);
        ArgumentNullException.ThrowIfNull(theirs);

        // Shortcuts only: the diff gives the same text for each of these.
        // Stryker disable once Block : a shortcut
        if (ours == theirs)
        {
            return new LineMergeResult(ours, 0);
        }

        // Stryker disable once Block : a shortcut
        if (baseText == ours)
        {
            return new LineMergeResult(theirs, 0);
        }

        // Stryker disable once Block : a shortcut
        if (baseText == theirs)
        {
            return new LineMergeResult(ours, 0);
        }

        var diff = ThreeWayDiffer.Instance.CreateDiffs(baseText, ours, theirs, ignoreWhiteSpace: false, ignoreCase: false, new LineKeepingChunker());
        // Stryker disable once Linq : the capacity is a hint; a smaller one only grows the buffer.
        var output = new StringBuilder(Math.Max(ours.Length, theirs.Length));
        var eol = ours.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var conflicts = 0;
        foreach (var block in diff.DiffBlocks)
        {
            switch (block.ChangeType)
            {
                case ThreeWayChangeType.Unchanged:
                case ThreeWayChangeType.OldOnly:
                case ThreeWayChangeType.BothSame:
                    Append(output, diff.PiecesOld, block.OldStart, block.OldCount);
                    break;
                case ThreeWayChangeType.NewOnly:
                    Append(output, diff.PiecesNew, block.NewStart, block.NewCount);
                    break;
                default:
                    conflicts++;
                    if (favor == LineMergeFavor.Union)
                    {
                        Append(output, diff.PiecesOld, block.OldStart, block.OldCount);
                        // As git's union: ours' lines end with a line ending, even when theirs deleted the region.
                        EndLine(output, eol);
                        Append(output, diff.PiecesNew, block.NewStart, block.NewCount);
                    }
                    else
                    {
                        // Stryker disable once Statement : only a file's last line lacks a line ending, and no region follows it
                        EndLine(output, eol);
                        output.Append('<', MarkerSize).Append(' ').Append(oursLabel).Append(eol);
                        Append(output, diff.PiecesOld, block.OldStart, block.OldCount);
                        EndLine(output, eol);
                        output.Append('=', MarkerSize).Append(eol);
                        Append(output, diff.PiecesNew, block.NewStart, block.NewCount);
                        EndLine(output, eol);
                        output.Append('>', MarkerSize).Append(' ').Append(theirsLabel).Append(eol);
                    }

                    break;
            }
        }

        return new LineMergeResult(output.ToString(), conflicts);
    }

    private static void Append(StringBuilder output, IReadOnlyList<string> pieces, int start, int count)
    {
        for (var i = start; i < start + count; i++)
        {
            output.Append(pieces[i]);
        }
    }

    /// <summary>A marker or the other side's lines must start on a line of their own, even after a last line without one.</summary>
    private static void EndLine(StringBuilder output, string eol)
    {
        if (output.Length > 0 && output[^1] != '\n')
        {
            output.Append(eol);
        }
    }

    /// <summary>Splits text into lines that keep their line endings, so joining the pieces gives the bytes back.</summary>
    private sealed class LineKeepingChunker : IChunker
    {
        public IReadOnlyList<string> Chunk(string text)
        {
            var lines = new List<string>();
            var start = 0;
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] == '\n')
                {
                    lines.Add(text[start..(i + 1)]);
                    start = i + 1;
                }
            }

            // Stryker disable once Equality : an empty last piece is the same in all three texts and adds nothing
            if (start < text.Length)
            {
                lines.Add(text[start..]);
            }

            return lines;
        }
    }
}
