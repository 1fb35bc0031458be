using System.Text;
using BfReleaseNotes.Cli.Tests.Check;
using BfReleaseNotes.Markdown;
using BfReleaseNotes.Safety;

namespace BfReleaseNotes.Cli.Tests.Safety;

/// <summary>
/// No command prints a control character it read from a file, a commit or a CI variable: each test plants escape
/// sequences where a command quotes them and checks both streams of the real entry point.
/// </summary>
public sealed class TerminalSafetyTests : IDisposable
{
    private const string Clear = "\u001b[2J";
    private const string Title = "\u001b]0;owned\u0007";
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Lint_quotes_a_heading_with_escape_sequences_escaped()
    {
        WriteUnreleased($"# Unreleased\n\n## Public\n\n### Fixd{Clear}{Title}\n\n- An entry.\n");

        var outcome = Cli.Run(_temp.Path, ["lint", "release-notes/unreleased.md"]);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("Fixd\\x1b[2J\\x1b]0;owned\\x07", outcome.Error, StringComparison.Ordinal);
        AssertNoControlCharacters(outcome);
    }

    [Fact]
    public void Promote_dry_run_prints_entry_text_with_escape_sequences_escaped_and_keeps_crlf()
    {
        WriteUnreleased(ReleaseNotesWriter.EmptyUnreleased().Replace("\n", "\r\n", StringComparison.Ordinal)
            .Replace("### Fixed\r\n\r\n## Beta", $"### Fixed\r\n\r\n- Fixed {Clear}the export.\r\n\r\n## Beta", StringComparison.Ordinal));

        var outcome = Cli.Run(_temp.Path, ["promote", "--dry-run", "--date", "2026-11-25"]);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("- Fixed \\x1b[2Jthe export.\r\n", outcome.Out, StringComparison.Ordinal);
        AssertNoControlCharacters(outcome);
    }

    [Fact]
    public void Check_prints_commit_subjects_and_opt_out_reasons_from_ci_variables_escaped()
    {
        using var repo = new GitTestRepository();
        repo.Write(Notes.UnreleasedPath, Notes.Unreleased(["An earlier entry."])).Write("src/App.cs", "class App { }\n");
        var start = repo.Commit("Start");
        repo.Write("src/App.cs", "class App { int X; }\n");
        repo.Commit($"Refactor {Clear}\n\nRelease-Notes: none - tests only {Title}\n");
        repo.Write("src/Other.cs", "class Other { }\n");
        var head = repo.Commit("More");
        var environment = new Dictionary<string, string>
        {
            ["CI_MERGE_REQUEST_DIFF_BASE_SHA"] = start,
            ["CI_COMMIT_SHA"] = head,
        };

        var fromCommit = CheckRun.In(repo.Path, environment);
        environment["CI_MERGE_REQUEST_DESCRIPTION"] = $"Release-Notes: none - {Clear}scripts\u009b only";
        var fromDescription = CheckRun.In(repo.Path, environment);

        Assert.Equal(0, fromCommit.ExitCode);
        Assert.Contains("\"Refactor \\x1b[2J\" says 'Release-Notes: none - tests only \\x1b]0;owned\\x07'", fromCommit.Out, StringComparison.Ordinal);
        Assert.Contains("'Release-Notes: none - \\x1b[2Jscripts\\x9b only'", fromDescription.Out, StringComparison.Ordinal);
        AssertNoControlCharacters(new CliOutcome(fromCommit.ExitCode, fromCommit.Out, fromCommit.Error));
        AssertNoControlCharacters(new CliOutcome(fromDescription.ExitCode, fromDescription.Out, fromDescription.Error));
    }

    [Fact]
    public void Check_reports_quote_escape_sequences_escaped_in_valid_junit_xml()
    {
        using var repo = new GitTestRepository();
        repo.Write(Notes.UnreleasedPath, Notes.Unreleased(["An earlier entry."])).Write("src/App.cs", "class App { }\n");
        var start = repo.Commit("Start");
        repo.Write("src/App.cs", "class App { int X; }\n")
            .Write(Notes.UnreleasedPath, Notes.Unreleased(["An earlier entry.", $"Fixed {Clear}the export."]).Replace("### Fixed", $"### Fixd{Title}", StringComparison.Ordinal));
        var head = repo.Commit("Fix");
        var environment = new Dictionary<string, string> { ["CI_MERGE_REQUEST_DIFF_BASE_SHA"] = start, ["CI_COMMIT_SHA"] = head };

        var run = CheckRun.In(repo.Path, environment, "--report-junit", "junit.xml");

        Assert.Equal(1, run.ExitCode);
        var junit = System.Xml.Linq.XDocument.Load(Path.Combine(repo.Path, "junit.xml")).ToString();
        Assert.Contains("Fixd\\x1b]0;owned\\x07", junit, StringComparison.Ordinal);
        AssertNoControlCharacters(new CliOutcome(run.ExitCode, run.Out, run.Error));
    }

    [Fact]
    public void A_carriage_return_split_across_two_writes_still_ends_a_crlf_line()
    {
        using var inner = new StringWriter();
        var writer = TerminalSafeWriter.Wrap(inner);

        writer.Write("line\r");
        writer.Write("\nnext\r");
        writer.Write("over");
        TerminalSafeWriter.WriteTrusted(writer, "\rprogress");
        TerminalSafeWriter.Finish(writer);

        Assert.Equal("line\r\nnext\\rover\rprogress", inner.ToString());
    }

    private void WriteUnreleased(string text)
    {
        Directory.CreateDirectory(_temp.Combine("release-notes"));
        File.WriteAllText(_temp.Combine("release-notes", "unreleased.md"), text, new UTF8Encoding(false));
    }

    private static void AssertNoControlCharacters(CliOutcome outcome)
    {
        var all = outcome.Out + outcome.Error;
        for (var i = 0; i < all.Length; i++)
        {
            var isLineEnd = all[i] == '\r' && i + 1 < all.Length && all[i + 1] == '\n';
            Assert.False(TerminalText.IsUnsafe(all[i]) && !isLineEnd, $"control character U+{(int)all[i]:X4} at {i} in: {all}");
        }
    }
}
