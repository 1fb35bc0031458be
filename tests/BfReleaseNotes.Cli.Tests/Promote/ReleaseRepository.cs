using LibGit2Sharp;

namespace BfReleaseNotes.Cli.Tests.Promote;

/// <summary>
/// A real git repository in a temp folder (created with LibGit2Sharp) holding a release-notes folder,
/// and a way to run the real CLI entry point in it. Deleted when the test ends.
/// </summary>
internal sealed class ReleaseRepository : IDisposable
{
    public ReleaseRepository(bool withGit = true)
    {
        Root = Path.Combine(Path.GetTempPath(), "bfrn-cli-promo-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(NotesPath);
        if (withGit)
        {
            Repository.Init(Root);
            using var repository = new Repository(Root);
            repository.Config.Set("user.name", "Release Captain", ConfigurationLevel.Local);
            repository.Config.Set("user.email", "captain@example.com", ConfigurationLevel.Local);
        }
    }

    public string Root { get; }

    public string NotesPath => Path.Combine(Root, "release-notes");

    public string Unreleased => Path.Combine(NotesPath, "unreleased.md");

    public void Write(string relativePath, string text)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    public string CommitAll(string message)
    {
        using var repository = new Repository(Root);
        LibGit2Sharp.Commands.Stage(repository, "*");
        var signature = new Signature("Developer", "dev@example.com", DateTimeOffset.UtcNow);
        return repository.Commit(message, signature, signature).Sha;
    }

    public (int ExitCode, string Out, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = new CliContext { Out = output, Error = error, CurrentDirectory = Root };
        var exitCode = CliApp.Run(args, context);
        return (exitCode, output.ToString(), error.ToString());
    }

    /// <summary>Every file under the release-notes folder with its bytes.</summary>
    public IReadOnlyDictionary<string, byte[]> Snapshot() =>
        Directory.EnumerateFiles(NotesPath).Order(StringComparer.Ordinal).ToDictionary(path => Path.GetFileName(path), File.ReadAllBytes);

    public static string Case(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Cases", "Promotion", name, "unreleased.md"));

    public void Dispose()
    {
        if (!Directory.Exists(Root))
        {
            return;
        }

        // libgit2 writes read-only object files; make them deletable first.
        foreach (var file in Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories))
        {
            File.SetAttributes(file, FileAttributes.Normal);
        }

        Directory.Delete(Root, recursive: true);
    }
}
