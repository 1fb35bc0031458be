using System.Collections.Immutable;
using System.Globalization;

namespace BfReleaseNotes.Checks;

/// <summary>
/// GitLab CI's predefined variables that matter to release notes, typed: which kind of merge-request pipeline runs,
/// its commits, the merge request's labels and description, the clone depth, and the API address and job token (for
/// clients that call GitLab, such as a feature-flag registry). <see cref="ToCheckRequest"/> holds the rules that turn
/// them into a check, so any runner (the CLI, another tool) gets the same base, head, labels and description.
/// </summary>
/// <example>
/// <code>
/// var pipeline = GitLabPipeline.FromEnvironment(name => Environment.GetEnvironmentVariable(name));
/// var result = MergeRequestChecker.Check(pipeline.ToCheckRequest("."));
/// </code>
/// </example>
public sealed record GitLabPipeline
{
    /// <summary>The event types of merge-request pipelines whose head is a merge commit GitLab built on the target branch.</summary>
    public static readonly ImmutableArray<string> MergeCommitEventTypes = ["merged_result", "merge_train"];

    /// <summary><c>CI_MERGE_REQUEST_EVENT_TYPE</c>: <c>detached</c>, <c>merged_result</c> or <c>merge_train</c>; null outside merge-request pipelines.</summary>
    public string? EventType { get; init; }

    /// <summary><c>CI_COMMIT_SHA</c>: the commit the pipeline runs for (a merge commit in merged-results and merge-train pipelines).</summary>
    public string? CommitSha { get; init; }

    /// <summary><c>CI_MERGE_REQUEST_TARGET_BRANCH_SHA</c>: the target branch's commit that a merged result or merge train was built on.</summary>
    public string? TargetBranchSha { get; init; }

    /// <summary><c>CI_MERGE_REQUEST_DIFF_BASE_SHA</c>: the base commit of the merge request's diff.</summary>
    public string? DiffBaseSha { get; init; }

    /// <summary><c>CI_MERGE_REQUEST_TARGET_BRANCH_NAME</c>.</summary>
    public string? TargetBranchName { get; init; }

    /// <summary><c>CI_DEFAULT_BRANCH</c>.</summary>
    public string? DefaultBranch { get; init; }

    /// <summary><c>CI_MERGE_REQUEST_LABELS</c>, split at commas (spaces inside a label are kept).</summary>
    public ImmutableArray<string> Labels { get; init; } = [];

    /// <summary><c>CI_MERGE_REQUEST_DESCRIPTION</c>, or null when unset.</summary>
    public string? Description { get; init; }

    /// <summary><c>CI_MERGE_REQUEST_DESCRIPTION_IS_TRUNCATED</c>: GitLab cut the description (at 2,700 characters).</summary>
    public bool DescriptionTruncated { get; init; }

    /// <summary><c>GIT_DEPTH</c>: the clone depth the job asked for; null when unset or 0 (a full clone).</summary>
    public int? GitDepth { get; init; }

    /// <summary>
    /// Where GitLab's API is and the token to call it with (<c>CI_API_V4_URL</c>, <c>CI_PROJECT_ID</c>,
    /// <c>GITLAB_TOKEN</c> or <c>CI_JOB_TOKEN</c>), read by the one reader the API clients use, so the check's
    /// flag registry lookup sees exactly what <c>flags check</c> sees.
    /// </summary>
    public GitLab.GitLabCiEnvironment Api { get; init; } = GitLab.GitLabCiEnvironment.None;

    /// <summary>True when the pipeline's head is a merge commit GitLab built on the target branch (merged results, merge trains).</summary>
    public bool HeadIsMergeCommit => EventType is not null && MergeCommitEventTypes.Contains(EventType);

    /// <summary>The variables for logs; the job token is never shown.</summary>
    public override string ToString() =>
        $"GitLabPipeline {{ EventType = {EventType}, CommitSha = {CommitSha}, TargetBranchSha = {TargetBranchSha}, DiffBaseSha = {DiffBaseSha}, " +
        $"TargetBranchName = {TargetBranchName}, DefaultBranch = {DefaultBranch}, Labels = [{string.Join(", ", Labels)}], DescriptionTruncated = {DescriptionTruncated}, " +
        $"GitDepth = {GitDepth}, ApiUrl = {Api.ApiUrl}, Token = {(Api.Token is null ? "(none)" : $"(hidden, from {Api.Token.Variable})")} }}";

    /// <summary>Reads the variables through <paramref name="variable"/> (unset and empty values are the same).</summary>
    public static GitLabPipeline FromEnvironment(Func<string, string?> variable)
    {
        ArgumentNullException.ThrowIfNull(variable);
        string? Read(string name) => variable(name) is { Length: > 0 } value ? value : null;
        return new GitLabPipeline
        {
            EventType = Read("CI_MERGE_REQUEST_EVENT_TYPE"),
            CommitSha = Read("CI_COMMIT_SHA"),
            TargetBranchSha = Read("CI_MERGE_REQUEST_TARGET_BRANCH_SHA"),
            DiffBaseSha = Read("CI_MERGE_REQUEST_DIFF_BASE_SHA"),
            TargetBranchName = Read("CI_MERGE_REQUEST_TARGET_BRANCH_NAME"),
            DefaultBranch = Read("CI_DEFAULT_BRANCH"),
            Labels = SplitLabels(Read("CI_MERGE_REQUEST_LABELS")),
            Description = Read("CI_MERGE_REQUEST_DESCRIPTION"),
            DescriptionTruncated = string.Equals(Read("CI_MERGE_REQUEST_DESCRIPTION_IS_TRUNCATED"), "true", StringComparison.OrdinalIgnoreCase),
            GitDepth = int.TryParse(Read("GIT_DEPTH"), NumberStyles.None, CultureInfo.InvariantCulture, out var depth) && depth > 0 ? depth : null,
            Api = GitLab.GitLabCiEnvironment.FromVariables(variable),
        };
    }

    /// <summary>Reads the variables from a dictionary (e.g. a process's environment).</summary>
    public static GitLabPipeline FromEnvironment(IReadOnlyDictionary<string, string> variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        return FromEnvironment(name => variables.TryGetValue(name, out var value) ? value : null);
    }

    /// <summary>Splits a comma-separated label list as GitLab writes it; spaces around a label are trimmed, inside kept.</summary>
    public static ImmutableArray<string> SplitLabels(string? labels) =>
        labels is null ? [] : [.. labels.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];

    /// <summary>
    /// The check for this pipeline, each value taken from <paramref name="overrides"/> first, then from the variables:
    /// <list type="bullet">
    /// <item>head: <c>CI_COMMIT_SHA</c>, else <c>HEAD</c>;</item>
    /// <item>base: in merged-results and merge-train pipelines the target branch's commit (<c>CI_MERGE_REQUEST_TARGET_BRANCH_SHA</c>,
    /// else head's first parent), so what other merge requests did on the target is not this one's; else
    /// <c>CI_MERGE_REQUEST_DIFF_BASE_SHA</c>, else <c>origin/</c> the target branch, the default branch or <c>main</c>.
    /// Whatever the event type says, when the target SHA is set and head turns out to be a merge commit whose first
    /// parent is it, the checker compares with it (<see cref="CheckRequest.TargetBranchCommit"/>);</item>
    /// <item>labels, description and its truncation, and the clone depth for advice.</item>
    /// </list>
    /// </summary>
    public CheckRequest ToCheckRequest(string repositoryPath, CheckOverrides? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(repositoryPath);
        overrides ??= new CheckOverrides();
        var head = overrides.Head is not null ? new RevisionChoice(overrides.Head, "--head")
            : CommitSha is not null ? new RevisionChoice(CommitSha, "CI_COMMIT_SHA")
            : new RevisionChoice("HEAD", "HEAD");
        var baseChoice = overrides.Base is not null ? new RevisionChoice(overrides.Base, "--base") : ChooseBase(head);
        var target = overrides.Base is null && TargetBranchSha is not null ? new RevisionChoice(TargetBranchSha, "CI_MERGE_REQUEST_TARGET_BRANCH_SHA") : null;
        var fromOptions = overrides.Description is not null;
        return new CheckRequest(repositoryPath, baseChoice, head)
        {
            Folder = overrides.Folder,
            Labels = overrides.Labels is not null ? SplitLabels(overrides.Labels) : Labels,
            Description = fromOptions ? overrides.Description : Description,
            DescriptionTruncated = !fromOptions && DescriptionTruncated,
            CloneDepth = GitDepth,
            TargetBranchCommit = target,
            FlagRegistryReader = new Flags.FlagRegistryReader { GitLab = Api },
        };
    }

    private RevisionChoice ChooseBase(RevisionChoice head)
    {
        if (HeadIsMergeCommit)
        {
            return TargetBranchSha is not null
                ? new RevisionChoice(TargetBranchSha, "CI_MERGE_REQUEST_TARGET_BRANCH_SHA")
                : new RevisionChoice(head.Revision + "^1", $"the first parent of the {EventType!.Replace('_', '-')} commit");
        }

        if (DiffBaseSha is not null)
        {
            return new RevisionChoice(DiffBaseSha, "CI_MERGE_REQUEST_DIFF_BASE_SHA");
        }

        // The checker compares head with the merge base of base and head, so a branch name works as a base.
        return TargetBranchName is not null ? new RevisionChoice("origin/" + TargetBranchName, "CI_MERGE_REQUEST_TARGET_BRANCH_NAME")
            : DefaultBranch is not null ? new RevisionChoice("origin/" + DefaultBranch, "CI_DEFAULT_BRANCH")
            : new RevisionChoice("origin/main", "the default base origin/main");
    }
}
