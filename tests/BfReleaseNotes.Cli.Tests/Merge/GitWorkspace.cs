using System.Diagnostics;

namespace BfReleaseNotes.Cli.Tests.Merge;

/// <summary>
/// A real repository in a temp folder driven by the <c>git</c> CLI (git itself is the subject: it runs the merge
/// driver), with the tool run in-process. The driver git runs is the built CLI started with <c>dotnet</c>.
/// </summary>
public sealed class GitWorkspace : IDisposable
{
    private readonly TempFolder _temp = new();

    public GitWorkspace()
    {
        Directory.CreateDirectory(Root);
        Directory.CreateDirectory(_temp.Combine("home"));
        Git("init", "-q", "-b", "main", ".");
        Git("config", "user.name", "Test");
        Git("config", "user.email", "test@example.com");
        Git("config", "commit.gpgsign", "false");
        Tool("init");
        Commit("Start");
    }

    public string Root => _temp.Combine("repo");

    public string UnreleasedPath => Path.Combine(Root, "release-notes", "unreleased.md");

    public string Unreleased => File.ReadAllText(UnreleasedPath);

    /// <summary>How git starts the driver: the built CLI's dll under dotnet, quoted for the shell.</summary>
    public static string DriverCommand => $"'dotnet' '{typeof(CliApp).Assembly.Location}'";

    public CliOutcome Tool(params string[] args) => Cli.Run(Root, args);

    public void Add(string section, string type, string text, string? flag = null)
    {
        var outcome = Tool(flag is null ? ["add", "--section", section, "--type", type, text] : ["add", "--section", section, "--type", type, "--flag", flag, text]);
        Assert.True(outcome.ExitCode == 0, outcome.Error);
    }

    public void Commit(string message)
    {
        Git("add", "-A");
        Git("commit", "-q", "--allow-empty", "-m", message);
    }

    public void Install()
    {
        var outcome = Tool("merge-driver", "install", "--command", DriverCommand);
        Assert.True(outcome.ExitCode == 0, outcome.Error);
        Commit("Merge set-up");
    }

    /// <summary>Only the attribute, as on GitLab's server: git's built-in union runs.</summary>
    public void UnionOnly()
    {
        File.WriteAllText(Path.Combine(Root, ".gitattributes"), "release-notes/unreleased.md merge=union\n");
        Commit("Union attribute");
    }

    public string Git(params string[] args)
    {
        var (exitCode, output, error) = TryGit(args);
        Assert.True(exitCode == 0, $"git {string.Join(' ', args)} exited {exitCode}:\n{output}\n{error}");
        return output;
    }

    public (int ExitCode, string Out, string Error) TryGit(params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // The user's own git configuration must not change what these tests see.
        start.Environment["HOME"] = _temp.Combine("home");
        start.Environment["XDG_CONFIG_HOME"] = _temp.Combine("home", ".config");
        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        start.Environment["GIT_EDITOR"] = "true";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output.Result, error);
    }

    public void Dispose() => _temp.Dispose();
}
