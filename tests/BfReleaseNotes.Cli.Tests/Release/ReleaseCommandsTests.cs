using System.Text.Json;
using BfReleaseNotes.Cli.Tests.Promote;

namespace BfReleaseNotes.Cli.Tests.Release;

/// <summary>next-version, promote --bump auto, show and changelog through the real entry point, on real files.</summary>
public sealed class ReleaseCommandsTests : IDisposable
{
    private const string Published = "# 1.4.0 - 2026-11-18\n\n## Public\n\n### Added\n\n- The first feature. [#1]\n\n[#1]: https://gitlab.example.com/team/app/-/merge_requests/1\n";

    private const string Pending =
        "# Unreleased\n\n## Public\n\n### Added\n\n- Projects can be exported as PDF.\n\n### Fixed\n\n- Search works.\n\n" +
        "## Beta\n\n### Removed\n\n- **Breaking:** the old beta API is gone.\n\n## Internal\n\n### Added\n\n#### Flag: `new-editor`\n\n- Drafts are saved.\n";

    private readonly ReleaseRepository _repository = new(withGit: false);

    public ReleaseCommandsTests()
    {
        _repository.Write("release-notes/1.4.0.md", Published);
        _repository.Write("release-notes/unreleased.md", Pending);
    }

    public void Dispose() => _repository.Dispose();

    [Fact]
    public void Next_version_and_a_dry_run_promotion_agree_and_name_the_deciding_entry()
    {
        var next = _repository.Run("next-version", "--bump", "auto");
        var dryRun = _repository.Run("promote", "--bump", "auto", "--dry-run");

        Assert.Equal(0, next.ExitCode);
        Assert.Equal("2.0.0\n", next.Out);
        // The path is as the process sees it (absolute here, since the test's folder is not the process's).
        const string Decided = "release-notes/unreleased.md:17 (Beta > Removed): - **Breaking:** the old beta API is gone.";
        Assert.StartsWith("bump major (breaking), decided by ", next.Error, StringComparison.Ordinal);
        Assert.Contains(Decided, next.Error, StringComparison.Ordinal);
        Assert.Equal(0, dryRun.ExitCode);
        Assert.StartsWith("# 2.0.0 - ", dryRun.Out, StringComparison.Ordinal);
        Assert.Contains("Release 2.0.0", dryRun.Error, StringComparison.Ordinal);
        Assert.Contains(Decided, dryRun.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Next_version_prints_the_bump_or_the_notes_on_request()
    {
        var bump = _repository.Run("next-version", "--bump", "auto", "--print", "bump");
        var notes = _repository.Run("next-version", "--bump", "auto", "--print", "notes");
        var promoted = _repository.Run("promote", "--bump", "auto");
        var shown = _repository.Run("show", "latest", "--no-title");

        Assert.Equal("major\n", bump.Out);
        Assert.Equal(0, promoted.ExitCode);
        Assert.Equal(shown.Out, notes.Out);
        Assert.StartsWith("## Public\n", notes.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Next_version_follows_the_default_and_an_explicit_bump_like_promote()
    {
        Assert.Equal("1.5.0\n", _repository.Run("next-version").Out);
        Assert.Equal("1.4.1\n", _repository.Run("next-version", "--bump", "patch").Out);
        Assert.Equal("2.0.0\n", _repository.Run("next-version", "--bump", "major").Out);
    }

    [Fact]
    public void Next_version_prints_nothing_when_nothing_is_pending()
    {
        _repository.Write("release-notes/unreleased.md", "# Unreleased\n\n## Public\n\n### Added\n\n## Internal\n\n### Added\n\n#### Flag: `x`\n\n- Hidden.\n");

        var next = _repository.Run("next-version", "--bump", "auto");

        Assert.Equal(0, next.ExitCode);
        Assert.Equal(string.Empty, next.Out);
        Assert.Contains("nothing to promote", next.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Next_version_of_an_invalid_file_exits_1_with_its_diagnostics()
    {
        _repository.Write("release-notes/unreleased.md", "# Unreleased\n\n## Public\n\n### Fixd\n\n- Typo.\n");

        var next = _repository.Run("next-version");

        Assert.Equal(1, next.ExitCode);
        Assert.Equal(string.Empty, next.Out);
        Assert.Contains("BFRN102", next.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_release_configuration_stops_the_auto_bump_with_exit_2_and_changes_nothing()
    {
        _repository.Write("release-notes/config.json", """{ "release": { "bump": { "added": "big" } } }""");
        var before = _repository.Snapshot();

        var promote = _repository.Run("promote", "--bump", "auto");

        Assert.Equal(2, promote.ExitCode);
        Assert.Contains("\"release.bump.added\" is 'big'", promote.Error, StringComparison.Ordinal);
        Assert.Equal(before, _repository.Snapshot());
    }

    [Fact]
    public void The_configured_rule_decides_the_auto_bump()
    {
        _repository.Write("release-notes/config.json", """{ "release": { "breakingMarker": "", "bump": { "removed": "minor", "added": "patch" } } }""");

        var next = _repository.Run("next-version", "--bump", "auto");

        Assert.Equal("1.5.0\n", next.Out);
        Assert.Contains("(Removed is minor)", next.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Promote_json_reports_the_bump_decision()
    {
        var promote = _repository.Run("promote", "--bump", "auto", "--dry-run", "--format", "json");

        using var json = JsonDocument.Parse(promote.Out);
        var bump = json.RootElement.GetProperty("bump");
        Assert.Equal("major", bump.GetProperty("bump").GetString());
        Assert.True(bump.GetProperty("breaking").GetBoolean());
        Assert.Equal(17, bump.GetProperty("line").GetInt32());
    }

    [Fact]
    public void Show_prints_the_file_and_its_formats_and_exits_2_for_an_unknown_version()
    {
        var markdown = _repository.Run("show", "1.4.0");
        var html = _repository.Run("show", "latest", "--format", "html", "--no-title");
        var json = _repository.Run("show", "latest", "--format", "json", "--public-only");
        var unknown = _repository.Run("show", "9.9.9");

        Assert.Equal((0, Published), (markdown.ExitCode, markdown.Out));
        Assert.Equal(0, html.ExitCode);
        Assert.Contains("<a href=\"https://gitlab.example.com/team/app/-/merge_requests/1\">#1</a>", html.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("<h2>", html.Out, StringComparison.Ordinal);
        using (var document = JsonDocument.Parse(json.Out))
        {
            Assert.Equal("1.4.0", document.RootElement.GetProperty("version").GetString());
        }

        Assert.Equal(2, unknown.ExitCode);
        Assert.Equal(string.Empty, unknown.Out);
        Assert.Contains("error: release 9.9.9 is not published in", unknown.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Show_of_a_published_file_with_errors_exits_1_with_its_diagnostics()
    {
        _repository.Write("release-notes/1.5.0.md", "# 1.5.0 - 2026-11-25\n\n## Public\n\n### Fixd\n\n- Typo.\n");

        var show = _repository.Run("show", "latest");

        Assert.Equal(1, show.ExitCode);
        Assert.Equal(string.Empty, show.Out);
        Assert.Contains("1.5.0.md:5:1: error BFRN102", show.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Changelog_check_fails_when_stale_and_passes_after_writing()
    {
        var missing = _repository.Run("changelog", "--check");
        var printed = _repository.Run("changelog");
        var written = _repository.Run("changelog", "--output", "CHANGELOG.md");
        var current = _repository.Run("changelog", "--check");
        _repository.Run("promote", "--bump", "patch");
        var stale = _repository.Run("changelog", "--check", "--output", "CHANGELOG.md");

        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("CHANGELOG.md does not exist; run 'bf-release-notes changelog --output", missing.Error, StringComparison.Ordinal);
        Assert.Equal(0, written.ExitCode);
        Assert.Equal(printed.Out, File.ReadAllText(Path.Combine(_repository.Root, "CHANGELOG.md")));
        Assert.Contains("## [1.4.0] - 2026-11-18", printed.Out, StringComparison.Ordinal);
        Assert.Equal(0, current.ExitCode);
        Assert.Equal(1, stale.ExitCode);
        Assert.Contains("is out of date", stale.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Changelog_with_an_invalid_published_file_exits_1_and_writes_nothing()
    {
        _repository.Write("release-notes/1.5.0.md", "# 1.5.0 - 2026-11-25\n\n## Internal\n\n### Added\n\n- Hidden.\n");

        var changelog = _repository.Run("changelog", "--output", "CHANGELOG.md");

        Assert.Equal(1, changelog.ExitCode);
        Assert.False(File.Exists(Path.Combine(_repository.Root, "CHANGELOG.md")));
        Assert.Contains("BFRN205", changelog.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tag_prefix_that_makes_no_valid_tag_is_refused_before_anything_is_written()
    {
        using var repository = new ReleaseRepository();
        repository.Write("release-notes/unreleased.md", Pending);
        repository.CommitAll("Notes");
        var before = repository.Snapshot();

        var promote = repository.Run("promote", "--tag", "--tag-prefix", "bad prefix ");

        Assert.Equal(2, promote.ExitCode);
        Assert.Contains("the tag prefix 'bad prefix ' does not make a valid git tag name", promote.Error, StringComparison.Ordinal);
        Assert.Equal(before, repository.Snapshot());
    }

    [Theory]
    [InlineData("next-version", "--print")]
    [InlineData("show", "--no-title")]
    [InlineData("changelog", "--check")]
    public void Each_release_command_documents_its_options_and_exit_codes(string command, string option)
    {
        var help = _repository.Run(command, "--help");

        Assert.Equal(0, help.ExitCode);
        Assert.Contains(option, help.Out, StringComparison.Ordinal);
        Assert.Contains("Exit codes:", help.Out, StringComparison.Ordinal);
    }
}
