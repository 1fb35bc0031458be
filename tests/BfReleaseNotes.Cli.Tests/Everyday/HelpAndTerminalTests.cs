using BfReleaseNotes.Cli.Tests.Promote;
using BfReleaseNotes.Markdown;

namespace BfReleaseNotes.Cli.Tests.Everyday;

/// <summary>Help that teaches, mistakes that are caught, colour only where it helps.</summary>
public sealed class HelpAndTerminalTests : IDisposable
{
    private const string Escape = "\u001b[";
    private readonly ReleaseRepository _repo = new(withGit: false);

    public HelpAndTerminalTests()
    {
        _repo.Write("release-notes/unreleased.md", ReleaseNotesWriter.EmptyUnreleased());
    }

    public void Dispose() => _repo.Dispose();

    [Theory]
    [InlineData(new[] { "promot" }, "Unrecognized command or argument 'promot'. Did you mean 'promote'?")]
    [InlineData(new[] { "flags", "graduat" }, "Unrecognized command or argument 'graduat'. Did you mean 'graduate'?")]
    [InlineData(new[] { "add", "--sektion", "public", "--type", "fixed", "x" }, "unknown option '--sektion' for 'bf-release-notes add'. Did you mean '--section'?")]
    [InlineData(new[] { "flags", "graduate", "x", "--to", "beta", "--dri-run" }, "unknown option '--dri-run' for 'bf-release-notes flags graduate'. Did you mean '--dry-run'?")]
    [InlineData(new[] { "add", "--section", "pubic", "--type", "fixed", "x" }, "'pubic' is not a valid value for --section; did you mean 'public'?")]
    public void A_mistyped_command_option_or_value_exits_2_with_a_suggestion(string[] args, string message)
    {
        var before = _repo.Snapshot();

        var outcome = Run.In(_repo.Root, args);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("error: " + message, outcome.Error, StringComparison.Ordinal);
        Assert.Equal(before, _repo.Snapshot());
    }

    [Fact]
    public void Enum_values_are_accepted_in_any_case()
    {
        var outcome = Run.In(_repo.Root, ["add", "--section", "PUBLIC", "--type", "Fixed", "Search is faster."]);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("under Public > Fixed", outcome.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("check", "Release-Notes: none - <reason>")]
    [InlineData("check", "release-notes::none")]
    [InlineData("check", "origin/$CI_DEFAULT_BRANCH, else origin/main")]
    [InlineData("promote", "--allow-earlier-date")]
    [InlineData("promote", "--no-commit")]
    [InlineData("promote", "Default: \"promote.bump\" of config.json, else minor.")]
    [InlineData("add", "--link <LABEL=URL>")]
    [InlineData("add", "Default: \"add.section\" of config.json")]
    [InlineData("lint", "default: \"folder\" of release-notes/config.json")]
    public void Help_shows_defaults_and_opt_outs(string command, string text)
    {
        var outcome = Run.In(_repo.Root, [command, "--help"]);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains(text, outcome.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Errors_and_warnings_are_coloured_on_a_terminal()
    {
        _repo.Write("release-notes/unreleased.md", "# Unreleased\n\n## Public\n\n### Fixd\n\n* x\n");

        var outcome = Run.In(_repo.Root, ["lint"], terminal: true);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains(": \u001b[1m\u001b[31merror\u001b[0m BFRN102", outcome.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, false, "")]
    [InlineData(true, true, "")]
    [InlineData(true, false, "--no-color")]
    public void Colour_is_off_when_redirected_with_NO_COLOR_or_with_no_color(bool terminal, bool noColorVariable, string option)
    {
        _repo.Write("release-notes/unreleased.md", "# Unreleased\n\n## Public\n\n### Fixd\n");
        var environment = noColorVariable ? new Dictionary<string, string> { ["NO_COLOR"] = "1" } : [];
        string[] args = option.Length > 0 ? ["lint", option] : ["lint"];

        var outcome = Run.In(_repo.Root, args, environment, terminal);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("error BFRN102", outcome.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(Escape, outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Escape_sequences_from_a_note_are_shown_not_obeyed_on_a_terminal()
    {
        _repo.Write("release-notes/unreleased.md", "# Unreleased\n\n## Public\n\n### \u001b[2JFixed\n");

        var outcome = Run.In(_repo.Root, ["lint", "--no-color"], terminal: true);

        Assert.Contains("\\x1b[2JFixed", outcome.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_fix_says_when_it_wrote_nothing_and_why()
    {
        _repo.Write("release-notes/unreleased.md", "# Unreleased\n\n## Public\n\n### Fixd\n\n- x\n");
        var before = _repo.Snapshot();

        var cannot = Run.In(_repo.Root, ["lint", "--fix"]);
        var afterCannot = _repo.Snapshot();
        _repo.Write("release-notes/unreleased.md", ReleaseNotesWriter.EmptyUnreleased());
        var clean = Run.In(_repo.Root, ["lint", "--fix"]);

        Assert.Equal(1, cannot.ExitCode);
        Assert.Contains("lint --fix: nothing was written: none of the errors below can be fixed automatically; fix them by hand.", cannot.Error, StringComparison.Ordinal);
        Assert.Equal(before, afterCannot);
        Assert.Equal(0, clean.ExitCode);
        Assert.Contains("lint --fix: nothing to fix; no file was changed.", clean.Out, StringComparison.Ordinal);
    }
}
