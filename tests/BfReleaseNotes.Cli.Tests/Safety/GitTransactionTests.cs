using LibGit2Sharp;

namespace BfReleaseNotes.Cli.Tests.Safety;

/// <summary>
/// <c>promote --tag</c> on a real repository, failing or killed at each git step (objects, index, tag, branch
/// reference): before the branch moved, HEAD, the index, the tags and both files are as they were; after it, the
/// message says the commit exists and how to undo it; a re-run never makes a second release commit.
/// </summary>
public sealed class GitTransactionTests : IDisposable
{
    private readonly NotesFolder _folder = new(git: true);
    private readonly string _base;

    public GitTransactionTests()
    {
        var add = CliProcess.Run(_folder.Root, "add", "--section", "public", "--type", "fixed", "Exports no longer time out.");
        Assert.True(add.ExitCode == 0, add.Error);
        _base = _folder.CommitAll("Notes");
    }

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("git:objects")]
    [InlineData("git:index")]
    [InlineData("git:tag")]
    public void A_git_step_failing_before_the_branch_moves_leaves_head_index_tags_and_files_as_they_were(string step)
    {
        var before = File.ReadAllBytes(_folder.Unreleased);

        var failed = CliProcess.Run(_folder.Root, CliProcess.Fault(step), "promote", "--tag");

        Assert.Equal(2, failed.ExitCode);
        Assert.Contains("HEAD was not moved and the index and tags are as they were; both files were restored", failed.Error, StringComparison.Ordinal);
        AssertUntouched(before);
    }

    [Fact]
    public void A_locked_index_is_reported_as_such_and_changes_nothing()
    {
        var before = File.ReadAllBytes(_folder.Unreleased);
        File.WriteAllText(Path.Combine(_folder.Root, ".git", "index.lock"), string.Empty);

        var failed = CliProcess.Run(_folder.Root, "promote", "--tag");
        File.Delete(Path.Combine(_folder.Root, ".git", "index.lock"));
        var again = CliProcess.Run(_folder.Root, "promote", "--tag");

        Assert.Equal(2, failed.ExitCode);
        Assert.Contains("HEAD was not moved", failed.Error, StringComparison.Ordinal);
        Assert.True(again.ExitCode == 0, again.Error);
        Assert.Equal(1, ReleaseCommits());
    }

    [Fact]
    public void A_failure_after_the_branch_moved_says_the_commit_exists_and_how_to_undo_it()
    {
        var failed = CliProcess.Run(_folder.Root, CliProcess.Fault("git:ref"), "promote", "--tag");
        var again = CliProcess.Run(_folder.Root, "promote", "--tag");

        Assert.Equal(2, failed.ExitCode);
        Assert.Contains("was made and the branch points at it", failed.Error, StringComparison.Ordinal);
        Assert.Contains("do not run promote again", failed.Error, StringComparison.Ordinal);
        Assert.Contains("git reset --soft HEAD~1 && git tag -d v0.1.0", failed.Error, StringComparison.Ordinal);
        using (var repository = new Repository(_folder.Root))
        {
            Assert.Equal("Release 0.1.0\n", repository.Head.Tip.Message);
            Assert.NotNull(repository.Tags["v0.1.0"]);
            Assert.False(repository.RetrieveStatus().IsDirty);
        }

        Assert.True(again.ExitCode == 0, again.Error);
        Assert.Equal(1, ReleaseCommits());
    }

    [Theory]
    [InlineData("git:objects:crash")]
    [InlineData("git:index:crash")]
    [InlineData("git:tag:crash")]
    public void A_promote_killed_during_git_never_leads_to_a_second_release_commit(string step)
    {
        var crashed = CliProcess.Run(_folder.Root, CliProcess.Fault(step), "promote", "--tag");

        var again = CliProcess.Run(_folder.Root, "promote", "--tag");

        Assert.NotEqual(0, crashed.ExitCode);
        Assert.True(again.ExitCode == 0, again.Error);
        Assert.Contains("nothing to promote", again.Out, StringComparison.Ordinal);
        Assert.Equal(0, ReleaseCommits());
        Assert.Equal(_base, HeadSha());
        Assert.Single(_folder.Entries());
        Assert.Equal(["0.1.0.md"], _folder.PublishedFiles());
    }

    private void AssertUntouched(byte[] unreleasedBefore)
    {
        using var repository = new Repository(_folder.Root);
        Assert.Equal(_base, repository.Head.Tip.Sha);
        Assert.Empty(repository.Tags);
        Assert.False(repository.RetrieveStatus().IsDirty, string.Join(", ", repository.RetrieveStatus().Select(entry => $"{entry.FilePath} {entry.State}")));
        Assert.Equal(unreleasedBefore, File.ReadAllBytes(_folder.Unreleased));
        Assert.Empty(_folder.PublishedFiles());
        Assert.Empty(_folder.Leftovers());
    }

    private int ReleaseCommits()
    {
        using var repository = new Repository(_folder.Root);
        return repository.Commits.Count(commit => commit.Message.StartsWith("Release ", StringComparison.Ordinal));
    }

    private string HeadSha()
    {
        using var repository = new Repository(_folder.Root);
        return repository.Head.Tip.Sha;
    }
}
