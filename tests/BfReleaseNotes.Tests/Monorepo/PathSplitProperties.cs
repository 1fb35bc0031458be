using System.Collections.Immutable;
using BfReleaseNotes.Checks;
using BfReleaseNotes.Configuration;
using FsCheck.Xunit;

namespace BfReleaseNotes.Tests.Monorepo;

/// <summary>
/// How a monorepo check splits the changed paths between projects, for any set of paths: no path is lost, a project
/// only gets what it owns (or, as the default, what nobody owns), and a project's release-notes files are nobody's code.
/// </summary>
public class PathSplitProperties
{
    private static readonly string[] Tops = ["apps", "services", "libs", "docs", "tools"];
    private static readonly string[] Seconds = ["manage", "admin", "billing", "shared", "other"];
    private static readonly string[] Thirds = ["release-notes", "src"];
    private static readonly string[] Files = ["unreleased.md", "1.0.0.md", "Orders.cs"];

    private static readonly ImmutableArray<ReleaseNotesProject> Projects =
    [
        Project("manage", "apps/manage/release-notes", "apps/manage/**", "libs/shared/**"),
        Project("admin", "apps/admin/release-notes", "apps/admin/**", "libs/shared/**"),
        Project("billing", "services/billing/release-notes", "services/billing/**"),
    ];

    [Property(MaxTest = 300)]
    public void Every_changed_path_lands_where_the_rules_say(byte[] picks, byte defaultProject)
    {
        var projects = defaultProject % 4 == 3 ? Projects : Projects.SetItem(defaultProject % 4, Projects[defaultProject % 4] with { IsDefault = true });
        var configuration = CheckConfiguration.Default with { Projects = projects, Ignore = [GlobPattern.Parse("docs/**")] };
        var changed = Paths(picks);
        var gathered = projects.Select(project => new CheckEvidence
        {
            Folder = project.Folder,
            HeadFolder = project.Folder,
            // What the one-folder gathering reports as its notes files: unreleased.md and the published files there.
            NotesFiles = [.. changed.Where(project.HoldsNotesFile).Append(project.Folder + "/unreleased.md").Distinct()],
        }).ToList();

        var split = ProjectEvidence.Split(new CheckEvidence { ChangedPaths = changed }, gathered, configuration, "release-notes/config.json");

        var notes = gathered.SelectMany(evidence => evidence.NotesFiles).ToHashSet(StringComparer.Ordinal);
        var hasDefault = projects.Any(project => project.IsDefault);
        foreach (var path in changed)
        {
            Assert.True(split.Repository.ChangedPaths.Contains(path) || split.Projects.Any(evidence => evidence.ChangedPaths.Contains(path)), $"{path} was lost");
        }

        for (var index = 0; index < projects.Length; index++)
        {
            var project = projects[index];
            foreach (var path in split.Projects[index].ChangedPaths)
            {
                var owned = project.Owns(path) && !notes.Contains(path);
                var ownNotes = project.HoldsNotesFile(path);
                var orphan = project.IsDefault && !notes.Contains(path) && !projects.Any(other => other.Owns(path));
                Assert.True(owned || ownNotes || orphan, $"{path} was given to {project.Name}");
            }

            Assert.Equal(project, split.Projects[index].Project);
        }

        Assert.All(split.Repository.ChangedPaths, path => Assert.False(notes.Contains(path) || projects.Any(project => project.Owns(path)), $"{path} is a project's, not the repository's"));
        Assert.True(!hasDefault || split.Repository.ChangedPaths.IsEmpty, "with a default project, no path is left to the repository");
    }

    private static ImmutableArray<string> Paths(byte[] picks)
    {
        var paths = new List<string>();
        for (var index = 0; index + 3 < (picks ?? []).Length; index += 4)
        {
            paths.Add($"{Tops[picks![index] % Tops.Length]}/{Seconds[picks[index + 1] % Seconds.Length]}/{Thirds[picks[index + 2] % Thirds.Length]}/{Files[picks[index + 3] % Files.Length]}");
        }

        return [.. paths.Distinct().Order(StringComparer.Ordinal)];
    }

    private static ReleaseNotesProject Project(string name, string folder, params string[] paths) =>
        new(name, folder, [.. paths.Select(GlobPattern.Parse)]) { NoneLabel = ReleaseNotesProject.DefaultNoneLabel(name), TagPrefix = ReleaseNotesProject.DefaultTagPrefix(name) };
}
