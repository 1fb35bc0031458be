namespace BfReleaseNotes.Checks;

/// <summary>A commit of the checked range.</summary>
/// <param name="Sha">Its full id.</param>
/// <param name="Message">Its full message.</param>
public sealed record RangeCommit(string Sha, string Message);
