using System.Diagnostics;

namespace BfReleaseNotes.Cli.Tests.Safety;

/// <summary>
/// Runs the real CLI as a separate process, as a user or CI does: concurrency and crash tests need real processes
/// (their own locks, their own deaths). A run that hangs is killed after a generous limit and fails the test; the
/// limit only catches a hang, it does not time anything.
/// </summary>
internal static class CliProcess
{
    private static readonly TimeSpan HangLimit = TimeSpan.FromMinutes(2);

    public static Process Start(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        start.ArgumentList.Add(typeof(CliApp).Assembly.Location);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // Git must not read the machine's or the user's configuration: the repositories set what they need.
        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment.Remove("BFRN_TEST_FAULT");
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start)!;
        process.StandardInput.Close();
        return process;
    }

    public static (int ExitCode, string Out, string Error) Finish(Process process)
    {
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(HangLimit))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            Assert.Fail($"bf-release-notes did not finish within {HangLimit.TotalMinutes} minutes (a hang); stderr so far: {error.Result}");
        }

        process.WaitForExit();
        var result = (process.ExitCode, output.Result, error.Result);
        process.Dispose();
        return result;
    }

    public static (int ExitCode, string Out, string Error) Run(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args) =>
        Finish(Start(workingDirectory, environment, args));

    public static (int ExitCode, string Out, string Error) Run(string workingDirectory, params string[] args) =>
        Run(workingDirectory, null, args);

    /// <summary>The environment that makes one step of a transaction fail (or, with <c>:crash</c>, kill the process).</summary>
    public static Dictionary<string, string> Fault(string step) => new(StringComparer.Ordinal) { ["BFRN_TEST_FAULT"] = step };
}
