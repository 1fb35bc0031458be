using System.Text;
using System.Text.Json;
using System.Xml.Linq;

namespace BfReleaseNotes.Cli.Tests.Check;

/// <summary>
/// The false passes found by running the GitLab job under a real client (issue 10), each on a real repository
/// through the real CLI: merge trains, made-up or older published files, a moved notes folder, a merge request
/// that rewrites its own configuration, and hostile text in the reports.
/// </summary>
public sealed class CheckFalsePassTests : IDisposable
{
    private const string EarlierEntry = "Search no longer ignores accented letters. [#10]";
    private readonly GitTestRepository _repo;
    private readonly string _base;

    public CheckFalsePassTests()
    {
        _repo = GitTestRepository.StartedProject(Notes.Unreleased([EarlierEntry]), Notes.Published("1.0.0", ["The first fix."]), out _base);
    }

    public void Dispose() => _repo.Dispose();

    [Theory]
    [InlineData("merge_train")]
    [InlineData("merged_result")]
    [InlineData("detached")]
    public void A_merge_request_without_a_note_fails_when_the_target_gained_another_entry_whatever_the_event_type(string eventType)
    {
        _repo.Write("src/App.cs", "class App { int X; }\n");
        _repo.Commit("Feature without a note");
        _repo.Checkout("main").Write(Notes.UnreleasedPath, Notes.Unreleased([EarlierEntry, "Another MR's fix."]));
        var target = _repo.Commit("Another MR with its note");
        var merged = _repo.MergedResult("main", "feature");

        var run = CheckRun.In(_repo.Path, new Dictionary<string, string>
        {
            ["CI_MERGE_REQUEST_EVENT_TYPE"] = eventType,
            ["CI_COMMIT_SHA"] = merged,
            ["CI_MERGE_REQUEST_TARGET_BRANCH_SHA"] = target,
            ["CI_MERGE_REQUEST_DIFF_BASE_SHA"] = _base,
        }, "--format", "json");

        Assert.Equal(1, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal("notes-not-updated", json.RootElement.GetProperty("outcome").GetString());
        Assert.Empty(json.RootElement.GetProperty("addedEntries").EnumerateArray());
        Assert.Equal(target, json.RootElement.GetProperty("range").GetProperty("baseCommit").GetString());
        Assert.Equal("CI_MERGE_REQUEST_TARGET_BRANCH_SHA", json.RootElement.GetProperty("range").GetProperty("baseSource").GetString());
    }

    [Fact]
    public void A_merge_train_with_a_note_passes_with_only_its_own_entry()
    {
        _repo.Write("src/App.cs", "class App { int X; }\n").Write(Notes.UnreleasedPath, Notes.Unreleased([EarlierEntry, "This MR's fix."]));
        _repo.Commit("Feature with a note");
        _repo.Checkout("main").Write("src/Other.cs", "class Other { }\n");
        var target = _repo.Commit("Another MR");
        var merged = _repo.MergedResult("main", "feature");

        var run = CheckRun.In(_repo.Path, new Dictionary<string, string>
        {
            ["CI_MERGE_REQUEST_EVENT_TYPE"] = "merge_train",
            ["CI_COMMIT_SHA"] = merged,
            ["CI_MERGE_REQUEST_TARGET_BRANCH_SHA"] = target,
        });

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("check passed (notes updated): release-notes/unreleased.md adds or changes 1 entry", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_made_up_published_file_beside_code_fails_as_history()
    {
        _repo.Write("src/App.cs", "class App { int X; }\n").Write("release-notes/0.0.1.md", "# 0.0.1 - 2020-01-01\n");
        var head = _repo.Commit("Code and a made-up release");

        var run = Check(head, "--format", "json");

        Assert.Equal(1, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal("published-history-changed", json.RootElement.GetProperty("outcome").GetString());
        Assert.Contains("notes-not-updated", json.RootElement.GetProperty("failures").EnumerateArray().Select(item => item.GetString()));
        var change = json.RootElement.GetProperty("changedPublishedFiles").EnumerateArray().Single();
        Assert.Equal("release-notes/0.0.1.md", change.GetProperty("file").GetString());
        Assert.Equal("added", change.GetProperty("change").GetString());
        Assert.Empty(json.RootElement.GetProperty("addedPublishedFiles").EnumerateArray());
    }

    [Fact]
    public void Promoting_into_a_version_older_than_the_latest_fails()
    {
        _repo.Write("release-notes/0.9.5.md", Notes.Published("0.9.5", [EarlierEntry])).Write(Notes.UnreleasedPath, Notes.Unreleased([]));
        var head = _repo.Commit("Release an older version");

        var run = Check(head);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("release-notes/0.9.5.md is added (not a release: version 0.9.5 is not greater than 1.0.0, the latest published at base)", run.Out, StringComparison.Ordinal);
        Assert.Contains("check failed (pending entries removed)", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Moving_the_notes_folder_with_a_code_change_and_no_new_entry_fails()
    {
        _repo.Move(Notes.UnreleasedPath, "changelog/unreleased.md")
            .Move("release-notes/1.0.0.md", "changelog/1.0.0.md")
            .Write("release-notes/config.json", """{ "folder": "changelog" }""")
            .Write("src/App.cs", "class App { int X; }\n");
        var head = _repo.Commit("Move the notes and change code");

        var run = Check(head, "--format", "json");

        Assert.Equal(1, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal(
            ["published-history-changed", "configuration-changed", "notes-not-updated"],
            json.RootElement.GetProperty("failures").EnumerateArray().Select(item => item.GetString()));
        Assert.Empty(json.RootElement.GetProperty("addedEntries").EnumerateArray());
        Assert.Empty(json.RootElement.GetProperty("removedEntries").EnumerateArray());
        Assert.Equal("moved", json.RootElement.GetProperty("changedPublishedFiles")[0].GetProperty("change").GetString());
        Assert.Equal("changelog", json.RootElement.GetProperty("headFolder").GetString());
        Assert.Contains("\"folder\" '(default)' -> 'changelog'", json.RootElement.GetProperty("configurationChanges")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Moving_the_notes_folder_with_the_edit_label_and_a_new_entry_passes_with_only_that_entry()
    {
        _repo.Move(Notes.UnreleasedPath, "changelog/unreleased.md")
            .Move("release-notes/1.0.0.md", "changelog/1.0.0.md")
            .Write("release-notes/config.json", """{ "folder": "changelog" }""")
            .Write("changelog/unreleased.md", Notes.Unreleased([EarlierEntry, "The folder moved."]))
            .Write("src/App.cs", "class App { int X; }\n");
        var head = _repo.Commit("Move the notes");

        var run = Check(head, "--labels", "release-notes::edit");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("check passed (notes updated): changelog/unreleased.md adds or changes 1 entry", run.Out, StringComparison.Ordinal);
        Assert.Contains("changes these rules, which apply once merged", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_merge_request_that_redirects_the_folder_to_a_decoy_is_judged_by_the_base_configuration()
    {
        _repo.Write("release-notes/1.0.0.md", Notes.Published("1.0.0", ["The first fix, reworded."]))
            .Write(Notes.UnreleasedPath, Notes.Unreleased([]))
            .Write("src/App.cs", "class App { int X; }\n")
            .Write("release-notes/config.json", """{ "folder": "decoy" }""")
            .Write("decoy/unreleased.md", Notes.Unreleased(["A decoy entry."]));
        var head = _repo.Commit("Switch the check off");

        var run = Check(head, "--format", "json");

        Assert.Equal(1, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        var failures = json.RootElement.GetProperty("failures").EnumerateArray().Select(item => item.GetString()).ToList();
        Assert.Contains("pending-entries-removed", failures);
        Assert.Contains("published-history-changed", failures);
        Assert.Contains("configuration-changed", failures);
        Assert.Equal("release-notes", json.RootElement.GetProperty("folder").GetString());
    }

    [Fact]
    public void A_merge_request_cannot_redirect_the_opt_out_label_to_one_it_has()
    {
        _repo.Write("release-notes/config.json", """{ "labels": { "none": "bug" } }""").Write("src/App.cs", "class App { int X; }\n");
        var head = _repo.Commit("Rename the label");

        var run = Check(head, "--labels", "bug");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("check failed (configuration changed): this merge request changes the check's rules in release-notes/config.json (\"labels.none\" 'release-notes::none' -> 'bug')", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("opted out", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Control_characters_in_the_description_and_a_removed_entry_give_valid_reports_and_a_decision()
    {
        _repo.Write(Notes.UnreleasedPath, Notes.Unreleased(["Bold \u001B[1mclaim\u001B[0m."]));
        var start = _repo.Commit("An entry with an escape sequence");
        _repo.Branch("hostile").Write(Notes.UnreleasedPath, Notes.Unreleased([])).Write("src/App.cs", "class App { int X; }\n");
        var head = _repo.Commit("Remove it");
        var environment = new Dictionary<string, string>
        {
            ["CI_MERGE_REQUEST_DIFF_BASE_SHA"] = start,
            ["CI_COMMIT_SHA"] = head,
            ["CI_MERGE_REQUEST_DESCRIPTION"] = "Release-Notes: none\n\u001B]0;pwned\u0007\u0000",
        };

        var run = CheckRun.In(_repo.Path, environment, "--report-junit", "junit.xml", "--report-codequality", "cq.json");

        Assert.Equal(1, run.ExitCode);
        Assert.DoesNotContain('\u001B', run.All);
        Assert.Contains("\\x1b[1mclaim", run.Out, StringComparison.Ordinal);
        var junit = XDocument.Load(Path.Combine(_repo.Path, "junit.xml"));
        Assert.Contains(junit.Descendants("failure"), failure => failure.Value.Contains("\\x1b[1mclaim", StringComparison.Ordinal));
        using var codeQuality = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(_repo.Path, "cq.json")));
        Assert.Contains(codeQuality.RootElement.EnumerateArray(), finding => finding.GetProperty("description").GetString()!.Contains("gives no reason", StringComparison.Ordinal));
        Assert.DoesNotContain("\u001B"u8.ToArray()[0], File.ReadAllBytes(Path.Combine(_repo.Path, "cq.json")));
        Assert.True(Encoding.UTF8.GetString(File.ReadAllBytes(Path.Combine(_repo.Path, "junit.xml"))).Length > 0);
    }

    [Fact]
    public void A_library_user_can_add_a_step_whose_findings_fail_the_check()
    {
        _repo.Write("src/App.cs", "class App { int X; }\n").Write(Notes.UnreleasedPath, Notes.Unreleased([EarlierEntry], ["The editor saves drafts."]));
        var head = _repo.Commit("Code with a flagged note");
        var request = new BfReleaseNotes.Checks.CheckRequest(_repo.Path, new("main", "--base"), new(head, "--head"));

        var result = BfReleaseNotes.Checks.MergeRequestChecker.Check(request, evidence =>
            evidence.HeadEntries!.Value
                .Where(entry => entry.Place.EndsWith("flag new-editor", StringComparison.Ordinal))
                .Select(entry => new BfReleaseNotes.Checks.CheckFinding(BfReleaseNotes.Checks.CheckOutcome.NotesInvalid, "unknown feature flag 'new-editor'", entry.File, entry.Line) { CheckName = "release-notes-unknown-flag" }));

        Assert.False(result.Passed);
        Assert.Equal("unknown feature flag 'new-editor'", result.Summary);
        Assert.Equal("release-notes-unknown-flag", result.Findings.Single().CheckName);
    }

    private CheckRun Check(string head, params string[] arguments) =>
        CheckRun.In(_repo.Path, new Dictionary<string, string> { ["CI_MERGE_REQUEST_DIFF_BASE_SHA"] = _base, ["CI_COMMIT_SHA"] = head }, arguments);
}
