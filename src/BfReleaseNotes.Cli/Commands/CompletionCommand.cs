using System.CommandLine;
using BfReleaseNotes.Cli.Terminal;

namespace BfReleaseNotes.Cli.Commands;

/// <summary><c>completion SHELL</c>: prints a shell completion script for bash, zsh, fish or PowerShell.</summary>
internal static class CompletionCommand
{
    public static Command Create(CliContext context)
    {
        var shell = new Argument<string>("SHELL") { Description = "bash, zsh, fish or pwsh." };
        shell.AcceptOnlyFromAmong(CompletionScripts.Shells);
        var command = new Command(
            "completion",
            "Print a shell completion script. bash: source <(bf-release-notes completion bash); zsh: source <(bf-release-notes completion zsh); " +
            "fish: bf-release-notes completion fish > ~/.config/fish/completions/bf-release-notes.fish; " +
            "PowerShell: bf-release-notes completion pwsh | Out-String | Invoke-Expression (add it to $PROFILE).\n" + ExitCodes.Help)
        {
            shell,
        };
        command.SetAction(parse =>
        {
            context.Out.Write(CompletionScripts.For(parse.GetValue(shell)!, CliApp.Build(context)));
            return ExitCodes.Ok;
        });
        return command;
    }
}
