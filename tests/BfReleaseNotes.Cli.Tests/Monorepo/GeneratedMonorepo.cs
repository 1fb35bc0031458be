using BfReleaseNotes.Cli.Tests.Check;

namespace BfReleaseNotes.Cli.Tests.Monorepo;

/// <summary>
/// A generated monorepo in a real git repository (temp folder, deleted on dispose): two apps that share a library
/// (<c>manage</c> and <c>admin</c> both own <c>libs/shared/**</c>) and one service (<c>billing</c>), each with its own
/// notes folder and one published release, configured in the root's <c>release-notes/config.json</c>.
/// </summary>
internal sealed class GeneratedMonorepo : IDisposable
{
    public const string ManageNotes = "apps/manage/release-notes/unreleased.md";
    public const string AdminNotes = "apps/admin/release-notes/unreleased.md";
    public const string BillingNotes = "services/billing/release-notes/unreleased.md";

    /// <summary>The three projects; <paramref name="defaultProject"/> marks one as the default.</summary>
    public static string Configuration(string? defaultProject = null) => $$"""
        {
          "ignore": ["docs/**"],
          "projects": [
            { "name": "manage", "folder": "apps/manage/release-notes", "paths": ["apps/manage/**", "libs/shared/**"]{{Default("manage", defaultProject)}} },
            { "name": "admin", "folder": "apps/admin/release-notes", "paths": ["apps/admin/**", "libs/shared/**"], "tagPrefix": "admin-"{{Default("admin", defaultProject)}} },
            { "name": "billing", "folder": "services/billing/release-notes", "paths": ["services/billing/**"], "labels": { "none": "billing::no-notes" }{{Default("billing", defaultProject)}} }
          ]
        }
        """;

    public GeneratedMonorepo(string? defaultProject = null)
    {
        Repository = new GitTestRepository();
        try
        {
            Repository.Write("release-notes/config.json", Configuration(defaultProject))
                .Write(ManageNotes, Notes.Unreleased())
                .Write("apps/manage/release-notes/1.3.0.md", Notes.Published("1.3.0", ["Manage's first fix."]))
                .Write("apps/manage/src/Orders.cs", "class Orders { }\n")
                .Write(AdminNotes, Notes.Unreleased())
                .Write("apps/admin/release-notes/0.2.0.md", Notes.Published("0.2.0", ["Admin's first fix."]))
                .Write("apps/admin/src/Users.cs", "class Users { }\n")
                .Write(BillingNotes, Notes.Unreleased())
                .Write("services/billing/release-notes/2.0.0.md", Notes.Published("2.0.0", ["Billing's first fix."]))
                .Write("services/billing/src/Invoices.cs", "class Invoices { }\n")
                .Write("libs/shared/Money.cs", "struct Money { }\n")
                .Write("docs/architecture.md", "# Architecture\n")
                .Write("tools/build.sh", "#!/bin/sh\n");
            Base = Repository.Commit("Start the monorepo");
            Repository.Branch("feature");
        }
        catch
        {
            Repository.Dispose();
            throw;
        }
    }

    public GitTestRepository Repository { get; }

    /// <summary>The target branch's commit the merge request started from.</summary>
    public string Base { get; }

    public string Path => Repository.Path;

    /// <summary>Writes an <c>unreleased.md</c> with these Public/Fixed entries.</summary>
    public GeneratedMonorepo WriteNotes(string file, params string[] entries)
    {
        Repository.Write(file, Notes.Unreleased(entries));
        return this;
    }

    /// <summary>Runs <c>check</c> for the range base..head with GitLab's variables and any more.</summary>
    public CheckRun Check(string head, Dictionary<string, string>? more = null, params string[] arguments)
    {
        var environment = new Dictionary<string, string> { ["CI_MERGE_REQUEST_DIFF_BASE_SHA"] = Base, ["CI_COMMIT_SHA"] = head };
        foreach (var (key, value) in more ?? [])
        {
            environment[key] = value;
        }

        return CheckRun.In(Path, environment, arguments);
    }

    public void Dispose() => Repository.Dispose();

    private static string Default(string name, string? defaultProject) => name == defaultProject ? ", \"default\": true" : string.Empty;
}
