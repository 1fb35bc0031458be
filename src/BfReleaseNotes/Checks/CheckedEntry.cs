namespace BfReleaseNotes.Checks;

/// <summary>An entry the check reports: where it is (at head for added ones, at base for removed ones) and its text.</summary>
/// <param name="File">The repository-relative file.</param>
/// <param name="Line">Its first line in that file.</param>
/// <param name="Place">Its section, e.g. <c>Public &gt; Fixed</c> or <c>Internal &gt; Added &gt; flag new-editor</c>.</param>
/// <param name="Content">The entry's text without its final line ending.</param>
public sealed record CheckedEntry(string File, int Line, string Place, string Content);
