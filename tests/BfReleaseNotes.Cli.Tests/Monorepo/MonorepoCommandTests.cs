using LibGit2Sharp;

namespace BfReleaseNotes.Cli.Tests.Monorepo;

/// <summary>
/// The other commands in a generated monorepo (real repository, real CLI entry point): <c>--project</c>, the project
/// inferred from the current folder, <c>lint</c> over every project, <c>promote --all</c> with independent versions
/// and tags, <c>render</c>/<c>show</c> per project, and <c>merge-driver install</c> for every project.
/// </summary>
public sealed class MonorepoCommandTests : IDisposable
{
    private readonly GeneratedMonorepo _mono = new();

    public void Dispose() => _mono.Dispose();

    [Fact]
    public void Add_uses_the_project_named_or_the_one_whose_folder_it_runs_in()
    {
        var named = Cli.Run(_mono.Path, ["add", "--project", "billing", "--section", "public", "--type", "fixed", "Invoices show the tax."]);
        var inferred = Cli.Run(Path.Combine(_mono.Path, "apps", "admin", "src"), ["add", "--section", "public", "--type", "fixed", "Users can be renamed."]);

        Assert.Equal(0, named.ExitCode);
        Assert.Equal(0, inferred.ExitCode);
        Assert.Contains("- Invoices show the tax.", Read(GeneratedMonorepo.BillingNotes), StringComparison.Ordinal);
        Assert.Contains("- Users can be renamed.", Read(GeneratedMonorepo.AdminNotes), StringComparison.Ordinal);
        Assert.DoesNotContain("Users can be renamed.", Read(GeneratedMonorepo.ManageNotes), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_project_named_inferred_or_default_a_command_says_which_to_choose_and_changes_nothing()
    {
        var before = Read(GeneratedMonorepo.ManageNotes);

        var atRoot = Cli.Run(_mono.Path, ["add", "--section", "public", "--type", "fixed", "Something."]);
        var shared = Cli.Run(Path.Combine(_mono.Path, "libs", "shared"), ["add", "--section", "public", "--type", "fixed", "Something."]);
        var unknown = Cli.Run(_mono.Path, ["add", "--project", "manag", "--section", "public", "--type", "fixed", "Something."]);

        Assert.Equal(2, atRoot.ExitCode);
        Assert.Contains("none is the default; run the command inside a project's folder or pass --project NAME ('manage', 'admin' or 'billing')", atRoot.Error, StringComparison.Ordinal);
        Assert.Equal(2, shared.ExitCode);
        Assert.Contains("the folder 'libs/shared' is shared by 'manage' and 'admin' (their paths all cover it); say which project with --project NAME", shared.Error, StringComparison.Ordinal);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("--project 'manag' is not a project (did you mean 'manage'?)", unknown.Error, StringComparison.Ordinal);
        Assert.Equal(before, Read(GeneratedMonorepo.ManageNotes));
    }

    [Fact]
    public void Lint_without_a_project_lints_every_project_and_with_one_only_that_one()
    {
        _mono.Repository.Write(GeneratedMonorepo.BillingNotes, "# Unreleased\n\n## Public\n\n- An entry outside a change type.\n");

        var all = Cli.Run(_mono.Path, ["lint"]);
        var manage = Cli.Run(_mono.Path, ["lint", "--project", "manage"]);
        var inferred = Cli.Run(Path.Combine(_mono.Path, "apps", "admin"), ["lint"]);

        Assert.Equal(1, all.ExitCode);
        Assert.Contains("lint: 6 files, 1 error", all.Out, StringComparison.Ordinal);
        Assert.Contains("services/billing/release-notes/unreleased.md:5:1: error BFRN103", all.Error, StringComparison.Ordinal);
        Assert.Equal(0, manage.ExitCode);
        Assert.Contains("lint: 2 files, 0 errors", manage.Out, StringComparison.Ordinal);
        Assert.Equal(0, inferred.ExitCode);
        Assert.Contains("lint: 2 files, 0 errors", inferred.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Promote_all_publishes_every_project_with_pending_notes_under_its_own_version_and_tag()
    {
        SetIdentity();

        _mono.Repository.Checkout("main");
        _mono.WriteNotes(GeneratedMonorepo.ManageNotes, "Order totals are rounded correctly.", "Orders can be archived.");
        // admin has only a Beta entry: it is promoted too.
        Assert.Equal(0, Cli.Run(_mono.Path, ["add", "--project", "admin", "--section", "beta", "--type", "changed", "Users can be renamed."]).ExitCode);
        _mono.Repository.Commit("Work of the week");

        var run = Cli.Run(_mono.Path, ["promote", "--all", "--tag", "--date", "2026-11-25"]);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("promote --all: 2 projects promoted, 1 with nothing to promote", run.Out, StringComparison.Ordinal);
        Assert.Contains("  manage 1.4.0 (2026-11-25): 2 entries; wrote ", run.Out, StringComparison.Ordinal);
        Assert.Contains("apps/manage/release-notes/1.4.0.md and ", run.Out, StringComparison.Ordinal);
        Assert.Contains(", tagged manage/v1.4.0", run.Out, StringComparison.Ordinal);
        Assert.Contains("  admin 0.3.0 (2026-11-25): 1 entry;", run.Out, StringComparison.Ordinal);
        Assert.Contains(", tagged admin-0.3.0", run.Out, StringComparison.Ordinal);
        Assert.Contains("  billing: nothing to promote", run.Out, StringComparison.Ordinal);
        Assert.Contains("- Orders can be archived.", Read("apps/manage/release-notes/1.4.0.md"), StringComparison.Ordinal);
        Assert.Contains("- Users can be renamed.", Read("apps/admin/release-notes/0.3.0.md"), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_mono.Path, "services/billing/release-notes/2.1.0.md")));
        Assert.DoesNotContain("Orders can be archived.", Read(GeneratedMonorepo.ManageNotes), StringComparison.Ordinal);
        using var repository = new Repository(_mono.Path);
        Assert.Equal(["admin-0.3.0", "manage/v1.4.0"], repository.Tags.Select(tag => tag.FriendlyName).Order(StringComparer.Ordinal));
        Assert.Equal("Release manage 1.4.0", repository.Tags["manage/v1.4.0"].Annotation.Message.Trim());
        Assert.Equal(["Release admin 0.3.0", "Release manage 1.4.0", "Work of the week"], repository.Commits.Take(3).Select(commit => commit.MessageShort));
        Assert.True(repository.RetrieveStatus().IsDirty is false);
    }

    [Fact]
    public void A_promote_all_killed_mid_write_is_named_and_finished_by_the_next_command_in_that_project()
    {
        _mono.WriteNotes(GeneratedMonorepo.ManageNotes, "Orders can be archived.");

        var crashed = Safety.CliProcess.Run(_mono.Path, Safety.CliProcess.Fault("transaction:rename-1:crash"), "promote", "--all", "--date", "2026-11-25");
        var next = Cli.Run(_mono.Path, ["add", "--project", "manage", "--section", "beta", "--type", "added", "Dark mode."]);

        Assert.NotEqual(0, crashed.ExitCode);
        Assert.Equal(0, next.ExitCode);
        Assert.Contains("finished an interrupted 'bf-release-notes promote --all'", next.Error, StringComparison.Ordinal);
        Assert.Contains("- Orders can be archived.", Read("apps/manage/release-notes/1.4.0.md"), StringComparison.Ordinal);
        Assert.DoesNotContain("Orders can be archived.", Read(GeneratedMonorepo.ManageNotes), StringComparison.Ordinal);
    }

    [Fact]
    public void Init_starts_a_projects_notes_beside_the_other_projects_folders()
    {
        File.Delete(Path.Combine(_mono.Path, GeneratedMonorepo.BillingNotes));

        var run = Cli.Run(_mono.Path, ["init", "--project", "billing"]);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("# Unreleased", Read(GeneratedMonorepo.BillingNotes), StringComparison.Ordinal);
    }

    [Fact]
    public void Promote_of_one_project_tags_with_its_prefix_and_names_it_in_the_commit()
    {
        SetIdentity();
        _mono.Repository.Checkout("main");
        _mono.WriteNotes(GeneratedMonorepo.BillingNotes, "Invoices show the tax.");
        _mono.Repository.Commit("Work of the week");

        var run = Cli.Run(Path.Combine(_mono.Path, "services", "billing", "src"), ["promote", "--tag", "--date", "2026-11-25"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("\"Release billing 2.1.0\", tagged billing/v2.1.0", run.Out, StringComparison.Ordinal);
        using var repository = new Repository(_mono.Path);
        Assert.Equal("Release billing 2.1.0", repository.Head.Tip.MessageShort);
        Assert.NotNull(repository.Tags["billing/v2.1.0"]);
    }

    [Fact]
    public void Promote_all_keeps_a_project_with_errors_as_it_was_and_promotes_the_others()
    {
        _mono.WriteNotes(GeneratedMonorepo.ManageNotes, "Orders can be archived.");
        _mono.Repository.Write(GeneratedMonorepo.AdminNotes, "# Unreleased\n\n## Public\n\n- An entry outside a change type.\n");
        var adminBefore = Read(GeneratedMonorepo.AdminNotes);

        var run = Cli.Run(_mono.Path, ["promote", "--all", "--date", "2026-11-25", "--format", "json"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("\"status\": \"promoted\"", run.Out, StringComparison.Ordinal);
        Assert.Contains("\"status\": \"invalid\"", run.Out, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_mono.Path, "apps/manage/release-notes/1.4.0.md")));
        Assert.Equal(adminBefore, Read(GeneratedMonorepo.AdminNotes));
        Assert.Equal(["0.2.0.md", "unreleased.md"], Directory.EnumerateFiles(Path.Combine(_mono.Path, "apps/admin/release-notes")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Promote_all_refuses_options_that_name_one_project_or_one_version()
    {
        var run = Cli.Run(_mono.Path, ["promote", "--all", "--version", "2.0.0"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--all promotes every project with its own folder, version and tag prefix; leave out --version", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_and_show_work_per_project()
    {
        var render = Cli.Run(_mono.Path, ["render", "--project", "admin", "--format", "json"]);
        var show = Cli.Run(Path.Combine(_mono.Path, "services", "billing"), ["show", "latest"]);

        Assert.Equal(0, render.ExitCode);
        Assert.Contains("\"version\": \"0.2.0\"", render.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("\"version\": \"1.3.0\"", render.Out, StringComparison.Ordinal);
        Assert.Equal(0, show.ExitCode);
        Assert.StartsWith("# 2.0.0 - 2026-11-20", show.Out, StringComparison.Ordinal);
        Assert.Contains("Billing's first fix.", show.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Merge_driver_install_marks_every_projects_unreleased_md()
    {
        var run = Cli.Run(_mono.Path, ["merge-driver", "install", "--command", "bf-release-notes"]);

        Assert.Equal(0, run.ExitCode);
        var attributes = File.ReadAllLines(Path.Combine(_mono.Path, ".gitattributes"));
        Assert.Equal(
            ["apps/manage/release-notes/unreleased.md merge=union", "apps/admin/release-notes/unreleased.md merge=union", "services/billing/release-notes/unreleased.md merge=union"],
            attributes);
    }

    [Theory]
    [InlineData("{ \"folder\": \"notes\", \"projects\": [ { \"name\": \"a\", \"folder\": \"a/notes\", \"paths\": [\"a/**\"] } ] }", "\"folder\" and \"projects\" cannot both be set")]
    [InlineData("{ \"projects\": [ { \"name\": \"a\", \"folder\": \"a/notes\", \"paths\": [\"a/**\"] }, { \"name\": \"A\", \"folder\": \"b/notes\", \"paths\": [\"b/**\"] } ] }", "'A' names two projects")]
    [InlineData("{ \"projects\": [ { \"name\": \"a\", \"folder\": \"a/notes\" } ] }", "\"projects[0].paths\" of 'a' is missing or empty")]
    [InlineData("{ \"projects\": [ { \"name\": \"a b\", \"folder\": \"a/notes\", \"paths\": [\"a/**\"] } ] }", "\"projects[0].name\" is 'a b'")]
    [InlineData("{ \"projects\": [ { \"name\": \"a\", \"folder\": \"../a\", \"paths\": [\"a/**\"] } ] }", "\"projects[0].folder\" is '../a'")]
    [InlineData("{ \"projects\": [ { \"name\": \"a\", \"folder\": \"a/notes\", \"paths\": [\"a/**\"], \"colour\": 1 } ] }", "colour")]
    public void A_projects_section_that_is_not_valid_is_refused_with_the_file_and_what_to_fix(string configuration, string expected)
    {
        _mono.Repository.Write("release-notes/config.json", configuration);
        var before = Read(GeneratedMonorepo.ManageNotes);

        var run = Cli.Run(_mono.Path, ["add", "--section", "public", "--type", "fixed", "Something."]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("config.json", run.Error, StringComparison.Ordinal);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
        Assert.Equal(before, Read(GeneratedMonorepo.ManageNotes));
    }

    private void SetIdentity()
    {
        using var git = new Repository(_mono.Path);
        git.Config.Set("user.name", "Release Captain", ConfigurationLevel.Local);
        git.Config.Set("user.email", "captain@example.com", ConfigurationLevel.Local);
    }

    private string Read(string relative) => File.ReadAllText(Path.Combine(_mono.Path, relative));
}
