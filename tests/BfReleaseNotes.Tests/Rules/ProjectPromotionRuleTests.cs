using System.Text;
using BfReleaseNotes.Configuration;
using BfReleaseNotes.Promotion;
using BfReleaseNotes.TestSupport;
using BfReleaseNotes.Workspace;
using LibGit2Sharp;

namespace BfReleaseNotes.Tests.Rules;

/// <summary>
/// <c>promote --all</c> in a monorepo (<see cref="ProjectPromotion.PromoteAll"/>): each project with pending entries is
/// promoted on its own version, the request's commit, tag and bump win over the configuration's, the auto-bump rule
/// is the configuration's, and a project that is refused or cannot be read says why. A real repository with a root
/// <c>release-notes/config.json</c> listing three projects; every expectation is written out here.
/// </summary>
public sealed class ProjectPromotionRuleTests : IDisposable
{
    private const string ManageUnreleased = "# Unreleased\n\n## Public\n\n### Added\n\n- Boards can be archived.\n\n## Internal\n";
    private const string BillingUnreleased = "# Unreleased\n\n## Public\n\n### Fixed\n\n- Invoices round to the cent.\n\n## Internal\n";
    private const string DocsUnreleased = "# Unreleased\n\n## Public\n\n### Added\n\n### Changed\n\n### Fixed\n\n## Internal\n";
    private const string Emptied = "# Unreleased\n\n## Public\n\n### Added\n\n### Changed\n\n### Fixed\n\n## Internal\n";
    private const string ManagePublished = "# 2.3.0 - 2026-11-11\n\n## Public\n\n### Added\n\n- Boards.\n";
    private const string BillingPublished = "# 1.0.0 - 2026-11-11\n\n## Public\n\n### Added\n\n- Invoices.\n\n### Fixed\n\n- Totals are exact.\n";
    private static readonly DateOnly Date = new(2026, 11, 25);
    private readonly GitTestRepository _repository = new();

    public ProjectPromotionRuleTests()
    {
        using var git = new Repository(_repository.Path);
        git.Config.Set("user.name", "Release Bot");
        git.Config.Set("user.email", "bot@example.com");
    }

    private string Manage => Path.Combine(_repository.Path, "apps", "manage", "release-notes");

    private string Billing => Path.Combine(_repository.Path, "services", "billing", "release-notes");

    private string Docs => Path.Combine(_repository.Path, "docs", "release-notes");

    public void Dispose() => _repository.Dispose();

    [Fact]
    public void A_dry_run_reports_each_projects_version_and_writes_nothing()
    {
        var head = Monorepo(string.Empty);

        var results = ProjectPromotion.PromoteAll(ReleaseNotesLocator.LocateAll(_repository.Path), new ProjectPromotionRequest(null, Date) { DryRun = true });

        Assert.Equal(
            [("manage", Manage, ProjectPromotionStatus.DryRun, "2.4.0"), ("billing", Billing, ProjectPromotionStatus.DryRun, "1.1.0"), ("docs", Docs, ProjectPromotionStatus.NothingToPromote, null)],
            results.Select(result => (result.Project, result.Folder, result.Status, result.Outcome?.Plan?.Version.ToString())));
        Assert.Equal([null, null, "Public and Beta are empty: nothing to promote, no file written"], results.Select(result => result.Message));
        AssertUntouched(head);
    }

    [Fact]
    public void A_dry_run_reads_a_project_another_command_is_writing()
    {
        Monorepo(string.Empty);
        // Held by a thread that stays alive, as by another run: a dry run that took the lock would wait for it.
        using var locked = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var holder = new Thread(() =>
        {
            using var busy = WriteSession.Open(Manage, "promote");
            locked.Set();
            release.Wait();
        });
        holder.Start();
        locked.Wait();

        var results = ProjectPromotion.PromoteAll(ReleaseNotesLocator.LocateAll(_repository.Path), new ProjectPromotionRequest(null, Date) { DryRun = true });
        release.Set();
        holder.Join();

        Assert.Equal([ProjectPromotionStatus.DryRun, ProjectPromotionStatus.DryRun, ProjectPromotionStatus.NothingToPromote], results.Select(result => result.Status));
        Assert.Equal([null, null, null], results.Select(result => result.Commit));
    }

    [Fact]
    public void Two_results_are_equal_only_when_every_field_is()
    {
        var outcome = new PromotionOutcome(PromotionStatus.NothingToPromote, null, null, [], "nothing");
        var diagnostic = new Model.Diagnostic("BFRN101", Model.DiagnosticSeverity.Error, "unreleased.md", new Model.SourcePosition(1, 1), "x");
        var result = new ProjectPromotionResult("manage", "apps/manage", ProjectPromotionStatus.Promoted, outcome, "m") { Commit = "c", Tag = "t", Diagnostics = [diagnostic] };

        Assert.Equal(result, result with { Diagnostics = [diagnostic] });
        Assert.False(result.Equals(null));
        Assert.NotEqual(result, result with { Project = "admin" });
        Assert.NotEqual(result, result with { Folder = "apps/admin" });
        Assert.NotEqual(result, result with { Status = ProjectPromotionStatus.DryRun });
        Assert.NotEqual(result, result with { Outcome = null });
        Assert.NotEqual(result, result with { Message = "n" });
        Assert.NotEqual(result, result with { Commit = "d" });
        Assert.NotEqual(result, result with { Tag = "u" });
        Assert.NotEqual(result, result with { Diagnostics = [] });
    }

    [Fact]
    public void A_real_run_promotes_each_project_with_pending_entries_on_its_own_version_without_git_by_default()
    {
        var head = Monorepo(string.Empty);

        var results = ProjectPromotion.PromoteAll(ReleaseNotesLocator.LocateAll(_repository.Path), new ProjectPromotionRequest(null, Date));

        Assert.Equal(
            [("manage", ProjectPromotionStatus.Promoted, "2.4.0", null, null), ("billing", ProjectPromotionStatus.Promoted, "1.1.0", null, null), ("docs", ProjectPromotionStatus.NothingToPromote, null, null, null)],
            results.Select(result => (result.Project, result.Status, result.Outcome?.Plan?.Version.ToString(), result.Commit, result.Tag)));
        Assert.Equal("# 2.4.0 - 2026-11-25\n\n## Public\n\n### Added\n\n- Boards can be archived.\n", Read(Manage, "2.4.0.md"));
        Assert.Equal(Emptied, Read(Manage, "unreleased.md"));
        Assert.Equal("# 1.1.0 - 2026-11-25\n\n## Public\n\n### Fixed\n\n- Invoices round to the cent.\n", Read(Billing, "1.1.0.md"));
        Assert.Equal(Emptied, Read(Billing, "unreleased.md"));
        Assert.Equal(DocsUnreleased, Read(Docs, "unreleased.md"));
        Assert.Equal(head, _repository.Head);
        using var git = new Repository(_repository.Path);
        Assert.Empty(git.Tags);
    }

    [Fact]
    public void The_configurations_commit_and_tag_apply_when_the_request_leaves_them_open()
    {
        var head = Monorepo("\"promote\": { \"commit\": true, \"tag\": true },");

        var results = ProjectPromotion.PromoteAll(ReleaseNotesLocator.LocateAll(_repository.Path), new ProjectPromotionRequest(null, Date));

        Assert.Equal([ProjectPromotionStatus.Promoted, ProjectPromotionStatus.Promoted, ProjectPromotionStatus.NothingToPromote], results.Select(result => result.Status));
        Assert.Equal(["manage/v2.4.0", "billing/v1.1.0", null], results.Select(result => result.Tag));
        using var git = new Repository(_repository.Path);
        var billing = git.Lookup<Commit>(results[1].Commit);
        var manage = git.Lookup<Commit>(results[0].Commit);
        Assert.Equal(billing.Sha, _repository.Head);
        Assert.Equal(("Release billing 1.1.0\n", manage.Sha), (billing.Message, billing.Parents.Single().Sha));
        Assert.Equal(("Release manage 2.4.0\n", head), (manage.Message, manage.Parents.Single().Sha));
        Assert.Equal(
            [("billing/v1.1.0", billing.Sha, "Release billing 1.1.0\n"), ("manage/v2.4.0", manage.Sha, "Release manage 2.4.0\n")],
            git.Tags.OrderBy(tag => tag.FriendlyName, StringComparer.Ordinal).Select(tag => (tag.FriendlyName, tag.Target.Sha, tag.Annotation.Message)));
        Assert.Equal(Emptied, ((Blob)manage["apps/manage/release-notes/unreleased.md"].Target).GetContentText());
    }

    [Fact]
    public void The_request_turning_commit_and_tag_off_wins_over_the_configuration()
    {
        var head = Monorepo("\"promote\": { \"commit\": true, \"tag\": true },");

        var results = ProjectPromotion.PromoteAll(ReleaseNotesLocator.LocateAll(_repository.Path), new ProjectPromotionRequest(null, Date) { Commit = false, Tag = false });

        Assert.Equal([ProjectPromotionStatus.Promoted, ProjectPromotionStatus.Promoted, ProjectPromotionStatus.NothingToPromote], results.Select(result => result.Status));
        Assert.Equal([null, null, null], results.Select(result => result.Commit));
        Assert.Equal([null, null, null], results.Select(result => result.Tag));
        Assert.Equal(Emptied, Read(Manage, "unreleased.md"));
        Assert.Equal(head, _repository.Head);
        using var git = new Repository(_repository.Path);
        Assert.Empty(git.Tags);
    }

    [Fact]
    public void The_request_asking_for_a_commit_without_a_tag_commits_and_tags_nothing()
    {
        var head = Monorepo(string.Empty);

        var results = ProjectPromotion.PromoteAll(ReleaseNotesLocator.LocateAll(_repository.Path), new ProjectPromotionRequest(null, Date) { Commit = true });

        Assert.Equal([null, null, null], results.Select(result => result.Tag));
        using var git = new Repository(_repository.Path);
        Assert.Equal(["Release billing 1.1.0\n", "Release manage 2.4.0\n", "Start\n"], git.Commits.Take(3).Select(commit => commit.Message));
        Assert.Equal(results[1].Commit, _repository.Head);
        Assert.Empty(git.Tags);
    }

    [Fact]
    public void The_request_asking_for_a_tag_alone_commits_and_tags()
    {
        Monorepo(string.Empty);

        var results = ProjectPromotion.PromoteAll(ReleaseNotesLocator.LocateAll(_repository.Path), new ProjectPromotionRequest(null, Date) { Tag = true });

        Assert.Equal(["manage/v2.4.0", "billing/v1.1.0", null], results.Select(result => result.Tag));
        Assert.Equal(results[1].Commit, _repository.Head);
    }

    [Fact]
    public void The_configurations_bump_applies_unless_the_request_names_one()
    {
        Monorepo("\"promote\": { \"bump\": \"major\" },");
        var locations = ReleaseNotesLocator.LocateAll(_repository.Path);

        var fromConfiguration = ProjectPromotion.PromoteAll(locations, new ProjectPromotionRequest(null, Date) { DryRun = true });
        var fromRequest = ProjectPromotion.PromoteAll(locations, new ProjectPromotionRequest(VersionBump.Patch, Date) { DryRun = true });

        Assert.Equal(["3.0.0", "2.0.0", null], fromConfiguration.Select(result => result.Outcome?.Plan?.Version.ToString()));
        Assert.Equal(["2.3.1", "1.0.1", null], fromRequest.Select(result => result.Outcome?.Plan?.Version.ToString()));
    }

    [Fact]
    public void Auto_bump_follows_the_configurations_release_rule_and_only_when_asked()
    {
        Monorepo("\"release\": { \"bump\": { \"added\": \"major\", \"fixed\": \"minor\" } },");
        var locations = ReleaseNotesLocator.LocateAll(_repository.Path);

        var auto = ProjectPromotion.PromoteAll(locations, new ProjectPromotionRequest(null, Date) { AutoBump = true, DryRun = true });
        var asked = ProjectPromotion.PromoteAll(locations, new ProjectPromotionRequest(VersionBump.Patch, Date) { DryRun = true });

        Assert.Equal(["3.0.0", "1.1.0", null], auto.Select(result => result.Outcome?.Plan?.Version.ToString()));
        Assert.Equal(["2.3.1", "1.0.1", null], asked.Select(result => result.Outcome?.Plan?.Version.ToString()));
    }

    [Fact]
    public void Auto_bump_without_a_release_rule_uses_the_default_rule()
    {
        Monorepo(string.Empty);

        var results = ProjectPromotion.PromoteAll(ReleaseNotesLocator.LocateAll(_repository.Path), new ProjectPromotionRequest(VersionBump.Major, Date) { AutoBump = true, DryRun = true });

        Assert.Equal(["2.4.0", "1.0.1", null], results.Select(result => result.Outcome?.Plan?.Version.ToString()));
    }

    [Fact]
    public void A_release_rule_that_is_not_valid_stops_each_project_with_auto_bump()
    {
        Monorepo("\"release\": { \"bump\": { \"added\": \"huge\" } },");

        var results = ProjectPromotion.PromoteAll(ReleaseNotesLocator.LocateAll(_repository.Path), new ProjectPromotionRequest(null, Date) { AutoBump = true, DryRun = true });

        Assert.Equal([ProjectPromotionStatus.CouldNotRun, ProjectPromotionStatus.CouldNotRun, ProjectPromotionStatus.CouldNotRun], results.Select(result => result.Status));
        var configuration = Path.Combine(_repository.Path, "release-notes", "config.json");
        Assert.Equal(
            [$"the configuration is not valid: {configuration}: \"release.bump.added\" is 'huge'; write \"major\", \"minor\" or \"patch\""],
            results.Select(result => result.Message).Distinct());
    }

    [Fact]
    public void A_project_whose_unreleased_file_has_errors_is_invalid_with_its_diagnostics()
    {
        var head = Monorepo(string.Empty, billingUnreleased: "# Unreleased\n\n## Public\n\n- Invoices round to the cent.\n\n### Fixed\n\n## Internal\n");

        var results = ProjectPromotion.PromoteAll(ReleaseNotesLocator.LocateAll(_repository.Path), new ProjectPromotionRequest(null, Date));

        Assert.Equal([ProjectPromotionStatus.Promoted, ProjectPromotionStatus.Invalid, ProjectPromotionStatus.NothingToPromote], results.Select(result => result.Status));
        Assert.Equal("unreleased.md has errors; fix them (see 'bf-release-notes lint') and promote again. No file was written", results[1].Message);
        Assert.Equal([("BFRN103", 5)], results[1].Diagnostics.Select(diagnostic => (diagnostic.Code, diagnostic.Position.Line)));
        Assert.Equal("# Unreleased\n\n## Public\n\n- Invoices round to the cent.\n\n### Fixed\n\n## Internal\n", Read(Billing, "unreleased.md"));
        Assert.Equal(head, _repository.Head);
    }

    [Fact]
    public void One_entry_already_published_makes_the_project_invalid_in_the_singular_and_the_others_still_promote()
    {
        var head = Monorepo(string.Empty, billingUnreleased: "# Unreleased\n\n## Public\n\n### Added\n\n- Invoices.\n\n### Fixed\n\n- Invoices round to the cent.\n\n## Internal\n");

        var results = ProjectPromotion.PromoteAll(ReleaseNotesLocator.LocateAll(_repository.Path), new ProjectPromotionRequest(null, Date));

        Assert.Equal([ProjectPromotionStatus.Promoted, ProjectPromotionStatus.Invalid, ProjectPromotionStatus.NothingToPromote], results.Select(result => result.Status));
        var billing = Path.Combine(Billing, "unreleased.md");
        Assert.Equal(
            $"1 entry of {billing} already published; run 'bf-release-notes lint --fix --project billing' to remove them from unreleased.md (they stay in the published files)",
            results[1].Message);
        Assert.Null(results[1].Outcome);
        Assert.Equal([("BFRN207", 7)], results[1].Diagnostics.Select(diagnostic => (diagnostic.Code, diagnostic.Position.Line)));
        Assert.Equal("# Unreleased\n\n## Public\n\n### Added\n\n- Invoices.\n\n### Fixed\n\n- Invoices round to the cent.\n\n## Internal\n", Read(Billing, "unreleased.md"));
        Assert.False(File.Exists(Path.Combine(Billing, "1.1.0.md")));
        Assert.Equal(Emptied, Read(Manage, "unreleased.md"));
        Assert.Equal(head, _repository.Head);
    }

    [Fact]
    public void Two_entries_already_published_are_counted_in_the_plural()
    {
        Monorepo(string.Empty, billingUnreleased: "# Unreleased\n\n## Public\n\n### Added\n\n- Invoices.\n\n### Fixed\n\n- Totals are exact.\n- Invoices round to the cent.\n\n## Internal\n");

        var results = ProjectPromotion.PromoteAll(ReleaseNotesLocator.LocateAll(_repository.Path), new ProjectPromotionRequest(null, Date) { DryRun = true });

        Assert.Equal(ProjectPromotionStatus.Invalid, results[1].Status);
        Assert.Equal(
            $"2 entries of {Path.Combine(Billing, "unreleased.md")} already published; run 'bf-release-notes lint --fix --project billing' to remove them from unreleased.md (they stay in the published files)",
            results[1].Message);
        Assert.Equal([7, 11], results[1].Diagnostics.Select(diagnostic => diagnostic.Position.Line));
    }

    [Fact]
    public void A_project_whose_notes_cannot_be_read_could_not_run_and_the_others_still_promote()
    {
        Monorepo(string.Empty);
        var billing = Path.Combine(Billing, "unreleased.md");
        File.Delete(billing);
        File.CreateSymbolicLink(billing, "/dev/zero");

        var results = ProjectPromotion.PromoteAll(ReleaseNotesLocator.LocateAll(_repository.Path), new ProjectPromotionRequest(null, Date));

        Assert.Equal([ProjectPromotionStatus.Promoted, ProjectPromotionStatus.CouldNotRun, ProjectPromotionStatus.NothingToPromote], results.Select(result => result.Status));
        Assert.Equal(("billing", Billing, null), (results[1].Project, results[1].Folder, results[1].Outcome));
        Assert.Equal($"the release-notes file '{billing}' is a device, not a regular file; pass a regular file", results[1].Message);
        Assert.Equal(Emptied, Read(Manage, "unreleased.md"));
    }

    [Fact]
    public void Null_arguments_are_refused_by_name()
    {
        Assert.Equal("projects", Assert.Throws<ArgumentNullException>(() => ProjectPromotion.PromoteAll(null!, new ProjectPromotionRequest(null, Date))).ParamName);
        Assert.Equal("request", Assert.Throws<ArgumentNullException>(() => ProjectPromotion.PromoteAll([], null!)).ParamName);
    }

    /// <summary>Three projects (manage and billing with pending entries, docs with none), committed; returns the commit.</summary>
    private string Monorepo(string settings, string billingUnreleased = BillingUnreleased)
    {
        _repository
            .Write("release-notes/config.json",
                "{ " + settings + " \"projects\": [\n" +
                "  { \"name\": \"manage\", \"folder\": \"apps/manage/release-notes\", \"paths\": [\"apps/manage/**\"] },\n" +
                "  { \"name\": \"billing\", \"folder\": \"services/billing/release-notes\", \"paths\": [\"services/billing/**\"] },\n" +
                "  { \"name\": \"docs\", \"folder\": \"docs/release-notes\", \"paths\": [\"docs/**\"] } ] }\n")
            .Write("apps/manage/release-notes/2.3.0.md", ManagePublished)
            .Write("apps/manage/release-notes/unreleased.md", ManageUnreleased)
            .Write("services/billing/release-notes/1.0.0.md", BillingPublished)
            .Write("services/billing/release-notes/unreleased.md", billingUnreleased)
            .Write("docs/release-notes/unreleased.md", DocsUnreleased);
        return _repository.Commit("Start");
    }

    private void AssertUntouched(string head)
    {
        Assert.Equal(ManageUnreleased, Read(Manage, "unreleased.md"));
        Assert.Equal(BillingUnreleased, Read(Billing, "unreleased.md"));
        Assert.Equal(["2.3.0.md", "unreleased.md"], Directory.GetFiles(Manage).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(["1.0.0.md", "unreleased.md"], Directory.GetFiles(Billing).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(head, _repository.Head);
    }

    private static string Read(string folder, string name) => Encoding.UTF8.GetString(File.ReadAllBytes(Path.Combine(folder, name)));
}
