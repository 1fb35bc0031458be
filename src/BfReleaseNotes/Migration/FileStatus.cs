namespace BfReleaseNotes.Migration;

/// <summary>How a planned file stands against the disk.</summary>
public enum FileStatus
{
    /// <summary>No file there yet.</summary>
    New,

    /// <summary>The file there has the same bytes; it is not written again.</summary>
    Unchanged,

    /// <summary>The file there differs and is replaced (<c>--force</c>, or the rejects report).</summary>
    Replaced,

    /// <summary>A published file there says something else; nothing is written.</summary>
    Conflict,
}
