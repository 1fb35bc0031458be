using System.Collections.Immutable;
using BfReleaseNotes.Checks;
using BfReleaseNotes.Configuration;
using BfReleaseNotes.Workspace;

namespace BfReleaseNotes.Tests.Rules;

/// <summary>Which project a command works on: named, inferred from the folder, or the default; each refusal in words.</summary>
public class ProjectResolverRuleTests
{
    private static readonly ReleaseNotesProject Manage = Project("manage", "apps/manage/release-notes", "apps/manage/**", "libs/shared/**");
    private static readonly ReleaseNotesProject Admin = Project("admin", "apps/admin/release-notes", "apps/admin/**", "libs/shared/**", "notes/**");
    private static readonly ReleaseNotesProject Billing = Project("billing", "notes/billing", "services/billing/**", "libs/shared/**");
    private static readonly ImmutableArray<ReleaseNotesProject> All = [Manage, Admin, Billing];

    [Theory]
    [InlineData("notes/billing", "billing")]
    [InlineData("notes/billing/drafts", "billing")]
    [InlineData("notes/billingextra", "admin")]
    [InlineData("notes", "admin")]
    [InlineData("services/billing/src", "billing")]
    public void A_notes_folder_belongs_to_its_project_before_any_path_pattern_that_covers_it(string folder, string expected) =>
        Assert.Equal(expected, string.Join(',', ProjectResolver.Infer(All, folder).Select(project => project.Name)));

    [Fact]
    public void No_folder_infers_no_project() => Assert.Empty(ProjectResolver.Infer(All, null));

    [Fact]
    public void A_folder_several_projects_share_is_refused_naming_them_all()
    {
        var two = Assert.Throws<EnvironmentException>(() => ProjectResolver.Resolve([Manage, Admin], "libs/shared", null));
        var three = Assert.Throws<EnvironmentException>(() => ProjectResolver.Resolve(All, "libs/shared/src", null));

        Assert.Equal("the folder 'libs/shared' is shared by 'manage' and 'admin' (their paths all cover it); say which project with --project NAME", two.Message);
        Assert.Equal("the folder 'libs/shared/src' is shared by 'manage', 'admin' and 'billing' (their paths all cover it); say which project with --project NAME", three.Message);
    }

    [Fact]
    public void A_name_is_found_in_any_case_and_with_spaces_around_it()
    {
        Assert.Same(Admin, ProjectResolver.Named(All, "  ADMIN "));
        Assert.Same(Billing, ProjectResolver.Resolve(All, "apps/manage", "Billing"));
    }

    [Fact]
    public void An_unknown_name_is_refused_with_the_closest_project_and_the_list()
    {
        var close = Assert.Throws<EnvironmentException>(() => ProjectResolver.Named(All, "mange"));
        var far = Assert.Throws<EnvironmentException>(() => ProjectResolver.Named(All, "zzzzzzzz"));

        Assert.StartsWith("--project 'mange' is not a project (did you mean 'manage'?); the projects are ", close.Message, StringComparison.Ordinal);
        Assert.StartsWith("--project 'zzzzzzzz' is not a project; the projects are ", far.Message, StringComparison.Ordinal);
        foreach (var name in (string[])["manage", "admin", "billing"])
        {
            Assert.Contains(name, far.Message, StringComparison.Ordinal);
        }

        Assert.Throws<ArgumentNullException>(() => ProjectResolver.Named(All, null!));
    }

    private static ReleaseNotesProject Project(string name, string folder, params string[] paths) =>
        new(name, folder, [.. paths.Select(GlobPattern.Parse)]) { NoneLabel = ReleaseNotesProject.DefaultNoneLabel(name), TagPrefix = ReleaseNotesProject.DefaultTagPrefix(name) };
}
