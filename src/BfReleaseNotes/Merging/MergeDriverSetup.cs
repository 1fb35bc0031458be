using System.Text;
using BfReleaseNotes.Git;
using BfReleaseNotes.Workspace;
using LibGit2Sharp;

namespace BfReleaseNotes.Merging;

/// <summary>
/// Installs the merge set-up in a repository: <c>.gitattributes</c> marks <c>&lt;folder&gt;/unreleased.md</c>
/// <c>merge=union</c> (what GitLab's merge and rebase buttons apply on the server), and the repository's local git
/// config defines <c>merge.union.driver</c> as the structural driver. Git looks up a driver defined in config before
/// its built-in ones, so on a machine where this ran every local merge, rebase and cherry-pick of the file is
/// structural; on the server, the built-in union runs and <c>lint --fix</c> repairs what it produces.
/// </summary>
public static class MergeDriverSetup
{
    /// <summary>The git config keys the set-up writes (local level only).</summary>
    public const string DriverKey = "merge.union.driver";

    /// <summary>The human-readable name git shows for the driver.</summary>
    public const string NameKey = "merge.union.name";

    /// <summary>The value of <see cref="NameKey"/>.</summary>
    public const string DriverName = "bf-release-notes structural merge of unreleased.md (git's union for other files)";

    /// <summary>
    /// Installs (or with <paramref name="uninstall"/>, removes) the set-up. Idempotent: what is already as wanted is
    /// left alone. Returns one line per change made, empty when nothing changed.
    /// </summary>
    /// <param name="path">A folder inside the repository.</param>
    /// <param name="folder">The release-notes folder relative to the repository root, with <c>/</c> (e.g. <c>release-notes</c>).</param>
    /// <param name="driverCommand">The program to run, e.g. <c>bf-release-notes</c> or <c>'dotnet' '/opt/bf/bf-release-notes.dll'</c>; the arguments are added.</param>
    /// <param name="uninstall">Remove the attribute line and the config keys instead.</param>
    /// <exception cref="EnvironmentException">No repository holds <paramref name="path"/>, or a file cannot be written.</exception>
    public static IReadOnlyList<string> Apply(string path, string folder, string driverCommand, bool uninstall)
    {
        // Stryker disable once Statement : the repository lookup names the same parameter
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(driverCommand);
        var root = RepositoryLocator.Discover(path)
            ?? throw new EnvironmentException($"'{path}' is not inside a git repository; run the command inside one or pass --repo");
        var changes = new List<string>();
        var pattern = folder.Replace('\\', '/').Trim('/') + "/unreleased.md";
        var line = $"{pattern} merge=union";
        var attributesPath = Path.Combine(root, ".gitattributes");
        var attributes = File.Exists(attributesPath) ? Encoding.UTF8.GetString(ReleaseNotesFolder.ReadBytes(attributesPath)) : string.Empty;
        var lines = attributes.Split('\n').ToList();
        var existing = lines.FindIndex(candidate => candidate.TrimEnd('\r').Trim() == line);
        if (!uninstall && existing < 0)
        {
            var eol = attributes.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
            var text = attributes.Length == 0 || attributes.EndsWith('\n') ? attributes + line + eol : attributes + eol + line + eol;
            new FileTransaction().Write(attributesPath, Encoding.UTF8.GetBytes(text)).Commit();
            changes.Add($"{attributesPath}: added '{line}'");
        }
        else if (uninstall && existing >= 0)
        {
            lines.RemoveAt(existing);
            new FileTransaction().Write(attributesPath, Encoding.UTF8.GetBytes(string.Join('\n', lines))).Commit();
            changes.Add($"{attributesPath}: removed '{line}'");
        }

        using var repository = new Repository(root);
        var driver = $"{driverCommand} merge-driver %O %A %B %P";
        SetOrUnset(repository, NameKey, uninstall ? null : DriverName, changes);
        SetOrUnset(repository, DriverKey, uninstall ? null : driver, changes);
        return changes;
    }

    /// <summary>
    /// As <see cref="Apply(string, string, string, bool)"/> for several notes folders (a monorepo's projects): every
    /// folder's <c>unreleased.md</c> gets its attribute line; the git config keys are shared.
    /// </summary>
    /// <exception cref="EnvironmentException">As the other overload.</exception>
    public static IReadOnlyList<string> Apply(string path, IReadOnlyList<string> folders, string driverCommand, bool uninstall)
    {
        ArgumentNullException.ThrowIfNull(folders);
        return [.. folders.SelectMany(folder => Apply(path, folder, driverCommand, uninstall))];
    }

    /// <summary>The driver command configured in the repository's local config, or null.</summary>
    public static string? InstalledDriver(string path)
    {
        // Stryker disable once Statement : the repository lookup names the same parameter
        ArgumentNullException.ThrowIfNull(path);
        var root = RepositoryLocator.Discover(path);
        if (root is null)
        {
            return null;
        }

        using var repository = new Repository(root);
        return repository.Config.Get<string>(DriverKey, ConfigurationLevel.Local)?.Value;
    }

    private static void SetOrUnset(Repository repository, string key, string? value, List<string> changes)
    {
        var current = repository.Config.Get<string>(key, ConfigurationLevel.Local)?.Value;
        if (value is null && current is not null)
        {
            repository.Config.Unset(key, ConfigurationLevel.Local);
            changes.Add($"git config --local: removed {key}");
        }
        else if (value is not null && current != value)
        {
            repository.Config.Set(key, value, ConfigurationLevel.Local);
            changes.Add($"git config --local: {key} = {value}");
        }
    }
}
