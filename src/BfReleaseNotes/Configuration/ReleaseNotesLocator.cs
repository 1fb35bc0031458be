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
    public static ReleaseNotesLocation Locate(string startFolder, string? explicitFolder = null) => Locate(startFolder, explicitFolder, null);

    /// <summary>
    /// Locates the notes of one project in a monorepo (the root configuration has <c>"projects"</c>): the project named
    /// by <paramref name="project"/>, else the one whose folder or paths hold <paramref name="startFolder"/>, else the
    /// default project (see <see cref="ProjectResolver.Resolve"/>). Its settings are the root's, with the project's
    /// tag prefix. Without projects this is <see cref="Locate(string, string?)"/>.
    /// </summary>
    /// <exception cref="EnvironmentException">The configuration is not valid, the project is unknown or cannot be chosen, or both a folder and a project are given.</exception>
    public static ReleaseNotesLocation Locate(string startFolder, string? explicitFolder, string? project)
    {
        ArgumentNullException.ThrowIfNull(startFolder);
        if (explicitFolder is not null && project is not null)
        {
            throw new EnvironmentException($"give --dir or --project, not both (--dir {explicitFolder}, --project {project})");
        }

        var located = LocateFolder(startFolder, explicitFolder);
        if (explicitFolder is not null || (located.Configuration.Projects.IsEmpty && project is null))
        {
            return located;
        }

        var chosen = ProjectResolver.Resolve(located.Configuration.Projects, RelativeFolder(located.Root, Path.GetFullPath(startFolder)), project);
        return chosen is null ? located : ForProject(located, chosen);
    }

    /// <summary>
    /// One location per project of a monorepo, in the configuration's order (what <c>lint</c> without a project and
    /// <c>promote --all</c> go through); a repository without projects gives its one location.
    /// </summary>
    /// <exception cref="EnvironmentException">The configuration file cannot be read or is not valid.</exception>
    public static IReadOnlyList<ReleaseNotesLocation> LocateAll(string startFolder)
    {
        var located = LocateFolder(startFolder, null);
        return located.Configuration.Projects.IsEmpty ? [located] : [.. located.Configuration.Projects.Select(project => ForProject(located, project))];
    }

    /// <summary>
    /// The notes a command that can work on every project goes through (<c>lint</c>): the folder or project given, else
    /// the one project inferred from <paramref name="startFolder"/>, else every project (at the repository root, or in
    /// a folder several projects share). Without projects, the one location of <see cref="Locate(string, string?)"/>.
    /// </summary>
    /// <exception cref="EnvironmentException">As <see cref="Locate(string, string?, string?)"/>.</exception>
    public static IReadOnlyList<ReleaseNotesLocation> LocateEach(string startFolder, string? explicitFolder, string? project)
    {
        if (explicitFolder is not null || project is not null || InferProjects(startFolder).Count == 1)
        {
            return [Locate(startFolder, explicitFolder, project)];
        }

        return LocateAll(startFolder);
    }

    /// <summary>The projects whose folder or paths hold <paramref name="startFolder"/> (empty without projects, at the root, or outside them).</summary>
    public static IReadOnlyList<ReleaseNotesProject> InferProjects(string startFolder)
    {
        var located = LocateFolder(startFolder, null);
        return ProjectResolver.Infer(located.Configuration.Projects, RelativeFolder(located.Root, Path.GetFullPath(startFolder)));
    }

    private static ReleaseNotesLocation ForProject(ReleaseNotesLocation located, ReleaseNotesProject project)
    {
        var configuration = located.Configuration with
        {
            Folder = project.Folder,
            Promote = located.Configuration.Promote with { TagPrefix = project.TagPrefix },
        };
        var folder = Path.Combine(located.Root, project.Folder.Replace('/', Path.DirectorySeparatorChar));
        return located with { Configuration = configuration, Folder = new ReleaseNotesFolder(folder), Project = project };
    }

    /// <summary>The folder relative to the root with '/' ("" for the root), or null when it is outside.</summary>
    private static string? RelativeFolder(string root, string folder)
    {
        var relative = Path.GetRelativePath(root, folder).Replace(Path.DirectorySeparatorChar, '/');
        return relative == "." ? string.Empty : relative == ".." || relative.StartsWith("../", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? null : relative;
    }

    private static ReleaseNotesLocation LocateFolder(string startFolder, string? explicitFolder)
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
