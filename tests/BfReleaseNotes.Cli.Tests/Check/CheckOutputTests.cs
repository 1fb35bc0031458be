using ApprovalTests;

namespace BfReleaseNotes.Cli.Tests.Check;

/// <summary>What a developer reads in the job log, approved as a whole (commit ids replaced by names).</summary>
public sealed class CheckOutputTests : IDisposable
{
    private readonly GitTestRepository _repo = new();

    public void Dispose() => _repo.Dispose();

    [Fact]
    public void A_merge_request_that_breaks_every_rule_explains_each_failure()
    {
        _repo.Write(Notes.UnreleasedPath, Notes.Unreleased(["Search no longer ignores accented letters."]))
            .Write("release-notes/1.0.0.md", Notes.Published("1.0.0", ["The first fix."]))
            .Write("src/App.cs", "class App { }\n");
        var start = _repo.Commit("Start");
        _repo.Branch("feature")
            .Write(Notes.UnreleasedPath, Notes.Unreleased(["Exports no longer time out."]).Replace("### Fixed", "### Fixd", StringComparison.Ordinal))
            .Write("release-notes/1.0.0.md", Notes.Published("1.0.0", ["The first fix, reworded."]))
            .Write("src/App.cs", "class App { int Export; }\n");
        var head = _repo.Commit("Fix exports\n\nRelease-Notes: none\n");
        var environment = new Dictionary<string, string>
        {
            ["CI_MERGE_REQUEST_DIFF_BASE_SHA"] = start,
            ["CI_COMMIT_SHA"] = head,
            ["CI_MERGE_REQUEST_LABELS"] = "bug,needs review",
            ["CI_MERGE_REQUEST_DESCRIPTION"] = "Fixes #42.",
        };

        var run = CheckRun.In(_repo.Path, environment);

        Assert.Equal(1, run.ExitCode);
        var log = $"exit code: {run.ExitCode}\n\nstdout:\n{run.Out}\nstderr:\n{run.Error}"
            .Replace(start, "<base>", StringComparison.Ordinal).Replace(start[..8], "<base>", StringComparison.Ordinal)
            .Replace(head, "<head>", StringComparison.Ordinal).Replace(head[..8], "<head>", StringComparison.Ordinal);
        Approvals.VerifyWithExtension(log, ".txt");
    }
}
