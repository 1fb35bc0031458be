using System.Diagnostics;

namespace BfReleaseNotes.Cli.Tests.Check;

/// <summary>
/// Runs bash scripts as real processes in a sandbox: its own HOME, no system git configuration, a fixed git
/// identity. Used where git itself or a CI job's shell is the subject (shallow clones, the README's job).
/// </summary>
internal sealed class Shell : IDisposable
{
    // Catches a hang only; never a speed assertion.
    private static readonly TimeSpan HangLimit = TimeSpan.FromMinutes(5);

    public Shell()
    {
        Root = Path.Combine(Path.GetTempPath(), "bfrn-shell-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(Root, "home"));
    }

    /// <summary>The sandbox folder; everything the scripts create lives below it.</summary>
    public string Root { get; }

    /// <summary>The CLI's assembly, run with <c>dotnet</c>.</summary>
    public static string CliAssembly => typeof(CliApp).Assembly.Location;

    /// <summary>Runs <paramref name="script"/> with <c>bash -euo pipefail</c> in <paramref name="directory"/> (relative to the root).</summary>
    public (int ExitCode, string Out, string Error) Run(string directory, string script, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("bash")
        {
            WorkingDirectory = Path.Combine(Root, directory),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("-euo");
        start.ArgumentList.Add("pipefail");
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        foreach (var name in start.Environment.Keys.Where(name => name.StartsWith("CI_", StringComparison.Ordinal) || name.StartsWith("GIT_", StringComparison.Ordinal)).ToList())
        {
            // A test run inside GitLab CI must not see the outer pipeline's variables.
            start.Environment.Remove(name);
        }

        start.Environment["HOME"] = Path.Combine(Root, "home");
        start.Environment["XDG_CONFIG_HOME"] = Path.Combine(Root, "home", ".config");
        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        start.Environment["GIT_AUTHOR_NAME"] = start.Environment["GIT_COMMITTER_NAME"] = "Shell Test";
        start.Environment["GIT_AUTHOR_EMAIL"] = start.Environment["GIT_COMMITTER_EMAIL"] = "shell@example.com";
        start.Environment["BFRN_CLI"] = CliAssembly;
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(HangLimit))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"the script hung: {script}");
        }

        return (process.ExitCode, output.Result, error.Result);
    }

    /// <summary>Runs a script that must succeed, returning its standard output.</summary>
    public string Must(string directory, string script, IReadOnlyDictionary<string, string>? environment = null)
    {
        var (exitCode, output, error) = Run(directory, script, environment);
        return exitCode == 0 ? output : throw new InvalidOperationException($"the script failed ({exitCode}): {script}\n{error}");
    }

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            foreach (var file in Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories))
            {
                File.SetAttributes(file, FileAttributes.Normal);
            }

            Directory.Delete(Root, recursive: true);
        }
    }
}
