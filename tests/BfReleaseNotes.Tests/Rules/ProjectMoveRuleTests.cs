using System.Text;
using BfReleaseNotes.Checks;
using BfReleaseNotes.Configuration;
using BfReleaseNotes.TestSupport;

namespace BfReleaseNotes.Tests.Rules;

/// <summary>
/// A monorepo merge request that moves a project (its folder and paths in the configuration, its files with it): the
/// check follows the project to the folder the head configuration gives the project of the same name, so its pending
/// entries are found there, its published files are moves (allowed with the edit label), and its moved code stays its
/// own. Pinned on real repositories through the library alone.
/// </summary>
public sealed class ProjectMoveRuleTests : IDisposable
{
    private const string ConfigPath = "release-notes/config.json";
    private const string Pending = "Invoices keep their currency.";
    private readonly GitTestRepository _repo = new();
    private readonly string _base;

    public ProjectMoveRuleTests()
    {
        _base = _repo.Write(ConfigPath, Configuration("services/billing"))
            .Write("services/billing/release-notes/unreleased.md", Unreleased(Pending))
            .Write("services/billing/release-notes/2.0.0.md", "# 2.0.0 - 2026-11-20\n\n## Public\n\n### Fixed\n\n- Billing's first fix.\n")
            .Write("services/billing/src/Invoices.cs", "class Invoices { }\n")
            .Write("web/release-notes/unreleased.md", Unreleased())
            .Write("web/src/Page.cs", "class Page { }\n")
            .Commit("Start");
        _repo.Branch("move");
    }

    public void Dispose() => _repo.Dispose();

    [Fact]
    public void A_moved_project_is_followed_to_its_new_folder_with_its_entries_history_and_code()
    {
        var head = MoveBilling().Commit("Move billing under apps");

        var result = MergeRequestChecker.Check(Request(head, "release-notes::edit", "release-notes::none"));

        Assert.Equal(CheckOutcome.OptedOut, result.Outcome);
        var billing = Assert.Single(result.Projects);
        Assert.Equal(("billing", true), (billing.Project, billing.Touched));
        Assert.Equal(("services/billing/release-notes", "apps/billing/release-notes"), (billing.Result.Folder, billing.Result.HeadFolder));
        Assert.Empty(billing.Result.RemovedEntries);
        Assert.Empty(billing.Result.AddedEntries);
        Assert.Equal(["services/billing/release-notes/2.0.0.md is moved (to apps/billing/release-notes/2.0.0.md)"], billing.Result.ChangedPublishedFiles.Select(change => change.ToString()));
        // The moved code is billing's at both ends; only the configuration belongs to no project.
        Assert.Equal(["apps/billing/src/Invoices.cs", "services/billing/src/Invoices.cs"], billing.Result.RelevantPaths.ToArray());
        Assert.Equal([ConfigPath], result.RelevantPaths.Except(billing.Result.RelevantPaths).ToArray());
    }

    [Fact]
    public void Without_the_labels_the_move_needs_the_edit_label_and_notes_but_nothing_is_taken_for_removed()
    {
        var head = MoveBilling().Commit("Move billing under apps");

        var result = MergeRequestChecker.Check(Request(head));

        var billing = Assert.Single(result.Projects).Result;
        Assert.Equal([CheckOutcome.PublishedHistoryChanged, CheckOutcome.NotesNotUpdated], billing.Failures.ToArray());
        Assert.Empty(billing.RemovedEntries);
        Assert.Empty(billing.Diagnostics);
    }

    [Fact]
    public void A_project_moved_in_the_configuration_without_its_notes_is_told_to_move_them()
    {
        var head = _repo.Write(ConfigPath, Configuration("apps/billing")).Commit("Point billing at apps only");

        var result = MergeRequestChecker.Check(Request(head, "release-notes::edit", "release-notes::none"));

        var billing = Assert.Single(result.Projects).Result;
        Assert.Equal(CheckOutcome.NotesInvalid, billing.Outcome);
        Assert.StartsWith(
            "check failed (notes invalid) for project 'billing': apps/billing/release-notes/unreleased.md is missing at head, where the merge request moves the notes folder: " +
            "move services/billing/release-notes/unreleased.md there (`git mv services/billing/release-notes/unreleased.md apps/billing/release-notes/unreleased.md`)",
            billing.Summary,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Notes_moved_without_the_configuration_are_told_to_set_the_project_s_folder()
    {
        var head = _repo.Move("services/billing/release-notes/unreleased.md", "apps/billing/release-notes/unreleased.md").Commit("Move the notes only");

        var result = MergeRequestChecker.Check(Request(head, "release-notes::edit", "release-notes::none"));

        var billing = Assert.Single(result.Projects).Result;
        Assert.Equal(CheckOutcome.NotesInvalid, billing.Outcome);
        Assert.StartsWith(
            "check failed (notes invalid) for project 'billing': services/billing/release-notes/unreleased.md is renamed to apps/billing/release-notes/unreleased.md in this range, " +
            "but every tool reads services/billing/release-notes/unreleased.md: rename it back (to move the project, also set the \"folder\" of 'billing' in release-notes/config.json, with the label 'release-notes::edit')",
            billing.Summary,
            StringComparison.Ordinal);
    }

    [Fact]
    public void A_head_configuration_that_cannot_be_read_fails_once_repository_wide_and_touches_no_project()
    {
        var head = _repo.Write(ConfigPath, "{ \"projects\": [").Commit("Break the configuration");

        var result = MergeRequestChecker.Check(Request(head, "release-notes::edit", "release-notes::none"));

        Assert.Equal(CheckOutcome.ConfigurationChanged, result.Outcome);
        Assert.Empty(result.Projects);
        Assert.Equal(CheckOutcome.ConfigurationChanged, Assert.Single(result.Failures));
    }

    [Fact]
    public void Each_base_project_is_matched_with_the_head_project_of_the_same_name_or_kept_as_it_was()
    {
        var configuration = Read(Configuration("services/billing"));

        var moved = ProjectEvidence.ProjectsAtHead(configuration, Read(Configuration("apps/billing")));
        var renamed = ProjectEvidence.ProjectsAtHead(configuration, Read(Configuration("apps/billing").Replace("\"billing\"", "\"invoicing\"", StringComparison.Ordinal)));
        var unreadableOrDeleted = ProjectEvidence.ProjectsAtHead(configuration, null);

        Assert.Equal(["billing apps/billing/release-notes apps/billing/**", "web web/release-notes web/**"], moved.Select(Describe));
        Assert.Equal(["billing services/billing/release-notes services/billing/**", "web web/release-notes web/**"], renamed.Select(Describe));
        Assert.Same(configuration.Projects[0], renamed[0]);
        Assert.Equal(configuration.Projects.ToArray(), unreadableOrDeleted.ToArray());
    }

    [Fact]
    public void A_path_owned_only_by_a_project_s_head_definition_is_that_project_s()
    {
        var configuration = Read(Configuration("services/billing"));
        var atHead = ProjectEvidence.ProjectsAtHead(configuration, Read(Configuration("apps/billing")));
        var whole = new CheckEvidence { ChangedPaths = ["apps/billing/src/Invoices.cs", "tools/build.sh", "web/src/Page.cs"] };
        var gathered = configuration.Projects.Select(project => new CheckEvidence { Project = project, Folder = project.Folder, HeadFolder = project.Folder }).ToList();

        var followed = ProjectEvidence.Split(whole, gathered, configuration, ConfigPath, atHead);
        var baseOnly = ProjectEvidence.Split(whole, gathered, configuration, ConfigPath);

        Assert.Equal(["apps/billing/src/Invoices.cs"], followed.Projects[0].ChangedPaths.ToArray());
        Assert.Equal(["web/src/Page.cs"], followed.Projects[1].ChangedPaths.ToArray());
        Assert.Equal(["tools/build.sh"], followed.Repository.ChangedPaths.ToArray());
        Assert.Empty(baseOnly.Projects[0].ChangedPaths);
        Assert.Equal(["apps/billing/src/Invoices.cs", "tools/build.sh"], baseOnly.Repository.ChangedPaths.ToArray());
    }

    [Fact]
    public void A_project_is_touched_by_a_relevant_path_it_owns_the_configuration_counting_even_when_ignored()
    {
        var docs = new ReleaseNotesProject("docs", "docs/release-notes", [GlobPattern.Parse("docs/**"), GlobPattern.Parse("release-notes/**")]);
        var web = new ReleaseNotesProject("web", "web/release-notes", [GlobPattern.Parse("web/**")]);
        var configuration = CheckConfiguration.Default with { Projects = [docs, web], Ignore = [GlobPattern.Parse("docs/**"), GlobPattern.Parse("release-notes/**")] };
        var gathered = configuration.Projects.Select(project => new CheckEvidence { Project = project, Folder = project.Folder, HeadFolder = project.Folder, NotesFiles = [project.Folder + "/unreleased.md"] }).ToList();

        var ignoredOnly = ProjectEvidence.Split(new CheckEvidence { ChangedPaths = ["docs/guide.md", "web/src/Page.cs"] }, gathered, configuration, ConfigPath);
        var withConfiguration = ProjectEvidence.Split(new CheckEvidence { ChangedPaths = ["docs/guide.md", ConfigPath, "web/src/Page.cs"] }, gathered, configuration, ConfigPath);
        var onlyIgnoredAndRelevant = ProjectEvidence.Split(new CheckEvidence { ChangedPaths = ["docs/guide.md", "docs/notes.txt"] }, gathered, configuration, ConfigPath);

        Assert.Equal((string[])[], ignoredOnly.Projects[1].OtherTouchedProjects.ToArray());
        Assert.Equal(["web"], ignoredOnly.Repository.OtherTouchedProjects.ToArray());
        Assert.Equal(["docs"], withConfiguration.Projects[1].OtherTouchedProjects.ToArray());
        Assert.Equal(["web"], withConfiguration.Projects[0].OtherTouchedProjects.ToArray());
        Assert.Equal(["docs", "web"], withConfiguration.Repository.OtherTouchedProjects.ToArray());
        Assert.Empty(onlyIgnoredAndRelevant.Repository.OtherTouchedProjects);
        // Every project's notes files, sorted, are notes files for each part.
        Assert.Equal(["docs/release-notes/unreleased.md", "web/release-notes/unreleased.md"], withConfiguration.Projects[1].NotesFiles.ToArray());
        Assert.Equal(["docs/release-notes/unreleased.md", "web/release-notes/unreleased.md"], withConfiguration.Repository.NotesFiles.ToArray());
    }

    [Fact]
    public void A_project_touched_by_one_relevant_path_among_ignored_ones_is_touched()
    {
        var docs = new ReleaseNotesProject("docs", "docs/release-notes", [GlobPattern.Parse("docs/**")]);
        var web = new ReleaseNotesProject("web", "web/release-notes", [GlobPattern.Parse("web/**")]);
        var configuration = CheckConfiguration.Default with { Projects = [docs, web], Ignore = [GlobPattern.Parse("docs/drafts/**")] };
        var gathered = configuration.Projects.Select(project => new CheckEvidence { Project = project, Folder = project.Folder, HeadFolder = project.Folder }).ToList();

        var split = ProjectEvidence.Split(new CheckEvidence { ChangedPaths = ["docs/drafts/a.md", "docs/guide.md"] }, gathered, configuration, ConfigPath);

        Assert.Equal(["docs"], split.Projects[1].OtherTouchedProjects.ToArray());
    }

    [Fact]
    public void The_repository_wide_part_judges_no_notes_even_when_the_whole_range_changed_some()
    {
        var configuration = Read(Configuration("services/billing"));
        var gathered = configuration.Projects.Select(project => new CheckEvidence { Project = project, Folder = project.Folder, HeadFolder = project.Folder }).ToList();

        var split = ProjectEvidence.Split(new CheckEvidence { UnreleasedChanged = true, ChangedPaths = ["tools/build.sh"] }, gathered, configuration, ConfigPath);

        Assert.False(split.Repository.UnreleasedChanged);
    }

    [Fact]
    public void An_extra_step_sees_and_adds_to_each_project_s_evidence()
    {
        var head = _repo.Write("services/billing/src/Invoices.cs", "class Invoices { int Total; }\n").Commit("Change billing");
        var seen = new List<string>();

        var result = MergeRequestChecker.Check(Request(head, "release-notes::none"), evidence =>
        {
            seen.Add(evidence.Project!.Name);
            return [new CheckFinding(CheckOutcome.NotesInvalid, $"extra for {evidence.Project.Name}", evidence.Folder + "/unreleased.md", 1)];
        });

        Assert.Equal(["billing", "web"], seen);
        Assert.Contains(result.Findings, finding => finding.Message == "extra for billing");
    }

    private GitTestRepository MoveBilling() =>
        _repo.Write(ConfigPath, Configuration("apps/billing"))
            .Move("services/billing/release-notes/unreleased.md", "apps/billing/release-notes/unreleased.md")
            .Move("services/billing/release-notes/2.0.0.md", "apps/billing/release-notes/2.0.0.md")
            .Move("services/billing/src/Invoices.cs", "apps/billing/src/Invoices.cs");

    private CheckRequest Request(string head, params string[] labels) =>
        new(_repo.Path, new RevisionChoice(_base, "CI_MERGE_REQUEST_DIFF_BASE_SHA"), new RevisionChoice(head, "CI_COMMIT_SHA")) { Labels = [.. labels] };

    private static CheckConfiguration Read(string json)
    {
        Assert.True(CheckConfiguration.TryRead(Encoding.UTF8.GetBytes(json), ConfigPath, out var configuration, out var error), error?.ToString());
        return configuration;
    }

    private static string Describe(ReleaseNotesProject project) => $"{project.Name} {project.Folder} {string.Join(',', project.Paths)}";

    private static string Configuration(string billing) => $$"""
        {
          "projects": [
            { "name": "billing", "folder": "{{billing}}/release-notes", "paths": ["{{billing}}/**"] },
            { "name": "web", "folder": "web/release-notes", "paths": ["web/**"] }
          ]
        }
        """;

    private static string Unreleased(params string[] publicFixed) =>
        "# Unreleased\n\n## Public\n\n### Fixed\n\n" + string.Concat(publicFixed.Select(entry => $"- {entry}\n")) + (publicFixed.Length > 0 ? "\n" : string.Empty) + "## Internal\n";
}
