using BfReleaseNotes.Git;
using BfReleaseNotes.Workspace;

namespace BfReleaseNotes.Configuration;

/// <summary>
/// Finds the release notes a command works on, from any folder inside the repository: walks up to the nearest
/// folder holding <c>release-notes/config.json</c>, else to the repository's work tree, else stays where it started;
/// the configuration's <c>"folder"</c> (default <c>release-notes</c>) is relative to that folder.
/// </summary>
/// <remarks>
/// One place decides "which notes does this path belong to", so a later <c>"projects"</c> section (a monorepo with
/// one notes folder per project, matched by path globs) changes this type and nothing that calls it.
/// </remarks>
public static class ReleaseNotesLocator
{
    /// <summary>
    /// Locates the notes for a command started in <paramref name="startFolder"/>. With
    /// <paramref name="explicitFolder"/> (a <c>--dir</c>, relative to <paramref name="startFolder"/>) that folder
    /// is used, with its own <c>config.json</c> when it has one, else the configuration found by walking up.
    /// </summary>
    /// <exception cref="EnvironmentException">The configuration file cannot be read or is not valid.</exception>
    public static ReleaseNotesLocation Locate(string startFolder, string? explicitFolder = null)
    {
        ArgumentNullException.ThrowIfNull(startFolder);
        var start = Path.GetFullPath(startFolder);
        var repository = RepositoryLocator.Discover(start);
        var root = FindRoot(start, repository) ?? repository ?? start;
        var configurationPath = Path.Combine(root, ReleaseNotesFolder.DefaultPath, ReleaseNotesConfiguration.FileName);
        if (explicitFolder is not null)
        {
            var folder = Path.GetFullPath(explicitFolder, start);
            var own = Path.Combine(folder, ReleaseNotesConfiguration.FileName);
            var chosen = File.Exists(own) ? own : File.Exists(configurationPath) ? configurationPath : null;
            var configuration = chosen is null ? ReleaseNotesConfiguration.Default : ConfigurationReader.Load(chosen);
            return new ReleaseNotesLocation(root, repository, chosen, configuration, new ReleaseNotesFolder(folder));
        }

        var found = File.Exists(configurationPath);
        var settings = found ? ConfigurationReader.Load(configurationPath) : ReleaseNotesConfiguration.Default;
        var notes = settings.Folder is { } configured ? Path.Combine(root, configured.Replace('/', Path.DirectorySeparatorChar)) : Path.Combine(root, ReleaseNotesFolder.DefaultPath);
        return new ReleaseNotesLocation(root, repository, found ? configurationPath : null, settings, new ReleaseNotesFolder(Path.TrimEndingDirectorySeparator(notes)));
    }

    /// <summary>
    /// The folders under <paramref name="root"/> that hold an <c>unreleased.md</c> (full paths, sorted), so
    /// <c>init</c> can refuse to start a second notes folder in a repository that has one. Hidden folders and
    /// build output (<c>bin</c>, <c>obj</c>, <c>node_modules</c>) are not searched, nor deeper than 8 levels.
    /// </summary>
    public static IReadOnlyList<string> FindNotesFolders(string root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var found = new List<string>();
        var pending = new Stack<(string Folder, int Depth)>();
        pending.Push((Path.GetFullPath(root), 0));
        while (pending.Count > 0)
        {
            var (folder, depth) = pending.Pop();
            if (File.Exists(Path.Combine(folder, Markdown.ReleaseNotesParser.UnreleasedFileName)))
            {
                found.Add(folder);
            }

            if (depth >= 8)
            {
                continue;
            }

            IEnumerable<string> children;
            try
            {
                children = Directory.EnumerateDirectories(folder);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                continue; // an unreadable folder holds no notes we could use.
            }

            foreach (var child in children)
            {
                var name = Path.GetFileName(child);
                if (!name.StartsWith('.') && name is not ("bin" or "obj" or "node_modules"))
                {
                    pending.Push((child, depth + 1));
                }
            }
        }

        found.Sort(StringComparer.Ordinal);
        return found;
    }

    /// <summary>The nearest folder from <paramref name="start"/> up to the repository root that holds <c>release-notes/config.json</c>.</summary>
    private static string? FindRoot(string start, string? repository)
    {
        for (var current = new DirectoryInfo(start); current is not null; current = current.Parent)
        {
            if (File.Exists(Path.Combine(current.FullName, ReleaseNotesFolder.DefaultPath, ReleaseNotesConfiguration.FileName)))
            {
                return current.FullName;
            }

            if (repository is not null && string.Equals(current.FullName, repository, StringComparison.Ordinal))
            {
                break; // a configuration above the work tree belongs to another project.
            }
        }

        return null;
    }
}
