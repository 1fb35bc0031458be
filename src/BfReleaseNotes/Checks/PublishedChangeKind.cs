namespace BfReleaseNotes.Checks;

/// <summary>How a published release file was changed by the range.</summary>
public enum PublishedChangeKind
{
    /// <summary>Its content changed.</summary>
    Modified,

    /// <summary>It was deleted (or renamed away).</summary>
    Deleted,
}
