namespace BfReleaseNotes.Cli.Tests;

/// <summary>What one run of the real entry point printed and returned.</summary>
public sealed record CliOutcome(int ExitCode, string Out, string Error);

/// <summary>Runs <see cref="CliApp.Run"/> in-process with captured output, the way the process runs it.</summary>
public static class Cli
{
    public static CliOutcome Run(string currentDirectory, string[] args, string? standardInput = null)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var input = standardInput is null ? null : new StringReader(standardInput);
        var context = new CliContext
        {
            Out = output,
            Error = error,
            In = input,
            CurrentDirectory = currentDirectory,
            Clock = TimeProvider.System,
        };

        var exitCode = CliApp.Run(args, context);
        return new CliOutcome(exitCode, output.ToString(), error.ToString());
    }
}
