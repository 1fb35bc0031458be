using System.Collections.Immutable;
using BfReleaseNotes.Checks;
using BfReleaseNotes.Configuration;

namespace BfReleaseNotes.Tests.Rules;

/// <summary>
/// How the monorepo check combines the repository-wide decision with each project's: which outcome and sentence win,
/// what goes to the details, and which paths are reported. Pinned on hand-built evidence with literal expectations.
/// </summary>
public class ProjectCheckRuleTests
{
    private static readonly ReleaseNotesProject Manage = Project("manage", "apps/manage/release-notes", "apps/manage/**", "libs/shared/**");
    private static readonly ReleaseNotesProject Admin = Project("admin", "apps/admin/release-notes", "apps/admin/**", "libs/shared/**");
    private static readonly CheckConfiguration Configuration = CheckConfiguration.Default with { Projects = [Manage, Admin], Ignore = [GlobPattern.Parse("docs/**")] };
    private static readonly CheckEvidence NothingRepositoryWide = new() { Configuration = Configuration };

    [Fact]
    public void When_every_project_passes_the_sentence_names_each_with_its_outcome_and_the_strongest_pass_is_the_outcome()
    {
        var manage = Updated(Manage, "apps/manage/src/Orders.cs", "- Totals are rounded.");
        var admin = Touched(Admin, "apps/admin/src/Users.cs") with { Labels = ["release-notes-admin::none"] };

        var result = ProjectCheckPolicy.Decide(NothingRepositoryWide, [manage, admin]);

        Assert.Equal(CheckOutcome.NotesUpdated, result.Outcome);
        Assert.Equal("check passed: every project this merge request concerns is handled: 'manage' (notes updated), 'admin' (opted out).", result.Summary);
        Assert.Equal(result.Projects[0].Result.Summary, result.Details[0]);
        Assert.Contains(result.Projects[1].Result.Summary, result.Details);
        Assert.StartsWith("check passed (opted out)", result.Projects[1].Result.Summary, StringComparison.Ordinal);
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void Two_failing_projects_the_first_finding_is_the_sentence_and_the_others_follow_in_the_details()
    {
        var manage = Touched(Manage, "apps/manage/src/Orders.cs");
        var admin = Touched(Admin, "apps/admin/src/Users.cs");

        var result = ProjectCheckPolicy.Decide(NothingRepositoryWide, [manage, admin]);

        Assert.Equal(CheckOutcome.NotesNotUpdated, result.Outcome);
        Assert.Equal(["manage", "admin"], result.Findings.Select(finding => finding.Project));
        Assert.Equal(result.Findings[0].Message, result.Summary);
        Assert.StartsWith("check failed (notes not updated) for project 'manage':", result.Summary, StringComparison.Ordinal);
        Assert.Contains(result.Findings[1].Message, result.Details);
        Assert.DoesNotContain(result.Findings[0].Message, result.Details);
        Assert.Equal(["apps/admin/src/Users.cs", "apps/manage/src/Orders.cs"], result.RelevantPaths.ToArray());
        Assert.Equal(["apps/admin/src/Users.cs", "apps/manage/src/Orders.cs"], result.ChangedPaths.ToArray());
    }

    [Fact]
    public void A_range_that_changes_nothing_is_not_relevant_with_its_own_sentence()
    {
        var admin = new CheckEvidence { Configuration = Configuration, Project = Admin, Folder = Admin.Folder, HeadFolder = Admin.Folder };

        var result = ProjectCheckPolicy.Decide(NothingRepositoryWide, [admin]);

        Assert.Equal(CheckOutcome.NotRelevant, result.Outcome);
        Assert.Equal("check passed (not relevant): the range changes no file, so no release notes are needed.", result.Summary);
        Assert.Empty(result.Projects);
        Assert.Empty(result.ChangedPaths);
    }

    [Fact]
    public void Ignored_paths_outside_every_project_need_no_notes_and_are_counted_in_the_sentence()
    {
        var repository = NothingRepositoryWide with { ChangedPaths = ["docs/guide.md", "docs/index.md"] };

        var result = ProjectCheckPolicy.Decide(repository, []);

        Assert.Equal(CheckOutcome.NotRelevant, result.Outcome);
        Assert.Equal("check passed (not relevant): none of the 2 changed paths needs a project's notes (each is ignored or a release-notes file), so no release notes are needed.", result.Summary);
        Assert.Equal(["docs/guide.md", "docs/index.md"], result.ChangedPaths.ToArray());
        Assert.Empty(result.RelevantPaths);
    }

    [Fact]
    public void One_ignored_path_is_counted_in_the_singular()
    {
        var result = ProjectCheckPolicy.Decide(NothingRepositoryWide with { ChangedPaths = ["docs/guide.md"] }, []);

        Assert.Equal("check passed (not relevant): none of the 1 changed path needs a project's notes (each is ignored or a release-notes file), so no release notes are needed.", result.Summary);
    }

    [Fact]
    public void A_repository_wide_pass_of_another_kind_keeps_its_own_sentence()
    {
        var repository = NothingRepositoryWide with { ChangedPaths = ["tools/build.sh"], Labels = ["release-notes::none"] };

        var result = ProjectCheckPolicy.Decide(repository, []);

        Assert.Equal(CheckOutcome.OptedOut, result.Outcome);
        Assert.StartsWith("check passed (opted out)", result.Summary, StringComparison.Ordinal);
        Assert.Equal(["tools/build.sh"], result.ChangedPaths.ToArray());
    }

    [Fact]
    public void A_repository_wide_failure_decides_before_any_project()
    {
        var repository = NothingRepositoryWide with { ChangedPaths = ["tools/build.sh"] };
        var manage = Touched(Manage, "apps/manage/src/Orders.cs");

        var result = ProjectCheckPolicy.Decide(repository, [manage]);

        Assert.False(result.Passed);
        Assert.Equal(result.Findings[0].Message, result.Summary);
        Assert.Null(result.Findings[0].Project);
        Assert.Equal("manage", result.Findings[1].Project);
        Assert.Equal(["apps/manage/src/Orders.cs", "tools/build.sh"], result.ChangedPaths.ToArray());
    }

    [Fact]
    public void A_project_the_range_does_not_concern_is_left_out()
    {
        var manage = Updated(Manage, "apps/manage/src/Orders.cs", "- Totals are rounded.");
        var admin = new CheckEvidence { Configuration = Configuration, Project = Admin, Folder = Admin.Folder, HeadFolder = Admin.Folder };

        var result = ProjectCheckPolicy.Decide(NothingRepositoryWide, [manage, admin]);

        Assert.Equal(["manage"], result.Projects.Select(project => project.Project));
        Assert.Equal("check passed: every project this merge request concerns is handled: 'manage' (notes updated).", result.Summary);
    }

    [Fact]
    public void A_project_whose_notes_alone_change_is_listed_as_not_touched()
    {
        var unreleased = Admin.Folder + "/unreleased.md";
        var admin = new CheckEvidence
        {
            Configuration = Configuration,
            Project = Admin,
            Folder = Admin.Folder,
            HeadFolder = Admin.Folder,
            UnreleasedChanged = true,
            NotesFiles = [unreleased],
            HeadEntries = [new CheckedEntry(unreleased, 9, "Public > Fixed", "- A late note.")],
            ChangedPaths = [unreleased],
        };

        var result = ProjectCheckPolicy.Decide(NothingRepositoryWide, [admin]);

        var listed = Assert.Single(result.Projects);
        Assert.Equal(("admin", "apps/admin/release-notes", false, CheckOutcome.NotesUpdated), (listed.Project, listed.Folder, listed.Touched, listed.Result.Outcome));
        Assert.Equal([unreleased], result.ChangedPaths.ToArray());
        Assert.Empty(result.RelevantPaths);
    }

    [Fact]
    public void A_failing_project_keeps_its_details_beside_its_finding_and_a_passing_one_its_sentence()
    {
        var unreleased = Admin.Folder + "/unreleased.md";
        var removed = new CheckedEntry(unreleased, 9, "Public > Fixed", "- An entry taken back.");
        // admin removes a pending entry with the edit label (a detail) but adds none for its code change (a failure).
        var admin = Touched(Admin, "apps/admin/src/Users.cs") with
        {
            Labels = ["release-notes::edit"],
            UnreleasedChanged = true,
            NotesFiles = [unreleased],
            BaseEntries = [removed],
            HeadEntries = [],
            ChangedPaths = [unreleased, "apps/admin/src/Users.cs"],
        };
        var manage = Updated(Manage, "apps/manage/src/Orders.cs", "- Totals are rounded.");

        var result = ProjectCheckPolicy.Decide(NothingRepositoryWide, [manage, admin]);

        Assert.Equal(CheckOutcome.NotesNotUpdated, result.Outcome);
        Assert.Equal([CheckOutcome.NotesNotUpdated], result.Failures.ToArray());
        var finding = Assert.Single(result.Findings);
        Assert.Equal(("admin", finding.Message), (finding.Project, result.Summary));
        Assert.Equal([removed], result.RemovedEntries.ToArray());
        Assert.Equal(
            [
                result.Projects[0].Result.Summary,
                .. result.Projects[1].Result.Details.Where(detail => detail != finding.Message),
            ],
            result.Details.ToArray());
        Assert.Contains(result.Details, detail => detail.StartsWith("The label 'release-notes::edit' allows this merge request to remove 1 pending entry", StringComparison.Ordinal));
        Assert.StartsWith("check passed (notes updated)", result.Details[0], StringComparison.Ordinal);
    }

    [Fact]
    public void The_repository_wide_part_gives_the_opt_out_the_edit_label_and_the_configuration_changes()
    {
        var repository = NothingRepositoryWide with
        {
            Labels = ["release-notes::edit", "release-notes::none"],
            ConfigurationChanges = ["\"ignore\" [] -> [docs/**]"],
        };
        var manage = Touched(Manage, "apps/manage/src/Orders.cs") with { Labels = ["release-notes::none"] };

        var result = ProjectCheckPolicy.Decide(repository, [manage]);

        Assert.True(result.Passed);
        Assert.True(result.EditAllowed);
        Assert.Equal("release-notes::none", result.OptOut?.Where);
        Assert.Equal(["\"ignore\" [] -> [docs/**]"], result.ConfigurationChanges.ToArray());
        Assert.Equal(repository.Folder, result.Folder);
        Assert.False(result.Projects[0].Result.EditAllowed);
        // The repository-wide details come last, after each project's.
        Assert.EndsWith("changes these rules, which apply once merged (this check used the base's): \"ignore\" [] -> [docs/**].", result.Details[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void An_entry_added_to_an_untouched_project_while_others_change_is_in_the_wrong_project()
    {
        var admin = NotesOnly(Admin, "- Users can be renamed.") with { OtherTouchedProjects = ["manage"] };

        var result = CheckPolicy.Decide(admin);

        Assert.Equal([CheckOutcome.EntriesInWrongProject], result.Failures.ToArray());
    }

    [Fact]
    public void An_entry_added_alone_is_a_forgotten_note_not_a_wrong_project()
    {
        var result = CheckPolicy.Decide(NotesOnly(Admin, "- Users can be renamed."));

        Assert.Equal(CheckOutcome.NotesUpdated, result.Outcome);
        Assert.Empty(result.Failures);
    }

    [Fact]
    public void Without_a_project_there_is_no_wrong_project()
    {
        var repositoryWide = NotesOnly(Admin, "- Users can be renamed.") with { Project = null, OtherTouchedProjects = ["manage"] };

        Assert.DoesNotContain(CheckOutcome.EntriesInWrongProject, CheckPolicy.Decide(repositoryWide).Failures);
    }

    [Fact]
    public void Notes_changed_without_a_new_entry_are_not_in_the_wrong_project()
    {
        var unreleased = Admin.Folder + "/unreleased.md";
        var reordered = NotesOnly(Admin, "- Users can be renamed.") with
        {
            BaseEntries = [new CheckedEntry(unreleased, 9, "Public > Fixed", "- Users can be renamed.")],
            OtherTouchedProjects = ["manage"],
        };

        Assert.DoesNotContain(CheckOutcome.EntriesInWrongProject, CheckPolicy.Decide(reordered).Failures);
    }

    [Fact]
    public void A_reasonless_opt_out_line_in_a_project_is_told_the_project_s_line()
    {
        var admin = Touched(Admin, "apps/admin/src/Users.cs") with { Description = "Release-Notes: none(admin)" };

        var result = CheckPolicy.Decide(admin);

        Assert.Contains(
            "The description's line 'Release-Notes: none(admin)' gives no reason, which does not opt out; write 'Release-Notes: none(admin) - <reason>' with a real reason.",
            result.Hints);
    }

    [Fact]
    public void Evidence_must_be_given_and_each_project_evidence_must_name_its_project()
    {
        Assert.Equal("repository", Assert.Throws<ArgumentNullException>(() => ProjectCheckPolicy.Decide(null!, [])).ParamName);
        Assert.Equal("projects", Assert.Throws<ArgumentNullException>(() => ProjectCheckPolicy.Decide(NothingRepositoryWide, null!)).ParamName);
        var exception = Assert.Throws<ArgumentException>(() => ProjectCheckPolicy.Decide(NothingRepositoryWide, [new CheckEvidence { ChangedPaths = ["a.cs"] }]));
        Assert.StartsWith("every project's evidence names its project", exception.Message, StringComparison.Ordinal);
    }

    private static CheckEvidence Touched(ReleaseNotesProject project, string path) => new()
    {
        Configuration = Configuration,
        Project = project,
        Folder = project.Folder,
        HeadFolder = project.Folder,
        ChangedPaths = [path],
    };

    /// <summary>A project whose only change is a new entry in its own <c>unreleased.md</c>.</summary>
    private static CheckEvidence NotesOnly(ReleaseNotesProject project, string entry)
    {
        var unreleased = project.Folder + "/unreleased.md";
        return new CheckEvidence
        {
            Configuration = Configuration,
            Project = project,
            Folder = project.Folder,
            HeadFolder = project.Folder,
            UnreleasedChanged = true,
            NotesFiles = [unreleased],
            HeadEntries = [new CheckedEntry(unreleased, 9, "Public > Fixed", entry)],
            ChangedPaths = [unreleased],
        };
    }

    private static CheckEvidence Updated(ReleaseNotesProject project, string path, string entry)
    {
        var unreleased = project.Folder + "/unreleased.md";
        return Touched(project, path) with
        {
            UnreleasedChanged = true,
            NotesFiles = [unreleased],
            HeadEntries = [new CheckedEntry(unreleased, 9, "Public > Fixed", entry)],
            ChangedPaths = [unreleased, path],
        };
    }

    private static ReleaseNotesProject Project(string name, string folder, params string[] paths) =>
        new(name, folder, [.. paths.Select(GlobPattern.Parse)]) { NoneLabel = ReleaseNotesProject.DefaultNoneLabel(name), TagPrefix = ReleaseNotesProject.DefaultTagPrefix(name) };
}
