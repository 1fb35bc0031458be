using BfReleaseNotes.Configuration;
using BfReleaseNotes.Promotion;
using BfReleaseNotes.Workspace;
using Semver;

namespace BfReleaseNotes.Tests.Promotion;

/// <summary>
/// The JSON reports of <c>promote</c> and <c>promote --all</c>, pinned with the expected text written out here, from
/// real promotions of real folders.
/// </summary>
public sealed class PromotionReportJsonTests : IDisposable
{
    private static readonly DateOnly Date = new(2026, 11, 25);
    private readonly ScratchFolder _scratch = new();

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public void A_dry_run_with_bump_auto_reports_the_counts_the_deciding_entry_and_the_note_it_would_publish()
    {
        _scratch.WriteFile("1.2.0.md", "# 1.2.0 - 2026-11-01\n\n## Public\n\n### Fixed\n\n- An earlier fix.\n");
        _scratch.WriteUnreleased(
            "# Unreleased\n\n## Public\n\n### Added\n\n- Export to PDF, it's <fast> & café.\n\n### Removed\n\n- **Breaking:** the old API is gone.\n\n" +
            "## Beta\n\n### Fixed\n\n- A beta fix.\n\n## Internal\n\n### Added\n\n#### Flag: `new-editor`\n\n- Drafts.\n- Autosave.\n\n#### Flag: `other`\n\n- Other.\n");

        var outcome = Plan(new PromotionRequest(null, VersionBump.Minor, Date) { AutoBump = ReleaseSettings.Load(_scratch.Folder) });
        var json = PromotionReportJson.Serialize(outcome, dryRun: true);

        Assert.Equal(
            $$"""
            {
              "status": "dry-run",
              "version": "2.0.0",
              "date": "2026-11-25",
              "files": [
                "{{_scratch.Folder.Path}}/2.0.0.md",
                "{{_scratch.Unreleased}}"
              ],
              "published": [
                {
                  "visibility": "Public",
                  "type": "Added",
                  "count": 1
                },
                {
                  "visibility": "Public",
                  "type": "Removed",
                  "count": 1
                },
                {
                  "visibility": "Beta",
                  "type": "Fixed",
                  "count": 1
                }
              ],
              "internalLeftBehind": [
                {
                  "flag": "new-editor",
                  "count": 2
                },
                {
                  "flag": "other",
                  "count": 1
                }
              ],
              "bump": {
                "bump": "major",
                "wanted": "major",
                "breaking": true,
                "file": "{{_scratch.Unreleased}}",
                "line": 11,
                "visibility": "Public",
                "type": "Removed",
                "entry": "- **Breaking:** the old API is gone."
              },
              "publishedText": "# 2.0.0 - 2026-11-25\n\n## Public\n\n### Added\n\n- Export to PDF, it\u0027s \u003Cfast\u003E \u0026 caf\u00E9.\n\n### Removed\n\n- **Breaking:** the old API is gone.\n\n## Beta\n\n### Fixed\n\n- A beta fix.\n"
            }
            """,
            json);
    }

    [Fact]
    public void A_committed_promotion_reports_the_commit_and_tag_and_leaves_out_the_note_and_the_bump()
    {
        _scratch.WriteUnreleased("# Unreleased\n\n## Public\n\n### Fixed\n\n- A fix.\n");

        var outcome = Plan(new PromotionRequest(new SemVersion(1, 0, 0), VersionBump.Minor, Date));
        var json = PromotionReportJson.Serialize(outcome, dryRun: false, commit: "0123456789abcdef0123456789abcdef01234567", tag: "v1.0.0");

        Assert.Equal(
            $$"""
            {
              "status": "promoted",
              "version": "1.0.0",
              "date": "2026-11-25",
              "files": [
                "{{_scratch.Folder.Path}}/1.0.0.md",
                "{{_scratch.Unreleased}}"
              ],
              "published": [
                {
                  "visibility": "Public",
                  "type": "Fixed",
                  "count": 1
                }
              ],
              "internalLeftBehind": [],
              "commit": "0123456789abcdef0123456789abcdef01234567",
              "tag": "v1.0.0"
            }
            """,
            json);
    }

    [Fact]
    public void Nothing_to_promote_reports_no_files_and_the_reason()
    {
        _scratch.WriteUnreleased("# Unreleased\n\n## Public\n\n### Fixed\n\n## Internal\n\n### Added\n\n#### Flag: `beta-x`\n\n- Hidden.\n");

        var outcome = Plan(new PromotionRequest(null, VersionBump.Patch, Date));
        var json = PromotionReportJson.Serialize(outcome, dryRun: true);

        Assert.Equal(
            """
            {
              "status": "nothing-to-promote",
              "version": "0.0.1",
              "date": "2026-11-25",
              "files": [],
              "published": [],
              "internalLeftBehind": [
                {
                  "flag": "beta-x",
                  "count": 1
                }
              ],
              "message": "Public and Beta are empty: nothing to promote, no file written"
            }
            """,
            json);
    }

    [Fact]
    public void A_refused_promotion_has_no_report()
    {
        _scratch.WriteFile("1.0.0.md", "# 1.0.0 - 2026-11-01\n\n## Public\n\n### Fixed\n\n- An earlier fix.\n");
        _scratch.WriteUnreleased("# Unreleased\n\n## Public\n\n### Fixed\n\n- A fix.\n");

        var outcome = Plan(new PromotionRequest(new SemVersion(1, 0, 0), VersionBump.Minor, Date));

        Assert.Equal(PromotionStatus.Refused, outcome.Status);
        var error = Assert.Throws<ArgumentException>(() => PromotionReportJson.Serialize(outcome, dryRun: false));
        Assert.StartsWith("a promotion that is Refused has no report", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Promote_all_reports_each_project_in_the_configuration_order()
    {
        Directory.CreateDirectory(Path.Combine(_scratch.Root, "apps", "manage", "release-notes"));
        Directory.CreateDirectory(Path.Combine(_scratch.Root, "apps", "admin", "release-notes"));
        File.WriteAllText(Path.Combine(_scratch.Root, "release-notes", "config.json"), """
            {
              "projects": [
                { "name": "manage", "folder": "apps/manage/release-notes", "default": true, "paths": ["apps/manage/**"] },
                { "name": "admin", "folder": "apps/admin/release-notes", "tagPrefix": "admin-v", "paths": ["apps/admin/**"] },
                { "name": "billing", "folder": "apps/billing/release-notes", "paths": ["apps/billing/**"] }
              ]
            }
            """);
        File.WriteAllText(Path.Combine(_scratch.Root, "apps", "manage", "release-notes", "unreleased.md"), "# Unreleased\n\n## Public\n\n### Added\n\n- Manage it.\n- And more.\n");
        File.WriteAllText(Path.Combine(_scratch.Root, "apps", "admin", "release-notes", "unreleased.md"), "# Unreleased\n\n## Public\n\n### Fixd\n\n- Broken.\n");

        var results = ProjectPromotion.PromoteAll(ReleaseNotesLocator.LocateAll(_scratch.Root), new ProjectPromotionRequest(VersionBump.Minor, Date) { DryRun = true });
        var json = ProjectPromotionReportJson.Serialize(results);

        Assert.Equal(
            $$"""
            {
              "projects": [
                {
                  "project": "manage",
                  "status": "dry-run",
                  "version": "0.1.0",
                  "files": [
                    "{{_scratch.Root}}/apps/manage/release-notes/0.1.0.md",
                    "{{_scratch.Root}}/apps/manage/release-notes/unreleased.md"
                  ],
                  "published": 2
                },
                {
                  "project": "admin",
                  "status": "invalid",
                  "files": [],
                  "published": 0,
                  "message": "unreleased.md has errors; fix them (see \u0027bf-release-notes lint\u0027) and promote again. No file was written"
                },
                {
                  "project": "billing",
                  "status": "nothing-to-promote",
                  "files": [],
                  "published": 0,
                  "message": "{{_scratch.Root}}/apps/billing/release-notes/unreleased.md does not exist"
                }
              ]
            }
            """,
            json);
    }

    [Fact]
    public void Promote_all_names_every_status_reports_a_version_only_for_a_plan_and_counts_every_published_entry()
    {
        var summary = new PromotionSummary(new SemVersion(1, 1, 0), Date, ["notes/1.1.0.md", "notes/unreleased.md"],
            [new EntryCount(Model.Visibility.Public, Model.ChangeType.Fixed, 2), new EntryCount(Model.Visibility.Beta, Model.ChangeType.Added, 3)], []);
        ProjectPromotionResult[] results =
        [
            new("manage", "apps/manage/notes", ProjectPromotionStatus.Promoted, new PromotionOutcome(PromotionStatus.Planned, null, summary, [], null), null) { Commit = "c0ffee", Tag = "manage/v1.1.0" },
            new("admin", "apps/admin/notes", ProjectPromotionStatus.Refused, new PromotionOutcome(PromotionStatus.Refused, null, summary, [], "too old"), "too old"),
            new("billing", "billing/notes", ProjectPromotionStatus.CouldNotRun, null, "locked"),
        ];

        var json = ProjectPromotionReportJson.Serialize(results);

        Assert.Equal(
            """
            {
              "projects": [
                {
                  "project": "manage",
                  "status": "promoted",
                  "version": "1.1.0",
                  "files": [
                    "notes/1.1.0.md",
                    "notes/unreleased.md"
                  ],
                  "published": 5,
                  "commit": "c0ffee",
                  "tag": "manage/v1.1.0"
                },
                {
                  "project": "admin",
                  "status": "refused",
                  "files": [],
                  "published": 5,
                  "message": "too old"
                },
                {
                  "project": "billing",
                  "status": "could-not-run",
                  "files": [],
                  "published": 0,
                  "message": "locked"
                }
              ]
            }
            """,
            json);
    }

    [Fact]
    public void Missing_arguments_are_refused_by_name()
    {
        Assert.Equal("outcome", Assert.Throws<ArgumentNullException>(() => PromotionReportJson.Serialize(null!, dryRun: true)).ParamName);
        Assert.Equal("results", Assert.Throws<ArgumentNullException>(() => ProjectPromotionReportJson.Serialize(null!)).ParamName);
    }

    private PromotionOutcome Plan(PromotionRequest request) =>
        Promoter.Plan(ReleaseNotesFolder.Read(_scratch.Unreleased, Model.DocumentKind.Unreleased), [.. _scratch.Folder.PublishedFiles().Select(file => file.Version)], request, _scratch.Folder);
}
