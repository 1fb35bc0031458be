namespace BfReleaseNotes.Checks;

/// <summary>A published release file the range modified or deleted.</summary>
/// <param name="File">The repository-relative path of the file at base.</param>
/// <param name="Kind">Modified or deleted.</param>
public sealed record PublishedFileChange(string File, PublishedChangeKind Kind);
