using BfReleaseNotes.Checks;
using BfReleaseNotes.Model;
using Semver;
using static BfReleaseNotes.Tests.Checks.PolicyEvidence;

namespace BfReleaseNotes.Tests.Rules;

/// <summary>
/// The check's policy rules that its first Stryker run showed unpinned, on hand-built evidence with literal
/// sentences: which details and hints go with which finding, entries already published, several releases in one
/// merge request, and what the edit label's detail counts.
/// </summary>
public sealed class CheckPolicyRuleTests
{

    [Fact]
    public void Deciding_without_evidence_is_refused()
    {
        Assert.Throws<ArgumentNullException>(() => CheckPolicy.Decide(null!));
    }

    [Fact]
    public void A_blank_label_matches_no_configured_label_even_an_empty_one()
    {
        var blank = new CheckConfiguration(null, [], string.Empty, string.Empty);

        var result = CheckPolicy.Decide(Code() with { Configuration = blank, Labels = ["  ", string.Empty] });

        Assert.Equal(CheckOutcome.NotesNotUpdated, result.Outcome);
        Assert.Null(result.OptOut);
        Assert.False(result.EditAllowed);
    }

    [Fact]
    public void Entries_a_merge_brought_back_fail_on_their_own_not_as_invalid_notes()
    {
        var one = CheckPolicy.Decide(Code() with { UnreleasedChanged = true, HeadEntries = [Earlier, Other], BaseEntries = [Earlier], Diagnostics = [Back(10)] });
        var two = CheckPolicy.Decide(Code() with { UnreleasedChanged = true, HeadEntries = [Earlier, Other], BaseEntries = [], Diagnostics = [Back(9), Back(10)] });

        Assert.Equal([CheckOutcome.EntriesAlreadyPublished], one.Failures.ToArray());
        Assert.Equal(
            "check failed (entries already published): release-notes/unreleased.md at head holds 1 entry already in a published file (listed as file:line:col); a merge brought it back, and the next promotion would publish it twice. " +
            "Run `bf-release-notes lint --fix` (it removes them from unreleased.md; they stay in the published files), commit and push.",
            one.Summary);
        Assert.Equal((Unreleased, 10), (one.Findings[0].File, one.Findings[0].Line));
        Assert.StartsWith("check failed (entries already published): release-notes/unreleased.md at head holds 2 entries already in a published file (listed as file:line:col); a merge brought them back, and the next promotion would publish them twice.", two.Summary, StringComparison.Ordinal);
        Assert.Equal((Unreleased, 9), (two.Findings[0].File, two.Findings[0].Line));
    }

    [Fact]
    public void Entries_count_as_added_only_when_the_file_changed()
    {
        var result = CheckPolicy.Decide(Code() with { UnreleasedChanged = false, HeadEntries = [Other] });

        Assert.Equal(CheckOutcome.NotesNotUpdated, result.Outcome);
    }

    [Fact]
    public void The_opt_out_hints_belong_to_the_notes_not_updated_finding_only()
    {
        var result = CheckPolicy.Decide(Code() with { Diagnostics = [Error(4)], Description = "Release-Notes: none" });

        Assert.Equal([CheckOutcome.NotesInvalid, CheckOutcome.NotesNotUpdated], result.Failures.ToArray());
        Assert.Empty(result.Findings[0].Hints);
        Assert.Equal(
            ["The description's line 'Release-Notes: none' gives no reason, which does not opt out; write 'Release-Notes: none - <reason>' with a real reason."],
            result.Findings[1].Hints.ToArray());
    }

    [Fact]
    public void The_details_hold_every_finding_after_the_first_then_the_notes_on_the_comparison()
    {
        var range = new CheckRange(new RevisionChoice("main", "--base"), "1111111111111111111111111111111111111111", "2222222222222222222222222222222222222222", new RevisionChoice("HEAD", "--head"), "3333333333333333333333333333333333333333");

        var result = CheckPolicy.Decide(Code() with
        {
            Range = range,
            Diagnostics = [Error(4)],
            ChangedPublishedFiles = [new PublishedFileChange("release-notes/1.0.0.md", PublishedChangeKind.Modified)],
        });

        Assert.Equal(
            [
                result.Findings[1].Message,
                result.Findings[2].Message,
                "The base 11111111 (--base) is not an ancestor of head, so head was compared with their merge base 22222222.",
            ],
            result.Details.ToArray());
        Assert.DoesNotContain(result.Summary, result.Details);
    }

    [Fact]
    public void A_base_that_is_its_own_merge_base_adds_no_note()
    {
        var range = new CheckRange(new RevisionChoice("main", "--base"), "1111111111111111111111111111111111111111", "1111111111111111111111111111111111111111", new RevisionChoice("HEAD", "--head"), "3333333333333333333333333333333333333333");

        var result = CheckPolicy.Decide(Code() with { Range = range, Labels = ["release-notes::none"] });

        Assert.Empty(result.Details);
    }

    [Fact]
    public void The_edit_label_detail_counts_what_it_allowed()
    {
        var evidence = Code() with
        {
            Labels = ["release-notes::edit"],
            UnreleasedChanged = true,
            BaseEntries = [Earlier],
            HeadEntries = [Other],
            ChangedPublishedFiles = [new PublishedFileChange("release-notes/1.0.0.md", PublishedChangeKind.Modified), new PublishedFileChange("release-notes/0.9.0.md", PublishedChangeKind.Deleted)],
            ConfigurationChanges = ["\"ignore\" adds 'docs/**'", "\"labels.none\" 'release-notes::none' -> 'no-notes'"],
        };

        var result = CheckPolicy.Decide(evidence);

        Assert.Equal(CheckOutcome.NotesUpdated, result.Outcome);
        Assert.Equal(
            [
                "The label 'release-notes::edit' allows this merge request to remove 1 pending entry, change 2 published files and 2 rule(s) of release-notes/config.json.",
                "release-notes/config.json changes these rules, which apply once merged (this check used the base's): \"ignore\" adds 'docs/**'; \"labels.none\" 'release-notes::none' -> 'no-notes'.",
            ],
            result.Details.ToArray());
    }

    [Theory]
    [InlineData(true, false, false)]
    [InlineData(false, true, false)]
    [InlineData(false, false, true)]
    public void The_edit_label_detail_appears_for_each_thing_it_allows_alone(bool removes, bool history, bool rules)
    {
        var evidence = Code() with
        {
            Labels = ["release-notes::edit"],
            UnreleasedChanged = true,
            BaseEntries = removes ? [Earlier] : [],
            HeadEntries = [Other],
            ChangedPublishedFiles = history ? [new PublishedFileChange("release-notes/1.0.0.md", PublishedChangeKind.Modified)] : [],
            ConfigurationChanges = rules ? ["\"ignore\" adds 'docs/**'"] : [],
        };

        var result = CheckPolicy.Decide(evidence);

        Assert.Equal(
            $"The label 'release-notes::edit' allows this merge request to remove {(removes ? "1 pending entry" : "0 pending entries")}, change {(history ? "1 published file" : "0 published files")} and {(rules ? 1 : 0)} rule(s) of release-notes/config.json.",
            result.Details[0]);
    }

    [Fact]
    public void Without_the_label_or_without_anything_to_allow_there_is_no_edit_detail()
    {
        var unlabelled = CheckPolicy.Decide(Code() with { UnreleasedChanged = true, BaseEntries = [Earlier], HeadEntries = [Other] });
        var nothing = CheckPolicy.Decide(Code() with { Labels = ["release-notes::edit"], UnreleasedChanged = true, HeadEntries = [Other] });

        Assert.DoesNotContain(unlabelled.Details, detail => detail.StartsWith("The label", StringComparison.Ordinal));
        Assert.Empty(nothing.Details);
    }

    [Fact]
    public void The_no_entry_added_detail_is_only_for_a_changed_file_that_does_not_pass_otherwise()
    {
        var codeOnly = CheckPolicy.Decide(Code());
        var optedOut = CheckPolicy.Decide(Code() with { UnreleasedChanged = true, BaseEntries = [Earlier], HeadEntries = [Earlier], Labels = ["release-notes::none"] });
        var released = CheckPolicy.Decide(ReleasePromotion(Release("1.1.0", Earlier, Other)));
        var unparsed = CheckPolicy.Decide(Code() with { UnreleasedChanged = true, BaseEntries = [Earlier], HeadEntries = null, Diagnostics = [Error(4)] });

        Assert.Empty(codeOnly.Details);
        Assert.Equal(CheckOutcome.OptedOut, optedOut.Outcome);
        Assert.Empty(optedOut.Details);
        Assert.Equal(CheckOutcome.Released, released.Outcome);
        Assert.Empty(released.Details);
        Assert.DoesNotContain(unparsed.Details, detail => detail.Contains("no entry was added", StringComparison.Ordinal));
    }

    [Fact]
    public void Several_releases_in_one_merge_request_are_judged_and_named_oldest_first()
    {
        var evidence = ReleasePromotion(Release("1.2.0", Other)) with
        {
            AddedPublishedFiles = [Release("1.2.0", Other), Release("1.1.0", Earlier)],
            ChangedPaths = [Unreleased, "release-notes/1.1.0.md", "release-notes/1.2.0.md"],
            NotesFiles = ["release-notes/1.1.0.md", "release-notes/1.2.0.md"],
        };

        var result = CheckPolicy.Decide(evidence);

        Assert.Equal(CheckOutcome.Released, result.Outcome);
        Assert.Equal(
            "check passed (release): this merge request publishes 1.1.0, 1.2.0 (release-notes/1.1.0.md, release-notes/1.2.0.md), moving 2 pending entries out of release-notes/unreleased.md.",
            result.Summary);
        Assert.Equal([Earlier, Other], result.PublishedEntries.ToArray());
    }

    [Fact]
    public void History_changes_are_listed_by_file_whatever_order_they_were_found_in()
    {
        var evidence = ReleasePromotion(Release("0.5.0", Earlier, Other)) with
        {
            ChangedPublishedFiles = [new PublishedFileChange("release-notes/1.0.0.md", PublishedChangeKind.Modified)],
        };

        var result = CheckPolicy.Decide(evidence with { Labels = ["release-notes::edit"] });

        Assert.Equal(
            ["release-notes/0.5.0.md is added (not a release: version 0.5.0 is not greater than 1.0.0, the latest published at base)", "release-notes/1.0.0.md is modified"],
            result.ChangedPublishedFiles.Select(change => change.ToString()).ToArray());
    }

    [Fact]
    public void A_file_with_several_entries_that_never_were_pending_counts_them()
    {
        var result = CheckPolicy.Decide(ReleasePromotion(Release("1.1.0", Earlier, Pending("- Made up.", 7), Pending("- Also made up.", 8))));

        Assert.Equal("release-notes/1.1.0.md is added (not a release: 2 entries of it did not leave unreleased.md in this range)", result.ChangedPublishedFiles.Single().ToString());
    }

    [Fact]
    public void A_description_opt_out_is_attributed_to_the_description()
    {
        var result = CheckPolicy.Decide(Code() with { Description = "Release-Notes: none - CI only" });

        Assert.Equal(new OptOut(OptOutSource.Description, "the merge-request description", "CI only") { Line = "Release-Notes: none - CI only" }, result.OptOut);
    }

    [Fact]
    public void Only_a_commit_line_without_a_reason_gets_the_commit_hint()
    {
        var commits = new[]
        {
            new RangeCommit("1111111111111111111111111111111111111111", "Plain commit\n"),
            new RangeCommit("2222222222222222222222222222222222222222", "Refactor\n\nRelease-Notes: none -\n"),
        };

        var result = CheckPolicy.Decide(Code() with { Commits = [.. commits] });

        Assert.Equal(
            ["Commit 22222222 \"Refactor\" says 'Release-Notes: none -' without a reason, which does not opt out; write 'Release-Notes: none - <reason>' with a real reason."],
            result.Hints.ToArray());
    }


    private static Diagnostic Back(int line) =>
        new(DiagnosticCodes.AlreadyPublished, DiagnosticSeverity.Error, Unreleased, new SourcePosition(line, 3), "entry already published in release-notes/1.0.0.md");
}
