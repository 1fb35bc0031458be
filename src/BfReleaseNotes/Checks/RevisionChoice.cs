namespace BfReleaseNotes.Checks;

/// <summary>A revision to resolve, and where it came from (for messages: <c>--base</c>, <c>CI_MERGE_REQUEST_DIFF_BASE_SHA</c>...).</summary>
/// <param name="Revision">A commit id, branch, tag or expression such as <c>HEAD~1</c>.</param>
/// <param name="Source">Where the value came from, quoted in every message about it.</param>
public sealed record RevisionChoice(string Revision, string Source);
