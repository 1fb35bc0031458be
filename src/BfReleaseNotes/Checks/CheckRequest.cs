using System.Collections.Immutable;
using BfReleaseNotes.Flags;

namespace BfReleaseNotes.Checks;

/// <summary>
/// The already-resolved inputs of one check: the repository, the two revisions, the merge request's labels and
/// description. <see cref="GitLabPipeline.ToCheckRequest"/> fills it from options and GitLab's variables; the checker reads no environment.
/// </summary>
/// <param name="RepositoryPath">A folder inside the repository.</param>
/// <param name="Base">The base revision; the check compares head with the merge base of base and head.</param>
/// <param name="Head">The head revision (the merge request's last commit, or GitLab's merged-result commit).</param>
public sealed record CheckRequest(string RepositoryPath, RevisionChoice Base, RevisionChoice Head)
{
    /// <summary>The release-notes folder relative to the repository root; null takes it from the configuration, else <c>release-notes</c>.</summary>
    public string? Folder { get; init; }

    /// <summary>The merge request's labels (spaces inside a label are part of it).</summary>
    public ImmutableArray<string> Labels { get; init; } = [];

    /// <summary>The merge request's description, or null when unknown.</summary>
    public string? Description { get; init; }

    /// <summary>True when GitLab cut the description (at 2,700 characters): an opt-out line may be missing from it.</summary>
    public bool DescriptionTruncated { get; init; }

    /// <summary>The clone depth the CI job asked for (<c>GIT_DEPTH</c>), named in the shallow-clone advice; null when unknown.</summary>
    public int? CloneDepth { get; init; }

    /// <summary>
    /// Reads the feature-flag registry when the configuration names one (GitLab's variables and network behaviour
    /// live in it); null reads registry files only, so a GitLab registry then cannot be read and the check cannot decide.
    /// </summary>
    public FlagRegistryReader? FlagRegistryReader { get; init; }

    /// <summary>
    /// The target branch's commit GitLab may have merged head into (<c>CI_MERGE_REQUEST_TARGET_BRANCH_SHA</c>): when
    /// head is a merge commit whose first parent is this commit, the check compares head with it instead of
    /// <see cref="Base"/>, whatever the pipeline's event type said. Null turns the detection off.
    /// </summary>
    public RevisionChoice? TargetBranchCommit { get; init; }

    /// <summary>Compares field by field (the labels by content).</summary>
    public bool Equals(CheckRequest? other) =>
        other is not null && RepositoryPath == other.RepositoryPath && Base == other.Base && Head == other.Head && Folder == other.Folder &&
        Labels.SequenceEqual(other.Labels) && Description == other.Description && DescriptionTruncated == other.DescriptionTruncated && CloneDepth == other.CloneDepth &&
        TargetBranchCommit == other.TargetBranchCommit && ReferenceEquals(FlagRegistryReader, other.FlagRegistryReader);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(RepositoryPath, Base, Head, Folder, Labels.Length, Description);
}
