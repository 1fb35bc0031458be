namespace BfReleaseNotes.Checks;

/// <summary>What <see cref="OptOut.Scan(string?, string?)"/> found in a text.</summary>
/// <param name="Reason">The reason of the first valid opt-out line, or null.</param>
/// <param name="Line">That line as written, or null.</param>
/// <param name="Rejected">The first opt-out line without a real reason (empty or a placeholder), as written; null when none.</param>
public sealed record OptOutScan(string? Reason, string? Line, string? Rejected);
