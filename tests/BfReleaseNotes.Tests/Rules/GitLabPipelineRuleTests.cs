using BfReleaseNotes.Checks;

namespace BfReleaseNotes.Tests.Rules;

/// <summary>
/// What a pipeline prints in logs (every variable that matters, the token's source but never its value) and its
/// refusal of missing inputs.
/// </summary>
public sealed class GitLabPipelineRuleTests
{
    [Fact]
    public void A_pipeline_prints_every_variable_and_only_the_source_of_its_token()
    {
        var pipeline = GitLabPipeline.FromEnvironment(new Dictionary<string, string>
        {
            ["CI_MERGE_REQUEST_EVENT_TYPE"] = "merged_result",
            ["CI_COMMIT_SHA"] = "abc",
            ["CI_MERGE_REQUEST_TARGET_BRANCH_SHA"] = "def",
            ["CI_MERGE_REQUEST_DIFF_BASE_SHA"] = "012",
            ["CI_MERGE_REQUEST_TARGET_BRANCH_NAME"] = "main",
            ["CI_DEFAULT_BRANCH"] = "trunk",
            ["CI_MERGE_REQUEST_LABELS"] = "bug,team a",
            ["CI_MERGE_REQUEST_DESCRIPTION_IS_TRUNCATED"] = "true",
            ["GIT_DEPTH"] = "20",
            ["CI_API_V4_URL"] = "https://gitlab.example/api/v4",
            ["GITLAB_TOKEN"] = "glpat-secret",
        });

        Assert.Equal(
            "GitLabPipeline { EventType = merged_result, CommitSha = abc, TargetBranchSha = def, DiffBaseSha = 012, TargetBranchName = main, " +
            "DefaultBranch = trunk, Labels = [bug, team a], DescriptionTruncated = True, GitDepth = 20, ApiUrl = https://gitlab.example/api/v4, " +
            "Token = (hidden, from GITLAB_TOKEN) }",
            pipeline.ToString());
    }

    [Fact]
    public void A_pipeline_without_a_token_says_so()
    {
        var pipeline = GitLabPipeline.FromEnvironment(new Dictionary<string, string>());

        Assert.Equal(
            "GitLabPipeline { EventType = , CommitSha = , TargetBranchSha = , DiffBaseSha = , TargetBranchName = , DefaultBranch = , Labels = [], " +
            "DescriptionTruncated = False, GitDepth = , ApiUrl = , Token = (none) }",
            pipeline.ToString());
    }

    [Fact]
    public void Null_arguments_are_refused()
    {
        Assert.Throws<ArgumentNullException>(() => GitLabPipeline.FromEnvironment((Func<string, string?>)null!));
        Assert.Throws<ArgumentNullException>(() => GitLabPipeline.FromEnvironment((IReadOnlyDictionary<string, string>)null!));
        Assert.Throws<ArgumentNullException>(() => new GitLabPipeline().ToCheckRequest(null!));
    }
}
