using System.Text;
using System.Text.Json;
using System.Xml.Linq;

namespace BfReleaseNotes.Cli.Tests.Check;

/// <summary>
/// Every outcome of <c>bf-release-notes check</c>, each on a real repository built with LibGit2Sharp and run
/// through the real CLI entry point with GitLab's merge-request variables.
/// </summary>
public sealed class CheckCommandTests : IDisposable
{
    private const string EarlierEntry = "Search no longer ignores accented letters. [#10]";
    private static readonly string[] Severities = ["info", "minor", "major", "critical", "blocker"];
    private readonly GitTestRepository _repo;
    private readonly string _base;

    public CheckCommandTests()
    {
        _repo = GitTestRepository.StartedProject(Notes.Unreleased([EarlierEntry]), Notes.Published("1.0.0", ["The first fix."]), out _base);
    }

    public void Dispose() => _repo.Dispose();

    [Fact]
    public void Notes_updated_with_a_valid_entry_passes()
    {
        _repo.Write("src/App.cs", "class App { int Export; }\n")
            .Write(Notes.UnreleasedPath, Notes.Unreleased([EarlierEntry, "Exports of large projects no longer time out."]));
        var head = _repo.Commit("Fix export timeouts");

        var run = Check(MergeRequest(_base, head));

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("check passed (notes updated): release-notes/unreleased.md adds or changes 1 entry and lints clean.", run.Out, StringComparison.Ordinal);
        Assert.Contains("Public > Fixed): - Exports of large projects no longer time out.", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Code_changes_without_notes_fail_and_show_the_add_command_and_the_opt_out_syntax()
    {
        _repo.Write("src/App.cs", "class App { int Export; }\n");
        var head = _repo.Commit("Fix export timeouts");

        var run = Check(MergeRequest(_base, head));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("check failed (notes not updated)", run.Out, StringComparison.Ordinal);
        Assert.Contains("such as src/App.cs", run.Out, StringComparison.Ordinal);
        Assert.Contains("bf-release-notes add --section public --type fixed", run.Out, StringComparison.Ordinal);
        Assert.Contains("'release-notes::none'", run.Out, StringComparison.Ordinal);
        Assert.Contains("Release-Notes: none - <reason>", run.Out, StringComparison.Ordinal);
        Assert.Contains("in the description or in a commit message.", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void The_opt_out_label_passes_among_labels_with_spaces_and_other_scoped_labels()
    {
        _repo.Write("src/App.cs", "class App { int Refactored; }\n");
        var head = _repo.Commit("Refactor");
        var environment = MergeRequest(_base, head);
        environment["CI_MERGE_REQUEST_LABELS"] = "needs review,type::refactoring, release-notes::none ,Priority High";

        var run = Check(environment);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("check passed (opted out): the label 'release-notes::none' says this merge request needs no release notes.", run.Out, StringComparison.Ordinal);
        Assert.Contains("opt-out: label (release-notes::none)", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Another_value_of_the_scoped_label_is_not_an_opt_out()
    {
        _repo.Write("src/App.cs", "class App { int Refactored; }\n");
        var head = _repo.Commit("Refactor");
        var environment = MergeRequest(_base, head);
        environment["CI_MERGE_REQUEST_LABELS"] = "release-notes::edit,release-notes::none-later,release notes::none";

        var run = Check(environment);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("check failed (notes not updated)", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_configured_label_with_spaces_opts_out()
    {
        _repo.Checkout("main").Write("release-notes/config.json", """{ "labels": { "none": "No Release Notes" } }""");
        var start = _repo.Commit("Configure the labels");
        _repo.Branch("labelled").Write("src/App.cs", "class App { int Refactored; }\n");
        var head = _repo.Commit("Refactor");
        var environment = MergeRequest(start, head);
        environment["CI_MERGE_REQUEST_LABELS"] = "bug,No Release Notes";

        var run = Check(environment);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("the label 'No Release Notes' says", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void An_opt_out_line_with_a_reason_in_the_description_passes_and_prints_the_reason()
    {
        _repo.Write("src/App.cs", "class App { int Refactored; }\n");
        var head = _repo.Commit("Refactor");
        var environment = MergeRequest(_base, head);
        environment["CI_MERGE_REQUEST_DESCRIPTION"] = "Moves code around.\r\n\r\nRelease-Notes: none - internal refactoring, no behaviour change\r\n";

        var run = Check(environment);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("check passed (opted out): the merge-request description says 'Release-Notes: none - internal refactoring, no behaviour change'.", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void An_opt_out_line_without_a_reason_does_not_pass_and_says_why()
    {
        _repo.Write("src/App.cs", "class App { int Refactored; }\n");
        var head = _repo.Commit("Refactor");

        var run = Check(MergeRequest(_base, head), "--description", "Release-Notes: none");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("The description's line 'Release-Notes: none' gives no reason, which does not opt out", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void An_opt_out_line_in_a_commit_message_of_the_range_passes_and_names_the_commit()
    {
        _repo.Write("src/App.cs", "class App { int Refactored; }\n");
        _repo.Commit("Refactor the app\n\nRelease-Notes: none - tests only\n");
        _repo.Write("src/Other.cs", "class Other { }\n");
        var head = _repo.Commit("Add another class");

        var run = Check(MergeRequest(_base, head));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("\"Refactor the app\" says 'Release-Notes: none - tests only'", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_description_is_named_when_an_opt_out_may_have_been_cut_off()
    {
        _repo.Write("src/App.cs", "class App { int Refactored; }\n");
        var head = _repo.Commit("Refactor");
        var environment = MergeRequest(_base, head);
        environment["CI_MERGE_REQUEST_DESCRIPTION"] = new string('x', 2700);
        environment["CI_MERGE_REQUEST_DESCRIPTION_IS_TRUNCATED"] = "true";

        var run = Check(environment);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("GitLab cut the merge-request description at 2,700 characters", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Changes_that_all_match_the_ignore_patterns_pass_as_not_relevant()
    {
        _repo.Write("release-notes/config.json", """
            {
              // comments are allowed
              "ignore": ["docs/**", "*.txt", ".gitlab-ci.yml"]
            }
            """);
        _repo.Commit("Configure the check");
        var start = _repo.Head;
        _repo.Write("docs/guide/setup.md", "# Setup\n").Write("notes.txt", "todo\n").Write(".gitlab-ci.yml", "stages: []\n");
        var head = _repo.Commit("Document the setup");

        var run = Check(MergeRequest(start, head));

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("check passed (not relevant): every changed path (3) matches the ignore patterns of release-notes/config.json", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void One_relevant_path_among_ignored_ones_needs_notes()
    {
        _repo.Write("release-notes/config.json", """{ "ignore": ["docs/**"] }""").Write("docs/a.md", "a\n").Write("src/App.cs", "class App { int X; }\n");
        var head = _repo.Commit("Docs and code");

        var run = Check(MergeRequest(_base, head));

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("check failed (configuration changed): this merge request changes the check's rules in release-notes/config.json (\"ignore\" adds 'docs/**')", run.Out, StringComparison.Ordinal);
        Assert.Contains("changes 3 files that need release notes (such as docs/a.md)", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_merge_request_cannot_exempt_itself_by_ignoring_everything()
    {
        _repo.Write("release-notes/config.json", """{ "ignore": ["**"] }""").Write("src/App.cs", "class App { int X; }\n");
        var head = _repo.Commit("Ignore everything");

        var run = Check(MergeRequest(_base, head));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("check failed (configuration changed)", run.Out, StringComparison.Ordinal);
        Assert.Contains("changes 2 files that need release notes (such as release-notes/config.json)", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_configuration_at_base_cannot_decide_and_names_the_line_and_column_in_the_reports()
    {
        _repo.Checkout("main").Write("release-notes/config.json", "{\n  \"ignore\": [\"docs/**\"],\n  \"ignored\": []\n}\n");
        var start = _repo.Commit("Misspell a key");
        _repo.Branch("code").Write("src/App.cs", "class App { int X; }\n");
        var head = _repo.Commit("Code");

        var run = Check(MergeRequest(start, head), "--report-codequality", "cq.json");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("error: cannot decide: the check's configuration at base", run.Error, StringComparison.Ordinal);
        Assert.Contains("is not valid: release-notes/config.json:3:", run.Error, StringComparison.Ordinal);
        Assert.Contains("ignored", run.Error, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(_repo.Path, "cq.json")));
        var location = json.RootElement[0].GetProperty("location");
        Assert.Equal("release-notes/config.json", location.GetProperty("path").GetString());
        Assert.Equal(3, location.GetProperty("lines").GetProperty("begin").GetInt32());
    }

    [Fact]
    public void A_bad_configuration_at_head_fails_as_a_configuration_change_at_its_line()
    {
        _repo.Write("release-notes/config.json", "{\n  \"ignore\": [\"docs/**\"],\n  \"ignored\": []\n}\n").Write("src/App.cs", "class App { int X; }\n");
        var head = _repo.Commit("Misspell a key");

        var run = Check(MergeRequest(_base, head), "--format", "json");

        Assert.Equal(1, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        var finding = json.RootElement.GetProperty("findings").EnumerateArray().Single(item => item.GetProperty("outcome").GetString() == "configuration-changed");
        Assert.Equal("release-notes/config.json", finding.GetProperty("file").GetString());
        Assert.Equal(3, finding.GetProperty("line").GetInt32());
        Assert.Contains("is not valid (release-notes/config.json:3:", finding.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_notes_fail_with_diagnostics_of_the_head_version()
    {
        var broken = Notes.Unreleased([EarlierEntry]).Replace("### Fixed", "### Fixd", StringComparison.Ordinal) + "\n- Stray entry.\n";
        _repo.Write(Notes.UnreleasedPath, broken).Write("src/App.cs", "class App { int X; }\n");
        var head = _repo.Commit("Add a note in the wrong place");

        var run = Check(MergeRequest(_base, head));

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("check failed (notes invalid): release-notes/unreleased.md at head has", run.Out, StringComparison.Ordinal);
        Assert.Contains("release-notes/unreleased.md:7:1: error BFRN102", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Removing_a_pending_entry_it_did_not_add_fails_and_lists_it()
    {
        // The classic bad conflict resolution: the MR's entry replaced someone else's.
        _repo.Write(Notes.UnreleasedPath, Notes.Unreleased(["Exports no longer time out."])).Write("src/App.cs", "class App { int X; }\n");
        var head = _repo.Commit("Fix exports");

        var run = Check(MergeRequest(_base, head));

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("check failed (pending entries removed): this merge request removes or rewrites 1 pending entry of release-notes/unreleased.md that it did not add", run.Out, StringComparison.Ordinal);
        Assert.Contains($"- removed release-notes/unreleased.md:9 at base (Public > Fixed): - {EarlierEntry}", run.Out, StringComparison.Ordinal);
        Assert.Contains("'release-notes::edit'", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Removing_a_pending_entry_passes_with_the_edit_label()
    {
        _repo.Write(Notes.UnreleasedPath, Notes.Unreleased(["Exports no longer time out."])).Write("src/App.cs", "class App { int X; }\n");
        var head = _repo.Commit("Fix exports, drop an obsolete note");
        var environment = MergeRequest(_base, head);
        environment["CI_MERGE_REQUEST_LABELS"] = "release-notes::edit";

        var run = Check(environment);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("check passed (notes updated)", run.Out, StringComparison.Ordinal);
        Assert.Contains("The label 'release-notes::edit' allows this merge request to remove 1 pending entry", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Removing_an_entry_the_range_itself_added_is_not_a_removal()
    {
        _repo.Write(Notes.UnreleasedPath, Notes.Unreleased([EarlierEntry, "First wording."])).Write("src/App.cs", "class App { int X; }\n");
        _repo.Commit("Fix exports");
        _repo.Write(Notes.UnreleasedPath, Notes.Unreleased([EarlierEntry, "Better wording."]));
        var head = _repo.Commit("Reword the note");

        var run = Check(MergeRequest(_base, head));

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain("removed", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_graduated_entry_moved_to_another_section_is_not_removed()
    {
        _repo.Checkout("main").Write(Notes.UnreleasedPath, Notes.Unreleased([EarlierEntry], ["The new editor saves drafts."]));
        var start = _repo.Commit("Note the editor behind its flag");
        _repo.Branch("graduate").Write(Notes.UnreleasedPath, Notes.Unreleased([EarlierEntry, "The new editor saves drafts."]));
        var head = _repo.Commit("Graduate new-editor");

        var run = Check(MergeRequest(start, head));

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain("removed", run.Out, StringComparison.Ordinal);
        Assert.StartsWith("check passed (not relevant): the range changes only release-notes files", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void The_promotion_merge_request_passes_as_a_release_of_that_version()
    {
        _repo.Checkout("main").Write(Notes.UnreleasedPath, Notes.Unreleased([EarlierEntry], ["The new editor saves drafts."]));
        var start = _repo.Commit("Note the editor behind its flag");
        _repo.Branch("release").Write("release-notes/1.1.0.md", Notes.Published("1.1.0", [EarlierEntry]))
            .Write(Notes.UnreleasedPath, Notes.Unreleased([], ["The new editor saves drafts."]));
        var head = _repo.Commit("Release 1.1.0");

        var run = Check(MergeRequest(start, head));

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("check passed (release): this merge request publishes 1.1.0 (release-notes/1.1.0.md), moving 1 pending entry out of release-notes/unreleased.md.", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("removed", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Changing_a_published_release_file_fails()
    {
        _repo.Write("release-notes/1.0.0.md", Notes.Published("1.0.0", ["The first fix, reworded."]));
        var head = _repo.Commit("Reword history");

        var run = Check(MergeRequest(_base, head));

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("check failed (published history changed): release-notes/1.0.0.md is modified; published releases must not change", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Deleting_a_published_release_file_fails_unless_the_edit_label_allows_it()
    {
        _repo.Delete("release-notes/1.0.0.md");
        var head = _repo.Commit("Drop old history");
        var environment = MergeRequest(_base, head);

        var failed = Check(environment);
        environment["CI_MERGE_REQUEST_LABELS"] = "release-notes::edit";
        var allowed = Check(environment);

        Assert.Equal(1, failed.ExitCode);
        Assert.Contains("release-notes/1.0.0.md is deleted", failed.Out, StringComparison.Ordinal);
        Assert.Equal(0, allowed.ExitCode);
    }

    [Fact]
    public void Several_failures_are_all_reported()
    {
        _repo.Write(Notes.UnreleasedPath, Notes.Unreleased([])).Write("release-notes/1.0.0.md", Notes.Published("1.0.0", ["Changed."])).Write("src/App.cs", "class App { int X; }\n");
        var head = _repo.Commit("Everything wrong at once");

        var run = Check(MergeRequest(_base, head), "--format", "json");

        Assert.Equal(1, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal("pending-entries-removed", json.RootElement.GetProperty("outcome").GetString());
        Assert.Equal(["pending-entries-removed", "published-history-changed", "notes-not-updated"], json.RootElement.GetProperty("failures").EnumerateArray().Select(item => item.GetString()));
    }

    [Fact]
    public void A_renamed_unreleased_file_fails_and_says_to_rename_it_back()
    {
        _repo.Move(Notes.UnreleasedPath, "release-notes/pending.md");
        var head = _repo.Commit("Rename the notes");

        var run = Check(MergeRequest(_base, head));

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("check failed (notes invalid): release-notes/unreleased.md is renamed to release-notes/pending.md in this range, but every tool reads release-notes/unreleased.md: rename it back.", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_deleted_unreleased_file_fails_and_says_how_to_restore_it()
    {
        _repo.Delete(Notes.UnreleasedPath).Write("src/App.cs", "class App { int X; }\n");
        var head = _repo.Commit("Delete the notes");

        var run = Check(MergeRequest(_base, head));

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith($"check failed (notes invalid): release-notes/unreleased.md is deleted in this range: restore it (`git checkout {_base[..8]} -- release-notes/unreleased.md`).", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_promoted_entry_written_with_another_bullet_and_without_trailing_spaces_still_counts_as_moved()
    {
        _repo.Checkout("main").Write(Notes.UnreleasedPath, Notes.Unreleased(["Trailing spaces here.  ", "Wrapped  \n  line."]));
        var start = _repo.Commit("Entries with trailing spaces");
        _repo.Branch("release").Write(Notes.UnreleasedPath, Notes.Unreleased([]))
            .Write("release-notes/1.1.0.md", Notes.Published("1.1.0", ["Trailing spaces here.", "Wrapped\n  line."]).Replace("- Trailing", "* Trailing", StringComparison.Ordinal));
        var head = _repo.Commit("Release 1.1.0");

        var run = Check(MergeRequest(start, head));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("moving 2 pending entries out of", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_renamed_to_unreleased_md_counts_its_entries_as_added()
    {
        _repo.Delete(Notes.UnreleasedPath).Write("release-notes/draft.md", Notes.Unreleased(["Drafted elsewhere."]));
        _repo.Commit("Draft notes elsewhere");
        var start = _repo.Head;
        _repo.Move("release-notes/draft.md", Notes.UnreleasedPath);
        var head = _repo.Commit("Put the draft in place");

        var run = Check(MergeRequest(start, head));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("check passed (notes updated)", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Crlf_files_are_checked_and_entries_published_with_lf_are_not_removed()
    {
        _repo.Checkout("main").Write(Notes.UnreleasedPath, Notes.Unreleased([EarlierEntry, "Second line\r\n  wraps here."], eol: "\r\n"));
        var start = _repo.Commit("Use CRLF");
        _repo.Branch("crlf").Write(Notes.UnreleasedPath, Notes.Unreleased([EarlierEntry, "Second line\r\n  wraps here.", "Added with CRLF."], eol: "\r\n"));
        var added = _repo.Commit("Add a CRLF entry");
        _repo.Write(Notes.UnreleasedPath, Notes.Unreleased([], eol: "\r\n"))
            .Write("release-notes/1.1.0.md", Notes.Published("1.1.0", [EarlierEntry, "Second line\n  wraps here.", "Added with CRLF."]));
        var promoted = _repo.Commit("Release 1.1.0 with LF");

        var addRun = Check(MergeRequest(start, added));
        var promoteRun = Check(MergeRequest(added, promoted));

        Assert.Equal(0, addRun.ExitCode);
        Assert.Contains("adds or changes 1 entry and lints clean", addRun.Out, StringComparison.Ordinal);
        Assert.Equal(0, promoteRun.ExitCode);
        Assert.Contains("moving 3 pending entries out of", promoteRun.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void The_check_reads_the_head_commit_not_the_working_tree()
    {
        _repo.Write("src/App.cs", "class App { int X; }\n");
        var head = _repo.Commit("Code only");
        _repo.Write(Notes.UnreleasedPath, Notes.Unreleased([EarlierEntry, "Written but never committed."]));

        var run = Check(MergeRequest(_base, head));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("check failed (notes not updated)", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_range_passes_as_not_relevant()
    {
        var run = Check(MergeRequest(_base, _base));

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("check passed (not relevant): the range changes no file", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Merge_commits_inside_the_range_do_not_count_the_target_branch_changes()
    {
        _repo.Checkout("main").Write(Notes.UnreleasedPath, Notes.Unreleased([EarlierEntry, "Another MR's fix."])).Write("src/Other.cs", "class Other { }\n");
        _repo.Commit("Another MR");
        _repo.Checkout("feature").Write("src/App.cs", "class App { int X; }\n");
        _repo.Commit("Feature work");
        _repo.Merge("main");
        _repo.Write(Notes.UnreleasedPath, Notes.Unreleased([EarlierEntry, "Another MR's fix.", "The feature's fix."]));
        var head = _repo.Commit("Note the feature");
        _repo.Publish("main");
        var environment = new Dictionary<string, string> { ["CI_COMMIT_SHA"] = head, ["CI_MERGE_REQUEST_TARGET_BRANCH_NAME"] = "main" };

        var run = Check(environment, "--format", "json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        var added = json.RootElement.GetProperty("addedEntries").EnumerateArray().Select(entry => entry.GetProperty("content").GetString()).ToList();
        Assert.Equal(["- The feature's fix."], added);
        Assert.Equal(["src/App.cs", "release-notes/unreleased.md"], json.RootElement.GetProperty("changedPaths").EnumerateArray().Select(path => path.GetString()).Order(StringComparer.Ordinal).Reverse());
    }

    [Fact]
    public void A_merge_request_whose_base_moved_on_is_compared_with_its_merge_base()
    {
        // The MR starts at _base; then main publishes 1.1.0 (removing the pending entry) and gains another entry.
        _repo.Write("src/App.cs", "class App { int X; }\n").Write(Notes.UnreleasedPath, Notes.Unreleased([EarlierEntry, "The feature's fix."]));
        var head = _repo.Commit("Feature with its note");
        _repo.Checkout("main").Write(Notes.UnreleasedPath, Notes.Unreleased(["Another MR's fix."]))
            .Write("release-notes/1.1.0.md", Notes.Published("1.1.0", [EarlierEntry]));
        _repo.Commit("Release 1.1.0, then another MR");
        _repo.Publish("main");

        var byDiffBase = Check(MergeRequest(_base, head));
        var byTargetBranch = Check(new Dictionary<string, string> { ["CI_COMMIT_SHA"] = head, ["CI_MERGE_REQUEST_TARGET_BRANCH_NAME"] = "main" });
        var byExplicitBase = Check(null, "--base", "origin/main", "--head", head);

        foreach (var run in new[] { byDiffBase, byTargetBranch, byExplicitBase })
        {
            Assert.Equal(0, run.ExitCode);
            Assert.StartsWith("check passed (notes updated): release-notes/unreleased.md adds or changes 1 entry", run.Out, StringComparison.Ordinal);
            Assert.DoesNotContain("removed", run.Out, StringComparison.Ordinal);
        }

        Assert.Contains("is not an ancestor of head, so head was compared with their merge base", byExplicitBase.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_merged_result_pipeline_compares_the_merge_commit_with_the_target_branch_commit()
    {
        _repo.Write("src/App.cs", "class App { int X; }\n");
        _repo.Commit("Feature without a note");
        _repo.Checkout("main").Write(Notes.UnreleasedPath, Notes.Unreleased(["Another MR's fix."]))
            .Write("release-notes/1.1.0.md", Notes.Published("1.1.0", [EarlierEntry]));
        var target = _repo.Commit("Release 1.1.0, then another MR");
        var merged = _repo.MergedResult("main", "feature");
        var environment = new Dictionary<string, string>
        {
            ["CI_MERGE_REQUEST_EVENT_TYPE"] = "merged_result",
            ["CI_COMMIT_SHA"] = merged,
            ["CI_MERGE_REQUEST_TARGET_BRANCH_SHA"] = target,
            ["CI_MERGE_REQUEST_DIFF_BASE_SHA"] = _base,
        };

        var run = Check(environment, "--format", "json");

        Assert.Equal(1, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal("notes-not-updated", json.RootElement.GetProperty("outcome").GetString());
        Assert.Equal(["src/App.cs"], json.RootElement.GetProperty("changedPaths").EnumerateArray().Select(path => path.GetString()));
        Assert.Equal("CI_MERGE_REQUEST_TARGET_BRANCH_SHA", json.RootElement.GetProperty("range").GetProperty("baseSource").GetString());
    }

    [Fact]
    public void A_shallow_clone_without_the_base_cannot_decide_and_says_how_to_fix_it()
    {
        _repo.Write("src/App.cs", "class App { int A; }\n");
        var first = _repo.Commit("One");
        _repo.Write("src/App.cs", "class App { int B; }\n");
        _repo.Commit("Two");
        _repo.Write("src/App.cs", "class App { int C; }\n").Write(Notes.UnreleasedPath, Notes.Unreleased([EarlierEntry, "A note."]));
        var head = _repo.Commit("Three");
        // Depth 3: the clone holds One, Two and Three; the base (_base) is not in it.
        var clone = _repo.ShallowCopy(first, _base);

        var withDepth = CheckRun.In(clone, new Dictionary<string, string>(MergeRequest(_base, head)) { ["GIT_DEPTH"] = "3" });
        var withoutDepth = CheckRun.In(clone, MergeRequest(_base, head));

        Assert.Equal(2, withDepth.ExitCode);
        Assert.Contains($"error: cannot decide: the base commit '{_base}' (from CI_MERGE_REQUEST_DIFF_BASE_SHA) is not in this clone, which is shallow (GIT_DEPTH 3)", withDepth.Error, StringComparison.Ordinal);
        Assert.Contains("set `GIT_DEPTH: 0` in the job's variables", withDepth.Error, StringComparison.Ordinal);
        Assert.Equal(2, withoutDepth.ExitCode);
        Assert.Contains("which is shallow (depth 3)", withoutDepth.Error, StringComparison.Ordinal);
        Assert.Empty(withDepth.Out);
    }

    [Fact]
    public void A_shallow_clone_whose_history_does_not_reach_the_base_cannot_decide()
    {
        _repo.Write("src/App.cs", "class App { int A; }\n");
        _repo.Commit("One");
        _repo.Write("src/App.cs", "class App { int B; }\n").Write(Notes.UnreleasedPath, Notes.Unreleased([EarlierEntry, "A note."]));
        var head = _repo.Commit("Two");
        // The base commit was fetched (e.g. the target branch at depth 1) but the MR's history is cut above it.
        var clone = _repo.ShallowCopy(head);

        var run = CheckRun.In(clone, MergeRequest(_base, head));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("is cut off in this shallow clone", run.Error, StringComparison.Ordinal);
        Assert.Contains("GIT_DEPTH: 0", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Outside_a_repository_the_check_cannot_decide()
    {
        var folder = Path.Combine(Path.GetTempPath(), "bfrn-no-repo-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var run = CheckRun.In(folder, null, "--base", "main");

            Assert.Equal(2, run.ExitCode);
            Assert.Contains("is not inside a git repository; run the check in the clone of the project or pass --repo PATH", run.Error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void An_unknown_target_branch_cannot_decide_and_says_to_fetch_it()
    {
        var run = Check(new Dictionary<string, string> { ["CI_MERGE_REQUEST_TARGET_BRANCH_NAME"] = "develop" });

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("the base revision 'origin/develop' (from CI_MERGE_REQUEST_TARGET_BRANCH_NAME) names no commit in this repository; fetch it (`git fetch origin develop`)", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_variables_head_is_HEAD_and_base_is_the_merge_base_with_origin_main()
    {
        _repo.Write("src/App.cs", "class App { int X; }\n");
        _repo.Commit("Code");
        _repo.Checkout("main").Publish("main").Checkout("feature");

        var run = Check(null, "--format", "json");

        Assert.Equal(1, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal("origin/main", json.RootElement.GetProperty("range").GetProperty("base").GetString());
        Assert.Equal("HEAD", json.RootElement.GetProperty("range").GetProperty("head").GetString());
        Assert.Equal(_base, json.RootElement.GetProperty("range").GetProperty("mergeBase").GetString());
    }

    [Fact]
    public void The_reports_are_a_code_quality_array_and_a_junit_file()
    {
        _repo.Write(Notes.UnreleasedPath, Notes.Unreleased(["Exports no longer time out."]) + "\n##### Too deep\n").Write("src/App.cs", "class App { int X; }\n");
        var head = _repo.Commit("Broken notes");
        var codeQuality = Path.Combine(_repo.Path, "out", "gl-code-quality.json");
        var junit = Path.Combine(_repo.Path, "out", "junit.xml");

        var run = Check(MergeRequest(_base, head), "--report-codequality", "out/gl-code-quality.json", "--report-junit", "out/junit.xml");
        var firstReport = File.ReadAllBytes(codeQuality);
        Check(MergeRequest(_base, head), "--report-codequality", "out/gl-code-quality.json");

        Assert.Equal(1, run.ExitCode);
        Assert.False(firstReport.AsSpan().StartsWith(Encoding.UTF8.Preamble));
        Assert.Equal(firstReport, File.ReadAllBytes(codeQuality));
        using var json = JsonDocument.Parse(firstReport);
        Assert.Equal(JsonValueKind.Array, json.RootElement.ValueKind);
        var findings = json.RootElement.EnumerateArray().ToList();
        Assert.Contains(findings, finding => finding.GetProperty("check_name").GetString() == "release-notes-pending-entry-removed");
        Assert.Contains(findings, finding => finding.GetProperty("check_name").GetString()!.StartsWith("BFRN", StringComparison.Ordinal));
        foreach (var finding in findings)
        {
            Assert.False(string.IsNullOrEmpty(finding.GetProperty("description").GetString()));
            Assert.Contains(finding.GetProperty("severity").GetString(), Severities);
            Assert.Equal("release-notes/unreleased.md", finding.GetProperty("location").GetProperty("path").GetString());
            Assert.True(finding.GetProperty("location").GetProperty("lines").GetProperty("begin").GetInt32() >= 1);
        }

        Assert.Equal(findings.Count, findings.Select(finding => finding.GetProperty("fingerprint").GetString()).Distinct().Count());
        var suite = XDocument.Load(junit).Root!.Element("testsuite")!;
        Assert.Equal("6", suite.Attribute("tests")!.Value);
        Assert.Equal("2", suite.Attribute("failures")!.Value);
        Assert.Contains(suite.Elements("testcase"), testCase => testCase.Attribute("name")!.Value == "no pending entry is removed" && testCase.Element("failure") is not null);
    }

    [Fact]
    public void A_pass_writes_an_empty_code_quality_report_and_cannot_decide_writes_an_error()
    {
        _repo.Write("src/App.cs", "class App { int X; }\n").Write(Notes.UnreleasedPath, Notes.Unreleased([EarlierEntry, "A note."]));
        var head = _repo.Commit("Fix");

        var passed = Check(MergeRequest(_base, head), "--report-codequality", "cq.json");
        var passedReport = File.ReadAllText(Path.Combine(_repo.Path, "cq.json"));
        var undecided = Check(MergeRequest("0123456789abcdef0123456789abcdef01234567", head), "--report-junit", "junit.xml");

        Assert.Equal(0, passed.ExitCode);
        Assert.Equal("[]", passedReport);
        Assert.Equal(2, undecided.ExitCode);
        var suite = XDocument.Load(Path.Combine(_repo.Path, "junit.xml")).Root!.Element("testsuite")!;
        Assert.Equal("1", suite.Attribute("errors")!.Value);
        Assert.Contains("is not in this repository", suite.Element("testcase")!.Element("error")!.Attribute("message")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void A_re_run_replaces_its_own_earlier_reports_but_never_somebody_elses_file_without_force()
    {
        _repo.Write("src/App.cs", "class App { int X; }\n");
        var withoutNotes = _repo.Commit("Code without notes");
        var failed = Check(MergeRequest(_base, withoutNotes), "--report-codequality", "cq.json", "--report-junit", "junit.xml");
        _repo.Write(Notes.UnreleasedPath, Notes.Unreleased([EarlierEntry, "A note."]));
        var withNotes = _repo.Commit("Notes");

        // The same job re-run in the same build folder (GIT_CLEAN_FLAGS: none, a shell runner, a developer's clone).
        var passed = Check(MergeRequest(_base, withNotes), "--report-codequality", "cq.json", "--report-junit", "junit.xml");

        Assert.Equal((1, 0), (failed.ExitCode, passed.ExitCode));
        Assert.Equal("[]", File.ReadAllText(Path.Combine(_repo.Path, "cq.json")));
        Assert.Equal("0", XDocument.Load(Path.Combine(_repo.Path, "junit.xml")).Root!.Element("testsuite")!.Attribute("failures")!.Value);

        // Another tool's reports at the same paths stay, unless --force.
        File.WriteAllText(Path.Combine(_repo.Path, "cq.json"), "[{\"check_name\":\"eslint-no-unused\",\"fingerprint\":\"1\"}]");
        File.WriteAllText(Path.Combine(_repo.Path, "junit.xml"), "<testsuites><testsuite name=\"jest\"/></testsuites>");
        var foreignCodeQuality = Check(MergeRequest(_base, withoutNotes), "--report-codequality", "cq.json");
        var foreignJUnit = Check(MergeRequest(_base, withoutNotes), "--report-junit", "junit.xml");
        var forced = Check(MergeRequest(_base, withoutNotes), "--report-junit", "junit.xml", "--force");

        Assert.Equal((2, 2), (foreignCodeQuality.ExitCode, foreignJUnit.ExitCode));
        Assert.Contains($"--report-codequality '{Path.Combine(_repo.Path, "cq.json")}' already exists with other content", foreignCodeQuality.Error, StringComparison.Ordinal);
        Assert.Equal("[{\"check_name\":\"eslint-no-unused\",\"fingerprint\":\"1\"}]", File.ReadAllText(Path.Combine(_repo.Path, "cq.json")));
        Assert.Equal(1, forced.ExitCode);
        Assert.Equal("1", XDocument.Load(Path.Combine(_repo.Path, "junit.xml")).Root!.Element("testsuite")!.Attribute("failures")!.Value);
    }

    [Fact]
    public void A_merged_result_without_the_target_sha_is_compared_with_its_first_parent()
    {
        // The feature adds under Added; meanwhile main publishes 1.1.0, taking the Fixed entry: the merge is clean.
        var withAddition = Notes.Unreleased([EarlierEntry]).Replace("### Added\n\n", "### Added\n\n- The feature's addition.\n\n", StringComparison.Ordinal);
        _repo.Write("src/App.cs", "class App { int X; }\n").Write(Notes.UnreleasedPath, withAddition);
        _repo.Commit("Feature with a note");
        _repo.Checkout("main").Write(Notes.UnreleasedPath, Notes.Unreleased([]))
            .Write("release-notes/1.1.0.md", Notes.Published("1.1.0", [EarlierEntry]));
        _repo.Commit("Release 1.1.0");
        var merged = _repo.MergedResult("main", "feature");
        var environment = new Dictionary<string, string> { ["CI_MERGE_REQUEST_EVENT_TYPE"] = "merged_result", ["CI_COMMIT_SHA"] = merged };

        var run = Check(environment, "--format", "json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal("notes-updated", json.RootElement.GetProperty("outcome").GetString());
        Assert.Equal("the first parent of the merged-result commit", json.RootElement.GetProperty("range").GetProperty("baseSource").GetString());
        Assert.Empty(json.RootElement.GetProperty("removedEntries").EnumerateArray());
        Assert.Equal(["- The feature's addition."], json.RootElement.GetProperty("addedEntries").EnumerateArray().Select(entry => entry.GetProperty("content").GetString()));
    }

    [Fact]
    public void Another_folder_is_checked_with_dir_and_named_in_the_advice()
    {
        _repo.Write("changelog/unreleased.md", Notes.Unreleased([EarlierEntry]));
        var start = _repo.Commit("Keep notes in changelog/");
        _repo.Write("src/App.cs", "class App { int X; }\n");
        var withoutNote = _repo.Commit("Code");
        _repo.Write("changelog/unreleased.md", Notes.Unreleased([EarlierEntry, "A note."]));
        var withNote = _repo.Commit("Note");

        var failed = Check(MergeRequest(start, withoutNote), "--dir", "changelog");
        var passed = Check(MergeRequest(start, withNote), "--dir", "changelog");

        Assert.Equal(1, failed.ExitCode);
        Assert.Contains("adds no entry to changelog/unreleased.md; add one with `bf-release-notes add --dir changelog --section public", failed.Out, StringComparison.Ordinal);
        Assert.Equal(0, passed.ExitCode);
        Assert.StartsWith("check passed (notes updated): changelog/unreleased.md adds or changes 1 entry", passed.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void The_configured_folder_is_used_when_dir_is_not_given()
    {
        _repo.Write("release-notes/config.json", """{ "folder": "docs/notes" }""").Write("docs/notes/unreleased.md", Notes.Unreleased([EarlierEntry]));
        var start = _repo.Commit("Move the notes");
        _repo.Write("src/App.cs", "class App { int X; }\n").Write("docs/notes/unreleased.md", Notes.Unreleased([EarlierEntry, "A note."]));
        var head = _repo.Commit("Code with a note");

        var run = Check(MergeRequest(start, head));

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("check passed (notes updated): docs/notes/unreleased.md adds or changes 1 entry", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void The_description_can_come_from_a_file_and_options_win_over_variables()
    {
        _repo.Write("src/App.cs", "class App { int X; }\n");
        var head = _repo.Commit("Refactor");
        _repo.Write("description.md", "## What\n\nRelease-Notes: none - build scripts only\n");
        var environment = MergeRequest(_base, head);
        environment["CI_MERGE_REQUEST_DESCRIPTION"] = "No opt-out here.";
        environment["CI_MERGE_REQUEST_LABELS"] = "release-notes::none";

        var fromFile = Check(environment, "--description-file", "description.md", "--labels", "bug");
        var both = Check(environment, "--description-file", "description.md", "--description", "x");

        Assert.Equal(0, fromFile.ExitCode);
        Assert.Contains("'Release-Notes: none - build scripts only'", fromFile.Out, StringComparison.Ordinal);
        Assert.Equal(2, both.ExitCode);
        Assert.Contains("pass either --description or --description-file", both.Error, StringComparison.Ordinal);
        var missing = Check(environment, "--description-file", "nowhere.md");
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("the description file", missing.Error, StringComparison.Ordinal);
        Assert.Contains("nowhere.md' does not exist", missing.Error, StringComparison.Ordinal);
    }

    private CheckRun Check(IReadOnlyDictionary<string, string>? environment, params string[] arguments) => CheckRun.In(_repo.Path, environment, arguments);

    private static Dictionary<string, string> MergeRequest(string diffBase, string head) => new()
    {
        ["CI_MERGE_REQUEST_DIFF_BASE_SHA"] = diffBase,
        ["CI_COMMIT_SHA"] = head,
    };
}
