using System.Diagnostics;
using LibGit2Sharp;

namespace BfReleaseNotes.Cli.Tests.Promote;

/// <summary>
/// The author identity comes from git's configuration files, which are per user: these tests run the real CLI
/// as a child process with its own HOME, so they see exactly the configuration they set up.
/// </summary>
public sealed class PromoteIdentityTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "bfrn-identity-" + Guid.NewGuid().ToString("N"));

    public PromoteIdentityTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, "home"));
        Directory.CreateDirectory(Path.Combine(_root, "repo", "release-notes"));
        Repository.Init(Path.Combine(_root, "repo"));
        File.WriteAllText(Path.Combine(_root, "repo", "release-notes", "unreleased.md"), ReleaseRepository.Case("realistic"));
    }

    public void Dispose()
    {
        foreach (var file in Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories))
        {
            File.SetAttributes(file, FileAttributes.Normal);
        }

        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public void The_author_comes_from_the_users_global_git_config_when_the_repository_has_none()
    {
        File.WriteAllText(Path.Combine(_root, "home", ".gitconfig"), "[user]\n\tname = Global Captain\n\temail = global@example.com\n");

        var (exitCode, _, error) = RunCli("promote", "--version", "1.0.0", "--commit");

        Assert.True(exitCode == 0, error);
        using var repository = new Repository(Path.Combine(_root, "repo"));
        Assert.Equal("Global Captain", repository.Head.Tip.Author.Name);
        Assert.Equal("global@example.com", repository.Head.Tip.Author.Email);
    }

    [Fact]
    public void Without_any_git_identity_commit_exits_2_and_writes_nothing()
    {
        var before = File.ReadAllBytes(Path.Combine(_root, "repo", "release-notes", "unreleased.md"));

        var (exitCode, _, error) = RunCli("promote", "--version", "1.0.0", "--commit");

        Assert.Equal(2, exitCode);
        Assert.Contains("git has no author identity", error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(Path.Combine(_root, "repo", "release-notes", "unreleased.md")));
        Assert.False(File.Exists(Path.Combine(_root, "repo", "release-notes", "1.0.0.md")));
    }

    private (int ExitCode, string Out, string Error) RunCli(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.Combine(_root, "repo"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(typeof(CliApp).Assembly.Location);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["HOME"] = Path.Combine(_root, "home");
        start.Environment["XDG_CONFIG_HOME"] = Path.Combine(_root, "home", ".config");
        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output.Result, error);
    }
}
