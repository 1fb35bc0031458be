namespace BfReleaseNotes.Checks;

/// <summary>
/// Values a user gave explicitly (command-line options), which win over GitLab's variables in
/// <see cref="GitLabPipeline.ToCheckRequest"/>. Every member is optional.
/// </summary>
public sealed record CheckOverrides
{
    /// <summary>The base revision (<c>--base</c>); also turns off the merge-commit detection.</summary>
    public string? Base { get; init; }

    /// <summary>The head revision (<c>--head</c>).</summary>
    public string? Head { get; init; }

    /// <summary>The release-notes folder (<c>--dir</c>).</summary>
    public string? Folder { get; init; }

    /// <summary>The labels, comma-separated as GitLab writes them (<c>--labels</c>).</summary>
    public string? Labels { get; init; }

    /// <summary>The description (<c>--description</c> or a file's text); a given description is never truncated.</summary>
    public string? Description { get; init; }
}
