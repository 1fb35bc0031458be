using System.Text.RegularExpressions;

namespace BfReleaseNotes.Cli.Tests.Check;

/// <summary>
/// The shallow-clone advice, verified: on real depth-limited clones of a bare origin (made as GitLab Runner makes
/// them), the check cannot decide, and every command its message suggests, run as written, lets the next check
/// decide. Fetching only the target branch, which the old advice said, is shown not to.
/// </summary>
public sealed partial class ShallowCloneTests : IDisposable
{
    private readonly GitLabRemote _remote = new();

    public void Dispose() => _remote.Dispose();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Each_suggested_command_lets_the_check_decide_in_a_depth_limited_clone(bool withTargetBranch)
    {
        var clone = _remote.RunnerClone("probe", 20, withTargetBranch);
        var first = Check(clone);
        var commands = SuggestedCommands(first.Error);

        Assert.Equal(2, first.ExitCode);
        Assert.Contains("shallow", first.Error, StringComparison.Ordinal);
        Assert.Contains("(GIT_DEPTH 20)", first.Error, StringComparison.Ordinal);
        Assert.Equal(["git fetch --unshallow", "git fetch --deepen=100"], commands);
        foreach (var command in commands)
        {
            var fresh = _remote.RunnerClone($"try-{commands.IndexOf(command)}", 20, withTargetBranch);
            var run = first;
            // "repeated while the check still says this": a few rounds at most for this 25-commit merge request.
            for (var round = 0; round < 3 && run.ExitCode == 2; round++)
            {
                _remote.Shell.Must(fresh, command);
                run = Check(fresh);
            }

            Assert.True(run.ExitCode == 0, $"after `{command}` the check still says: {run.Error}");
            Assert.StartsWith("check passed (notes updated)", run.Out, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Fetching_only_the_target_branch_does_not_reach_the_merge_base()
    {
        var clone = _remote.RunnerClone("target-only", 20, withTargetBranch: false);

        _remote.Shell.Must(clone, "git fetch -q origin +refs/heads/main:refs/remotes/origin/main && git fetch -q --depth=1000 origin main");
        var run = Check(clone);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("fetching only the target branch does not reach it", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_full_clone_decides_at_once()
    {
        var clone = _remote.RunnerClone("full", 0, withTargetBranch: true);

        var run = Check(clone);

        Assert.Equal(0, run.ExitCode);
    }

    /// <summary>Every <c>git fetch ...</c> command the message quotes between backticks.</summary>
    internal static List<string> SuggestedCommands(string message) => [.. FetchCommand().Matches(message).Select(match => match.Groups[1].Value).Distinct()];

    private CheckRun Check(string clone) =>
        CheckRun.In(Path.Combine(_remote.Shell.Root, clone), _remote.Variables(20));

    [GeneratedRegex("`(git fetch[^`]*)`")]
    private static partial Regex FetchCommand();
}
