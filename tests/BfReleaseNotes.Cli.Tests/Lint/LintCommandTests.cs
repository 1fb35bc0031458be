using System.Text;
using System.Text.Json;
using BfReleaseNotes.Markdown;

namespace BfReleaseNotes.Cli.Tests.Lint;

public sealed class LintCommandTests : IDisposable
{
    private const string ValidPublished = "# 1.0.0 - 2026-11-18\n\n## Public\n\n### Added\n\n- Exports.\n";

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Lint_without_files_checks_unreleased_and_every_published_file_in_the_folder()
    {
        Write("release-notes/unreleased.md", ReleaseNotesWriter.EmptyUnreleased());
        Write("release-notes/1.0.0.md", ValidPublished);
        Write("release-notes/1.1.0.md", "# 1.1.0 - 2026-11-25\n\n## Pubic\n\n### Added\n\n- Search.\n");
        Write("release-notes/notes.md", "not a release-notes file, never read\n");

        var outcome = Cli.Run(_temp.Path, ["lint"]);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("lint: 3 files, 1 error, 0 warnings", outcome.Out, StringComparison.Ordinal);
        Assert.Contains($"{_temp.Combine("release-notes", "1.1.0.md")}:3:1: error BFRN102: unknown section '## Pubic'; did you mean '## Public'?", outcome.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("notes.md", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_of_valid_files_exits_0_and_prints_only_the_summary()
    {
        Write("notes/unreleased.md", ReleaseNotesWriter.EmptyUnreleased());
        Write("notes/1.0.0.md", ValidPublished);

        var outcome = Cli.Run(_temp.Path, ["lint", "--dir", "notes"]);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal(string.Empty, outcome.Error);
        Assert.Equal("lint: 2 files, 0 errors, 0 warnings", outcome.Out.Trim());
    }

    [Fact]
    public void Lint_with_only_warnings_exits_0()
    {
        Write("release-notes/unreleased.md", "# Unreleased\n\n## Public\n\n### added\n\n* Exports.\n");

        var outcome = Cli.Run(_temp.Path, ["lint"]);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("0 errors, 2 warnings", outcome.Out, StringComparison.Ordinal);
        Assert.Contains(":5:1: warning BFRN107:", outcome.Error, StringComparison.Ordinal);
        Assert.Contains(":7:1: warning BFRN112:", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_format_json_writes_a_report_with_codes_positions_and_counts_to_stdout()
    {
        var path = Write("release-notes/unreleased.md", "# Unreleased\n\n## Public\n\n- Outside.\n\n### added\n\n- Fine.\n");

        var outcome = Cli.Run(_temp.Path, ["lint", "--format", "json"]);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal(string.Empty, outcome.Error);
        using var report = JsonDocument.Parse(outcome.Out);
        var root = report.RootElement;
        Assert.Equal(1, root.GetProperty("files").GetInt32());
        Assert.Equal(1, root.GetProperty("errors").GetInt32());
        Assert.Equal(1, root.GetProperty("warnings").GetInt32());
        Assert.Equal(0, root.GetProperty("fixed").GetArrayLength());
        var diagnostics = root.GetProperty("diagnostics").EnumerateArray().ToList();
        Assert.Equal(["BFRN103", "BFRN107"], diagnostics.Select(diagnostic => diagnostic.GetProperty("code").GetString()));
        Assert.Equal("error", diagnostics[0].GetProperty("severity").GetString());
        Assert.Equal(path, diagnostics[0].GetProperty("file").GetString());
        Assert.Equal(5, diagnostics[0].GetProperty("line").GetInt32());
        Assert.Equal(1, diagnostics[0].GetProperty("column").GetInt32());
        Assert.False(diagnostics[0].GetProperty("fixable").GetBoolean());
        Assert.True(diagnostics[1].GetProperty("fixable").GetBoolean());
        Assert.Contains("move it under", diagnostics[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_fix_in_json_lists_the_fixed_files()
    {
        var path = Write("release-notes/unreleased.md", "# Unreleased\n\n## Public\n\n### fixed\n\n- Search.\n");

        var outcome = Cli.Run(_temp.Path, ["lint", "--fix", "--format", "json"]);

        Assert.Equal(0, outcome.ExitCode);
        using var report = JsonDocument.Parse(outcome.Out);
        Assert.Equal([path], report.RootElement.GetProperty("fixed").EnumerateArray().Select(file => file.GetString()));
        Assert.Equal(0, report.RootElement.GetProperty("warnings").GetInt32());
        Assert.Equal("# Unreleased\n\n## Public\n\n### Fixed\n\n- Search.\n", File.ReadAllText(path));
    }

    [Fact]
    public void Lint_fix_writes_nothing_when_another_file_has_errors_it_cannot_fix()
    {
        var fixable = Write("release-notes/unreleased.md", "# Unreleased\n\n## Public\n\n### fixed\n\n- Search.\n");
        var broken = Write("release-notes/1.0.0.md", "# 1.0.0 - 2026-13-01\n\n## Public\n\n### Added\n\n- Exports.\n");
        var fixableBefore = File.ReadAllBytes(fixable);
        var brokenBefore = File.ReadAllBytes(broken);

        var outcome = Cli.Run(_temp.Path, ["lint", "--fix"]);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("no file was changed", outcome.Error, StringComparison.Ordinal);
        Assert.Contains($"{broken}:1:1: error BFRN203:", outcome.Error, StringComparison.Ordinal);
        Assert.Equal(fixableBefore, File.ReadAllBytes(fixable));
        Assert.Equal(brokenBefore, File.ReadAllBytes(broken));
    }

    [Fact]
    public void Lint_fix_does_not_crash_when_reordering_would_let_an_unclosed_comment_swallow_a_section()
    {
        var path = Write("release-notes/unreleased.md",
            "# Unreleased\n\n## Internal\n\n### Added\n\n#### Flag: `x`\n\n- Drafts.\n\n## Public\n\n### Added\n\n- Exports.\n\n<!-- unfinished comment\n");
        var before = File.ReadAllBytes(path);

        var outcome = Cli.Run(_temp.Path, ["lint", "--fix"]);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains($"{path}:11:1: error BFRN105:", outcome.Error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Fact]
    public void Lint_of_a_file_with_lone_carriage_returns_reports_the_right_line()
    {
        var path = Write("release-notes/unreleased.md", "# Unreleased\r\r## Public\r\r### Addded\r\r- Exports.\r");

        var outcome = Cli.Run(_temp.Path, ["lint"]);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains($"{path}:5:1: error BFRN102: unknown section '### Addded'; did you mean '### Added'?", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_says_a_heading_without_a_space_after_its_hashes_needs_one()
    {
        var path = Write("release-notes/unreleased.md", "# Unreleased\n\n## Public\n\n###Fixed\n\n- Search.\n");

        var outcome = Cli.Run(_temp.Path, ["lint"]);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains($"{path}:5:1: error BFRN104: '###Fixed' is not a heading: markdown needs a space after the '#' characters; write '### Fixed'", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_of_a_folder_that_does_not_exist_exits_2()
    {
        var outcome = Cli.Run(_temp.Path, ["lint", "--dir", "nowhere"]);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("does not exist", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_of_an_empty_folder_exits_2_and_suggests_init()
    {
        Directory.CreateDirectory(_temp.Combine("release-notes"));

        var outcome = Cli.Run(_temp.Path, ["lint"]);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("bf-release-notes init", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_of_a_named_file_that_does_not_exist_exits_2()
    {
        var outcome = Cli.Run(_temp.Path, ["lint", "release-notes/9.9.9.md"]);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("does not exist", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_with_an_unknown_format_is_a_usage_error_with_exit_2()
    {
        Write("release-notes/unreleased.md", ReleaseNotesWriter.EmptyUnreleased());

        var outcome = Cli.Run(_temp.Path, ["lint", "--format", "xml"]);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("xml", outcome.Error, StringComparison.Ordinal);
    }

    private string Write(string relativePath, string text)
    {
        var path = _temp.Combine(relativePath.Split('/'));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, Encoding.UTF8.GetBytes(text));
        return path;
    }
}
