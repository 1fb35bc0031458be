namespace BfReleaseNotes.Cli.Tests.Everyday;

/// <summary>Runs the real entry point in-process as a terminal or a pipe would see it, with its own environment.</summary>
internal static class Run
{
    public static CliOutcome In(
        string currentDirectory,
        string[] args,
        IReadOnlyDictionary<string, string>? environment = null,
        bool terminal = false,
        string? standardInput = null)
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
            Environment = environment ?? new Dictionary<string, string>(),
            ErrorIsTerminal = terminal,
            OutIsTerminal = terminal,
            Clock = TimeProvider.System,
        };

        var exitCode = CliApp.Run(args, context);
        return new CliOutcome(exitCode, output.ToString(), error.ToString());
    }
}
