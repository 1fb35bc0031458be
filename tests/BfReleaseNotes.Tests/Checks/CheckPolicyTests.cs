using System.Collections.Immutable;
using BfReleaseNotes.Checks;
using BfReleaseNotes.Model;
using Semver;
using static BfReleaseNotes.Tests.Checks.PolicyEvidence;

namespace BfReleaseNotes.Tests.Checks;

/// <summary>The check's rules, pinned on hand-built evidence (no git): each rule, its sentence and its place.</summary>
public class CheckPolicyTests
{

    [Fact]
    public void A_new_entry_in_a_changed_unreleased_file_passes_as_notes_updated()
    {
        var result = CheckPolicy.Decide(Code() with { UnreleasedChanged = true, BaseEntries = [Earlier], HeadEntries = [Earlier, Other] });

        Assert.Equal(CheckOutcome.NotesUpdated, result.Outcome);
        Assert.Equal([Other], result.AddedEntries.ToArray());
        Assert.Empty(result.Findings);
        Assert.Equal("check passed (notes updated): release-notes/unreleased.md adds or changes 1 entry and lints clean.", result.Summary);
    }

    [Fact]
    public void A_changed_file_without_a_new_entry_is_not_an_update_and_says_so()
    {
        var result = CheckPolicy.Decide(Code() with { UnreleasedChanged = true, BaseEntries = [Earlier], HeadEntries = [Earlier] });

        Assert.Equal(CheckOutcome.NotesNotUpdated, result.Outcome);
        Assert.Contains("release-notes/unreleased.md changes, but no entry was added or changed.", result.Details);
        Assert.Equal(new CheckFinding(CheckOutcome.NotesNotUpdated, result.Summary, Unreleased, 1), result.Findings.Single());
    }

    [Fact]
    public void Code_without_notes_fails_and_names_a_path_that_needs_them()
    {
        var result = CheckPolicy.Decide(Code());

        Assert.Equal(CheckOutcome.NotesNotUpdated, result.Outcome);
        Assert.False(result.Passed);
        Assert.Equal(["src/App.cs"], result.RelevantPaths.ToArray());
        Assert.StartsWith("check failed (notes not updated): this merge request changes 1 file that needs release notes (such as src/App.cs)", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Ignored_paths_and_release_notes_files_need_no_notes_but_the_configuration_does()
    {
        var configuration = new CheckConfiguration(null, [GlobPattern.Parse("docs/**")], CheckConfiguration.DefaultNoneLabel, CheckConfiguration.DefaultEditLabel);
        var ignored = CheckPolicy.Decide(new CheckEvidence { Configuration = configuration, ChangedPaths = ["docs/a.md", Unreleased, "release-notes/1.0.0.md"], NotesFiles = ["release-notes/1.0.0.md"] });
        var config = CheckPolicy.Decide(new CheckEvidence { Configuration = configuration, ChangedPaths = ["docs/a.md", "release-notes/config.json"] });

        Assert.Equal(CheckOutcome.NotRelevant, ignored.Outcome);
        Assert.StartsWith("check passed (not relevant): every changed path (3) matches the ignore patterns", ignored.Summary, StringComparison.Ordinal);
        Assert.Equal(CheckOutcome.NotesNotUpdated, config.Outcome);
        Assert.Equal(["release-notes/config.json"], config.RelevantPaths.ToArray());
    }

    [Fact]
    public void An_empty_range_is_not_relevant()
    {
        var result = CheckPolicy.Decide(new CheckEvidence());

        Assert.Equal(CheckOutcome.NotRelevant, result.Outcome);
        Assert.Equal("check passed (not relevant): the range changes no file, so no release notes are needed.", result.Summary);
    }

    [Fact]
    public void A_removed_pending_entry_fails_at_its_line_unless_the_edit_label_allows_it()
    {
        var evidence = Code() with { UnreleasedChanged = true, BaseEntries = [Earlier, Other], HeadEntries = [Other, Pending("- New.", 3)] };

        var failed = CheckPolicy.Decide(evidence);
        var allowed = CheckPolicy.Decide(evidence with { Labels = ["Release-Notes::Edit"] });

        Assert.Equal(CheckOutcome.PendingEntriesRemoved, failed.Outcome);
        Assert.Equal([Earlier], failed.RemovedEntries.ToArray());
        Assert.Equal((Unreleased, 9), (failed.Findings[0].File, failed.Findings[0].Line));
        Assert.Equal(CheckOutcome.NotesUpdated, allowed.Outcome);
        Assert.True(allowed.EditAllowed);
        Assert.Contains(allowed.Details, detail => detail.StartsWith("The label 'release-notes::edit' allows this merge request to remove 1 pending entry", StringComparison.Ordinal));
    }

    [Fact]
    public void Entries_compare_by_text_whatever_the_bullet_line_endings_and_trailing_spaces()
    {
        var rewritten = Pending("* Search no longer ignores accented letters.  ", 20);

        var result = CheckPolicy.Decide(Code() with { UnreleasedChanged = true, BaseEntries = [Earlier], HeadEntries = [rewritten, Other] });

        Assert.Equal([Other], result.AddedEntries.ToArray());
        Assert.Empty(result.RemovedEntries);
    }

    [Fact]
    public void A_real_promotion_passes_as_a_release_and_moves_the_entries()
    {
        var release = Release("1.1.0", Earlier, Other);

        var result = CheckPolicy.Decide(ReleasePromotion(release));

        Assert.Equal(CheckOutcome.Released, result.Outcome);
        Assert.Equal(["release-notes/1.1.0.md"], result.AddedPublishedFiles.ToArray());
        Assert.Equal([Earlier, Other], result.PublishedEntries.ToArray());
        Assert.Empty(result.RemovedEntries);
        Assert.Equal("check passed (release): this merge request publishes 1.1.0 (release-notes/1.1.0.md), moving 2 pending entries out of release-notes/unreleased.md.", result.Summary);
    }

    [Theory]
    [InlineData("1.0.0", "version 1.0.0 is not greater than 1.0.0")]
    [InlineData("0.9.5", "version 0.9.5 is not greater than 1.0.0")]
    public void An_added_published_file_that_is_not_newer_is_history_not_a_release(string version, string reason)
    {
        var result = CheckPolicy.Decide(ReleasePromotion(Release(version, Earlier, Other)));

        Assert.Equal(CheckOutcome.PendingEntriesRemoved, result.Outcome);
        Assert.Contains(CheckOutcome.PublishedHistoryChanged, result.Failures);
        Assert.Empty(result.AddedPublishedFiles);
        var change = Assert.Single(result.ChangedPublishedFiles);
        Assert.Equal(PublishedChangeKind.Added, change.Kind);
        Assert.Contains(reason, change.Detail, StringComparison.Ordinal);
        Assert.Equal([Earlier, Other], result.RemovedEntries.ToArray());
    }

    [Fact]
    public void An_added_published_file_with_an_entry_that_was_never_pending_is_not_a_release()
    {
        var result = CheckPolicy.Decide(ReleasePromotion(Release("1.1.0", Earlier, Other, Pending("- Made up.", 7))));

        Assert.Equal(CheckOutcome.PendingEntriesRemoved, result.Outcome);
        Assert.Contains(CheckOutcome.PublishedHistoryChanged, result.Failures);
        Assert.Contains("1 entry of it did not leave unreleased.md", result.ChangedPublishedFiles.Single().Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_or_invalid_published_file_added_beside_code_is_not_a_release()
    {
        var empty = CheckPolicy.Decide(Code() with { AddedPublishedFiles = [Release("0.0.1") with { LatestAtBase = null }] });
        var invalid = CheckPolicy.Decide(ReleasePromotion(Release("1.1.0", Earlier, Other) with { LintsClean = false }));

        Assert.Equal(CheckOutcome.PublishedHistoryChanged, empty.Outcome);
        Assert.Equal("release-notes/0.0.1.md is added (not a release: it holds no entry)", empty.ChangedPublishedFiles.Single().ToString());
        Assert.Contains(CheckOutcome.NotesNotUpdated, empty.Failures);
        Assert.Equal("not a release: it does not lint clean", invalid.ChangedPublishedFiles.Single().Detail);
    }

    [Fact]
    public void Each_failure_has_its_own_sentence_and_the_first_is_the_outcome()
    {
        var evidence = Code() with
        {
            UnreleasedMissing = "release-notes/unreleased.md is deleted in this range: restore it",
            BaseEntries = [Earlier],
            ChangedPublishedFiles = [new PublishedFileChange("release-notes/1.0.0.md", PublishedChangeKind.Modified)],
            ConfigurationChanges = ["\"folder\" 'release-notes' -> 'decoy'"],
        };

        var result = CheckPolicy.Decide(evidence);

        Assert.Equal(
            [CheckOutcome.NotesInvalid, CheckOutcome.PendingEntriesRemoved, CheckOutcome.PublishedHistoryChanged, CheckOutcome.ConfigurationChanged, CheckOutcome.NotesNotUpdated],
            result.Failures.ToArray());
        Assert.Equal(result.Findings.Length, result.Findings.Select(finding => finding.Message).Distinct().Count());
        Assert.Equal(result.Summary, result.Findings[0].Message);
        Assert.Equal("check failed (notes invalid): release-notes/unreleased.md is deleted in this range: restore it.", result.Summary);
        Assert.Equal(("release-notes/1.0.0.md", 1), (result.Findings[2].File, result.Findings[2].Line));
        Assert.Equal(("release-notes/config.json", 1), (result.Findings[3].File, result.Findings[3].Line));
    }

    [Fact]
    public void A_configuration_change_needs_the_edit_label_and_says_which_rules_changed()
    {
        var evidence = Code() with { ConfigurationChanges = ["\"labels.none\" 'release-notes::none' -> 'bug'"], Labels = ["bug"], UnreleasedChanged = true, HeadEntries = [Other] };

        var failed = CheckPolicy.Decide(evidence);
        var allowed = CheckPolicy.Decide(evidence with { Labels = ["bug", "release-notes::edit"] });

        Assert.Equal(CheckOutcome.ConfigurationChanged, failed.Outcome);
        Assert.Null(failed.OptOut);
        Assert.Contains("(\"labels.none\" 'release-notes::none' -> 'bug')", failed.Summary, StringComparison.Ordinal);
        Assert.Contains("needs the label 'release-notes::edit'", failed.Summary, StringComparison.Ordinal);
        Assert.Equal(CheckOutcome.NotesUpdated, allowed.Outcome);
        Assert.Contains(allowed.Details, detail => detail.Contains("changes these rules, which apply once merged", StringComparison.Ordinal));
    }

    [Fact]
    public void A_broken_configuration_at_head_fails_even_with_the_edit_label_at_its_line()
    {
        var error = new ConfigurationError("release-notes/config.json", 3, 5, "unknown key");

        var result = CheckPolicy.Decide(Code() with { HeadConfigurationError = error, Labels = ["release-notes::edit", "release-notes::none"] });

        Assert.Equal(CheckOutcome.ConfigurationChanged, result.Outcome);
        Assert.Equal(("release-notes/config.json", 3), (result.Findings[0].File, result.Findings[0].Line));
        Assert.Contains("release-notes/config.json:3:5: unknown key", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void The_opt_out_label_passes_and_the_configured_label_is_the_one_that_counts()
    {
        var configured = new CheckConfiguration(null, [], "No Notes", "Edit Notes");

        var label = CheckPolicy.Decide(Code() with { Labels = [" release-notes::NONE "] });
        var otherLabel = CheckPolicy.Decide(Code() with { Configuration = configured, Labels = ["release-notes::none"] });

        Assert.Equal(CheckOutcome.OptedOut, label.Outcome);
        Assert.Equal(new OptOut(OptOutSource.Label, "release-notes::none", null), label.OptOut);
        Assert.Equal(CheckOutcome.NotesNotUpdated, otherLabel.Outcome);
        Assert.Contains("the label 'No Notes'", otherLabel.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void A_description_opt_out_quotes_the_line_as_written()
    {
        var result = CheckPolicy.Decide(Code() with { Description = "Intro\n\n**Release-Notes: none - CI only**\n" });

        Assert.Equal(CheckOutcome.OptedOut, result.Outcome);
        Assert.Equal("CI only", result.OptOut!.Reason);
        Assert.Equal("**Release-Notes: none - CI only**", result.OptOut.Line);
        Assert.Equal("check passed (opted out): the merge-request description says '**Release-Notes: none - CI only**'.", result.Summary);
    }

    [Fact]
    public void A_commit_opt_out_names_the_commit_and_hints_about_lines_without_a_reason()
    {
        var commits = ImmutableArray.Create(
            new RangeCommit("1111111111111111111111111111111111111111", "First\n\nRelease-Notes: none - <reason>\n"),
            new RangeCommit("2222222222222222222222222222222222222222", "Second\n\nRelease-Notes: none - tests only\n"));

        var passed = CheckPolicy.Decide(Code() with { Commits = commits });
        var failed = CheckPolicy.Decide(Code() with { Commits = [commits[0]], Description = "Release-Notes: none", DescriptionTruncated = true });

        Assert.Equal("check passed (opted out): commit 22222222 \"Second\" says 'Release-Notes: none - tests only'.", passed.Summary);
        Assert.Empty(passed.Hints);
        Assert.Equal(CheckOutcome.NotesNotUpdated, failed.Outcome);
        Assert.Equal(3, failed.Hints.Length);
        Assert.Contains("'Release-Notes: none' gives no reason", failed.Hints[0], StringComparison.Ordinal);
        Assert.Contains("Commit 11111111 \"First\" says 'Release-Notes: none - <reason>' without a reason", failed.Hints[1], StringComparison.Ordinal);
        Assert.Contains("GitLab cut the merge-request description", failed.Hints[2], StringComparison.Ordinal);
        Assert.Equal(failed.Hints.ToArray(), failed.Findings.Single().Hints.ToArray());
        Assert.All(failed.Hints, hint => Assert.Contains(hint, failed.Details));
    }

    [Fact]
    public void An_opt_out_does_not_excuse_a_failure()
    {
        var result = CheckPolicy.Decide(Code() with { Labels = ["release-notes::none"], Diagnostics = [Error(4)] });

        Assert.Equal(CheckOutcome.NotesInvalid, result.Outcome);
        Assert.Equal([CheckOutcome.NotesInvalid], result.Failures.ToArray());
        Assert.Equal((Unreleased, 4), (result.Findings[0].File, result.Findings[0].Line));
        Assert.StartsWith("check failed (notes invalid): release-notes/unreleased.md at head has 1 error", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Warnings_alone_do_not_fail()
    {
        var warning = Error(4) with { Severity = DiagnosticSeverity.Warning };

        var result = CheckPolicy.Decide(Code() with { UnreleasedChanged = true, HeadEntries = [Other], Diagnostics = [warning] });

        Assert.Equal(CheckOutcome.NotesUpdated, result.Outcome);
    }

    [Fact]
    public void Findings_of_another_step_are_failures_reported_with_the_others()
    {
        var flag = new CheckFinding(CheckOutcome.NotesInvalid, "unknown feature flag 'new-editr'", Unreleased, 12) { CheckName = "release-notes-unknown-flag" };

        var alone = CheckPolicy.Decide(Code() with { UnreleasedChanged = true, HeadEntries = [Other], ExtraFindings = [flag] });
        var withOthers = CheckPolicy.Decide(Code() with { ExtraFindings = [flag] });

        Assert.Equal(CheckOutcome.NotesInvalid, alone.Outcome);
        Assert.False(alone.Passed);
        Assert.Equal("unknown feature flag 'new-editr'", alone.Summary);
        Assert.Equal(CheckOutcome.NotesNotUpdated, withOthers.Outcome);
        Assert.Equal(flag, withOthers.Findings[^1]);
    }

    [Fact]
    public void Moving_the_folder_counts_base_entries_at_the_new_place()
    {
        var moved = Pending("- Search no longer ignores accented letters.", 9) with { File = "changelog/unreleased.md" };
        var evidence = Code() with
        {
            HeadFolder = "changelog",
            UnreleasedChanged = true,
            BaseEntries = [Earlier],
            HeadEntries = [moved],
            ChangedPublishedFiles = [new PublishedFileChange("release-notes/1.0.0.md", PublishedChangeKind.Moved) { Detail = "to changelog/1.0.0.md" }],
            ConfigurationChanges = ["\"folder\" '(default)' -> 'changelog'"],
        };

        var result = CheckPolicy.Decide(evidence);

        Assert.Empty(result.AddedEntries);
        Assert.Empty(result.RemovedEntries);
        Assert.Equal([CheckOutcome.PublishedHistoryChanged, CheckOutcome.ConfigurationChanged, CheckOutcome.NotesNotUpdated], result.Failures.ToArray());
        Assert.Contains("release-notes/1.0.0.md is moved (to changelog/1.0.0.md)", result.Summary, StringComparison.Ordinal);
        Assert.Contains("adds no entry to changelog/unreleased.md", result.Findings[^1].Message, StringComparison.Ordinal);
    }

}
