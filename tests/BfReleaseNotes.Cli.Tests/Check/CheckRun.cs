namespace BfReleaseNotes.Cli.Tests.Check;

/// <summary>The outcome of one run of the real CLI: exit code, stdout and stderr.</summary>
internal sealed record CheckRun(int ExitCode, string Out, string Error)
{
    /// <summary>Runs <c>bf-release-notes check</c> in-process in <paramref name="directory"/> with only the given environment variables.</summary>
    public static CheckRun In(string directory, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = new CliContext
        {
            Out = output,
            Error = error,
            CurrentDirectory = directory,
            Environment = environment ?? new Dictionary<string, string>(),
        };
        var exit = CliApp.Run(["check", .. arguments], context);
        return new CheckRun(exit, output.ToString(), error.ToString());
    }

    /// <summary>Everything printed, for assertions that do not care which stream.</summary>
    public string All => Out + Error;
}
