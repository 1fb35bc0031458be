using System.Text.RegularExpressions;
using LibGit2Sharp;

namespace BfReleaseNotes.Cli.Tests.Safety;

/// <summary>A temp folder holding <c>release-notes/</c> (optionally a git repository), and what is in its files.</summary>
internal sealed partial class NotesFolder : IDisposable
{
    public NotesFolder(bool git = false)
    {
        Root = Path.Combine(Path.GetTempPath(), "bfrn-safety-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Notes);
        File.WriteAllText(Unreleased, "# Unreleased\n\n## Public\n\n### Added\n\n### Changed\n\n### Fixed\n\n## Beta\n\n### Added\n\n### Changed\n\n### Fixed\n\n## Internal\n\n### Added\n\n### Changed\n\n### Fixed\n");
        if (git)
        {
            Repository.Init(Root);
            using var repository = new Repository(Root);
            repository.Config.Set("user.name", "Release Captain", ConfigurationLevel.Local);
            repository.Config.Set("user.email", "captain@example.com", ConfigurationLevel.Local);
        }
    }

    public string Root { get; }

    public string Notes => Path.Combine(Root, "release-notes");

    public string Unreleased => Path.Combine(Notes, "unreleased.md");

    /// <summary>Every entry line (<c>- text</c>) of every markdown file in the folder, with the file it is in.</summary>
    public List<(string File, string Entry)> Entries() =>
        [.. Directory.EnumerateFiles(Notes, "*.md")
            .SelectMany(file => File.ReadAllLines(file).Where(line => line.StartsWith("- ", StringComparison.Ordinal)).Select(line => (Path.GetFileName(file), line[2..])))];

    public List<string> PublishedFiles() =>
        [.. Directory.EnumerateFiles(Notes, "*.md").Select(path => Path.GetFileName(path)).Where(name => name != "unreleased.md").Order(StringComparer.Ordinal)];

    /// <summary>Temporary files, backups, journals and locks: what a finished command must not leave behind.</summary>
    public List<string> Leftovers() =>
        [.. Directory.EnumerateFileSystemEntries(Notes).Select(path => Path.GetFileName(path)).Where(name => Leftover().IsMatch(name))];

    public string CommitAll(string message)
    {
        using var repository = new Repository(Root);
        LibGit2Sharp.Commands.Stage(repository, "*");
        var signature = new Signature("Developer", "dev@example.com", DateTimeOffset.UtcNow);
        return repository.Commit(message, signature, signature).Sha;
    }

    public void Dispose()
    {
        if (!Directory.Exists(Root))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories))
        {
            File.SetAttributes(file, FileAttributes.Normal);
        }

        Directory.Delete(Root, recursive: true);
    }

    [GeneratedRegex(@"\.bfrn|\.tmp\z|\.bak\z")]
    private static partial Regex Leftover();
}
