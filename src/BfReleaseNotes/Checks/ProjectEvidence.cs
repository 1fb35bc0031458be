using System.Collections.Immutable;
using BfReleaseNotes.Configuration;
using BfReleaseNotes.Git;

namespace BfReleaseNotes.Checks;

/// <summary>
/// The evidence of a monorepo check, read from git: one <see cref="CheckEvidence"/> for the repository-wide rules
/// (the configuration, paths no project owns) and one per project, holding only the changed paths it owns.
/// </summary>
/// <param name="Repository">The repository-wide part: the root configuration's changes, and the paths owned by no project when there is no default project.</param>
/// <param name="Projects">Each project's evidence, in the configuration's order (every project, touched or not).</param>
internal sealed record ProjectEvidence(CheckEvidence Repository, ImmutableArray<CheckEvidence> Projects)
{
    /// <summary>
    /// Reads each project's notes at both ends (as a one-folder check would, with the project's folder at base and
    /// the folder the head configuration gives the project of that name, so a moved project is followed), then splits
    /// the changed paths: a path goes to every project that owns it (a shared library to both), a path no project owns
    /// to the default project, else to the repository-wide part; release-notes files of any project go to none.
    /// </summary>
    public static ProjectEvidence Gather(GitRepository git, CheckRequest request, CheckConfiguration configuration, RangeReading reading, CheckRange range, Func<CheckEvidence, IEnumerable<CheckFinding>>? extraFindings)
    {
        var whole = MergeRequestChecker.Gather(git, request, configuration, reading, null, range);
        var atHead = ProjectsAtHead(configuration, reading.HeadConfiguration);
        var gathered = configuration.Projects.Select((project, index) => MergeRequestChecker.Gather(
            git, request, ForProject(configuration, project), reading, project.Folder, range, new ProjectAtHead(project.Name, atHead[index].Folder))).ToList();
        var split = Split(whole, gathered, configuration, reading.ConfigPath, atHead);
        return split with { Projects = [.. split.Projects.Select(evidence => WithExtra(evidence, extraFindings))] };
    }

    /// <summary>
    /// Each base project as the head configuration defines the project of the same name: its own definition when head
    /// has no such project, or no configuration that can be read (<paramref name="head"/> null: the repository-wide
    /// part reports that).
    /// </summary>
    internal static ImmutableArray<ReleaseNotesProject> ProjectsAtHead(CheckConfiguration configuration, CheckConfiguration? head)
    {
        var heads = head?.Projects ?? [];
        return [.. configuration.Projects.Select(project => heads.FirstOrDefault(candidate => candidate.Name == project.Name) ?? project)];
    }

    /// <summary>
    /// The pure part of <see cref="Gather"/>: splits the range's changed paths (<paramref name="whole"/>) between the
    /// projects (<paramref name="gathered"/>, one evidence per project of <paramref name="configuration"/>, in order).
    /// A path belongs to a project its base definition owns, or its head definition (<paramref name="atHead"/>, in the
    /// same order): a moved project's code stays its own. That never lets a path go without notes: it only gives the
    /// path a project, and changing the definitions is a configuration change the edit label must allow.
    /// </summary>
    internal static ProjectEvidence Split(CheckEvidence whole, IReadOnlyList<CheckEvidence> gathered, CheckConfiguration configuration, string configPath, IReadOnlyList<ReleaseNotesProject>? atHead = null)
    {
        var projects = configuration.Projects;
        var heads = atHead ?? projects;
        var notesFiles = gathered.SelectMany(evidence => evidence.NotesFiles).ToHashSet(StringComparer.Ordinal);

        var owned = projects.Select(_ => new List<string>()).ToList();
        var unowned = new List<string>();
        var defaultIndex = projects.IndexOf(projects.FirstOrDefault(project => project.IsDefault)!);
        foreach (var path in whole.ChangedPaths.Where(path => !notesFiles.Contains(path)))
        {
            var owners = Enumerable.Range(0, projects.Length).Where(index => projects[index].Owns(path) || heads[index].Owns(path)).ToList();
            if (owners.Count == 0 && defaultIndex >= 0)
            {
                owners.Add(defaultIndex);
            }

            if (owners.Count == 0)
            {
                unowned.Add(path);
            }

            foreach (var index in owners)
            {
                owned[index].Add(path);
            }
        }

        bool Relevant(string path) => path == configPath || !configuration.IsIgnored(path);
        var touched = Enumerable.Range(0, projects.Length).Where(index => owned[index].Any(Relevant)).Select(index => projects[index].Name).ToList();
        var perProject = ImmutableArray.CreateBuilder<CheckEvidence>();
        for (var index = 0; index < projects.Length; index++)
        {
            var own = gathered[index];
            var evidence = own with
            {
                Project = projects[index],
                ChangedPaths = [.. owned[index].Concat(whole.ChangedPaths.Where(own.NotesFiles.Contains)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
                NotesFiles = [.. notesFiles.Order(StringComparer.Ordinal)],
                // The configuration is judged once, repository-wide.
                ConfigurationChanges = [],
                HeadConfigurationError = null,
                OtherTouchedProjects = [.. touched.Where(name => name != projects[index].Name)],
            };
            perProject.Add(evidence);
        }

        // Only the configuration and the unowned paths are judged repository-wide; every notes folder is a project's.
        var repository = whole with
        {
            UnreleasedChanged = false,
            UnreleasedMissing = null,
            BaseEntries = [],
            HeadEntries = null,
            Diagnostics = [],
            AddedPublishedFiles = [],
            ChangedPublishedFiles = [],
            ChangedPaths = [.. unowned],
            NotesFiles = [.. notesFiles.Order(StringComparer.Ordinal)],
            OtherTouchedProjects = [.. touched],
        };
        return new ProjectEvidence(repository, perProject.ToImmutable());
    }

    /// <summary>The check's settings for one project: the root's ignore patterns, labels and registry, with the project's folder.</summary>
    private static CheckConfiguration ForProject(CheckConfiguration configuration, ReleaseNotesProject project) =>
        configuration with { Folder = project.Folder };

    private static CheckEvidence WithExtra(CheckEvidence evidence, Func<CheckEvidence, IEnumerable<CheckFinding>>? extraFindings) =>
        extraFindings is null ? evidence : evidence with { ExtraFindings = [.. evidence.ExtraFindings, .. extraFindings(evidence)] };
}
