using System.Collections.Immutable;
using BfReleaseNotes.Checks;
using BfReleaseNotes.Model;

namespace BfReleaseNotes.Tests.Rules;

/// <summary>
/// The check result's stable names (scripts and the JSON report read them), its hand-written equality (every field
/// counts, lists by content) and the JSON report's refusal of a missing result and name of a description opt-out.
/// </summary>
public sealed class CheckResultRuleTests
{
    private const string File = "release-notes/unreleased.md";

    [Theory]
    [InlineData(CheckOutcome.NotesUpdated, "notes-updated")]
    [InlineData(CheckOutcome.Released, "released")]
    [InlineData(CheckOutcome.OptedOut, "opted-out")]
    [InlineData(CheckOutcome.NotRelevant, "not-relevant")]
    [InlineData(CheckOutcome.NotesNotUpdated, "notes-not-updated")]
    [InlineData(CheckOutcome.NotesInvalid, "notes-invalid")]
    [InlineData(CheckOutcome.PendingEntriesRemoved, "pending-entries-removed")]
    [InlineData(CheckOutcome.PublishedHistoryChanged, "published-history-changed")]
    [InlineData(CheckOutcome.ConfigurationChanged, "configuration-changed")]
    [InlineData(CheckOutcome.EntriesAlreadyPublished, "entries-already-published")]
    [InlineData(CheckOutcome.EntriesInWrongProject, "entries-in-wrong-project")]
    [InlineData(CheckOutcome.CannotDecide, "cannot-decide")]
    public void Every_outcome_has_its_stable_name(CheckOutcome outcome, string name)
    {
        Assert.Equal(name, CheckResult.NameOf(outcome));
    }

    [Fact]
    public void An_unknown_outcome_has_no_name()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => CheckResult.NameOf((CheckOutcome)99));

        Assert.Equal("outcome", error.ParamName);
        Assert.StartsWith("unknown outcome", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Results_built_alike_are_equal_with_equal_hash_codes()
    {
        Assert.Equal(Full(), Full());
        Assert.True(Full().Equals(Full()));
        Assert.Equal(Full().GetHashCode(), Full().GetHashCode());
        Assert.False(Full().Equals(null));
    }

    [Fact]
    public void Every_field_changed_on_its_own_makes_results_differ()
    {
        var range = new CheckRange(new RevisionChoice("main", "--base"), "b", "m", new RevisionChoice("HEAD", "--head"), "h");
        var variants = new (string Field, CheckResult Result)[]
        {
            ("Outcome", Full() with { Outcome = CheckOutcome.NotesInvalid }),
            ("Summary", Full() with { Summary = "other" }),
            ("Range", Full() with { Range = range }),
            ("Folder", Full() with { Folder = "docs" }),
            ("OptOut", Full() with { OptOut = new OptOut(OptOutSource.Label, "release-notes::none", null) }),
            ("EditAllowed", Full() with { EditAllowed = false }),
            ("Failures", Full() with { Failures = [CheckOutcome.NotesNotUpdated, CheckOutcome.NotesInvalid] }),
            ("Findings", Full() with { Findings = [] }),
            ("Hints", Full() with { Hints = ["other hint"] }),
            ("ConfigurationChanges", Full() with { ConfigurationChanges = [] }),
            ("HeadFolder", Full() with { HeadFolder = "docs" }),
            ("Details", Full() with { Details = ["other detail"] }),
            ("Diagnostics", Full() with { Diagnostics = [] }),
            ("AddedEntries", Full() with { AddedEntries = [] }),
            ("RemovedEntries", Full() with { RemovedEntries = [] }),
            ("PublishedEntries", Full() with { PublishedEntries = [] }),
            ("AddedPublishedFiles", Full() with { AddedPublishedFiles = [] }),
            ("ChangedPublishedFiles", Full() with { ChangedPublishedFiles = [] }),
            ("ChangedPaths", Full() with { ChangedPaths = ["src/Other.cs"] }),
            ("RelevantPaths", Full() with { RelevantPaths = [] }),
            ("Projects", Full() with { Projects = [] }),
        };

        Assert.All(variants, variant => Assert.False(Full().Equals(variant.Result), variant.Field + " is ignored by Equals"));
    }

    [Fact]
    public void The_json_report_refuses_a_missing_result()
    {
        Assert.Throws<ArgumentNullException>(() => CheckReportJson.Serialize(null!));
    }

    [Fact]
    public void The_json_report_names_an_opt_out_in_the_description_description()
    {
        var result = new CheckResult(CheckOutcome.OptedOut, "check passed (opted out)")
        {
            OptOut = new OptOut(OptOutSource.Description, "the merge request description", "docs only") { Line = "Release-Notes: none - docs only" },
        };

        Assert.Contains("""
              "optOut": {
                "source": "description",
                "where": "the merge request description",
                "reason": "docs only",
                "line": "Release-Notes: none - docs only"
              },
            """.ReplaceLineEndings("\n"), CheckReportJson.Serialize(result).ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    // Fresh lists every time, so equality must compare them by content.
    private static CheckResult Full() => new(CheckOutcome.NotesNotUpdated, "check failed")
    {
        Failures = [CheckOutcome.NotesNotUpdated],
        Details = ["a detail"],
        Findings = [new CheckFinding(CheckOutcome.NotesNotUpdated, "no notes", File, 1)],
        Hints = ["a hint"],
        ConfigurationChanges = ["a change"],
        HeadFolder = "release-notes",
        Range = null,
        Folder = "release-notes",
        Diagnostics = [new Diagnostic(DiagnosticCodes.UnknownHeading, DiagnosticSeverity.Error, File, new SourcePosition(3, 1), "unknown")],
        AddedEntries = [new CheckedEntry(File, 2, "Public > Added", "- added")],
        RemovedEntries = [new CheckedEntry(File, 3, "Public > Fixed", "- removed")],
        PublishedEntries = [new CheckedEntry("release-notes/1.0.0.md", 4, "Public > Fixed", "- published")],
        AddedPublishedFiles = ["release-notes/1.0.0.md"],
        ChangedPublishedFiles = [new PublishedFileChange("release-notes/0.9.0.md", PublishedChangeKind.Modified)],
        OptOut = null,
        EditAllowed = true,
        ChangedPaths = ["src/App.cs"],
        RelevantPaths = ["src/App.cs"],
        Projects = [new ProjectCheckResult("api", "api/release-notes", true, new CheckResult(CheckOutcome.NotesUpdated, "api ok"))],
    };
}
