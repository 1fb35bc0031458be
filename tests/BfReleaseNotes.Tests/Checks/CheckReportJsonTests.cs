using BfReleaseNotes.Checks;

namespace BfReleaseNotes.Tests.Checks;

/// <summary>
/// The JSON report of the merge-request check (what <c>check --format json</c> prints), pinned field by field with
/// the expected text written out here, from results of the real checker on real repositories.
/// </summary>
public sealed class CheckReportJsonTests : IDisposable
{
    private const string UnreleasedPath = "release-notes/unreleased.md";
    private readonly GitTestRepository _repo = new();
    private readonly string _base;

    public CheckReportJsonTests()
    {
        try
        {
            _repo.Write(UnreleasedPath, "# Unreleased\n\n## Public\n\n### Added\n\n### Fixed\n")
                .Write("src/App.cs", "class App { }\n");
            _base = _repo.Commit("Start the project");
            _repo.Branch("feature");
        }
        catch
        {
            // xunit does not dispose a test class whose constructor threw.
            _repo.Dispose();
            throw;
        }
    }

    public void Dispose() => _repo.Dispose();

    [Fact]
    public void A_pass_reports_the_range_the_added_entry_and_the_paths_with_quotes_and_accents_readable()
    {
        var head = _repo.Write(UnreleasedPath, "# Unreleased\n\n## Public\n\n### Added\n\n### Fixed\n\n- Exports keep \"quotes\", it's <b>bold</b> & café.\n")
            .Write("src/App.cs", "class App { int A; }\n")
            .Commit("Fix exports");

        var json = CheckReportJson.Serialize(MergeRequestChecker.Check(Request()));


        Assert.Equal(
            $$"""
            {
              "outcome": "notes-updated",
              "passed": true,
              "exitCode": 0,
              "summary": "check passed (notes updated): release-notes/unreleased.md adds or changes 1 entry and lints clean.",
              "failures": [],
              "details": [],
              "hints": [],
              "findings": [],
              "configurationChanges": [],
              "range": {
                "base": "main",
                "baseSource": "--base",
                "baseCommit": "{{_base}}",
                "mergeBase": "{{_base}}",
                "head": "HEAD",
                "headSource": "--head",
                "headCommit": "{{head}}"
              },
              "folder": "release-notes",
              "headFolder": "release-notes",
              "optOut": null,
              "editAllowed": false,
              "addedEntries": [
                {
                  "file": "release-notes/unreleased.md",
                  "line": 9,
                  "place": "Public > Fixed",
                  "content": "- Exports keep \"quotes\", it's <b>bold</b> & café."
                }
              ],
              "removedEntries": [],
              "publishedEntries": [],
              "addedPublishedFiles": [],
              "changedPublishedFiles": [],
              "changedPaths": [
                "release-notes/unreleased.md",
                "src/App.cs"
              ],
              "relevantPaths": [
                "src/App.cs"
              ],
              "diagnostics": [],
              "projects": []
            }
            """,
            json);
    }

    [Fact]
    public void Invalid_notes_report_the_failure_its_finding_and_the_diagnostic()
    {
        var head = _repo.Write(UnreleasedPath, "# Unreleased\n\n## Public\n\n### Added\n\n### Fixd\n\n- Exports work.\n")
            .Write("src/App.cs", "class App { int A; }\n")
            .Commit("Fix exports");

        var json = CheckReportJson.Serialize(MergeRequestChecker.Check(Request()));

        const string Sentence = "check failed (notes invalid): release-notes/unreleased.md at head has 1 error (listed as file:line:col); fix them (`bf-release-notes lint` shows them, `lint --fix` repairs the fixable ones), commit and push.";
        Assert.Equal(
            $$"""
            {
              "outcome": "notes-invalid",
              "passed": false,
              "exitCode": 1,
              "summary": "{{Sentence}}",
              "failures": [
                "notes-invalid"
              ],
              "details": [],
              "hints": [],
              "findings": [
                {
                  "checkName": "release-notes-invalid",
                  "outcome": "notes-invalid",
                  "message": "{{Sentence}}",
                  "file": "release-notes/unreleased.md",
                  "line": 7,
                  "hints": []
                }
              ],
              "configurationChanges": [],
              "range": {
                "base": "main",
                "baseSource": "--base",
                "baseCommit": "{{_base}}",
                "mergeBase": "{{_base}}",
                "head": "HEAD",
                "headSource": "--head",
                "headCommit": "{{head}}"
              },
              "folder": "release-notes",
              "headFolder": "release-notes",
              "optOut": null,
              "editAllowed": false,
              "addedEntries": [
                {
                  "file": "release-notes/unreleased.md",
                  "line": 9,
                  "place": "Public > Fixd",
                  "content": "- Exports work."
                }
              ],
              "removedEntries": [],
              "publishedEntries": [],
              "addedPublishedFiles": [],
              "changedPublishedFiles": [],
              "changedPaths": [
                "release-notes/unreleased.md",
                "src/App.cs"
              ],
              "relevantPaths": [
                "src/App.cs"
              ],
              "diagnostics": [
                {
                  "code": "BFRN102",
                  "severity": "error",
                  "file": "release-notes/unreleased.md",
                  "line": 7,
                  "column": 1,
                  "message": "unknown section '### Fixd'; did you mean '### Fixed'?",
                  "fixable": false
                }
              ],
              "projects": []
            }
            """,
            json);
    }

    [Fact]
    public void An_opt_out_line_without_a_reason_reports_the_finding_with_its_hints()
    {
        var head = _repo.Write("src/App.cs", "class App { int A; }\n").Commit("Refactor");

        var json = CheckReportJson.Serialize(MergeRequestChecker.Check(Request() with { Description = "Refactor only.\n\nRelease-Notes: none" }));

        const string Sentence = """check failed (notes not updated): this merge request changes 1 file that needs release notes (such as src/App.cs) but adds no entry to release-notes/unreleased.md; add one with `bf-release-notes add --section public --type fixed \"What changed for users\"` and commit it, or opt out with the label 'release-notes::none' or a line 'Release-Notes: none - <reason>' in the description or in a commit message.""";
        const string Hint = "The description's line 'Release-Notes: none' gives no reason, which does not opt out; write 'Release-Notes: none - <reason>' with a real reason.";
        Assert.Equal(
            $$"""
            {
              "outcome": "notes-not-updated",
              "passed": false,
              "exitCode": 1,
              "summary": "{{Sentence}}",
              "failures": [
                "notes-not-updated"
              ],
              "details": [
                "{{Hint}}"
              ],
              "hints": [
                "{{Hint}}"
              ],
              "findings": [
                {
                  "checkName": "release-notes-not-updated",
                  "outcome": "notes-not-updated",
                  "message": "{{Sentence}}",
                  "file": "release-notes/unreleased.md",
                  "line": 1,
                  "hints": [
                    "{{Hint}}"
                  ]
                }
              ],
              "configurationChanges": [],
              "range": {
                "base": "main",
                "baseSource": "--base",
                "baseCommit": "{{_base}}",
                "mergeBase": "{{_base}}",
                "head": "HEAD",
                "headSource": "--head",
                "headCommit": "{{head}}"
              },
              "folder": "release-notes",
              "headFolder": "release-notes",
              "optOut": null,
              "editAllowed": false,
              "addedEntries": [],
              "removedEntries": [],
              "publishedEntries": [],
              "addedPublishedFiles": [],
              "changedPublishedFiles": [],
              "changedPaths": [
                "src/App.cs"
              ],
              "relevantPaths": [
                "src/App.cs"
              ],
              "diagnostics": [],
              "projects": []
            }
            """,
            json);
    }

    [Fact]
    public void In_a_monorepo_each_project_has_its_result_and_a_finding_names_its_project()
    {
        _repo.Write("release-notes/config.json", """
                {
                  "projects": [
                    { "name": "manage", "folder": "apps/manage/release-notes", "default": true, "paths": ["apps/manage/**"] },
                    { "name": "admin", "folder": "apps/admin/release-notes", "paths": ["apps/admin/**"] }
                  ]
                }
                """)
            .Write("apps/manage/release-notes/unreleased.md", "# Unreleased\n\n## Public\n\n### Fixed\n")
            .Write("apps/admin/release-notes/unreleased.md", "# Unreleased\n\n## Public\n\n### Fixed\n")
            .Write("apps/manage/App.cs", "class Manage { }\n")
            .Write("apps/admin/App.cs", "class Admin { }\n");
        var start = _repo.Commit("Split into projects");
        _repo.Branch("two-projects")
            .Write("apps/manage/App.cs", "class Manage { int A; }\n")
            .Write("apps/manage/release-notes/unreleased.md", "# Unreleased\n\n## Public\n\n### Fixed\n\n- Manage works.\n")
            .Write("apps/admin/App.cs", "class Admin { int A; }\n");
        var head = _repo.Commit("Change both");

        var json = CheckReportJson.Serialize(MergeRequestChecker.Check(new CheckRequest(_repo.Path, new RevisionChoice(start, "--base"), new RevisionChoice("HEAD", "--head"))));

        const string Manage = "check passed (notes updated) for project 'manage': apps/manage/release-notes/unreleased.md adds or changes 1 entry and lints clean.";
        const string Admin = """check failed (notes not updated) for project 'admin': this merge request changes 1 file of 'admin' (such as apps/admin/App.cs) but adds no entry to apps/admin/release-notes/unreleased.md; add one with `bf-release-notes add --project admin --section public --type fixed \"What changed for users\"` and commit it, or opt out of 'admin' with the label 'release-notes-admin::none' or a line 'Release-Notes: none(admin) - <reason>' (or of every project with 'release-notes::none') in the description or in a commit message.""";
        Assert.Equal(
            $$"""
            {
              "outcome": "notes-not-updated",
              "passed": false,
              "exitCode": 1,
              "summary": "{{Admin}}",
              "failures": [
                "notes-not-updated"
              ],
              "details": [
                "{{Manage}}"
              ],
              "hints": [],
              "findings": [
                {
                  "checkName": "release-notes-not-updated",
                  "outcome": "notes-not-updated",
                  "message": "{{Admin}}",
                  "file": "apps/admin/release-notes/unreleased.md",
                  "line": 1,
                  "hints": [],
                  "project": "admin"
                }
              ],
              "configurationChanges": [],
              "range": {
                "base": "{{start}}",
                "baseSource": "--base",
                "baseCommit": "{{start}}",
                "mergeBase": "{{start}}",
                "head": "HEAD",
                "headSource": "--head",
                "headCommit": "{{head}}"
              },
              "folder": "release-notes",
              "headFolder": "release-notes",
              "optOut": null,
              "editAllowed": false,
              "addedEntries": [
                {
                  "file": "apps/manage/release-notes/unreleased.md",
                  "line": 7,
                  "place": "Public > Fixed",
                  "content": "- Manage works."
                }
              ],
              "removedEntries": [],
              "publishedEntries": [],
              "addedPublishedFiles": [],
              "changedPublishedFiles": [],
              "changedPaths": [
                "apps/admin/App.cs",
                "apps/manage/App.cs",
                "apps/manage/release-notes/unreleased.md"
              ],
              "relevantPaths": [
                "apps/admin/App.cs",
                "apps/manage/App.cs"
              ],
              "diagnostics": [],
              "projects": [
                {
                  "name": "manage",
                  "folder": "apps/manage/release-notes",
                  "touched": true,
                  "outcome": "notes-updated",
                  "passed": true,
                  "summary": "{{Manage}}"
                },
                {
                  "name": "admin",
                  "folder": "apps/admin/release-notes",
                  "touched": true,
                  "outcome": "notes-not-updated",
                  "passed": false,
                  "summary": "{{Admin}}"
                }
              ]
            }
            """,
            json);
    }

    [Fact]
    public void An_opt_out_by_label_reports_where_it_came_from_and_no_entries()
    {
        var head = _repo.Write("src/App.cs", "class App { int A; }\n").Commit("Refactor");

        var json = CheckReportJson.Serialize(MergeRequestChecker.Check(Request() with { Labels = ["backend", "release-notes::none"] }));


        Assert.Equal(
            $$"""
            {
              "outcome": "opted-out",
              "passed": true,
              "exitCode": 0,
              "summary": "check passed (opted out): the label 'release-notes::none' says this merge request needs no release notes.",
              "failures": [],
              "details": [],
              "hints": [],
              "findings": [],
              "configurationChanges": [],
              "range": {
                "base": "main",
                "baseSource": "--base",
                "baseCommit": "{{_base}}",
                "mergeBase": "{{_base}}",
                "head": "HEAD",
                "headSource": "--head",
                "headCommit": "{{head}}"
              },
              "folder": "release-notes",
              "headFolder": "release-notes",
              "optOut": {
                "source": "label",
                "where": "release-notes::none",
                "reason": null,
                "line": null
              },
              "editAllowed": false,
              "addedEntries": [],
              "removedEntries": [],
              "publishedEntries": [],
              "addedPublishedFiles": [],
              "changedPublishedFiles": [],
              "changedPaths": [
                "src/App.cs"
              ],
              "relevantPaths": [
                "src/App.cs"
              ],
              "diagnostics": [],
              "projects": []
            }
            """,
            json);
    }

    [Fact]
    public void A_check_that_cannot_decide_has_exit_code_2_and_no_range()
    {
        var json = CheckReportJson.Serialize(MergeRequestChecker.Check(new CheckRequest(_repo.Path, new RevisionChoice("no-such-branch", "--base"), new RevisionChoice("HEAD", "--head"))));

        const string Sentence = "cannot decide: the base revision 'no-such-branch' (from --base) names no commit in this repository; fetch it (`git fetch origin <target-branch>`) or pass --base REV.";
        Assert.Equal(
            $$"""
            {
              "outcome": "cannot-decide",
              "passed": false,
              "exitCode": 2,
              "summary": "{{Sentence}}",
              "failures": [],
              "details": [],
              "hints": [],
              "findings": [
                {
                  "checkName": "release-notes-cannot-decide",
                  "outcome": "cannot-decide",
                  "message": "{{Sentence}}",
                  "file": "release-notes/unreleased.md",
                  "line": 1,
                  "hints": []
                }
              ],
              "configurationChanges": [],
              "range": null,
              "folder": "release-notes",
              "headFolder": "release-notes",
              "optOut": null,
              "editAllowed": false,
              "addedEntries": [],
              "removedEntries": [],
              "publishedEntries": [],
              "addedPublishedFiles": [],
              "changedPublishedFiles": [],
              "changedPaths": [],
              "relevantPaths": [],
              "diagnostics": [],
              "projects": []
            }
            """,
            json);
    }

    [Fact]
    public void Control_characters_of_a_commit_message_are_escaped_in_the_report()
    {
        var head = _repo.Write("src/App.cs", "class App { int A; }\n").Commit("Refactor \u001B[31mred\u001B[0m\n\nRelease-Notes: none - only \u001B[2J a refactor");

        var json = CheckReportJson.Serialize(MergeRequestChecker.Check(Request()));


        Assert.DoesNotContain('\u001B', json);
        Assert.Equal(
            $$"""
            {
              "outcome": "opted-out",
              "passed": true,
              "exitCode": 0,
              "summary": "check passed (opted out): commit {{head[..8]}} \"Refactor \u001B[31mred\u001B[0m\" says 'Release-Notes: none - only \u001B[2J a refactor'.",
              "failures": [],
              "details": [],
              "hints": [],
              "findings": [],
              "configurationChanges": [],
              "range": {
                "base": "main",
                "baseSource": "--base",
                "baseCommit": "{{_base}}",
                "mergeBase": "{{_base}}",
                "head": "HEAD",
                "headSource": "--head",
                "headCommit": "{{head}}"
              },
              "folder": "release-notes",
              "headFolder": "release-notes",
              "optOut": {
                "source": "commit-message",
                "where": "commit {{head[..8]}} \"Refactor \u001B[31mred\u001B[0m\"",
                "reason": "only \u001B[2J a refactor",
                "line": "Release-Notes: none - only \u001B[2J a refactor"
              },
              "editAllowed": false,
              "addedEntries": [],
              "removedEntries": [],
              "publishedEntries": [],
              "addedPublishedFiles": [],
              "changedPublishedFiles": [],
              "changedPaths": [
                "src/App.cs"
              ],
              "relevantPaths": [
                "src/App.cs"
              ],
              "diagnostics": [],
              "projects": []
            }
            """,
            json);
    }

    private CheckRequest Request() => new(_repo.Path, new RevisionChoice("main", "--base"), new RevisionChoice("HEAD", "--head"));
}
