using System.Text.Json;
using LibGit2Sharp;

namespace BfReleaseNotes.Cli.Tests.Promote;

public sealed class PromoteCommandTests : IDisposable
{
    private readonly ReleaseRepository _repo = new();

    public void Dispose() => _repo.Dispose();

    [Fact]
    public void Dry_run_prints_the_note_it_would_publish_and_changes_nothing()
    {
        _repo.Write("release-notes/unreleased.md", ReleaseRepository.Case("realistic"));
        var before = _repo.Snapshot();

        var (exitCode, output, error) = _repo.Run("promote", "--dry-run", "--version", "1.42.0", "--date", "2026-11-25");

        Assert.Equal(0, exitCode);
        Assert.StartsWith("# 1.42.0 - 2026-11-25\n\n## Public\n", output, StringComparison.Ordinal);
        Assert.Contains("dry run: nothing written", error, StringComparison.Ordinal);
        Assert.Contains("published: 13 entries", error, StringComparison.Ordinal);
        Assert.Equal(before, _repo.Snapshot());
    }

    [Fact]
    public void Promote_then_lint_is_clean_internal_is_identical_and_a_second_promote_is_refused()
    {
        var original = ReleaseRepository.Case("realistic");
        _repo.Write("release-notes/unreleased.md", original);

        var first = _repo.Run("promote", "--version", "1.42.0", "--date", "2026-11-25");
        var lint = _repo.Run("lint", "--dir", "release-notes");
        var afterFirst = _repo.Snapshot();
        var second = _repo.Run("promote", "--version", "1.42.0", "--date", "2026-11-25");

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("wrote ", first.Out, StringComparison.Ordinal);
        Assert.Equal(0, lint.ExitCode);
        Assert.Contains("2 files, 0 errors, 0 warnings", lint.Out, StringComparison.Ordinal);
        var internalBefore = original[original.IndexOf("## Internal", StringComparison.Ordinal)..];
        Assert.EndsWith(internalBefore, File.ReadAllText(_repo.Unreleased), StringComparison.Ordinal);
        Assert.Equal(1, second.ExitCode);
        Assert.Contains("already exists", second.Error, StringComparison.Ordinal);
        Assert.Equal(afterFirst, _repo.Snapshot());
    }

    [Fact]
    public void Promote_with_nothing_to_promote_writes_nothing_and_exits_0()
    {
        _repo.Run("init");
        var before = _repo.Snapshot();

        var (exitCode, output, _) = _repo.Run("promote");

        Assert.Equal(0, exitCode);
        Assert.Contains("nothing to promote", output, StringComparison.Ordinal);
        Assert.Equal(before, _repo.Snapshot());
    }

    [Fact]
    public void Promote_of_an_invalid_file_prints_diagnostics_exits_1_and_writes_nothing()
    {
        _repo.Write("release-notes/unreleased.md", "# Unreleased\n\n## Public\n\n### Addded\n\n- Typo in the heading\n");
        var before = _repo.Snapshot();

        var (exitCode, _, error) = _repo.Run("promote");

        Assert.Equal(1, exitCode);
        Assert.Contains("unreleased.md:5:1: error BFRN102: unknown section '### Addded'; did you mean '### Added'?", error, StringComparison.Ordinal);
        Assert.Equal(before, _repo.Snapshot());
    }

    [Theory]
    [InlineData("--version", "1.42", "not a SemVer 2.0 version")]
    [InlineData("--date", "25.11.2026", "not a date in the form YYYY-MM-DD")]
    [InlineData("--bump", "huge", "huge")]
    public void Bad_arguments_exit_2_and_change_nothing(string option, string value, string message)
    {
        _repo.Write("release-notes/unreleased.md", ReleaseRepository.Case("realistic"));
        var before = _repo.Snapshot();

        var (exitCode, _, error) = _repo.Run("promote", option, value);

        Assert.Equal(2, exitCode);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.Equal(before, _repo.Snapshot());
    }

    [Fact]
    public void Json_summary_lists_counts_per_visibility_and_type_and_flags_left_behind()
    {
        _repo.Write("release-notes/unreleased.md", ReleaseRepository.Case("realistic"));

        var (exitCode, output, _) = _repo.Run("promote", "--version", "1.42.0", "--date", "2026-11-25", "--format", "json");

        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal("promoted", root.GetProperty("status").GetString());
        Assert.Equal("1.42.0", root.GetProperty("version").GetString());
        Assert.Equal("2026-11-25", root.GetProperty("date").GetString());
        Assert.Equal(2, root.GetProperty("files").GetArrayLength());
        var published = root.GetProperty("published").EnumerateArray().ToDictionary(
            item => $"{item.GetProperty("visibility").GetString()} {item.GetProperty("type").GetString()}",
            item => item.GetProperty("count").GetInt32());
        Assert.Equal(4, published["Public Added"]);
        Assert.Equal(2, published["Beta Changed"]);
        var flags = root.GetProperty("internalLeftBehind").EnumerateArray().ToDictionary(item => item.GetProperty("flag").GetString()!, item => item.GetProperty("count").GetInt32());
        Assert.Equal(3, flags["new-editor"]);
        Assert.Equal(1, flags["bulk-actions"]);
        Assert.Equal(1, flags["search-v2"]);
    }

    [Fact]
    public void Commit_and_tag_record_exactly_the_two_files_with_the_configured_author()
    {
        _repo.Write("release-notes/unreleased.md", ReleaseRepository.Case("realistic"));
        _repo.Write("src/app.txt", "v1");
        var baseSha = _repo.CommitAll("Initial");
        _repo.Write("src/app.txt", "work in progress");
        using (var repository = new Repository(_repo.Root))
        {
            LibGit2Sharp.Commands.Stage(repository, "src/app.txt");
        }

        var (exitCode, output, error) = _repo.Run("promote", "--version", "1.42.0", "--date", "2026-11-25", "--tag");

        Assert.True(exitCode == 0, error);
        Assert.Contains("tagged v1.42.0", output, StringComparison.Ordinal);
        using var repo = new Repository(_repo.Root);
        var head = repo.Head.Tip;
        Assert.Equal("Release 1.42.0\n", head.Message);
        Assert.Equal("Release Captain", head.Author.Name);
        Assert.Equal("captain@example.com", head.Author.Email);
        Assert.Equal(baseSha, Assert.Single(head.Parents).Sha);
        var changes = repo.Diff.Compare<TreeChanges>(head.Parents.Single().Tree, head.Tree);
        Assert.Equal(["release-notes/1.42.0.md", "release-notes/unreleased.md"], changes.Select(change => change.Path).Order(StringComparer.Ordinal));
        var tag = repo.Tags["v1.42.0"];
        Assert.True(tag.IsAnnotated);
        Assert.Equal(head.Sha, tag.Target.Sha);
        Assert.Equal("Release 1.42.0\n", tag.Annotation.Message);
        Assert.Equal("Release Captain", tag.Annotation.Tagger.Name);
        Assert.Equal(FileStatus.ModifiedInIndex, repo.RetrieveStatus("src/app.txt"));
        Assert.Equal(FileStatus.Unaltered, repo.RetrieveStatus("release-notes/unreleased.md"));
        Assert.Equal(FileStatus.Unaltered, repo.RetrieveStatus("release-notes/1.42.0.md"));
    }

    [Fact]
    public void Commit_is_refused_when_unreleased_has_unrelated_staged_changes()
    {
        _repo.Write("release-notes/unreleased.md", ReleaseRepository.Case("realistic"));
        _repo.CommitAll("Initial");
        File.AppendAllText(_repo.Unreleased, "<!-- staged edit -->\n");
        using (var repository = new Repository(_repo.Root))
        {
            LibGit2Sharp.Commands.Stage(repository, "release-notes/unreleased.md");
        }

        var before = _repo.Snapshot();

        var (exitCode, _, error) = _repo.Run("promote", "--version", "1.42.0", "--commit");

        Assert.Equal(2, exitCode);
        Assert.Contains("has staged changes that are not part of this release", error, StringComparison.Ordinal);
        Assert.Equal(before, _repo.Snapshot());
        using var repo = new Repository(_repo.Root);
        Assert.Equal("Initial\n", repo.Head.Tip.Message);
    }

    [Fact]
    public void Tag_is_refused_when_it_already_exists_and_nothing_changes()
    {
        _repo.Write("release-notes/unreleased.md", ReleaseRepository.Case("realistic"));
        var sha = _repo.CommitAll("Initial");
        using (var repository = new Repository(_repo.Root))
        {
            repository.ApplyTag("v1.42.0", sha);
        }

        var before = _repo.Snapshot();

        var (exitCode, _, error) = _repo.Run("promote", "--version", "1.42.0", "--tag");

        Assert.Equal(2, exitCode);
        Assert.Contains("the tag 'v1.42.0' already exists", error, StringComparison.Ordinal);
        Assert.Equal(before, _repo.Snapshot());
    }
}

public sealed class PromoteOutsideGitTests : IDisposable
{
    private readonly ReleaseRepository _folder = new(withGit: false);

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Commit_outside_a_repository_exits_2_and_changes_nothing()
    {
        // Checked before running: inside an enclosing repository, --commit would commit into it. The test then
        // cannot be set up, which must show as a failure rather than as a pass that asserted nothing.
        var enclosing = LibGit2Sharp.Repository.Discover(_folder.Root);
        Assert.True(enclosing is null, $"the temp folder {_folder.Root} is inside the repository {enclosing}; point TMPDIR outside any repository to run this test");
        _folder.Write("release-notes/unreleased.md", ReleaseRepository.Case("realistic"));
        var before = _folder.Snapshot();

        var (exitCode, _, error) = _folder.Run("promote", "--version", "1.0.0", "--commit");

        Assert.Equal(2, exitCode);
        Assert.Contains("is not inside a git repository", error, StringComparison.Ordinal);
        Assert.Equal(before, _folder.Snapshot());
    }
}
