using System.Collections.Immutable;
using BfReleaseNotes.Text;
using BfReleaseNotes.Workspace;

namespace BfReleaseNotes.Configuration;

/// <summary>
/// Which project of a monorepo a path or a command belongs to. A command's project is the one named
/// (<c>--project NAME</c>), else the one whose notes folder or paths hold the folder it runs in, else the default.
/// </summary>
public static class ProjectResolver
{
    /// <summary>
    /// The project a command works on. <paramref name="folder"/> is the folder it runs in, relative to the repository
    /// root with <c>/</c> (<c>""</c> for the root, null when outside the repository).
    /// </summary>
    /// <returns>Null when there are no projects (a repository with one notes folder) and no name was given.</returns>
    /// <exception cref="EnvironmentException">An unknown name, a name without projects, a folder two projects own, or nothing inferred and no default.</exception>
    public static ReleaseNotesProject? Resolve(ImmutableArray<ReleaseNotesProject> projects, string? folder, string? name)
    {
        if (name is not null)
        {
            return Named(projects, name);
        }

        if (projects.IsEmpty)
        {
            return null;
        }

        var inferred = Infer(projects, folder);
        if (inferred.Length == 1)
        {
            return inferred[0];
        }

        if (inferred.Length > 1)
        {
            var names = inferred.Select(project => $"'{project.Name}'").ToList();
            throw new EnvironmentException($"the folder '{folder}' is shared by {string.Join(", ", names[..^1])} and {names[^1]} (their paths all cover it); say which project with --project NAME");
        }

        return projects.FirstOrDefault(project => project.IsDefault)
            ?? throw new EnvironmentException($"this repository has several projects and none is the default; run the command inside a project's folder or pass --project NAME ({Suggestion.OrList(projects.Select(project => project.Name).ToList())}), or set \"default\": true on one project");
    }

    /// <summary>The project named <paramref name="name"/> (any case).</summary>
    /// <exception cref="EnvironmentException">No project has that name; the message names the closest ones.</exception>
    public static ReleaseNotesProject Named(ImmutableArray<ReleaseNotesProject> projects, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (projects.IsEmpty)
        {
            throw new EnvironmentException($"--project '{name}': this repository has no \"projects\" in release-notes/config.json; leave --project out, or list the projects there (see the README, section 'Monorepo')");
        }

        var found = projects.FirstOrDefault(project => string.Equals(project.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));
        if (found is not null)
        {
            return found;
        }

        var names = projects.Select(project => project.Name).ToList();
        var closest = Suggestion.Closest(name, names, 1);
        throw new EnvironmentException($"--project '{name}' is not a project{(closest.Count > 0 ? $" (did you mean '{closest[0]}'?)" : string.Empty)}; the projects are {Suggestion.OrList(names)}");
    }

    /// <summary>
    /// The projects whose notes folder holds <paramref name="folder"/>, else those whose paths cover all of it (see
    /// <see cref="Checks.GlobPattern"/>); empty at the root or outside every project.
    /// </summary>
    public static ImmutableArray<ReleaseNotesProject> Infer(ImmutableArray<ReleaseNotesProject> projects, string? folder)
    {
        if (folder is null)
        {
            return [];
        }

        var inNotes = projects.Where(project => folder == project.Folder || folder.StartsWith(project.Folder + "/", StringComparison.Ordinal)).ToImmutableArray();
        if (!inNotes.IsEmpty)
        {
            return inNotes;
        }

        return [.. projects.Where(project => project.Paths.Any(pattern => pattern.Covers(folder)))];
    }

    /// <summary>The projects that own a repository-relative path (several when their paths overlap, such as a shared library).</summary>
    public static ImmutableArray<ReleaseNotesProject> Owners(ImmutableArray<ReleaseNotesProject> projects, string path) =>
        [.. projects.Where(project => project.Owns(path))];
}
