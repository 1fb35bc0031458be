using System.Text.Json;
using BfReleaseNotes.Cli.Tests.Promote;
using BfReleaseNotes.Markdown;

namespace BfReleaseNotes.Cli.Tests.Everyday;

/// <summary>What a release captain expects of <c>promote</c>: tag-style versions, sane dates, honest dry runs.</summary>
public sealed class PromoteEverydayTests : IDisposable
{
    private readonly ReleaseRepository _repo = new(withGit: false);

    public PromoteEverydayTests()
    {
        _repo.Write("release-notes/unreleased.md", ReleaseNotesWriter.EmptyUnreleased());
        _repo.Write("release-notes/1.0.0.md", "# 1.0.0 - 2026-11-24\n\n## Public\n\n### Added\n\n- First.\n");
        _repo.Run("add", "--section", "public", "--type", "fixed", "Second.");
    }

    public void Dispose() => _repo.Dispose();

    [Theory]
    [InlineData("v1.1.0")]
    [InlineData("V1.1.0")]
    public void A_v_prefixed_version_is_accepted_and_normalised(string version)
    {
        var outcome = _repo.Run("promote", "--version", version, "--date", "2026-11-25");

        Assert.Equal(0, outcome.ExitCode);
        Assert.StartsWith("# 1.1.0 - 2026-11-25\n", File.ReadAllText(Path.Combine(_repo.NotesPath, "1.1.0.md")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_date_before_the_latest_release_is_refused_unless_allowed()
    {
        var before = _repo.Snapshot();

        var refused = _repo.Run("promote", "--date", "2020-01-01");
        var unchanged = _repo.Snapshot();
        var allowed = _repo.Run("promote", "--date", "2020-01-01", "--allow-earlier-date");

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("the release date 2020-01-01 is earlier than 1.0.0's (2026-11-24", refused.Error, StringComparison.Ordinal);
        Assert.Contains("--allow-earlier-date", refused.Error, StringComparison.Ordinal);
        Assert.Equal(before, unchanged);
        Assert.Equal(0, allowed.ExitCode);
    }

    [Fact]
    public void Bump_is_case_insensitive_and_the_summary_counts_in_words()
    {
        var outcome = _repo.Run("promote", "--bump", "Patch", "--date", "2026-11-25");

        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("Release 1.0.1 (2026-11-25)", outcome.Out, StringComparison.Ordinal);
        Assert.Contains("published: 1 entry\n", outcome.Out, StringComparison.Ordinal);
        Assert.Contains("left in Internal: 0 entries\n", outcome.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_json_dry_run_lists_the_files_it_would_write_and_writes_none()
    {
        var before = _repo.Snapshot();

        var outcome = _repo.Run("promote", "--dry-run", "--format", "json", "--date", "2026-11-25");

        Assert.Equal(0, outcome.ExitCode);
        using var json = JsonDocument.Parse(outcome.Out);
        Assert.Equal("dry-run", json.RootElement.GetProperty("status").GetString());
        var files = json.RootElement.GetProperty("files").EnumerateArray().Select(file => Path.GetFileName(file.GetString())).ToList();
        Assert.Equal(["1.1.0.md", "unreleased.md"], files.Order(StringComparer.Ordinal));
        Assert.Equal(before, _repo.Snapshot());
    }
}
