namespace BfReleaseNotes.Cli.Tests.Help;

public sealed class HelpTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Help_exits_0_and_lists_the_commands_and_exit_codes()
    {
        var outcome = Cli.Run(_temp.Path, ["--help"]);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("init", outcome.Out, StringComparison.Ordinal);
        Assert.Contains("lint", outcome.Out, StringComparison.Ordinal);
        Assert.Contains("add", outcome.Out, StringComparison.Ordinal);
        Assert.Contains("Exit codes: 0 ok, 1 the content has problems, 2 the command could not run.", outcome.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void The_command_list_shows_optional_and_repeatable_arguments_as_each_command_usage_does_in_the_same_column()
    {
        var outcome = Cli.Run(_temp.Path, ["--help"]);

        var lines = outcome.Out.Split('\n');
        var lint = Assert.Single(lines, line => line.StartsWith("  lint ", StringComparison.Ordinal));
        var add = Assert.Single(lines, line => line.StartsWith("  add ", StringComparison.Ordinal));
        var init = Assert.Single(lines, line => line.StartsWith("  init ", StringComparison.Ordinal));
        var show = Assert.Single(lines, line => line.StartsWith("  show ", StringComparison.Ordinal));
        var mergeDriver = Assert.Single(lines, line => line.StartsWith("  merge-driver ", StringComparison.Ordinal));
        Assert.StartsWith("  lint [<FILE>...]   ", lint, StringComparison.Ordinal);
        Assert.StartsWith("  add [<TEXT>]   ", add, StringComparison.Ordinal);
        Assert.StartsWith("  show <VERSION>   ", show, StringComparison.Ordinal);
        Assert.StartsWith("  merge-driver <BASE OURS THEIRS [PATH]>  ", mergeDriver, StringComparison.Ordinal);
        var column = init.IndexOf("Write the empty", StringComparison.Ordinal);
        Assert.Equal(column, lint.IndexOf("Check release-notes files", StringComparison.Ordinal));
        Assert.Equal(column, add.IndexOf("Add an entry", StringComparison.Ordinal));
        Assert.Contains(" lint [<FILE>...] [options]", Cli.Run(_temp.Path, ["lint", "--help"]).Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("init", "--dir")]
    [InlineData("lint", "--fix")]
    [InlineData("add", "--section")]
    public void Each_command_help_exits_0_and_documents_its_options_and_exit_codes(string command, string option)
    {
        var outcome = Cli.Run(_temp.Path, [command, "--help"]);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains(option, outcome.Out, StringComparison.Ordinal);
        Assert.Contains("Exit codes:", outcome.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_command_is_a_usage_error_with_exit_2()
    {
        var outcome = Cli.Run(_temp.Path, ["publish-everything"]);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("--help", outcome.Error, StringComparison.Ordinal);
    }
}
