namespace BfReleaseNotes.Checks;

/// <summary>A published release file the range modified, deleted, moved, or added without it being a release.</summary>
/// <param name="File">The repository-relative path of the file at base (at head for an added file).</param>
/// <param name="Kind">What happened to it.</param>
public sealed record PublishedFileChange(string File, PublishedChangeKind Kind)
{
    /// <summary>Why it counts as a history change beyond its kind (where it moved, why an added file is no release); null when the kind says it all.</summary>
    public string? Detail { get; init; }

    /// <summary>The change in words: <c>release-notes/1.0.0.md is modified</c>.</summary>
    public override string ToString()
    {
        var verb = Kind switch
        {
            PublishedChangeKind.Deleted => "deleted",
            PublishedChangeKind.Moved => "moved",
            PublishedChangeKind.Added => "added",
            _ => "modified",
        };
        return Detail is null ? $"{File} is {verb}" : $"{File} is {verb} ({Detail})";
    }
}
