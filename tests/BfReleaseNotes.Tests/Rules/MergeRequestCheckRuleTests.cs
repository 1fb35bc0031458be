using BfReleaseNotes.Checks;
using BfReleaseNotes.Model;
using BfReleaseNotes.Tests.Checks;

namespace BfReleaseNotes.Tests.Rules;

/// <summary>
/// The merge-request check's rules pinned through the library alone (<see cref="MergeRequestChecker"/> on real
/// repositories built in temp folders, no CLI): what it reads from git, when it cannot decide, and the sentence a
/// user sees, written out literally here.
/// </summary>
public sealed class MergeRequestCheckRuleTests : IDisposable
{
    private const string UnreleasedPath = "release-notes/unreleased.md";
    private const string Earlier = "Search no longer ignores accented letters.";
    private const string DiffBase = "CI_MERGE_REQUEST_DIFF_BASE_SHA";
    private readonly GitTestRepository _repo;
    private readonly string _base;

    public MergeRequestCheckRuleTests()
    {
        _repo = GitTestRepository.StartedProject(Unreleased([Earlier]), Published("1.0.0", "The first fix."), out _base);
    }

    public void Dispose() => _repo.Dispose();

    // ---- When the check cannot decide -------------------------------------------------------------------------

    [Theory]
    [InlineData("../notes")]
    [InlineData("/abs/notes")]
    [InlineData("docs\\notes")]
    public void A_notes_folder_outside_the_repository_or_with_backslashes_cannot_decide(string folder)
    {
        var head = _repo.Write("src/App.cs", "class App { int A; }\n").Commit("Change");

        var result = MergeRequestChecker.Check(Request(head) with { Folder = folder });

        Assert.Equal(CheckOutcome.CannotDecide, result.Outcome);
        Assert.Equal($"cannot decide: the release-notes folder '{folder}' must be relative to the repository root (with '/'), e.g. --dir release-notes.", result.Summary);
        Assert.Equal(folder, result.Folder);
        Assert.Equal(new CheckFinding(CheckOutcome.CannotDecide, result.Summary, $"{folder}/unreleased.md", 1), result.Findings.Single());
    }

    [Fact]
    public void Outside_a_git_repository_the_check_cannot_decide_and_names_the_folder()
    {
        using var folder = new TempFolder();

        var result = MergeRequestChecker.Check(new CheckRequest(folder.Path, new RevisionChoice("main", "--base"), new RevisionChoice("HEAD", "--head")));

        Assert.Equal(CheckOutcome.CannotDecide, result.Outcome);
        Assert.Equal($"cannot decide: '{folder.Path}' is not inside a git repository; run the check in the clone of the project or pass --repo PATH.", result.Summary);
        Assert.Equal("release-notes", result.Folder);
        Assert.Equal(UnreleasedPath, result.Findings.Single().File);
        Assert.Null(result.Range);
    }

    [Fact]
    public void A_head_revision_that_names_no_commit_cannot_decide_and_says_how_to_fetch()
    {
        var result = MergeRequestChecker.Check(new CheckRequest(_repo.Path, new RevisionChoice(_base, DiffBase), new RevisionChoice("no-such-branch", "--head")));

        Assert.Equal(CheckOutcome.CannotDecide, result.Outcome);
        Assert.Equal("cannot decide: the head revision 'no-such-branch' (from --head) names no commit in this repository; fetch it (`git fetch origin <target-branch>`) or pass --head REV.", result.Summary);
    }

    [Fact]
    public void A_missing_remote_base_branch_names_the_branch_to_fetch()
    {
        var head = _repo.Write("src/App.cs", "class App { int A; }\n").Commit("Change");

        var result = MergeRequestChecker.Check(new CheckRequest(_repo.Path, new RevisionChoice("origin/develop", "CI_MERGE_REQUEST_TARGET_BRANCH_NAME"), new RevisionChoice(head, "CI_COMMIT_SHA")));

        Assert.Equal(CheckOutcome.CannotDecide, result.Outcome);
        Assert.Equal("cannot decide: the base revision 'origin/develop' (from CI_MERGE_REQUEST_TARGET_BRANCH_NAME) names no commit in this repository; fetch it (`git fetch origin develop`) or pass --base REV.", result.Summary);
    }

    [Theory]
    [InlineData("0123456789abcdef0123456789abcdef01234567", true)]
    [InlineData("ABCDEF0", true)]
    [InlineData("abcdef", false)]
    [InlineData("abcdefg", false)]
    public void A_missing_base_commit_id_is_told_apart_from_a_revision_name(string revision, bool isCommitId)
    {
        var head = _repo.Write("src/App.cs", "class App { int A; }\n").Commit("Change");

        var result = MergeRequestChecker.Check(new CheckRequest(_repo.Path, new RevisionChoice(revision, DiffBase), new RevisionChoice(head, "CI_COMMIT_SHA")));

        Assert.Equal(CheckOutcome.CannotDecide, result.Outcome);
        Assert.Equal(
            isCommitId
                ? $"cannot decide: the base commit '{revision}' (from {DiffBase}) is not in this repository; fetch it (`git fetch origin <target-branch>`) or pass --base with a commit that is."
                : $"cannot decide: the base revision '{revision}' (from {DiffBase}) names no commit in this repository; fetch it (`git fetch origin <target-branch>`) or pass --base REV.",
            result.Summary);
    }

    [Fact]
    public void A_base_that_shares_no_history_with_head_cannot_decide()
    {
        var head = _repo.Write("src/App.cs", "class App { int A; }\n").Commit("Change");
        var unrelated = _repo.Orphan("README.md", "Another project\n");

        var result = MergeRequestChecker.Check(new CheckRequest(_repo.Path, new RevisionChoice(unrelated, "--base"), new RevisionChoice(head, "--head")));

        Assert.Equal(CheckOutcome.CannotDecide, result.Outcome);
        Assert.Equal($"cannot decide: base {unrelated[..8]} (from --base) and head {head[..8]} share no history; pass --base with a commit of the target branch.", result.Summary);
    }

    [Fact]
    public void An_invalid_configuration_at_the_base_cannot_decide_and_points_at_its_line()
    {
        _repo.Checkout("main").Write("release-notes/config.json", "{\n  \"ignore\": [\"docs/**\"],\n  \"colour\": \"red\"\n}\n");
        var start = _repo.Commit("Configure the check");
        var head = _repo.Branch("configured").Write("src/App.cs", "class App { int A; }\n").Commit("Change");

        var result = MergeRequestChecker.Check(Request(head, start));

        Assert.Equal(CheckOutcome.CannotDecide, result.Outcome);
        Assert.StartsWith($"cannot decide: the check's configuration at base {start[..8]} is not valid: release-notes/config.json:3:", result.Summary, StringComparison.Ordinal);
        Assert.EndsWith(
            ". Fix release-notes/config.json on the target branch (see the README, section 'check'); the rules always come from the target branch, so a merge request cannot fix or loosen them for itself.",
            result.Summary,
            StringComparison.Ordinal);
        Assert.Contains("colour", result.Summary, StringComparison.Ordinal);
        Assert.Equal(("release-notes/config.json", 3), (result.Findings.Single().File, result.Findings.Single().Line));
    }

    [Fact]
    public void A_shallow_clone_without_the_base_names_the_depth_it_was_given_or_the_one_it_walked()
    {
        var first = _repo.Write("src/App.cs", "class App { int A; }\n").Commit("One");
        _repo.Write("src/App.cs", "class App { int B; }\n").Commit("Two");
        var head = _repo.Write("src/App.cs", "class App { int C; }\n").Commit("Three");
        // Depth 3: the clone holds One, Two and Three; the base is not in it.
        var clone = _repo.ShallowCopy(first, _base);
        var request = new CheckRequest(clone, new RevisionChoice(_base, DiffBase), new RevisionChoice(head, "CI_COMMIT_SHA"));

        var given = MergeRequestChecker.Check(request with { CloneDepth = 20 });
        var walked = MergeRequestChecker.Check(request);

        const string Advice = "set `GIT_DEPTH: 0` in the job's variables, or fetch the missing history before the check with `git fetch --unshallow` " +
                              "(or, to fetch less, `git fetch --deepen=100`, repeated while the check still says this); fetching only the target branch does not reach it.";
        Assert.Equal($"cannot decide: the base commit '{_base}' (from {DiffBase}) is not in this clone, which is shallow (GIT_DEPTH 20), so the check cannot see what the merge request changed; " + Advice, given.Summary);
        Assert.Equal($"cannot decide: the base commit '{_base}' (from {DiffBase}) is not in this clone, which is shallow (depth 3), so the check cannot see what the merge request changed; " + Advice, walked.Summary);
    }

    [Fact]
    public void A_shallow_clone_without_the_head_names_no_depth_it_cannot_know()
    {
        var first = _repo.Write("src/App.cs", "class App { int A; }\n").Commit("One");
        var clone = _repo.ShallowCopy(first);

        var result = MergeRequestChecker.Check(new CheckRequest(clone, new RevisionChoice(first, DiffBase), new RevisionChoice("feature-tip", "CI_COMMIT_SHA")));

        Assert.StartsWith("cannot decide: the head commit 'feature-tip' (from CI_COMMIT_SHA) is not in this clone, which is shallow, so the check cannot see", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void A_shallow_clone_cut_above_the_merge_base_cannot_decide()
    {
        _repo.Write("src/App.cs", "class App { int A; }\n").Commit("One");
        var head = _repo.Write("src/App.cs", "class App { int B; }\n").Commit("Two");
        // The base commit is present (fetched with the target branch) but the merge request's history stops at head.
        var clone = _repo.ShallowCopy(head);

        var result = MergeRequestChecker.Check(new CheckRequest(clone, new RevisionChoice(_base, DiffBase), new RevisionChoice(head, "CI_COMMIT_SHA")) { CloneDepth = 1 });

        Assert.Equal(CheckOutcome.CannotDecide, result.Outcome);
        Assert.StartsWith(
            $"cannot decide: the history between base {_base[..8]} (from {DiffBase}) and head {head[..8]} is cut off in this shallow clone (GIT_DEPTH 1), so their merge base is missing; set `GIT_DEPTH: 0`",
            result.Summary,
            StringComparison.Ordinal);
    }

    [Fact]
    public void A_clone_that_lost_an_object_the_range_needs_cannot_decide_and_gives_the_shallow_advice()
    {
        var head = _repo.Write(UnreleasedPath, Unreleased([Earlier, "Exports no longer time out."])).Commit("Note");
        // A shallow clone whose base blob of unreleased.md is missing: git cannot read what it must compare.
        var clone = _repo.ShallowCopy(_base, _repo.BlobAt(_base, UnreleasedPath));

        var result = MergeRequestChecker.Check(new CheckRequest(clone, new RevisionChoice(_base, DiffBase), new RevisionChoice(head, "CI_COMMIT_SHA")));

        Assert.Equal(CheckOutcome.CannotDecide, result.Outcome);
        Assert.StartsWith("cannot decide: git could not read the repository: ", result.Summary, StringComparison.Ordinal);
        Assert.EndsWith(". The clone is shallow: set `GIT_DEPTH: 0` in the job's variables, or run `git fetch --unshallow` before the check.", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreadable_feature_flag_registry_cannot_decide_and_keeps_the_range()
    {
        _repo.Checkout("main").Write("release-notes/config.json", """{ "flags": { "registry": "release-notes/flags.json" } }""");
        var start = _repo.Commit("Name a registry");
        var head = _repo.Branch("flagged").Write(UnreleasedPath, Unreleased([Earlier], flagged: ["The new editor saves drafts."])).Commit("Flagged note");
        var extraCalled = false;

        var result = MergeRequestChecker.Check(Request(head, start), _ =>
        {
            extraCalled = true;
            return [];
        });

        Assert.Equal(CheckOutcome.CannotDecide, result.Outcome);
        Assert.StartsWith("cannot decide: the feature-flag registry of release-notes/config.json cannot be read: the feature-flag registry 'release-notes/flags.json' does not exist;", result.Summary, StringComparison.Ordinal);
        Assert.Equal(head, result.Range!.HeadCommit);
        Assert.False(extraCalled);
    }

    [Fact]
    public void An_unreadable_feature_flag_registry_of_a_monorepo_cannot_decide_and_keeps_the_range()
    {
        _repo.Checkout("main").Write("release-notes/config.json",
            """{ "flags": { "registry": "release-notes/flags.json" }, "projects": [ { "name": "app", "folder": "release-notes", "paths": ["src/**"] } ] }""");
        var start = _repo.Commit("Name a registry, one project");
        var head = _repo.Branch("flagged")
            .Write(UnreleasedPath, Unreleased([Earlier], flagged: ["The new editor saves drafts."]))
            .Write("src/App.cs", "class App { int Editor; }\n")
            .Commit("Flagged note");

        var result = MergeRequestChecker.Check(Request(head, start));

        Assert.Equal(CheckOutcome.CannotDecide, result.Outcome);
        Assert.StartsWith("cannot decide: the feature-flag registry of release-notes/config.json cannot be read: the feature-flag registry 'release-notes/flags.json' does not exist;", result.Summary, StringComparison.Ordinal);
        Assert.Equal(head, result.Range!.HeadCommit);
    }

    // ---- What the check reads from the range -------------------------------------------------------------------

    [Fact]
    public void A_new_entry_is_reported_with_its_file_line_and_place()
    {
        var head = _repo.Write("src/App.cs", "class App { int Export; }\n")
            .Write(UnreleasedPath, Unreleased([Earlier, "Exports no longer time out."], flagged: ["The new editor saves drafts."]))
            .Commit("Fix export timeouts");

        var result = MergeRequestChecker.Check(Request(head));

        Assert.Equal(CheckOutcome.NotesUpdated, result.Outcome);
        Assert.Equal("check passed (notes updated): release-notes/unreleased.md adds or changes 2 entries and lints clean.", result.Summary);
        Assert.Equal(
            [
                new CheckedEntry(UnreleasedPath, 10, "Public > Fixed", "- Exports no longer time out."),
                new CheckedEntry(UnreleasedPath, 18, "Internal > Added > flag new-editor", "- The new editor saves drafts."),
            ],
            result.AddedEntries.ToArray());
        Assert.Equal([UnreleasedPath, "src/App.cs"], result.ChangedPaths.ToArray());
        Assert.Equal(["src/App.cs"], result.RelevantPaths.ToArray());
        Assert.Equal(new CheckRange(new RevisionChoice(_base, DiffBase), _base, _base, new RevisionChoice(head, "CI_COMMIT_SHA"), head), result.Range);
        Assert.Empty(result.Details);
    }

    [Fact]
    public void Entries_under_misspelt_headings_are_placed_by_the_heading_as_written()
    {
        var text = "# Unreleased\n\n- Before any section.\n\n## Public\n\n- Directly under Public.\n\n### Fixd\n\n- Under a misspelt type.\n\n## Internal\n";
        var head = _repo.Write(UnreleasedPath, text).Commit("Misplaced notes");

        var result = MergeRequestChecker.Check(Request(head));

        Assert.Equal(CheckOutcome.NotesInvalid, result.Outcome);
        // A list before the first section is free text (the parser keeps it as trivia), so it is no entry.
        Assert.Equal(
            [
                ("Public", 7),
                ("Public > Fixd", 11),
            ],
            result.AddedEntries.Select(entry => (entry.Place, entry.Line)).ToArray());
        Assert.Equal([(Earlier, 9)], result.RemovedEntries.Select(entry => (entry.Content[2..], entry.Line)).ToArray());
    }

    [Fact]
    public void A_second_copy_of_a_pending_entry_counts_as_one_added_and_removing_one_copy_counts_as_one_removed()
    {
        const string Twice = "Exports no longer time out.";
        _repo.Checkout("main").Write(UnreleasedPath, Unreleased([Earlier, Twice, Twice]));
        var start = _repo.Commit("Two identical entries");
        var removedOne = _repo.Branch("dedupe").Write(UnreleasedPath, Unreleased([Earlier, Twice])).Commit("Keep one copy");
        _repo.Checkout("main");
        var addedThird = _repo.Branch("again").Write(UnreleasedPath, Unreleased([Earlier, Twice, Twice, Twice])).Commit("A third copy");

        var removed = MergeRequestChecker.Check(Request(removedOne, start));
        var added = MergeRequestChecker.Check(Request(addedThird, start));

        Assert.Equal(CheckOutcome.PendingEntriesRemoved, removed.Outcome);
        Assert.Equal([new CheckedEntry(UnreleasedPath, 11, "Public > Fixed", "- " + Twice)], removed.RemovedEntries.ToArray());
        Assert.Empty(removed.AddedEntries);
        Assert.StartsWith("check failed (pending entries removed): this merge request removes or rewrites 1 pending entry of release-notes/unreleased.md that it did not add (listed below); restore it,", removed.Summary, StringComparison.Ordinal);
        Assert.Equal(CheckOutcome.NotesUpdated, added.Outcome);
        Assert.Equal([new CheckedEntry(UnreleasedPath, 12, "Public > Fixed", "- " + Twice)], added.AddedEntries.ToArray());
        Assert.Empty(added.RemovedEntries);
    }

    [Fact]
    public void The_diagnostics_of_an_added_published_file_fail_the_check()
    {
        var head = _repo.Write("release-notes/1.1.0.md", "# 1.1.0\n\n## Public\n\n### Fixed\n\n- " + Earlier + "\n")
            .Write(UnreleasedPath, Unreleased([]))
            .Commit("Release by hand");

        var result = MergeRequestChecker.Check(Request(head));

        Assert.Equal(CheckOutcome.NotesInvalid, result.Outcome);
        var error = Assert.Single(result.Diagnostics, diagnostic => diagnostic.Severity == DiagnosticSeverity.Error);
        Assert.Equal(("release-notes/1.1.0.md", 1, DiagnosticCodes.BadPublishedTitle), (error.File, error.Position.Line, error.Code));
        Assert.StartsWith("check failed (notes invalid): release-notes/1.1.0.md at head has 1 error (listed as file:line:col); fix them", result.Summary, StringComparison.Ordinal);
        Assert.Equal(("release-notes/1.1.0.md", 1), (result.Findings[0].File, result.Findings[0].Line));
        Assert.Equal("release-notes/1.1.0.md is added (not a release: it does not lint clean)", result.ChangedPublishedFiles.Single().ToString());
    }

    [Fact]
    public void A_promotion_is_a_release_that_moves_the_pending_entries()
    {
        _repo.Write(UnreleasedPath, Unreleased([]))
            .Write("release-notes/1.1.0.md", Published("1.1.0", Earlier))
            .Write("release-notes/README.txt", "not a release file\n");
        var head = _repo.Commit("Release 1.1.0");

        var result = MergeRequestChecker.Check(Request(head));

        Assert.Equal(CheckOutcome.Released, result.Outcome);
        Assert.Equal("check passed (release): this merge request publishes 1.1.0 (release-notes/1.1.0.md), moving 1 pending entry out of release-notes/unreleased.md.", result.Summary);
        Assert.Equal(["release-notes/1.1.0.md"], result.AddedPublishedFiles.ToArray());
        Assert.Equal([new CheckedEntry(UnreleasedPath, 9, "Public > Fixed", "- " + Earlier)], result.PublishedEntries.ToArray());
        Assert.Empty(result.ChangedPublishedFiles);
        Assert.Equal(["release-notes/README.txt"], result.RelevantPaths.ToArray());
    }

    [Fact]
    public void A_file_not_newer_than_the_latest_at_base_is_history_even_when_it_moves_the_entries()
    {
        var head = _repo.Write(UnreleasedPath, Unreleased([]))
            .Write("release-notes/0.9.0.md", Published("0.9.0", Earlier))
            .Commit("Backfill 0.9.0");

        var result = MergeRequestChecker.Check(Request(head));

        Assert.Equal([CheckOutcome.PendingEntriesRemoved, CheckOutcome.PublishedHistoryChanged], result.Failures.ToArray());
        Assert.Equal("release-notes/0.9.0.md is added (not a release: version 0.9.0 is not greater than 1.0.0, the latest published at base)", result.ChangedPublishedFiles.Single().ToString());
    }

    [Fact]
    public void Modified_deleted_and_renamed_published_files_are_history_changes()
    {
        _repo.Checkout("main")
            .Write("release-notes/1.1.0.md", Published("1.1.0", "The second fix."))
            .Write("release-notes/1.2.0.md", Published("1.2.0", "The third fix, with a longer text so that git sees a rename."));
        var start = _repo.Commit("Two more releases");
        var head = _repo.Branch("history")
            .Write("release-notes/1.0.0.md", Published("1.0.0", "The first fix, reworded."))
            .Delete("release-notes/1.1.0.md")
            .Move("release-notes/1.2.0.md", "archive/1.2.0.md")
            .Commit("Rewrite history");

        var result = MergeRequestChecker.Check(Request(head, start));

        Assert.Equal(CheckOutcome.PublishedHistoryChanged, result.Outcome);
        Assert.Equal(
            ["release-notes/1.0.0.md is modified", "release-notes/1.1.0.md is deleted", "release-notes/1.2.0.md is deleted (renamed to archive/1.2.0.md)"],
            result.ChangedPublishedFiles.Select(change => change.ToString()).ToArray());
        Assert.StartsWith("check failed (published history changed): release-notes/1.0.0.md is modified, release-notes/1.1.0.md is deleted, ", result.Summary, StringComparison.Ordinal);
        Assert.Equal(("release-notes/1.0.0.md", 1), (result.Findings[0].File, result.Findings[0].Line));
    }

    [Fact]
    public void Moving_the_notes_folder_with_its_configuration_moves_the_history_and_the_entries()
    {
        var head = _repo.Write("release-notes/config.json", """{ "folder": "changelog" }""")
            .Move(UnreleasedPath, "changelog/unreleased.md")
            .Move("release-notes/1.0.0.md", "changelog/1.0.0.md")
            .Commit("Move the notes");

        var result = MergeRequestChecker.Check(Request(head));

        Assert.Equal("changelog", result.HeadFolder);
        Assert.Equal("release-notes", result.Folder);
        Assert.Empty(result.AddedEntries);
        Assert.Empty(result.RemovedEntries);
        Assert.Equal(["\"folder\" '(default)' -> 'changelog'"], result.ConfigurationChanges.ToArray());
        Assert.Equal(["release-notes/1.0.0.md is moved (to changelog/1.0.0.md)"], result.ChangedPublishedFiles.Select(change => change.ToString()).ToArray());
        Assert.Equal([CheckOutcome.PublishedHistoryChanged, CheckOutcome.ConfigurationChanged, CheckOutcome.NotesNotUpdated], result.Failures.ToArray());
        Assert.Equal(["release-notes/config.json"], result.RelevantPaths.ToArray());
        Assert.Contains("adds no entry to changelog/unreleased.md; add one with `bf-release-notes add --dir changelog --section public", result.Findings[^1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_published_file_moved_and_changed_with_the_folder_is_a_modification()
    {
        var head = _repo.Write("release-notes/config.json", """{ "folder": "changelog" }""")
            .Move(UnreleasedPath, "changelog/unreleased.md")
            .Delete("release-notes/1.0.0.md")
            .Write("changelog/1.0.0.md", Published("1.0.0", "The first fix, reworded."))
            .Commit("Move and reword");

        var result = MergeRequestChecker.Check(Request(head) with { Labels = ["release-notes::edit"] });

        Assert.Equal(["release-notes/1.0.0.md is modified (moved to changelog/1.0.0.md and changed)"], result.ChangedPublishedFiles.Select(change => change.ToString()).ToArray());
        Assert.True(result.EditAllowed);
    }

    [Fact]
    public void A_published_file_left_behind_by_a_folder_move_fails_even_with_the_edit_label()
    {
        // Every tool reads the new folder only: 1.0.0 would drop out of the history and could be published again.
        var head = _repo.Write("release-notes/config.json", """{ "folder": "changelog" }""")
            .Move(UnreleasedPath, "changelog/unreleased.md")
            .Commit("Move only the working file");

        var result = MergeRequestChecker.Check(Request(head) with { Labels = ["release-notes::edit"] });

        Assert.Empty(result.ChangedPublishedFiles);
        Assert.Empty(result.RemovedEntries);
        Assert.Equal([CheckOutcome.NotesInvalid, CheckOutcome.NotesNotUpdated], result.Failures.ToArray());
        Assert.Equal(["release-notes/config.json"], result.RelevantPaths.ToArray());
        var finding = result.Findings[0];
        Assert.Equal(("release-notes/1.0.0.md", 1), (finding.File, finding.Line));
        Assert.Equal(
            "check failed (notes invalid): this merge request moves the notes folder from release-notes to changelog but leaves release-notes/1.0.0.md behind; " +
            "every tool reads changelog only, so that release would drop out of the history and its version could be published again: " +
            "move it (`git mv release-notes/1.0.0.md changelog/1.0.0.md`), commit and push.",
            finding.Message);
    }

    [Fact]
    public void A_published_file_added_to_the_old_folder_during_a_move_is_left_behind_too()
    {
        var head = _repo.Write("release-notes/config.json", """{ "folder": "changelog" }""")
            .Move(UnreleasedPath, "changelog/unreleased.md")
            .Move("release-notes/1.0.0.md", "changelog/1.0.0.md")
            .Write("release-notes/1.1.0.md", Published("1.1.0", "Written to the old folder."))
            .Commit("Move, and publish into the old folder");

        var result = MergeRequestChecker.Check(Request(head) with { Labels = ["release-notes::edit"] });

        Assert.Equal(["release-notes/config.json"], result.RelevantPaths.ToArray());
        var finding = result.Findings[0];
        Assert.Equal((CheckOutcome.NotesInvalid, "release-notes/1.1.0.md"), (finding.Outcome, finding.File));
        Assert.StartsWith(
            "check failed (notes invalid): this merge request moves the notes folder from release-notes to changelog but leaves release-notes/1.1.0.md behind; ",
            finding.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void A_published_file_left_behind_by_a_move_to_the_repository_root_is_told_the_root_path()
    {
        var head = _repo.Write("release-notes/config.json", """{ "folder": "." }""")
            .Move(UnreleasedPath, "unreleased.md")
            .Commit("Move only the working file to the root");

        var result = MergeRequestChecker.Check(Request(head) with { Labels = ["release-notes::edit"] });

        Assert.Equal(
            "check failed (notes invalid): this merge request moves the notes folder from release-notes to the repository root " +
            "but leaves release-notes/1.0.0.md behind; every tool reads the repository root only, so that release would drop out of the history and its version could be published again: " +
            "move it (`git mv release-notes/1.0.0.md 1.0.0.md`), commit and push.",
            result.Findings[0].Message);
    }

    [Fact]
    public void Published_files_left_behind_and_changed_are_named_together_and_the_change_is_history()
    {
        var start = _repo.Write("release-notes/1.1.0.md", Published("1.1.0", "The second fix.")).Commit("Release 1.1.0");
        var head = _repo.Write("release-notes/config.json", """{ "folder": "changelog" }""")
            .Move(UnreleasedPath, "changelog/unreleased.md")
            .Write("release-notes/1.1.0.md", Published("1.1.0", "The second fix, reworded."))
            .Commit("Move the working file, reword 1.1.0");

        var result = MergeRequestChecker.Check(Request(head, start) with { Labels = ["release-notes::edit"] });

        Assert.Equal(["release-notes/1.1.0.md is modified"], result.ChangedPublishedFiles.Select(change => change.ToString()).ToArray());
        Assert.Equal(CheckOutcome.NotesInvalid, result.Failures[0]);
        // A release-notes file, even left behind: it needs no notes of its own.
        Assert.Equal(["release-notes/config.json"], result.RelevantPaths.ToArray());
        Assert.Contains(
            "leaves release-notes/1.0.0.md, release-notes/1.1.0.md behind; every tool reads changelog only, so those releases would drop out of the history " +
            "and their versions could be published again: move them (`git mv release-notes/1.0.0.md changelog/1.0.0.md`; `git mv release-notes/1.1.0.md changelog/1.1.0.md`), commit and push.",
            result.Findings[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_deleted_unreleased_file_is_invalid_notes_and_says_how_to_restore_it()
    {
        var head = _repo.Delete(UnreleasedPath).Commit("Drop the notes");

        var result = MergeRequestChecker.Check(Request(head));

        Assert.Equal(CheckOutcome.NotesInvalid, result.Outcome);
        Assert.Equal($"check failed (notes invalid): release-notes/unreleased.md is deleted in this range: restore it (`git checkout {_base[..8]} -- release-notes/unreleased.md`).", result.Summary);
        Assert.Equal([new CheckedEntry(UnreleasedPath, 9, "Public > Fixed", "- " + Earlier)], result.RemovedEntries.ToArray());
        Assert.Contains(CheckOutcome.PendingEntriesRemoved, result.Failures);
    }

    [Fact]
    public void A_renamed_unreleased_file_is_told_to_be_renamed_back()
    {
        var head = _repo.Move(UnreleasedPath, "release-notes/pending.md").Commit("Rename the notes");

        var result = MergeRequestChecker.Check(Request(head));

        Assert.Equal("check failed (notes invalid): release-notes/unreleased.md is renamed to release-notes/pending.md in this range, but every tool reads release-notes/unreleased.md: rename it back.", result.Summary);
    }

    [Fact]
    public void An_unreleased_file_moved_to_another_folder_without_the_configuration_is_told_how_to_move_the_folder()
    {
        var head = _repo.Move(UnreleasedPath, "changelog/unreleased.md").Commit("Move the notes");

        var result = MergeRequestChecker.Check(Request(head));

        Assert.Equal(
            "check failed (notes invalid): release-notes/unreleased.md is renamed to changelog/unreleased.md in this range, but every tool reads release-notes/unreleased.md: rename it back " +
            "(to move the notes folder, also set \"folder\" in release-notes/config.json, with the label 'release-notes::edit').",
            result.Summary);
    }

    [Fact]
    public void A_configured_folder_move_without_the_file_says_to_move_it()
    {
        var head = _repo.Write("release-notes/config.json", """{ "folder": "changelog" }""").Commit("Point at a new folder");

        var result = MergeRequestChecker.Check(Request(head));

        Assert.Equal(
            "check failed (notes invalid): changelog/unreleased.md is missing at head, where the merge request moves the notes folder: move release-notes/unreleased.md there (`git mv release-notes/unreleased.md changelog/unreleased.md`).",
            result.Summary);
    }

    [Fact]
    public void Deleting_the_configuration_changes_the_rules_back_to_the_defaults()
    {
        _repo.Checkout("main").Write("release-notes/config.json", """{ "ignore": ["docs/**"], "labels": { "none": "no-notes" } }""");
        var start = _repo.Commit("Configure");
        var head = _repo.Branch("unconfigure").Delete("release-notes/config.json").Commit("Drop the configuration");

        var result = MergeRequestChecker.Check(Request(head, start));

        Assert.Equal(["\"ignore\" drops 'docs/**'", "\"labels.none\" 'no-notes' -> 'release-notes::none'"], result.ConfigurationChanges.ToArray());
        Assert.Equal(CheckOutcome.ConfigurationChanged, result.Outcome);
    }

    [Fact]
    public void Switching_the_flag_registry_off_changes_the_rules_and_needs_the_edit_label()
    {
        _repo.Checkout("main").Write("release-notes/config.json", """{ "flags": { "registry": "release-notes/flags.json" } }""")
            .Write("release-notes/flags.json", """{ "flags": [] }""");
        var start = _repo.Commit("Check flags against the registry");
        var head = _repo.Branch("no-flag-check").Write("release-notes/config.json", "{ }").Commit("Stop checking flags");

        var result = MergeRequestChecker.Check(Request(head, start));
        var allowed = MergeRequestChecker.Check(Request(head, start) with { Labels = ["release-notes::edit", "release-notes::none"] });

        Assert.Equal(["\"flags.registry\" 'release-notes/flags.json' -> '(none)'"], result.ConfigurationChanges.ToArray());
        Assert.Equal(CheckOutcome.ConfigurationChanged, result.Outcome);
        Assert.Equal(CheckOutcome.OptedOut, allowed.Outcome);
    }

    [Fact]
    public void A_configuration_rewritten_to_the_same_rules_changes_no_rule_but_still_needs_notes()
    {
        _repo.Checkout("main").Write("release-notes/config.json", """{ "ignore": ["docs/**"] }""");
        var start = _repo.Commit("Configure");
        var head = _repo.Branch("reformat").Write("release-notes/config.json", "{\n  \"ignore\": [ \"docs/**\" ]\n}\n").Commit("Reformat");

        var result = MergeRequestChecker.Check(Request(head, start));

        Assert.Empty(result.ConfigurationChanges);
        Assert.Equal([CheckOutcome.NotesNotUpdated], result.Failures.ToArray());
        Assert.Equal(["release-notes/config.json"], result.RelevantPaths.ToArray());
    }

    [Fact]
    public void A_configuration_added_by_the_merge_request_changes_the_rules()
    {
        var head = _repo.Write("release-notes/config.json", """{ "labels": { "edit": "history" } }""").Commit("Configure");

        var result = MergeRequestChecker.Check(Request(head));

        Assert.Equal(["\"labels.edit\" 'release-notes::edit' -> 'history'"], result.ConfigurationChanges.ToArray());
    }

    [Fact]
    public void A_broken_configuration_at_head_fails_at_its_line_even_with_the_edit_label()
    {
        var head = _repo.Write("release-notes/config.json", "{\n  \"folder\": \"../outside\"\n}\n").Commit("Break the configuration");

        var result = MergeRequestChecker.Check(Request(head) with { Labels = ["release-notes::edit"] });

        Assert.Equal(CheckOutcome.ConfigurationChanged, result.Outcome);
        Assert.Empty(result.ConfigurationChanges);
        Assert.Equal(("release-notes/config.json", 2), (result.Findings[0].File, result.Findings[0].Line));
        Assert.StartsWith("check failed (configuration changed): release-notes/config.json at head is not valid (release-notes/config.json:2:", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void An_entry_a_merge_brought_back_from_a_published_file_fails_as_already_published()
    {
        var head = _repo.Write(UnreleasedPath, Unreleased([Earlier, "The first fix."])).Commit("Merge main");

        var result = MergeRequestChecker.Check(Request(head));

        Assert.Equal(CheckOutcome.EntriesAlreadyPublished, result.Outcome);
        var back = Assert.Single(result.Diagnostics, diagnostic => diagnostic.Code == DiagnosticCodes.AlreadyPublished);
        Assert.Equal((UnreleasedPath, 10), (back.File, back.Position.Line));
        Assert.Equal((UnreleasedPath, 10), (result.Findings[0].File, result.Findings[0].Line));
    }

    [Fact]
    public void A_base_that_is_not_an_ancestor_of_head_is_compared_through_the_merge_base()
    {
        var head = _repo.Write(UnreleasedPath, Unreleased([Earlier, "Exports no longer time out."])).Commit("Note");
        _repo.Checkout("main");
        var target = _repo.Write("docs/guide.md", "A guide\n").Commit("Docs on main");

        var result = MergeRequestChecker.Check(new CheckRequest(_repo.Path, new RevisionChoice(target, "--base"), new RevisionChoice(head, "--head")));

        Assert.Equal(CheckOutcome.NotesUpdated, result.Outcome);
        Assert.Equal((target, _base), (result.Range!.BaseCommit, result.Range.MergeBaseCommit));
        Assert.Equal([UnreleasedPath], result.ChangedPaths.ToArray());
        Assert.Equal([$"The base {target[..8]} (--base) is not an ancestor of head, so head was compared with their merge base {_base[..8]}."], result.Details.ToArray());
    }

    [Fact]
    public void A_merged_result_head_is_compared_with_the_target_commit_it_was_built_on()
    {
        _repo.Write(UnreleasedPath, Unreleased([Earlier, "Exports no longer time out."])).Commit("Note");
        _repo.Checkout("main");
        var target = _repo.Write("docs/guide.md", "A guide\n").Commit("Docs on main");
        var merged = _repo.MergedResult("main", "feature");
        var targetChoice = new RevisionChoice(target, "CI_MERGE_REQUEST_TARGET_BRANCH_SHA");
        var request = new CheckRequest(_repo.Path, new RevisionChoice(_base, DiffBase), new RevisionChoice(merged, "CI_COMMIT_SHA"));

        var detected = MergeRequestChecker.Check(request with { TargetBranchCommit = targetChoice });
        var undetected = MergeRequestChecker.Check(request);
        var sameAsBase = MergeRequestChecker.Check(request with { Base = targetChoice, TargetBranchCommit = targetChoice });

        Assert.Equal(new CheckRange(targetChoice, target, target, new RevisionChoice(merged, "CI_COMMIT_SHA"), merged), detected.Range);
        Assert.Equal([UnreleasedPath], detected.ChangedPaths.ToArray());
        Assert.Equal(DiffBase, undetected.Range!.Base.Source);
        Assert.Equal(["docs/guide.md", UnreleasedPath], undetected.ChangedPaths.ToArray());
        Assert.Equal(targetChoice, sameAsBase.Range!.Base);
    }

    [Fact]
    public void A_target_commit_that_is_not_the_first_parent_of_head_is_not_used()
    {
        var head = _repo.Write(UnreleasedPath, Unreleased([Earlier, "Exports no longer time out."])).Commit("Note");
        _repo.Checkout("main");
        var target = _repo.Write("docs/guide.md", "A guide\n").Commit("Docs on main");
        var reversed = _repo.MergedResult("feature", "main");

        var notMerge = MergeRequestChecker.Check(Request(head) with { TargetBranchCommit = new RevisionChoice(target, "CI_MERGE_REQUEST_TARGET_BRANCH_SHA") });
        var secondParent = MergeRequestChecker.Check(Request(reversed) with { TargetBranchCommit = new RevisionChoice(target, "CI_MERGE_REQUEST_TARGET_BRANCH_SHA") });
        var unknown = MergeRequestChecker.Check(Request(head) with { TargetBranchCommit = new RevisionChoice("origin/gone", "CI_MERGE_REQUEST_TARGET_BRANCH_SHA") });

        Assert.Equal(_base, notMerge.Range!.BaseCommit);
        Assert.Equal(_base, secondParent.Range!.BaseCommit);
        Assert.Equal(_base, unknown.Range!.BaseCommit);
        Assert.Equal(CheckOutcome.NotesUpdated, unknown.Outcome);
    }

    // ---- Opt-outs read from the range --------------------------------------------------------------------------

    [Fact]
    public void A_commit_message_of_the_range_opts_out_and_names_the_commit()
    {
        _repo.Write("src/App.cs", "class App { int A; }\n").Commit("Refactor\n\nRelease-Notes: none\n");
        var head = _repo.Write("src/App.cs", "class App { int B; }\n").Commit("Tidy up\n\nRelease-Notes: none - internal refactoring\n");

        var result = MergeRequestChecker.Check(Request(head));

        Assert.Equal(CheckOutcome.OptedOut, result.Outcome);
        Assert.Equal($"check passed (opted out): commit {head[..8]} \"Tidy up\" says 'Release-Notes: none - internal refactoring'.", result.Summary);
        Assert.Equal(new OptOut(OptOutSource.CommitMessage, $"commit {head[..8]} \"Tidy up\"", "internal refactoring") { Line = "Release-Notes: none - internal refactoring" }, result.OptOut);
        Assert.Empty(result.Hints);
    }

    [Fact]
    public void A_commit_line_without_a_reason_does_not_opt_out_and_the_hint_names_the_commit()
    {
        var first = _repo.Write("src/App.cs", "class App { int A; }\n").Commit("Refactor\n\nRelease-Notes: none\n");
        var head = _repo.Write("src/App.cs", "class App { int B; }\n").Commit("Tidy up");

        var result = MergeRequestChecker.Check(Request(head));

        Assert.Equal(CheckOutcome.NotesNotUpdated, result.Outcome);
        Assert.Equal(
            [$"Commit {first[..8]} \"Refactor\" says 'Release-Notes: none' without a reason, which does not opt out; write 'Release-Notes: none - <reason>' with a real reason."],
            result.Hints.ToArray());
        Assert.Equal(result.Hints.ToArray(), result.Findings.Single().Hints.ToArray());
    }

    [Theory]
    [InlineData("Release-Notes: none - docs only", true, 0)]
    [InlineData("Release-Notes: none - <reason>\n\nRelease-Notes: none - docs only", true, 0)]
    [InlineData("Release-Notes: none -", false, 1)]
    [InlineData("Just a description.", false, 0)]
    public void Only_a_description_line_without_any_reason_gets_the_without_a_reason_hint(string description, bool optedOut, int hints)
    {
        var head = _repo.Write("src/App.cs", "class App { int A; }\n").Commit("Change");

        var result = MergeRequestChecker.Check(Request(head) with { Description = description });

        Assert.Equal(optedOut ? CheckOutcome.OptedOut : CheckOutcome.NotesNotUpdated, result.Outcome);
        Assert.Equal(hints, result.Hints.Length);
        if (hints == 1)
        {
            Assert.Equal("The description's line 'Release-Notes: none -' gives no reason, which does not opt out; write 'Release-Notes: none - <reason>' with a real reason.", result.Hints[0]);
        }
    }

    [Fact]
    public void Findings_of_an_extra_step_see_the_pending_entries_and_fail_the_check()
    {
        var head = _repo.Write(UnreleasedPath, Unreleased([Earlier, "Exports no longer time out."])).Commit("Note");
        CheckEvidence? seen = null;

        var result = MergeRequestChecker.Check(Request(head), evidence =>
        {
            seen = evidence;
            return [new CheckFinding(CheckOutcome.NotesInvalid, "unknown flag", UnreleasedPath, 9)];
        });

        Assert.Equal(["- " + Earlier, "- Exports no longer time out."], seen!.HeadEntries!.Value.Select(entry => entry.Content).ToArray());
        Assert.Equal(["release-notes/1.0.0.md", UnreleasedPath], seen.NotesFiles.ToArray());
        Assert.Equal(CheckOutcome.NotesInvalid, result.Outcome);
        Assert.Equal("unknown flag", result.Summary);
    }

    // ---- Survivors of the checker's Stryker run -----------------------------------------------------------------

    [Fact]
    public void Checking_without_a_request_is_refused()
    {
        Assert.Throws<ArgumentNullException>(() => MergeRequestChecker.Check(null!));
    }

    [Fact]
    public void A_damaged_full_clone_cannot_decide_without_the_shallow_advice()
    {
        var head = _repo.Write(UnreleasedPath, Unreleased([Earlier, "Exports no longer time out."])).Commit("Note");
        var clone = _repo.DamagedCopy(_repo.BlobAt(_base, UnreleasedPath));

        var result = MergeRequestChecker.Check(new CheckRequest(clone, new RevisionChoice(_base, DiffBase), new RevisionChoice(head, "CI_COMMIT_SHA")));

        Assert.Equal(CheckOutcome.CannotDecide, result.Outcome);
        Assert.StartsWith("cannot decide: git could not read the repository: ", result.Summary, StringComparison.Ordinal);
        Assert.EndsWith(".", result.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain("shallow", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Code_without_notes_reads_nothing_from_an_unchanged_unreleased_file_even_a_broken_one()
    {
        _repo.Checkout("main").Write(UnreleasedPath, "# Unreleased\n\n## Public\n\n### Fixd\n\n- " + Earlier + "\n");
        var start = _repo.Commit("A typo on the target branch");
        var head = _repo.Branch("code").Write("src/App.cs", "class App { int A; }\n").Commit("Code only");

        var result = MergeRequestChecker.Check(Request(head, start));

        Assert.Equal([CheckOutcome.NotesNotUpdated], result.Failures.ToArray());
        Assert.Empty(result.Diagnostics);
        Assert.Empty(result.Details);
        Assert.Empty(result.AddedEntries);
        Assert.Equal(["src/App.cs"], result.ChangedPaths.ToArray());
    }

    [Fact]
    public void The_configured_folder_of_the_base_is_where_the_notes_are_read()
    {
        _repo.Checkout("main")
            .Write("release-notes/config.json", """{ "folder": "changelog" }""")
            .Move(UnreleasedPath, "changelog/unreleased.md")
            .Move("release-notes/1.0.0.md", "changelog/1.0.0.md");
        var start = _repo.Commit("Notes in changelog/");
        var head = _repo.Branch("noted").Write("changelog/unreleased.md", Unreleased([Earlier, "Exports no longer time out."])).Commit("Note");

        var result = MergeRequestChecker.Check(Request(head, start));

        Assert.Equal(CheckOutcome.NotesUpdated, result.Outcome);
        Assert.Equal(("changelog", "changelog"), (result.Folder, result.HeadFolder));
        Assert.Equal([new CheckedEntry("changelog/unreleased.md", 10, "Public > Fixed", "- Exports no longer time out.")], result.AddedEntries.ToArray());
    }

    [Fact]
    public void A_folder_given_by_the_request_wins_over_a_folder_the_head_configuration_names()
    {
        var (start, _) = RootNotes();
        var head = _repo.Branch("repoint")
            .Write("config.json", """{ "ignore": ["docs/**"], "folder": "docs/notes" }""")
            .Write("unreleased.md", Unreleased([Earlier, "Exports no longer time out."]))
            .Commit("Point elsewhere");

        var result = MergeRequestChecker.Check(Request(head, start) with { Folder = "." });

        Assert.Equal(string.Empty, result.HeadFolder);
        Assert.Equal(["\"folder\" '(default)' -> 'docs/notes'"], result.ConfigurationChanges.ToArray());
        Assert.Equal([CheckOutcome.ConfigurationChanged], result.Failures.ToArray());
        Assert.Single(result.AddedEntries);
    }

    [Fact]
    public void A_configuration_changed_at_both_ends_is_compared_rule_by_rule()
    {
        _repo.Checkout("main").Write("release-notes/config.json", """{ "ignore": ["docs/**"] }""");
        var start = _repo.Commit("Configure");
        var head = _repo.Branch("widen").Write("release-notes/config.json", """{ "ignore": ["docs/**", "*.md"] }""").Commit("Ignore markdown");

        var result = MergeRequestChecker.Check(Request(head, start));

        Assert.Equal(["\"ignore\" adds '*.md'"], result.ConfigurationChanges.ToArray());
        Assert.Equal(CheckOutcome.ConfigurationChanged, result.Outcome);
    }

    [Fact]
    public void An_empty_configuration_file_added_by_the_merge_request_is_a_broken_configuration()
    {
        var head = _repo.Write("release-notes/config.json", string.Empty).Commit("Empty configuration");

        var result = MergeRequestChecker.Check(Request(head));

        Assert.Equal(CheckOutcome.ConfigurationChanged, result.Outcome);
        Assert.StartsWith("check failed (configuration changed): release-notes/config.json at head is not valid (release-notes/config.json:", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_unreleased_file_added_where_there_was_none_is_invalid_notes()
    {
        var start = _repo.Checkout("main").Delete(UnreleasedPath).Delete("release-notes/1.0.0.md").Commit("No notes yet");
        var head = _repo.Branch("empty").Write(UnreleasedPath, string.Empty).Commit("Start the notes");

        var result = MergeRequestChecker.Check(Request(head, start));

        Assert.Equal(CheckOutcome.NotesInvalid, result.Outcome);
        Assert.Equal((UnreleasedPath, DiagnosticCodes.EmptyFile), (result.Diagnostics.Single().File, result.Diagnostics.Single().Code));
    }

    [Fact]
    public void The_first_release_of_a_repository_without_published_files_is_a_release()
    {
        var start = _repo.Checkout("main").Delete("release-notes/1.0.0.md").Commit("No release yet");
        var head = _repo.Branch("first").Write(UnreleasedPath, Unreleased([])).Write("release-notes/0.1.0.md", Published("0.1.0", Earlier)).Commit("Release 0.1.0");

        var result = MergeRequestChecker.Check(Request(head, start));

        Assert.Equal(CheckOutcome.Released, result.Outcome);
        Assert.Equal(["release-notes/0.1.0.md"], result.AddedPublishedFiles.ToArray());
    }

    [Fact]
    public void A_file_between_two_published_versions_is_compared_with_the_latest_not_the_first()
    {
        _repo.Checkout("main").Write("release-notes/1.1.0.md", Published("1.1.0", "The second fix."));
        var start = _repo.Commit("Release 1.1.0");
        var head = _repo.Branch("backfill").Write(UnreleasedPath, Unreleased([])).Write("release-notes/1.0.5.md", Published("1.0.5", Earlier)).Commit("Backfill 1.0.5");

        var result = MergeRequestChecker.Check(Request(head, start));

        Assert.Equal("release-notes/1.0.5.md is added (not a release: version 1.0.5 is not greater than 1.1.0, the latest published at base)", result.ChangedPublishedFiles.Single().ToString());
    }

    [Fact]
    public void Diagnostics_of_several_added_published_files_come_in_file_order()
    {
        var head = _repo.Write("release-notes/1.2.0.md", "# 1.2.0\n\n## Public\n\n### Fixed\n\n- Two.\n")
            .Write("release-notes/1.1.0.md", "# 1.1.0\n\n## Public\n\n### Fixed\n\n- One.\n")
            .Commit("Two broken releases");

        var result = MergeRequestChecker.Check(Request(head));

        Assert.Equal(["release-notes/1.1.0.md", "release-notes/1.2.0.md"], result.Diagnostics.Select(diagnostic => diagnostic.File).ToArray());
    }

    [Theory]
    [InlineData("release-notes/old-unreleased.md")]
    [InlineData("release-notes/unreleased.txt")]
    public void A_rename_within_the_folder_gets_no_advice_about_moving_the_folder(string renamedTo)
    {
        var head = _repo.Move(UnreleasedPath, renamedTo).Commit("Rename the notes");

        var result = MergeRequestChecker.Check(Request(head));

        Assert.Equal($"check failed (notes invalid): release-notes/unreleased.md is renamed to {renamedTo} in this range, but every tool reads release-notes/unreleased.md: rename it back.", result.Summary);
    }

    [Fact]
    public void Headings_in_another_case_give_the_canonical_place()
    {
        var head = _repo.Write(UnreleasedPath, "# Unreleased\n\n## public\n\n### fixed\n\n- " + Earlier + "\n- Exports no longer time out.\n").Commit("Lower-case headings");

        var result = MergeRequestChecker.Check(Request(head));

        Assert.Equal(["Public > Fixed"], result.AddedEntries.Select(entry => entry.Place).ToArray());
    }

    [Fact]
    public void A_binary_unreleased_file_at_base_has_no_entries_to_lose()
    {
        _repo.Checkout("main").Write(UnreleasedPath, "# Unreleased\n\0\0\n");
        var start = _repo.Commit("A broken file");
        var head = _repo.Branch("repair").Write(UnreleasedPath, Unreleased([Earlier])).Commit("Repair");

        var result = MergeRequestChecker.Check(Request(head, start));

        Assert.Equal(CheckOutcome.NotesUpdated, result.Outcome);
        Assert.Empty(result.RemovedEntries);
        Assert.Equal(["- " + Earlier], result.AddedEntries.Select(entry => entry.Content).ToArray());
    }

    // ---- A notes folder at the repository root -----------------------------------------------------------------

    [Fact]
    public void Notes_at_the_repository_root_are_read_and_named_without_a_folder()
    {
        var (start, _) = RootNotes();
        var head = _repo.Branch("root-note").Write("unreleased.md", Unreleased([Earlier, "Exports no longer time out."])).Write("src/App.cs", "class App { int A; }\n").Commit("Note");

        var result = MergeRequestChecker.Check(Request(head, start) with { Folder = "." });

        Assert.Equal(CheckOutcome.NotesUpdated, result.Outcome);
        Assert.Equal(string.Empty, result.Folder);
        Assert.Equal("check passed (notes updated): unreleased.md adds or changes 1 entry and lints clean.", result.Summary);
        Assert.Equal([new CheckedEntry("unreleased.md", 10, "Public > Fixed", "- Exports no longer time out.")], result.AddedEntries.ToArray());
        Assert.Equal(["src/App.cs"], result.RelevantPaths.ToArray());
    }

    [Fact]
    public void A_release_at_the_repository_root_is_a_release_and_the_root_configuration_applies()
    {
        var (start, _) = RootNotes();
        var head = _repo.Branch("root-release")
            .Write("unreleased.md", Unreleased([]))
            .Write("1.1.0.md", Published("1.1.0", Earlier))
            .Write("docs/guide.md", "A guide\n")
            .Commit("Release 1.1.0");

        var result = MergeRequestChecker.Check(Request(head, start) with { Folder = "./" });

        Assert.Equal(CheckOutcome.Released, result.Outcome);
        Assert.Equal("check passed (release): this merge request publishes 1.1.0 (1.1.0.md), moving 1 pending entry out of unreleased.md.", result.Summary);
        Assert.Equal([new CheckedEntry("unreleased.md", 9, "Public > Fixed", "- " + Earlier)], result.PublishedEntries.ToArray());
        Assert.Empty(result.RelevantPaths);
    }

    [Fact]
    public void A_published_file_changed_at_the_repository_root_is_history()
    {
        var (start, _) = RootNotes();
        var head = _repo.Branch("root-history").Write("1.0.0.md", Published("1.0.0", "Reworded.")).Commit("Reword");

        var result = MergeRequestChecker.Check(Request(head, start) with { Folder = string.Empty });

        Assert.Equal(CheckOutcome.PublishedHistoryChanged, result.Outcome);
        Assert.Equal(["1.0.0.md is modified"], result.ChangedPublishedFiles.Select(change => change.ToString()).ToArray());
        Assert.Equal(("1.0.0.md", 1), (result.Findings[0].File, result.Findings[0].Line));
    }

    /// <summary>Moves the notes to the repository root on main, with a root <c>config.json</c> that ignores docs.</summary>
    private (string Start, string Main) RootNotes()
    {
        _repo.Checkout("main")
            .Move(UnreleasedPath, "unreleased.md")
            .Move("release-notes/1.0.0.md", "1.0.0.md")
            .Write("config.json", """{ "ignore": ["docs/**"] }""");
        var start = _repo.Commit("Notes at the root");
        return (start, "main");
    }

    private CheckRequest Request(string head, string? start = null) =>
        new(_repo.Path, new RevisionChoice(start ?? _base, DiffBase), new RevisionChoice(head, "CI_COMMIT_SHA"));

    /// <summary>An <c>unreleased.md</c> with Public/Fixed entries, and Internal/Added entries behind flag <c>new-editor</c>.</summary>
    private static string Unreleased(string[] publicFixed, string[]? flagged = null)
    {
        var text = "# Unreleased\n\n## Public\n\n### Added\n\n### Fixed\n\n";
        text += string.Concat(publicFixed.Select(entry => $"- {entry}\n"));
        text += publicFixed.Length > 0 ? "\n## Internal\n\n### Added\n" : "## Internal\n\n### Added\n";
        if (flagged is { Length: > 0 })
        {
            text += "\n#### Flag: `new-editor`\n\n" + string.Concat(flagged.Select(entry => $"- {entry}\n"));
        }

        return text;
    }

    private static string Published(string version, params string[] publicFixed) =>
        $"# {version} - 2026-11-20\n\n## Public\n\n### Fixed\n\n" + string.Concat(publicFixed.Select(entry => $"- {entry}\n"));
}
