namespace BfReleaseNotes.History;

/// <summary>What <see cref="NoteExporter.Show"/> found.</summary>
public enum ShowStatus
{
    /// <summary>The note is ready (exit 0).</summary>
    Shown,

    /// <summary>The version is not a version, or no such release is published (exit 2: the command could not run).</summary>
    NotFound,

    /// <summary>The published file has errors; it is not shown (exit 1).</summary>
    Invalid,
}
