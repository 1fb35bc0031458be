using System.Collections.Immutable;
using System.Text;

namespace BfReleaseNotes.Migration;

/// <summary>
/// The result of reading a ClickUp export: the published files to write and every row accounted for.
/// <see cref="IsBalanced"/> holds when each row is imported or rejected, exactly once.
/// </summary>
/// <param name="Shape">The history shape the mapping chose.</param>
/// <param name="Rows">The data rows read (the header not counted).</param>
/// <param name="ImportedRows">Rows that became at least one entry of a published file.</param>
/// <param name="Releases">One published file per release, oldest release first.</param>
/// <param name="Rejects">Rejected rows, and the Internal items of imported release rows, in row order.</param>
/// <param name="Warnings">What was kept but is worth a look (escaped HTML, text-twin dates, unsafe links), one summary per
/// kind with a count and the first examples; every single warning went to the import's callback.</param>
/// <param name="RejectsContent">The rejects file (UTF-8): row, line, task id, reason, detail, then the row's original
/// fields, each cell guarded against spreadsheet formulas (see <see cref="RejectsCsv"/>).</param>
public sealed record ClickUpImport(
    HistoryShape Shape,
    long Rows,
    long ImportedRows,
    ImmutableArray<ImportedRelease> Releases,
    ImmutableArray<RejectedRow> Rejects,
    ImmutableArray<ImportWarningGroup> Warnings,
    ImmutableArray<byte> RejectsContent)
{
    /// <summary>
    /// The rejects file as text. A cell that a spreadsheet would run as a formula (it starts with <c>=</c>, <c>+</c>,
    /// <c>-</c>, <c>@</c>, a tab or a CR) starts with an added <c>'</c>, and so does a cell that started with <c>'</c>:
    /// the original value is the cell without its first <c>'</c>, when it has one.
    /// </summary>
    public string RejectsCsv => Encoding.UTF8.GetString(RejectsContent.AsSpan());

    /// <summary>The number of warnings of every kind.</summary>
    public long WarningCount => Warnings.Sum(group => group.Count);

    /// <summary>The rejected rows (Internal items of imported rows not counted).</summary>
    public long RejectedRows => Rejects.LongCount(reject => reject.Reason != RejectReason.InternalItem);

    /// <summary>True when rows = imported + rejected.</summary>
    public bool IsBalanced => Rows == ImportedRows + RejectedRows;

    /// <summary>Rejected rows by reason, reasons in ordinal order (Internal items under their own reason).</summary>
    public ImmutableArray<(string Reason, int Count)> RejectsByReason =>
        [.. Rejects.GroupBy(reject => reject.Reason, StringComparer.Ordinal).OrderBy(group => group.Key, StringComparer.Ordinal)
            .Select(group => (group.Key, group.Count()))];
}
