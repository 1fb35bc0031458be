using LibGit2Sharp;

namespace BfReleaseNotes.Git;

/// <summary>
/// Finds the repository that holds a path, and the configuration files git reads, without libgit2's own
/// discovery. Under NativeAOT, LibGit2Sharp's out-buffer marshalling is in-only, so <c>Repository.Discover</c>
/// returns null and the global config is never found (libgit2sharp#2187); plain path probing has no such
/// problem and behaves the same under the JIT.
/// </summary>
internal static class RepositoryLocator
{
    /// <summary>The work tree (or bare repository) holding <paramref name="path"/>, or null.</summary>
    public static string? Discover(string path)
    {
        var directory = new DirectoryInfo(Path.GetFullPath(path));
        if (!directory.Exists && directory.Parent is not null)
        {
            directory = directory.Parent; // a file path: start from its folder.
        }

        for (var current = directory; current is not null; current = current.Parent)
        {
            var dotGit = Path.Combine(current.FullName, ".git");
            if (Directory.Exists(dotGit) || File.Exists(dotGit))
            {
                return current.FullName;
            }

            if (File.Exists(Path.Combine(current.FullName, "HEAD")) && Directory.Exists(Path.Combine(current.FullName, "objects")) && Directory.Exists(Path.Combine(current.FullName, "refs")))
            {
                return current.FullName; // a bare repository.
            }
        }

        return null;
    }

    /// <summary>
    /// The author identity git would use: the repository's configuration, else the user's and the system's
    /// files read from their usual places. Null when none of them sets user.name and user.email.
    /// </summary>
    public static Signature? Identity(Repository repository, DateTimeOffset when)
    {
        var fromRepository = repository.Config.BuildSignature(when);
        if (fromRepository is not null)
        {
            return fromRepository;
        }

        var home = Environment.GetEnvironmentVariable("HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var xdgHome = Environment.GetEnvironmentVariable("XDG_CONFIG_HOME") is { Length: > 0 } xdg ? xdg : Path.Combine(home, ".config");
        using var configuration = LibGit2Sharp.Configuration.BuildFrom(
            Existing(Path.Combine(repository.Info.Path, "config")),
            Existing(Path.Combine(home, ".gitconfig")),
            Existing(Path.Combine(xdgHome, "git", "config")),
            Environment.GetEnvironmentVariable("GIT_CONFIG_NOSYSTEM") is { Length: > 0 } ? null : Existing("/etc/gitconfig"));
        return configuration.BuildSignature(when);
    }

    private static string? Existing(string path) => File.Exists(path) ? path : null;
}
