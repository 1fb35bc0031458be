using System.Text.Json;
using System.Xml.Linq;

namespace BfReleaseNotes.Cli.Tests.Monorepo;

/// <summary>
/// The merge-request check in a generated monorepo of three projects (real git repository, real CLI entry point):
/// one policy run per touched project, one combined outcome that lists every touched project with its own result.
/// </summary>
public sealed class MonorepoCheckTests : IDisposable
{
    private readonly GeneratedMonorepo _mono = new();

    public void Dispose() => _mono.Dispose();

    [Fact]
    public void A_merge_request_touching_one_project_with_its_notes_updated_passes_and_lists_only_that_project()
    {
        _mono.Repository.Write("apps/manage/src/Orders.cs", "class Orders { int Total; }\n");
        _mono.WriteNotes(GeneratedMonorepo.ManageNotes, "Order totals are rounded correctly.");
        var head = _mono.Repository.Commit("Round order totals");

        var run = _mono.Check(head, null, "--format", "json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        var projects = json.RootElement.GetProperty("projects").EnumerateArray().ToList();
        var manage = Assert.Single(projects);
        Assert.Equal("manage", manage.GetProperty("name").GetString());
        Assert.Equal("notes-updated", manage.GetProperty("outcome").GetString());
        Assert.Equal("notes-updated", json.RootElement.GetProperty("outcome").GetString());
    }

    [Fact]
    public void Touching_two_projects_and_updating_one_fails_naming_the_other_and_its_add_command_then_passes_with_both()
    {
        _mono.Repository.Write("apps/manage/src/Orders.cs", "class Orders { int Total; }\n")
            .Write("services/billing/src/Invoices.cs", "class Invoices { int Total; }\n");
        _mono.WriteNotes(GeneratedMonorepo.ManageNotes, "Order totals are rounded correctly.");
        var oneUpdated = _mono.Repository.Commit("Round totals in orders and invoices");

        var failed = _mono.Check(oneUpdated);

        Assert.Equal(1, failed.ExitCode);
        Assert.StartsWith("check failed (notes not updated) for project 'billing': this merge request changes 1 file of 'billing' (such as services/billing/src/Invoices.cs) but adds no entry to services/billing/release-notes/unreleased.md", failed.Out, StringComparison.Ordinal);
        Assert.Contains("`bf-release-notes add --project billing --section public --type fixed \"What changed for users\"`", failed.Out, StringComparison.Ordinal);
        Assert.Contains("check passed (notes updated) for project 'manage'", failed.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("'admin'", failed.Out, StringComparison.Ordinal);

        _mono.WriteNotes(GeneratedMonorepo.BillingNotes, "Invoice totals are rounded correctly.");
        var bothUpdated = _mono.Repository.Commit("Note the invoice fix");

        var passed = _mono.Check(bothUpdated);

        Assert.Equal(0, passed.ExitCode);
        Assert.StartsWith("check passed: every project this merge request concerns is handled: 'manage' (notes updated), 'billing' (notes updated).", passed.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_shared_library_owned_by_two_projects_needs_the_notes_of_both()
    {
        _mono.Repository.Write("libs/shared/Money.cs", "struct Money { decimal Amount; }\n");
        _mono.WriteNotes(GeneratedMonorepo.ManageNotes, "Amounts keep their cents.");
        var head = _mono.Repository.Commit("Keep cents");

        var run = _mono.Check(head, null, "--format", "json");

        Assert.Equal(1, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        var projects = json.RootElement.GetProperty("projects").EnumerateArray().Select(project => (project.GetProperty("name").GetString(), project.GetProperty("outcome").GetString())).ToList();
        Assert.Equal([("manage", "notes-updated"), ("admin", "notes-not-updated")], projects);
        var finding = Assert.Single(json.RootElement.GetProperty("findings").EnumerateArray());
        Assert.Equal("admin", finding.GetProperty("project").GetString());
        Assert.Equal(GeneratedMonorepo.AdminNotes, finding.GetProperty("file").GetString());
    }

    [Fact]
    public void A_merge_request_changing_only_ignored_paths_passes_as_not_relevant()
    {
        _mono.Repository.Write("docs/architecture.md", "# Architecture\n\nThree products.\n");
        var head = _mono.Repository.Commit("Document the layout");

        var run = _mono.Check(head);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("check passed (not relevant): none of the 1 changed path needs a project's notes", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void An_entry_added_to_a_project_the_merge_request_does_not_touch_is_in_the_wrong_project()
    {
        _mono.Repository.Write("apps/manage/src/Orders.cs", "class Orders { int Total; }\n");
        _mono.WriteNotes(GeneratedMonorepo.AdminNotes, "Order totals are rounded correctly.");
        var head = _mono.Repository.Commit("Round order totals");

        var run = _mono.Check(head, null, "--format", "json");

        Assert.Equal(1, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        var findings = json.RootElement.GetProperty("findings").EnumerateArray()
            .Select(finding => (finding.GetProperty("project").GetString(), finding.GetProperty("outcome").GetString())).ToList();
        Assert.Contains(("manage", "notes-not-updated"), findings);
        Assert.Contains(("admin", "entries-in-wrong-project"), findings);
        var wrong = json.RootElement.GetProperty("findings").EnumerateArray().Single(finding => finding.GetProperty("outcome").GetString() == "entries-in-wrong-project");
        Assert.Contains("adds 1 entry to apps/admin/release-notes/unreleased.md, but changes none of the paths of 'admin' (apps/admin/**, libs/shared/**), only those of 'manage'", wrong.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("bf-release-notes add --project manage", wrong.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_follow_up_that_only_adds_a_forgotten_entry_passes()
    {
        _mono.WriteNotes(GeneratedMonorepo.AdminNotes, "Users can be renamed.");
        var head = _mono.Repository.Commit("Note the rename that shipped last week");

        var run = _mono.Check(head);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("'admin' (notes updated)", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("description", "Release-Notes: none(billing) - only a refactoring of the invoice code", "'billing' (opted out)")]
    [InlineData("description", "Release-Notes: none(admin, Billing) - refactoring", "'billing' (opted out)")]
    [InlineData("label", "billing::no-notes", "'billing' (opted out)")]
    [InlineData("label", "release-notes::none", "check passed (opted out)")]
    [InlineData("description", "Release-Notes: none - refactoring everywhere", "check passed (opted out)")]
    public void A_project_is_opted_out_by_its_own_label_or_line_or_by_the_one_for_every_project(string where, string value, string expected)
    {
        _mono.Repository.Write("apps/manage/src/Orders.cs", "class Orders { int Total; }\n")
            .Write("services/billing/src/Invoices.cs", "class Invoices { int Total; }\n");
        _mono.WriteNotes(GeneratedMonorepo.ManageNotes, "Order totals are rounded correctly.");
        var head = _mono.Repository.Commit("Round totals");
        var variables = new Dictionary<string, string> { [where == "label" ? "CI_MERGE_REQUEST_LABELS" : "CI_MERGE_REQUEST_DESCRIPTION"] = value };

        var run = _mono.Check(head, variables);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(expected, run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("CI_MERGE_REQUEST_DESCRIPTION", "Release-Notes: none(admin) - refactoring")]
    [InlineData("CI_MERGE_REQUEST_LABELS", "release-notes-admin::none")]
    [InlineData("CI_MERGE_REQUEST_LABELS", "release-notes-billing::none")]
    public void Another_projects_opt_out_does_not_excuse_a_project(string variable, string value)
    {
        // billing's label is configured as 'billing::no-notes', so its default form does not count either.
        _mono.Repository.Write("services/billing/src/Invoices.cs", "class Invoices { int Total; }\n");
        var head = _mono.Repository.Commit("Round invoice totals");

        var run = _mono.Check(head, new Dictionary<string, string> { [variable] = value });

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("check failed (notes not updated) for project 'billing'", run.Out, StringComparison.Ordinal);
        Assert.Contains("the label 'billing::no-notes' or a line 'Release-Notes: none(billing) - <reason>'", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_path_no_project_owns_fails_without_a_default_project_and_says_how_to_assign_it()
    {
        _mono.Repository.Write("tools/build.sh", "#!/bin/sh\nset -e\n");
        var head = _mono.Repository.Commit("Stop the build on errors");

        var run = _mono.Check(head);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("check failed (notes not updated): this merge request changes 1 file that no project owns (such as tools/build.sh)", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void The_reports_carry_the_project()
    {
        _mono.Repository.Write("apps/manage/src/Orders.cs", "class Orders { int Total; }\n")
            .Write("services/billing/src/Invoices.cs", "class Invoices { int Total; }\n");
        _mono.WriteNotes(GeneratedMonorepo.ManageNotes, "Order totals are rounded correctly.");
        var head = _mono.Repository.Commit("Round totals");
        var reports = Path.Combine(_mono.Path, "reports");

        var run = _mono.Check(head, null, "--report-junit", "reports/junit.xml", "--report-codequality", "reports/quality.json");

        Assert.Equal(1, run.ExitCode);
        var junit = XDocument.Load(Path.Combine(reports, "junit.xml"));
        var failed = junit.Descendants("testcase").Where(test => test.Element("failure") is not null).Select(test => test.Attribute("name")!.Value).ToList();
        Assert.Equal(["billing: release notes are updated, or not needed"], failed);
        Assert.Contains(junit.Descendants("testcase"), test => test.Attribute("name")!.Value == "manage: release notes are updated, or not needed");
        using var quality = JsonDocument.Parse(File.ReadAllText(Path.Combine(reports, "quality.json")));
        var finding = Assert.Single(quality.RootElement.EnumerateArray());
        Assert.StartsWith("[billing] check failed (notes not updated) for project 'billing'", finding.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal(GeneratedMonorepo.BillingNotes, finding.GetProperty("location").GetProperty("path").GetString());
    }

    [Fact]
    public void Moving_a_project_with_its_folder_in_the_configuration_follows_its_notes_and_history()
    {
        var moved = GeneratedMonorepo.Configuration()
            .Replace("\"services/billing/release-notes\"", "\"apps/billing/release-notes\"", StringComparison.Ordinal)
            .Replace("\"services/billing/**\"", "\"apps/billing/**\"", StringComparison.Ordinal);
        _mono.Repository.Write("release-notes/config.json", moved)
            .Move(GeneratedMonorepo.BillingNotes, "apps/billing/release-notes/unreleased.md")
            .Move("services/billing/release-notes/2.0.0.md", "apps/billing/release-notes/2.0.0.md")
            .Move("services/billing/src/Invoices.cs", "apps/billing/src/Invoices.cs");
        var head = _mono.Repository.Commit("Move billing under apps");

        var withoutLabels = _mono.Check(head);
        var withLabels = _mono.Check(head, new Dictionary<string, string> { ["CI_MERGE_REQUEST_LABELS"] = "release-notes::edit,release-notes::none" });

        Assert.Equal(1, withoutLabels.ExitCode);
        Assert.StartsWith("check failed (configuration changed): this merge request changes the check's rules in release-notes/config.json (\"projects\" changes 'billing');", withoutLabels.Out, StringComparison.Ordinal);
        Assert.Contains("check failed (published history changed) for project 'billing': services/billing/release-notes/2.0.0.md is moved (to apps/billing/release-notes/2.0.0.md);", withoutLabels.Out, StringComparison.Ordinal);
        Assert.Contains("check failed (notes not updated) for project 'billing': this merge request changes 2 files of 'billing' (such as apps/billing/src/Invoices.cs) but adds no entry to apps/billing/release-notes/unreleased.md;", withoutLabels.Out, StringComparison.Ordinal);
        // The moved notes are the project's, not files no project owns, and not a rename to undo.
        Assert.DoesNotContain("rename it back", withoutLabels.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("apps/billing/release-notes/2.0.0.md);", withoutLabels.Out.Replace("is moved (to apps/billing/release-notes/2.0.0.md);", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("this merge request changes 1 file that no project owns (such as release-notes/config.json)", withoutLabels.Out, StringComparison.Ordinal);
        Assert.Equal(0, withLabels.ExitCode);
        Assert.StartsWith("check passed: every project this merge request concerns is handled: 'billing' (opted out).\n", withLabels.Out, StringComparison.Ordinal);
    }

}

/// <summary>A monorepo with a default project: the paths no project owns are the default's.</summary>
public sealed class MonorepoDefaultProjectCheckTests : IDisposable
{
    private readonly GeneratedMonorepo _mono = new(defaultProject: "manage");

    public void Dispose() => _mono.Dispose();

    [Fact]
    public void A_path_no_project_owns_needs_the_default_projects_notes()
    {
        _mono.Repository.Write("tools/build.sh", "#!/bin/sh\nset -e\n");
        var head = _mono.Repository.Commit("Stop the build on errors");

        var failed = _mono.Check(head);

        Assert.Equal(1, failed.ExitCode);
        Assert.StartsWith("check failed (notes not updated) for project 'manage': this merge request changes 1 file of 'manage' (such as tools/build.sh)", failed.Out, StringComparison.Ordinal);

        _mono.WriteNotes(GeneratedMonorepo.ManageNotes, "Builds stop at the first error.");
        var passed = _mono.Check(_mono.Repository.Commit("Note it"));

        Assert.Equal(0, passed.ExitCode);
    }
}
