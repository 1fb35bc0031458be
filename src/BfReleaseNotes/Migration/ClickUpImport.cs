using System.Collections.Immutable;

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
/// <param name="Warnings">What was kept but is worth a look (default types, escaped HTML, text-twin dates), in row order.</param>
/// <param name="RejectsCsv">The rejects file: row, line, task id, reason, detail, then the row's original fields.</param>
public sealed record ClickUpImport(
    HistoryShape Shape,
    long Rows,
    long ImportedRows,
    ImmutableArray<ImportedRelease> Releases,
    ImmutableArray<RejectedRow> Rejects,
    ImmutableArray<string> Warnings,
    string RejectsCsv)
{
    /// <summary>The rejected rows (Internal items of imported rows not counted).</summary>
    public long RejectedRows => Rejects.LongCount(reject => reject.Reason != RejectReason.InternalItem);

    /// <summary>True when rows = imported + rejected.</summary>
    public bool IsBalanced => Rows == ImportedRows + RejectedRows;

    /// <summary>Rejected rows by reason, reasons in ordinal order (Internal items under their own reason).</summary>
    public ImmutableArray<(string Reason, int Count)> RejectsByReason =>
        [.. Rejects.GroupBy(reject => reject.Reason, StringComparer.Ordinal).OrderBy(group => group.Key, StringComparer.Ordinal)
            .Select(group => (group.Key, group.Count()))];
}
