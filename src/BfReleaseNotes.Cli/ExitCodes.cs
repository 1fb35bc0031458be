namespace BfReleaseNotes.Cli;

/// <summary>The exit codes of every command; the same meaning everywhere.</summary>
internal static class ExitCodes
{
    /// <summary>Everything is fine (a check passed, a command completed).</summary>
    public const int Ok = 0;

    /// <summary>The content has problems (diagnostics, a failed check, a conflict).</summary>
    public const int ContentProblems = 1;

    /// <summary>The command could not run (usage error, missing file or repository, cannot decide).</summary>
    public const int CouldNotRun = 2;

    /// <summary>The text for <c>--help</c>.</summary>
    public const string Help = "Exit codes: 0 ok, 1 the content has problems, 2 the command could not run.";
}
