using System.Collections.Immutable;
using BfReleaseNotes.Checks;
using BfReleaseNotes.Configuration;
using BfReleaseNotes.Workspace;

namespace BfReleaseNotes.Tests.Monorepo;

/// <summary>
/// The pure parts of the monorepo support: which project a folder or path belongs to, the per-project opt-out line,
/// and <see cref="ProjectCheckPolicy"/> on hand-built evidence (no git).
/// </summary>
public class ProjectRulesTests
{
    private static readonly ReleaseNotesProject Manage = Project("manage", "apps/manage/release-notes", "apps/manage/**", "libs/shared/**");
    private static readonly ReleaseNotesProject Admin = Project("admin", "apps/admin/release-notes", "apps/admin/**", "libs/shared/**");
    private static readonly ImmutableArray<ReleaseNotesProject> Both = [Manage, Admin];

    [Theory]
    [InlineData("apps/manage/**", "apps/manage", true)]
    [InlineData("apps/manage/**", "apps/manage/src/deep", true)]
    [InlineData("apps/manage/**", "apps", false)]
    [InlineData("apps/manage/**", "", false)]
    [InlineData("apps/*/**", "apps/admin/src", true)]
    [InlineData("apps/manage/**/*.cs", "apps/manage/src", false)]
    [InlineData("services/", "services/billing", true)]
    public void A_pattern_covers_a_folder_when_it_matches_everything_below_it(string pattern, string folder, bool covers) =>
        Assert.Equal(covers, GlobPattern.Parse(pattern).Covers(folder));

    [Theory]
    [InlineData("apps/manage/src", "manage")]
    [InlineData("apps/admin/release-notes", "admin")]
    [InlineData("libs/shared", "manage,admin")]
    [InlineData("", "")]
    [InlineData("tools", "")]
    public void A_folder_belongs_to_the_projects_whose_notes_folder_or_paths_hold_it(string folder, string expected) =>
        Assert.Equal(expected, string.Join(',', ProjectResolver.Infer(Both, folder).Select(project => project.Name)));

    [Fact]
    public void The_project_is_the_named_one_else_the_inferred_one_else_the_default()
    {
        var withDefault = ImmutableArray.Create(Manage, Admin with { IsDefault = true });

        Assert.Equal("manage", ProjectResolver.Resolve(withDefault, "apps/admin", "MANAGE")!.Name);
        Assert.Equal("manage", ProjectResolver.Resolve(withDefault, "apps/manage/src", null)!.Name);
        Assert.Equal("admin", ProjectResolver.Resolve(withDefault, "tools", null)!.Name);
        Assert.Null(ProjectResolver.Resolve([], "tools", null));
        Assert.Contains("none is the default", Assert.Throws<EnvironmentException>(() => ProjectResolver.Resolve(Both, "tools", null)).Message, StringComparison.Ordinal);
        Assert.Contains("has no \"projects\"", Assert.Throws<EnvironmentException>(() => ProjectResolver.Resolve([], "", "manage")).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Release-Notes: none(manage) - refactoring only", "manage", "refactoring only")]
    [InlineData("Release-Notes: none (Admin, manage) - shared test helpers", "manage", "shared test helpers")]
    [InlineData("Release-Notes: none(admin) - refactoring only", "manage", null)]
    [InlineData("Release-Notes: none - refactoring everywhere", "manage", "refactoring everywhere")]
    [InlineData("Release-Notes: none(manage) - refactoring only", null, null)]
    public void A_line_naming_projects_opts_out_only_those(string line, string? project, string? reason) =>
        Assert.Equal(reason, OptOut.Scan("Intro\n\n" + line + "\n", project).Reason);

    [Fact]
    public void A_project_line_without_a_reason_is_rejected_and_reported()
    {
        var scan = OptOut.Scan("Release-Notes: none(manage) - TODO\n", "manage");

        Assert.Null(scan.Reason);
        Assert.Equal("Release-Notes: none(manage) - TODO", scan.Rejected);
    }

    [Fact]
    public void The_combined_result_fails_on_the_first_failing_project_and_lists_every_project_concerned()
    {
        var manage = Touched(Manage, "apps/manage/src/Orders.cs") with
        {
            UnreleasedChanged = true,
            HeadEntries = [new CheckedEntry("apps/manage/release-notes/unreleased.md", 9, "Public > Fixed", "- Totals are rounded.")],
            ChangedPaths = ["apps/manage/release-notes/unreleased.md", "apps/manage/src/Orders.cs"],
        };
        var admin = Touched(Admin, "apps/admin/src/Users.cs");

        var result = ProjectCheckPolicy.Decide(new CheckEvidence { Configuration = CheckConfiguration.Default with { Projects = Both } }, [manage, admin]);

        Assert.Equal(CheckOutcome.NotesNotUpdated, result.Outcome);
        Assert.Equal(["manage", "admin"], result.Projects.Select(project => project.Project));
        Assert.Equal([CheckOutcome.NotesUpdated, CheckOutcome.NotesNotUpdated], result.Projects.Select(project => project.Result.Outcome));
        var finding = Assert.Single(result.Findings);
        Assert.Equal("admin", finding.Project);
        Assert.Equal("apps/admin/release-notes/unreleased.md", finding.File);
        Assert.StartsWith("check failed (notes not updated) for project 'admin':", result.Summary, StringComparison.Ordinal);
        Assert.Equal(["apps/admin/src/Users.cs", "apps/manage/release-notes/unreleased.md", "apps/manage/src/Orders.cs"], result.ChangedPaths.ToArray());
    }

    [Fact]
    public void A_project_the_range_does_not_concern_is_left_out()
    {
        var manage = Touched(Manage, "apps/manage/src/Orders.cs") with { Labels = ["release-notes-manage::none"] };
        var admin = new CheckEvidence { Project = Admin, Folder = Admin.Folder, HeadFolder = Admin.Folder };

        var result = ProjectCheckPolicy.Decide(new CheckEvidence(), [manage, admin]);

        Assert.True(result.Passed);
        Assert.Equal(CheckOutcome.OptedOut, result.Outcome);
        Assert.Equal(["manage"], result.Projects.Select(project => project.Project));
        Assert.Equal("release-notes-manage::none", result.Projects[0].Result.OptOut!.Where);
    }

    [Fact]
    public void The_readme_monorepo_configuration_is_valid_and_means_what_the_readme_says()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(folder.FullName, "README.md")) || !File.Exists(Path.Combine(folder.FullName, "BfReleaseNotes.sln")))
        {
            folder = folder.Parent!;
        }

        var readme = File.ReadAllText(Path.Combine(folder.FullName, "README.md"));
        var section = readme[readme.IndexOf("## Monorepo", StringComparison.Ordinal)..];
        var start = section.IndexOf("```json\n", StringComparison.Ordinal) + "```json\n".Length;
        var json = section[start..section.IndexOf("```", start, StringComparison.Ordinal)];

        Assert.True(ConfigurationReader.TryParse(System.Text.Encoding.UTF8.GetBytes(json), "README.md", out var configuration, out var error), error);
        var projects = configuration.Projects;
        Assert.Equal(["manage", "admin", "billing"], projects.Select(project => project.Name));
        Assert.Equal("manage", ProjectResolver.Resolve(projects, "", null)!.Name);
        Assert.Equal(["manage", "admin"], ProjectResolver.Owners(projects, "libs/shared/Money.cs").Select(project => project.Name));
        Assert.Equal("admin-v", projects[1].TagPrefix);
        Assert.Equal("admin::no-release-notes", projects[1].NoneLabel);
        Assert.Equal("release-notes-billing::none", projects[2].NoneLabel);
        Assert.Equal("billing/v", projects[2].TagPrefix);
    }

    private static CheckEvidence Touched(ReleaseNotesProject project, string path) => new()
    {
        Project = project,
        Folder = project.Folder,
        HeadFolder = project.Folder,
        ChangedPaths = [path],
    };

    private static ReleaseNotesProject Project(string name, string folder, params string[] paths) =>
        new(name, folder, [.. paths.Select(GlobPattern.Parse)]) { NoneLabel = ReleaseNotesProject.DefaultNoneLabel(name), TagPrefix = ReleaseNotesProject.DefaultTagPrefix(name) };
}
