namespace BfReleaseNotes.Checks;

/// <summary>The two commits compared.</summary>
/// <param name="Base">The base revision and where it came from.</param>
/// <param name="BaseCommit">The commit the base names.</param>
/// <param name="MergeBaseCommit">The merge base of base and head: the commit actually compared with head.</param>
/// <param name="Head">The head revision and where it came from.</param>
/// <param name="HeadCommit">The commit the head names.</param>
public sealed record CheckRange(RevisionChoice Base, string BaseCommit, string MergeBaseCommit, RevisionChoice Head, string HeadCommit);
