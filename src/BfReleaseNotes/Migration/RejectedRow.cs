namespace BfReleaseNotes.Migration;

/// <summary>A row (or an Internal item of a release row) that is not in any published file.</summary>
/// <param name="Row">The data row number (1 is the first row after the header).</param>
/// <param name="Line">The line of the export where the row starts (rows may span lines).</param>
/// <param name="TaskId">The task id, or empty.</param>
/// <param name="Reason">A <see cref="RejectReason"/> code.</param>
/// <param name="Detail">What exactly was wrong, quoting the value.</param>
public sealed record RejectedRow(long Row, long Line, string TaskId, string Reason, string Detail);
