using BfReleaseNotes.Checks;

namespace BfReleaseNotes.Tests.Checks;

/// <summary>GitLab's merge-request pipeline variables turned into a check request, for every pipeline type.</summary>
public class GitLabPipelineTests
{
    private const string Target = "1111111111111111111111111111111111111111";
    private const string DiffBase = "2222222222222222222222222222222222222222";
    private const string Commit = "3333333333333333333333333333333333333333";

    [Theory]
    [InlineData("merged_result")]
    [InlineData("merge_train")]
    public void Merged_results_and_merge_trains_compare_with_the_target_branch_commit(string eventType)
    {
        var request = Pipeline(("CI_MERGE_REQUEST_EVENT_TYPE", eventType)).ToCheckRequest("/repo");

        Assert.Equal(new RevisionChoice(Target, "CI_MERGE_REQUEST_TARGET_BRANCH_SHA"), request.Base);
        Assert.Equal(new RevisionChoice(Commit, "CI_COMMIT_SHA"), request.Head);
    }

    [Fact]
    public void A_merge_train_without_the_target_sha_compares_with_the_first_parent()
    {
        var request = GitLabPipeline.FromEnvironment(Variables(("CI_MERGE_REQUEST_EVENT_TYPE", "merge_train"), ("CI_COMMIT_SHA", Commit))).ToCheckRequest("/repo");

        Assert.Equal(new RevisionChoice(Commit + "^1", "the first parent of the merge-train commit"), request.Base);
        Assert.Null(request.TargetBranchCommit);
    }

    [Fact]
    public void A_detached_pipeline_compares_with_the_diff_base_and_keeps_the_target_for_detection()
    {
        var request = Pipeline(("CI_MERGE_REQUEST_EVENT_TYPE", "detached")).ToCheckRequest("/repo");

        Assert.Equal(new RevisionChoice(DiffBase, "CI_MERGE_REQUEST_DIFF_BASE_SHA"), request.Base);
        Assert.Equal(new RevisionChoice(Target, "CI_MERGE_REQUEST_TARGET_BRANCH_SHA"), request.TargetBranchCommit);
    }

    [Theory]
    [InlineData("main", null, "origin/main", "CI_MERGE_REQUEST_TARGET_BRANCH_NAME")]
    [InlineData(null, "trunk", "origin/trunk", "CI_DEFAULT_BRANCH")]
    [InlineData(null, null, "origin/main", "the default base origin/main")]
    public void Without_commit_ids_the_base_is_a_remote_branch(string? targetName, string? defaultBranch, string revision, string source)
    {
        var request = GitLabPipeline.FromEnvironment(Variables(("CI_MERGE_REQUEST_TARGET_BRANCH_NAME", targetName), ("CI_DEFAULT_BRANCH", defaultBranch))).ToCheckRequest("/repo");

        Assert.Equal(new RevisionChoice(revision, source), request.Base);
        Assert.Equal(new RevisionChoice("HEAD", "HEAD"), request.Head);
    }

    [Fact]
    public void Options_win_and_an_explicit_base_turns_detection_off()
    {
        var overrides = new CheckOverrides { Base = "origin/release", Head = "HEAD~1", Folder = "docs/notes", Labels = "a, b c ,", Description = "given" };

        var request = Pipeline(("CI_MERGE_REQUEST_EVENT_TYPE", "merged_result"), ("CI_MERGE_REQUEST_DESCRIPTION_IS_TRUNCATED", "true")).ToCheckRequest("/repo", overrides);

        Assert.Equal(new RevisionChoice("origin/release", "--base"), request.Base);
        Assert.Equal(new RevisionChoice("HEAD~1", "--head"), request.Head);
        Assert.Null(request.TargetBranchCommit);
        Assert.Equal("docs/notes", request.Folder);
        Assert.Equal(["a", "b c"], request.Labels.ToArray());
        Assert.Equal("given", request.Description);
        Assert.False(request.DescriptionTruncated);
    }

    [Fact]
    public void Labels_description_truncation_depth_and_api_are_read()
    {
        var pipeline = Pipeline(
            ("CI_MERGE_REQUEST_LABELS", "needs review,release-notes::none, Priority High "),
            ("CI_MERGE_REQUEST_DESCRIPTION", "text"),
            ("CI_MERGE_REQUEST_DESCRIPTION_IS_TRUNCATED", "TRUE"),
            ("GIT_DEPTH", "20"),
            ("CI_API_V4_URL", "https://gitlab.example.com/api/v4"),
            ("CI_JOB_TOKEN", "secret"));

        var request = pipeline.ToCheckRequest("/repo");

        Assert.Equal(["needs review", "release-notes::none", "Priority High"], request.Labels.ToArray());
        Assert.Equal("text", request.Description);
        Assert.True(request.DescriptionTruncated);
        Assert.Equal(20, request.CloneDepth);
        Assert.Equal("https://gitlab.example.com/api/v4", pipeline.Api.ApiUrl);
        Assert.Equal(new GitLab.GitLabToken("JOB-TOKEN", "CI_JOB_TOKEN", "secret"), pipeline.Api.Token);
        // The flag registry of the check reads GitLab through the same variables.
        Assert.Same(pipeline.Api, request.FlagRegistryReader!.GitLab);
        Assert.DoesNotContain("secret", pipeline.ToString(), StringComparison.Ordinal);
        Assert.True(pipeline.HeadIsMergeCommit is false);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("deep")]
    [InlineData("")]
    public void A_full_or_unreadable_depth_is_no_depth(string depth)
    {
        Assert.Null(Pipeline(("GIT_DEPTH", depth)).GitDepth);
    }

    private static GitLabPipeline Pipeline(params (string Name, string? Value)[] extra) =>
        GitLabPipeline.FromEnvironment(Variables([
            ("CI_COMMIT_SHA", Commit),
            ("CI_MERGE_REQUEST_TARGET_BRANCH_SHA", Target),
            ("CI_MERGE_REQUEST_DIFF_BASE_SHA", DiffBase),
            ("CI_MERGE_REQUEST_TARGET_BRANCH_NAME", "main"),
            .. extra]));

    private static Dictionary<string, string> Variables(params (string Name, string? Value)[] variables)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in variables)
        {
            if (value is not null)
            {
                result[name] = value;
            }
        }

        return result;
    }
}

public class GitLabPipelineTokenTests
{
    [Fact]
    public void The_job_token_is_never_printed()
    {
        var pipeline = GitLabPipeline.FromEnvironment(new Dictionary<string, string> { ["CI_JOB_TOKEN"] = "glcbt-secret", ["CI_COMMIT_SHA"] = "abc" });

        var text = pipeline.ToString();

        Assert.DoesNotContain("glcbt-secret", text, StringComparison.Ordinal);
        Assert.Contains("Token = (hidden, from CI_JOB_TOKEN)", text, StringComparison.Ordinal);
        Assert.Contains("CommitSha = abc", text, StringComparison.Ordinal);
    }
}
