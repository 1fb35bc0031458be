namespace BfReleaseNotes.Checks;

/// <summary>How a published release file was changed by the range.</summary>
public enum PublishedChangeKind
{
    /// <summary>Its content changed.</summary>
    Modified,

    /// <summary>It was deleted (or renamed away).</summary>
    Deleted,

    /// <summary>It moved to another folder (the notes folder moved) with its content unchanged.</summary>
    Moved,

    /// <summary>It was added but is not a release (see <see cref="PublishedFileChange.Detail"/>).</summary>
    Added,
}
