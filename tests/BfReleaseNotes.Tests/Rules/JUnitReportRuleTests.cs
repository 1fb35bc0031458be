using System.Text;
using BfReleaseNotes.Checks;
using BfReleaseNotes.Model;

namespace BfReleaseNotes.Tests.Rules;

/// <summary>
/// The exact JUnit XML the check writes for GitLab (<c>artifacts:reports:junit</c>), which drops a report it cannot
/// parse without a word: the element and attribute names, one test case per rule in a fixed order, the failure's
/// message and body per rule, the error of "cannot decide", the monorepo's per-project cases, and the escaping of
/// hostile text (markup, <c>]]&gt;</c>, quotes, control characters). Expected reports are literal text.
/// </summary>
public sealed class JUnitReportRuleTests
{
    private const string File = "release-notes/unreleased.md";

    [Fact]
    public void Every_rule_is_a_test_case_in_a_fixed_order_and_a_failed_rule_carries_its_sentence_hints_and_evidence()
    {
        var result = new CheckResult(CheckOutcome.NotesInvalid, "check failed (notes invalid): fix the notes")
        {
            Details = ["also: a pending entry was removed"],
            Findings =
            [
                new CheckFinding(CheckOutcome.NotesInvalid, "the notes are invalid", File, 3) { Hints = ["hint one", "hint two"] },
                new CheckFinding(CheckOutcome.PendingEntriesRemoved, "a pending entry was removed", File, 4),
                new CheckFinding(CheckOutcome.PublishedHistoryChanged, "published history changed", "release-notes/1.0.0.md", 1),
                new CheckFinding(CheckOutcome.ConfigurationChanged, "the configuration changed", "release-notes/config.json", 2),
                new CheckFinding(CheckOutcome.EntriesAlreadyPublished, "an entry is already published", File, 5),
                new CheckFinding(CheckOutcome.EntriesInWrongProject, "an entry is in the wrong project", File, 6),
                // Another step's rule: its own test case, never the built-in rule of the same outcome.
                new CheckFinding(CheckOutcome.NotesNotUpdated, "the flag step objects", File, 7) { CheckName = "release-notes-flags" },
            ],
            Diagnostics =
            [
                new Diagnostic(DiagnosticCodes.UnknownHeading, DiagnosticSeverity.Error, File, new SourcePosition(3, 1), "unknown section '### Fixd'"),
                new Diagnostic(DiagnosticCodes.AlreadyPublished, DiagnosticSeverity.Error, File, new SourcePosition(5, 1), "already in 1.0.0"),
            ],
            RemovedEntries = [new CheckedEntry(File, 4, "Public > Fixed", "- gone")],
            ChangedPublishedFiles = [new PublishedFileChange("release-notes/1.0.0.md", PublishedChangeKind.Modified)],
            ConfigurationChanges = ["check.optOutLabel would change"],
            AddedEntries = [new CheckedEntry(File, 6, "Public > Added", "- new")],
        };

        var expected = """
            <?xml version="1.0" encoding="utf-8"?>
            <testsuites>
              <testsuite name="release notes check" tests="8" failures="7" errors="0">
                <testcase classname="bf-release-notes.check" name="release notes are updated, or not needed" />
                <testcase classname="bf-release-notes.check" name="changed release-notes files are valid">
                  <failure message="the notes are invalid hint one hint two">the notes are invalid
            hint one
            hint two
            release-notes/unreleased.md:3:1: error BFRN102: unknown section '### Fixd'
            release-notes/unreleased.md:5:1: error BFRN207: already in 1.0.0</failure>
                </testcase>
                <testcase classname="bf-release-notes.check" name="no pending entry is removed">
                  <failure message="a pending entry was removed">a pending entry was removed
            release-notes/unreleased.md:4 (Public &gt; Fixed): - gone</failure>
                </testcase>
                <testcase classname="bf-release-notes.check" name="published history is unchanged">
                  <failure message="published history changed">published history changed
            release-notes/1.0.0.md is modified</failure>
                </testcase>
                <testcase classname="bf-release-notes.check" name="the check's configuration is unchanged">
                  <failure message="the configuration changed">the configuration changed
            check.optOutLabel would change</failure>
                </testcase>
                <testcase classname="bf-release-notes.check" name="no pending entry is already published">
                  <failure message="an entry is already published">an entry is already published
            release-notes/unreleased.md:5:1: error BFRN207: already in 1.0.0</failure>
                </testcase>
                <testcase classname="bf-release-notes.check" name="new entries belong to a project the merge request changes">
                  <failure message="an entry is in the wrong project">an entry is in the wrong project
            release-notes/unreleased.md:6 (Public &gt; Added): - new</failure>
                </testcase>
                <testcase classname="bf-release-notes.check" name="release-notes-flags">
                  <failure message="the flag step objects">the flag step objects</failure>
                </testcase>
                <system-out>check failed (notes invalid): fix the notes
            also: a pending entry was removed</system-out>
              </testsuite>
            </testsuites>
            """;
        Assert.Equal(expected, Text(JUnitReport.Create(result)));
    }

    [Fact]
    public void A_check_that_cannot_decide_is_one_test_case_with_an_error_not_a_failure()
    {
        var result = CheckResult.CannotDecide("cannot decide: base commit abc is not in the clone", "release-notes") with
        {
            Details = ["fetch more history (GIT_DEPTH: 0)"],
        };

        var expected = """
            <?xml version="1.0" encoding="utf-8"?>
            <testsuites>
              <testsuite name="release notes check" tests="1" failures="0" errors="1">
                <testcase classname="bf-release-notes.check" name="the check sees the base and head commits">
                  <error message="cannot decide: base commit abc is not in the clone">cannot decide: base commit abc is not in the clone
            fetch more history (GIT_DEPTH: 0)</error>
                </testcase>
                <system-out>cannot decide: base commit abc is not in the clone
            fetch more history (GIT_DEPTH: 0)</system-out>
              </testsuite>
            </testsuites>
            """;
        Assert.Equal(expected, Text(JUnitReport.Create(result)));
    }

    [Fact]
    public void A_monorepo_has_the_repository_wide_rules_then_every_rule_once_per_project_named_after_it()
    {
        var api = new CheckResult(CheckOutcome.NotesNotUpdated, "api: notes not updated")
        {
            Findings = [new CheckFinding(CheckOutcome.NotesNotUpdated, "api changed without notes", "api/release-notes/unreleased.md", 1) { Project = "api" }],
        };
        var web = new CheckResult(CheckOutcome.NotesUpdated, "web: notes updated");
        var result = new CheckResult(CheckOutcome.NotesNotUpdated, "check failed (notes not updated)")
        {
            Findings =
            [
                new CheckFinding(CheckOutcome.NotesNotUpdated, "api changed without notes", "api/release-notes/unreleased.md", 1) { Project = "api" },
                new CheckFinding(CheckOutcome.NotesNotUpdated, "tools/x.sh belongs to no project", "release-notes/config.json", 1),
            ],
            Projects =
            [
                new ProjectCheckResult("api", "api/release-notes", true, api),
                new ProjectCheckResult("web", "web/release-notes", true, web),
            ],
        };

        var expected = """
            <?xml version="1.0" encoding="utf-8"?>
            <testsuites>
              <testsuite name="release notes check" tests="14" failures="2" errors="0">
                <testcase classname="bf-release-notes.check" name="every changed path that needs notes belongs to a project">
                  <failure message="tools/x.sh belongs to no project">tools/x.sh belongs to no project</failure>
                </testcase>
                <testcase classname="bf-release-notes.check" name="the check's configuration is unchanged" />
                <testcase classname="bf-release-notes.check" name="api: release notes are updated, or not needed">
                  <failure message="api changed without notes">api changed without notes</failure>
                </testcase>
                <testcase classname="bf-release-notes.check" name="api: changed release-notes files are valid" />
                <testcase classname="bf-release-notes.check" name="api: no pending entry is removed" />
                <testcase classname="bf-release-notes.check" name="api: published history is unchanged" />
                <testcase classname="bf-release-notes.check" name="api: the check's configuration is unchanged" />
                <testcase classname="bf-release-notes.check" name="api: no pending entry is already published" />
                <testcase classname="bf-release-notes.check" name="web: release notes are updated, or not needed" />
                <testcase classname="bf-release-notes.check" name="web: changed release-notes files are valid" />
                <testcase classname="bf-release-notes.check" name="web: no pending entry is removed" />
                <testcase classname="bf-release-notes.check" name="web: published history is unchanged" />
                <testcase classname="bf-release-notes.check" name="web: the check's configuration is unchanged" />
                <testcase classname="bf-release-notes.check" name="web: no pending entry is already published" />
                <system-out>check failed (notes not updated)</system-out>
              </testsuite>
            </testsuites>
            """;
        Assert.Equal(expected, Text(JUnitReport.Create(result)));
    }

    [Fact]
    public void Hostile_text_is_escaped_for_xml_and_control_characters_become_visible_escapes()
    {
        var hostile = "a ]]> b <x/> & \"q\" 'e' \u001B[2J\u0000 tab\tend";
        var result = new CheckResult(CheckOutcome.NotesNotUpdated, "summary " + hostile)
        {
            Findings = [new CheckFinding(CheckOutcome.NotesNotUpdated, hostile, File, 1) { CheckName = "rule " + hostile }],
        };

        var text = Text(JUnitReport.Create(result));

        var escaped = "a ]]&gt; b &lt;x/&gt; &amp; \"q\" 'e' \\x1b[2J\\x00 tab\tend";
        var attribute = "a ]]&gt; b &lt;x/&gt; &amp; &quot;q&quot; 'e' \\x1b[2J\\x00 tab&#x9;end";
        Assert.Contains($"""
                <testcase classname="bf-release-notes.check" name="rule {attribute}">
                  <failure message="{attribute}">{escaped}</failure>
                </testcase>
                <system-out>summary {escaped}</system-out>
            """, text, StringComparison.Ordinal);
        Assert.True(JUnitReport.IsReport(Encoding.UTF8.GetBytes(text)));
    }

    [Fact]
    public void The_report_is_utf8_without_a_byte_order_mark_and_keeps_accented_letters()
    {
        var result = new CheckResult(CheckOutcome.NotesUpdated, "résumé ✓");

        var bytes = JUnitReport.Create(result);

        Assert.Equal((byte)'<', bytes[0]);
        Assert.EndsWith("<system-out>résumé ✓</system-out>\n  </testsuite>\n</testsuites>", Text(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public void Only_a_testsuites_root_whose_first_suite_is_the_check_is_its_own_report()
    {
        Assert.True(JUnitReport.IsReport(Encoding.UTF8.GetBytes("<testsuites><testsuite name=\"release notes check\" /></testsuites>")));
        Assert.False(JUnitReport.IsReport(Encoding.UTF8.GetBytes("<testsuites><testsuite name=\"unit tests\" /></testsuites>")));
        Assert.False(JUnitReport.IsReport(Encoding.UTF8.GetBytes("<testsuites />")));
        // A foreign root that holds a suite of the same name is somebody else's file.
        Assert.False(JUnitReport.IsReport(Encoding.UTF8.GetBytes("<results><testsuite name=\"release notes check\" /></results>")));
        Assert.False(JUnitReport.IsReport(Encoding.UTF8.GetBytes("<testsuite name=\"release notes check\" />")));
        Assert.False(JUnitReport.IsReport(Encoding.UTF8.GetBytes("not xml <")));
        Assert.False(JUnitReport.IsReport([]));
    }

    [Fact]
    public void A_document_type_declaration_is_never_processed_the_file_is_not_the_reports()
    {
        var withEntity = """
            <?xml version="1.0"?>
            <!DOCTYPE testsuites [<!ENTITY name "release notes check">]>
            <testsuites><testsuite name="&name;" /></testsuites>
            """;

        Assert.False(JUnitReport.IsReport(Encoding.UTF8.GetBytes(withEntity)));
    }

    [Fact]
    public void Null_arguments_are_refused()
    {
        Assert.Throws<ArgumentNullException>(() => JUnitReport.Create(null!));
        Assert.Equal("bytes", Assert.Throws<ArgumentNullException>(() => JUnitReport.IsReport(null!)).ParamName);
    }

    private static string Text(byte[] bytes) => new UTF8Encoding(false, true).GetString(bytes).ReplaceLineEndings("\n");
}
