using System.Diagnostics;

namespace BfReleaseNotes.Cli.Tests.Everyday;

/// <summary>Completion scripts, run by the real shells where the machine has them.</summary>
public sealed class CompletionTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("bash", "complete -o default -F _bf_release_notes bf-release-notes")]
    [InlineData("zsh", "bashcompinit")]
    [InlineData("fish", "complete -c bf-release-notes -n '__fish_seen_subcommand_from add' -l section -x -a 'beta internal public'")]
    [InlineData("pwsh", "Register-ArgumentCompleter -Native -CommandName 'bf-release-notes'")]
    public void Each_shell_gets_a_script_built_from_the_command_tree(string shell, string expected)
    {
        var outcome = Run.In(_temp.Path, ["completion", shell]);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains(expected, outcome.Out, StringComparison.Ordinal);
        Assert.Contains("graduate", outcome.Out, StringComparison.Ordinal);
        Assert.Contains("allow-earlier-date", outcome.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_shell_is_a_usage_error()
    {
        var outcome = Run.In(_temp.Path, ["completion", "tcsh"]);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("tcsh", outcome.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bf-release-notes pro", "promote")]
    [InlineData("bf-release-notes add --section ", "beta internal public")]
    [InlineData("bf-release-notes flags graduate new-editor --to ", "beta public")]
    [InlineData("bf-release-notes promote --dr", "--dry-run")]
    [InlineData("bf-release-notes flags gr", "graduate")]
    public void Bash_completes_commands_options_and_values(string line, string expected)
    {
        var script = _temp.Combine("completion.bash");
        File.WriteAllText(script, Run.In(_temp.Path, ["completion", "bash"]).Out);
        var words = line.Split(' ');
        var driver =
            $"source '{script}'\n" +
            $"COMP_WORDS=({string.Join(' ', words.Select(word => $"'{word}'"))})\n" +
            $"COMP_CWORD={words.Length - 1}\n" +
            "_bf_release_notes\n" +
            "echo \"${COMPREPLY[*]}\"\n";

        var (exitCode, output) = Shell("bash", driver);

        Assert.Equal(0, exitCode);
        Assert.Equal(expected, output.Trim());
    }

    [Fact]
    public void The_bash_and_zsh_scripts_are_valid_shell_syntax()
    {
        File.WriteAllText(_temp.Combine("c.bash"), Run.In(_temp.Path, ["completion", "bash"]).Out);
        File.WriteAllText(_temp.Combine("c.zsh"), Run.In(_temp.Path, ["completion", "zsh"]).Out);

        Assert.Equal(0, Shell("bash", $"bash -n '{_temp.Combine("c.bash")}' && bash -n '{_temp.Combine("c.zsh")}'").ExitCode);
    }

    private static (int ExitCode, string Output) Shell(string shell, string script)
    {
        var start = new ProcessStartInfo(shell) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var process = Process.Start(start)!;
        process.StandardInput.Write(script);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        // A generous limit that only catches a hang.
        Assert.True(process.WaitForExit(60_000), "the shell did not finish");
        return (process.ExitCode, output.Result + error.Result);
    }
}
