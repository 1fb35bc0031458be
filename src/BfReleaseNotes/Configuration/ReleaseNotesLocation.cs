using BfReleaseNotes.Workspace;

namespace BfReleaseNotes.Configuration;

/// <summary>Where a command's release notes are, found from the folder it ran in (see <see cref="ReleaseNotesLocator"/>).</summary>
/// <param name="Root">The folder the search stopped at: the nearest one holding <c>release-notes/config.json</c>, else the repository's work tree, else the starting folder (full path).</param>
/// <param name="RepositoryRoot">The git work tree holding the starting folder (full path), or null outside a repository.</param>
/// <param name="ConfigurationPath">The configuration file that was read, or null when there is none.</param>
/// <param name="Configuration">Its settings (<see cref="ReleaseNotesConfiguration.Default"/> without a file).</param>
/// <param name="Folder">The release-notes folder (full path).</param>
public sealed record ReleaseNotesLocation(string Root, string? RepositoryRoot, string? ConfigurationPath, ReleaseNotesConfiguration Configuration, ReleaseNotesFolder Folder)
{
    /// <summary>The monorepo project these notes belong to; null in a repository with one notes folder (or with <c>--dir</c>).</summary>
    public Configuration.ReleaseNotesProject? Project { get; init; }
}
