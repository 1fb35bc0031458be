using System.Collections.Immutable;
using BfReleaseNotes.Checks;
using BfReleaseNotes.Configuration;
using BfReleaseNotes.Model;
using static BfReleaseNotes.Tests.Checks.PolicyEvidence;

namespace BfReleaseNotes.Tests.Rules;

/// <summary>
/// Every sentence the check prints, word for word: one and several of each count (file, entry, error, change), the
/// project a monorepo sentence names, the <c>--dir</c> and <c>--project</c> in the suggested commands, and the file
/// and line each finding points at. Decided by <see cref="CheckPolicy.Decide"/> on hand-built evidence.
/// </summary>
public sealed class CheckMessageRuleTests
{
    private static readonly ReleaseNotesProject Manage = Project("manage", "apps/manage/**");
    private static readonly ReleaseNotesProject Admin = Project("admin", "apps/admin/**", "libs/shared/**");
    private static readonly CheckConfiguration Monorepo = CheckConfiguration.Default with { Projects = [Manage, Admin] };
    private const string AdminUnreleased = "apps/admin/release-notes/unreleased.md";

    [Fact]
    public void A_release_of_one_entry_says_it_moves_one_pending_entry()
    {
        var result = CheckPolicy.Decide(ReleasePromotion(Release("1.1.0", Earlier)) with { BaseEntries = [Earlier] });

        Assert.Equal(CheckOutcome.Released, result.Outcome);
        Assert.Equal(
            "check passed (release): this merge request publishes 1.1.0 (release-notes/1.1.0.md), moving 1 pending entry out of release-notes/unreleased.md.",
            result.Summary);
    }

    [Fact]
    public void With_ignore_patterns_a_range_of_notes_files_alone_is_not_relevant_as_notes_only()
    {
        // unreleased.md is a notes file even when the evidence does not list it among NotesFiles.
        var evidence = new CheckEvidence
        {
            Configuration = CheckConfiguration.Default with { Ignore = [GlobPattern.Parse("docs/**")] },
            ChangedPaths = [Unreleased],
            UnreleasedChanged = true,
            BaseEntries = [Earlier],
            HeadEntries = [Earlier],
        };

        var result = CheckPolicy.Decide(evidence);

        Assert.Equal(CheckOutcome.NotRelevant, result.Outcome);
        Assert.Equal("check passed (not relevant): the range changes only release-notes files and adds no entry, so nothing else needs a note.", result.Summary);
    }

    [Fact]
    public void A_range_of_notes_files_moved_to_a_new_folder_is_not_relevant_as_notes_only()
    {
        var evidence = new CheckEvidence
        {
            Configuration = CheckConfiguration.Default with { Ignore = [GlobPattern.Parse("docs/**")] },
            HeadFolder = "changelog",
            ChangedPaths = [Unreleased, "changelog/unreleased.md"],
        };

        var result = CheckPolicy.Decide(evidence);

        Assert.Equal("check passed (not relevant): the range changes only release-notes files and adds no entry, so nothing else needs a note.", result.Summary);
    }

    [Fact]
    public void With_ignore_patterns_a_range_of_ignored_files_counts_the_changed_paths()
    {
        var evidence = new CheckEvidence
        {
            Configuration = CheckConfiguration.Default with { Ignore = [GlobPattern.Parse("docs/**")] },
            ChangedPaths = ["docs/a.md", "docs/b.md", Unreleased],
        };

        var result = CheckPolicy.Decide(evidence);

        Assert.Equal(
            "check passed (not relevant): every changed path (3) matches the ignore patterns of release-notes/config.json or is a release-notes file, so no release notes are needed.",
            result.Summary);
    }

    [Fact]
    public void Without_ignore_patterns_a_range_of_notes_files_is_not_relevant_as_notes_only()
    {
        var result = CheckPolicy.Decide(new CheckEvidence { ChangedPaths = [Unreleased] });

        Assert.Equal("check passed (not relevant): the range changes only release-notes files and adds no entry, so nothing else needs a note.", result.Summary);
    }

    [Fact]
    public void One_file_no_project_owns_is_named_and_pointed_at_the_configuration()
    {
        var result = CheckPolicy.Decide(new CheckEvidence { Configuration = Monorepo, ChangedPaths = ["tools/build.sh"] });

        Assert.Equal(CheckOutcome.NotesNotUpdated, result.Outcome);
        Assert.Equal(
            "check failed (notes not updated): this merge request changes 1 file that no project owns (such as tools/build.sh); " +
            "add it to a project's \"paths\" or to \"ignore\" in release-notes/config.json, or mark one project \"default\": true (with the label 'release-notes::edit'), " +
            "or opt out with the label 'release-notes::none' or a line 'Release-Notes: none - <reason>' in the description or in a commit message.",
            result.Summary);
        Assert.Equal(("release-notes/config.json", 1), (result.Findings[0].File, result.Findings[0].Line));
    }

    [Fact]
    public void Several_files_no_project_owns_are_counted_and_called_them()
    {
        var result = CheckPolicy.Decide(new CheckEvidence { Configuration = Monorepo, ChangedPaths = ["tools/build.sh", "tools/lint.sh"] });

        Assert.Equal(
            "check failed (notes not updated): this merge request changes 2 files that no project owns (such as tools/build.sh); " +
            "add them to a project's \"paths\" or to \"ignore\" in release-notes/config.json, or mark one project \"default\": true (with the label 'release-notes::edit'), " +
            "or opt out with the label 'release-notes::none' or a line 'Release-Notes: none - <reason>' in the description or in a commit message.",
            result.Summary);
    }

    [Fact]
    public void A_project_without_notes_is_named_in_the_sentence_with_its_label_and_its_line()
    {
        var evidence = new CheckEvidence
        {
            Configuration = Monorepo,
            Project = Manage,
            Folder = Manage.Folder,
            HeadFolder = Manage.Folder,
            ChangedPaths = ["apps/manage/src/Orders.cs", "apps/manage/src/Totals.cs"],
        };

        var result = CheckPolicy.Decide(evidence);

        Assert.Equal(
            "check failed (notes not updated) for project 'manage': this merge request changes 2 files of 'manage' (such as apps/manage/src/Orders.cs) " +
            "but adds no entry to apps/manage/release-notes/unreleased.md; add one with `bf-release-notes add --project manage --section public --type fixed \"What changed for users\"` and commit it, " +
            "or opt out of 'manage' with the label 'release-notes-manage::none' or a line 'Release-Notes: none(manage) - <reason>' (or of every project with 'release-notes::none') in the description or in a commit message.",
            result.Summary);
        Assert.Equal(("apps/manage/release-notes/unreleased.md", 1), (result.Findings[0].File, result.Findings[0].Line));
    }

    [Fact]
    public void One_entry_in_the_wrong_project_is_pointed_at_and_called_it()
    {
        var entry = new CheckedEntry(AdminUnreleased, 12, "Public > Fixed", "- Users can be renamed.");

        var result = CheckPolicy.Decide(WrongProject(["manage"], entry));

        Assert.Equal([CheckOutcome.EntriesInWrongProject], result.Failures.ToArray());
        Assert.Equal(
            "check failed (entries in the wrong project) for project 'admin': this merge request adds 1 entry to apps/admin/release-notes/unreleased.md, " +
            "but changes none of the paths of 'admin' (apps/admin/**, libs/shared/**), only those of 'manage'; " +
            "move it to the project that changed (`bf-release-notes add --project manage --section public --type fixed \"...\"`) and remove it from apps/admin/release-notes/unreleased.md.",
            result.Summary);
        Assert.Equal((AdminUnreleased, 12), (result.Findings[0].File, result.Findings[0].Line));
    }

    [Fact]
    public void Several_entries_in_the_wrong_project_name_every_project_that_changed_and_suggest_the_first()
    {
        var first = new CheckedEntry(AdminUnreleased, 12, "Public > Fixed", "- Users can be renamed.");
        var second = new CheckedEntry(AdminUnreleased, 13, "Public > Fixed", "- Users can be merged.");

        var result = CheckPolicy.Decide(WrongProject(["manage", "billing"], first, second));

        Assert.Equal(
            "check failed (entries in the wrong project) for project 'admin': this merge request adds 2 entries to apps/admin/release-notes/unreleased.md, " +
            "but changes none of the paths of 'admin' (apps/admin/**, libs/shared/**), only those of 'manage', 'billing'; " +
            "move them to the project that changed (`bf-release-notes add --project manage --section public --type fixed \"...\"`) and remove them from apps/admin/release-notes/unreleased.md.",
            result.Summary);
    }

    [Fact]
    public void One_file_without_notes_needs_them_and_the_default_folder_needs_no_dir_option()
    {
        var result = CheckPolicy.Decide(Code());

        Assert.Equal(
            "check failed (notes not updated): this merge request changes 1 file that needs release notes (such as src/App.cs) but adds no entry to release-notes/unreleased.md; " +
            "add one with `bf-release-notes add --section public --type fixed \"What changed for users\"` and commit it, " +
            "or opt out with the label 'release-notes::none' or a line 'Release-Notes: none - <reason>' in the description or in a commit message.",
            result.Summary);
    }

    [Fact]
    public void Several_files_without_notes_need_them_and_another_folder_is_passed_with_dir()
    {
        var evidence = new CheckEvidence { Folder = "docs/notes", HeadFolder = "docs/notes", ChangedPaths = ["src/App.cs", "src/Other.cs"] };

        var result = CheckPolicy.Decide(evidence);

        Assert.Equal(
            "check failed (notes not updated): this merge request changes 2 files that need release notes (such as src/App.cs) but adds no entry to docs/notes/unreleased.md; " +
            "add one with `bf-release-notes add --dir docs/notes --section public --type fixed \"What changed for users\"` and commit it, " +
            "or opt out with the label 'release-notes::none' or a line 'Release-Notes: none - <reason>' in the description or in a commit message.",
            result.Summary);
    }

    [Fact]
    public void One_lint_error_is_counted_in_the_singular()
    {
        var result = CheckPolicy.Decide(Code() with { Diagnostics = [Error(4)], Labels = ["release-notes::none"] });

        Assert.Equal(
            "check failed (notes invalid): release-notes/unreleased.md at head has 1 error (listed as file:line:col); " +
            "fix them (`bf-release-notes lint` shows them, `lint --fix` repairs the fixable ones), commit and push.",
            result.Summary);
        Assert.Equal((Unreleased, 4), (result.Findings[0].File, result.Findings[0].Line));
    }

    [Fact]
    public void Invalid_notes_count_errors_only_name_each_file_once_and_point_at_the_first_error()
    {
        // A warning and an entry already published (its own finding) come first: neither is an error of "notes invalid".
        Diagnostic[] diagnostics =
        [
            new(DiagnosticCodes.UnknownHeading, DiagnosticSeverity.Warning, Unreleased, new SourcePosition(2, 1), "heading case"),
            new(DiagnosticCodes.AlreadyPublished, DiagnosticSeverity.Error, Unreleased, new SourcePosition(3, 3), "entry already published in release-notes/1.0.0.md"),
            Error(7),
            new(DiagnosticCodes.UnknownHeading, DiagnosticSeverity.Error, "release-notes/1.0.0.md", new SourcePosition(4, 1), "unknown section '### Fixd'"),
            Error(8),
        ];

        var result = CheckPolicy.Decide(Code() with { Diagnostics = [.. diagnostics], Labels = ["release-notes::none"] });

        Assert.Equal([CheckOutcome.NotesInvalid, CheckOutcome.EntriesAlreadyPublished], result.Failures.ToArray());
        Assert.Equal(
            "check failed (notes invalid): release-notes/unreleased.md, release-notes/1.0.0.md at head has 3 errors (listed as file:line:col); " +
            "fix them (`bf-release-notes lint` shows them, `lint --fix` repairs the fixable ones), commit and push.",
            result.Summary);
        Assert.Equal((Unreleased, 7), (result.Findings[0].File, result.Findings[0].Line));
    }

    [Fact]
    public void An_unknown_flag_among_the_errors_adds_the_flag_hint()
    {
        var flag = new Diagnostic(DiagnosticCodes.UnknownFlag, DiagnosticSeverity.Error, Unreleased, new SourcePosition(5, 3), "flag 'new-search' is unknown");

        var result = CheckPolicy.Decide(Code() with { Diagnostics = [Error(4), flag], Labels = ["release-notes::none"] });

        Assert.Equal(
            "check failed (notes invalid): release-notes/unreleased.md at head has 2 errors (listed as file:line:col); " +
            "fix them (`bf-release-notes lint` shows them, `lint --fix` repairs the fixable ones), commit and push. " +
            "Flags unknown to the feature-flag registry: correct the key or create the flag (`bf-release-notes flags check` shows them).",
            result.Summary);
    }

    [Fact]
    public void One_removed_pending_entry_is_pointed_at_and_called_it()
    {
        var result = CheckPolicy.Decide(new CheckEvidence { ChangedPaths = [Unreleased], UnreleasedChanged = true, BaseEntries = [Earlier], HeadEntries = [] });

        Assert.Equal([CheckOutcome.PendingEntriesRemoved], result.Failures.ToArray());
        Assert.Equal(
            "check failed (pending entries removed): this merge request removes or rewrites 1 pending entry of release-notes/unreleased.md " +
            "that it did not add (listed below); restore it, or add the label 'release-notes::edit' if this is intended.",
            result.Summary);
        Assert.Equal((Unreleased, 9), (result.Findings[0].File, result.Findings[0].Line));
    }

    [Fact]
    public void Several_removed_pending_entries_are_counted_and_called_them()
    {
        var result = CheckPolicy.Decide(new CheckEvidence { ChangedPaths = [Unreleased], UnreleasedChanged = true, BaseEntries = [Earlier, Other], HeadEntries = [] });

        Assert.Equal(
            "check failed (pending entries removed): this merge request removes or rewrites 2 pending entries of release-notes/unreleased.md " +
            "that it did not add (listed below); restore them, or add the label 'release-notes::edit' if this is intended.",
            result.Summary);
    }

    [Fact]
    public void One_changed_published_file_is_named_and_called_it()
    {
        var result = CheckPolicy.Decide(History(new PublishedFileChange("release-notes/1.0.0.md", PublishedChangeKind.Modified)));

        Assert.Equal([CheckOutcome.PublishedHistoryChanged], result.Failures.ToArray());
        Assert.Equal(
            "check failed (published history changed): release-notes/1.0.0.md is modified; published releases must not change (a release is a new, newer, lint-clean file holding only entries that left release-notes/unreleased.md, as `bf-release-notes promote` writes it), " +
            "so revert it, or add the label 'release-notes::edit' if this is intended (a history import, a move of the notes folder).",
            result.Summary);
        Assert.Equal(("release-notes/1.0.0.md", 1), (result.Findings[0].File, result.Findings[0].Line));
    }

    [Fact]
    public void Several_changed_published_files_are_listed_and_called_them()
    {
        var result = CheckPolicy.Decide(History(
            new PublishedFileChange("release-notes/1.0.0.md", PublishedChangeKind.Modified),
            new PublishedFileChange("release-notes/0.9.0.md", PublishedChangeKind.Deleted)));

        Assert.Equal(
            "check failed (published history changed): release-notes/0.9.0.md is deleted, release-notes/1.0.0.md is modified; published releases must not change (a release is a new, newer, lint-clean file holding only entries that left release-notes/unreleased.md, as `bf-release-notes promote` writes it), " +
            "so revert them, or add the label 'release-notes::edit' if this is intended (a history import, a move of the notes folder).",
            result.Summary);
        Assert.Equal(("release-notes/0.9.0.md", 1), (result.Findings[0].File, result.Findings[0].Line));
    }

    [Fact]
    public void A_changed_configuration_lists_its_changes_and_asks_for_the_edit_label()
    {
        var evidence = new CheckEvidence
        {
            ChangedPaths = ["release-notes/config.json"],
            ConfigurationChanges = ["\"ignore\" adds 'docs/**'", "\"labels.none\" 'release-notes::none' -> 'no-notes'"],
            Labels = ["release-notes::none"],
        };

        var result = CheckPolicy.Decide(evidence);

        Assert.Equal([CheckOutcome.ConfigurationChanged], result.Failures.ToArray());
        Assert.Equal(
            "check failed (configuration changed): this merge request changes the check's rules in release-notes/config.json (\"ignore\" adds 'docs/**'; \"labels.none\" 'release-notes::none' -> 'no-notes'); " +
            "it was judged by the base's rules, and the change itself needs the label 'release-notes::edit'.",
            result.Summary);
        Assert.Equal(("release-notes/config.json", 1), (result.Findings[0].File, result.Findings[0].Line));
    }

    [Fact]
    public void A_broken_configuration_at_head_is_quoted_and_pointed_at_its_line()
    {
        var evidence = new CheckEvidence
        {
            ChangedPaths = ["release-notes/config.json"],
            HeadConfigurationError = new ConfigurationError("release-notes/config.json", 3, 14, "unknown key 'ignroe'"),
            Labels = ["release-notes::none", "release-notes::edit"],
        };

        var result = CheckPolicy.Decide(evidence);

        Assert.Equal(
            "check failed (configuration changed): release-notes/config.json at head is not valid (release-notes/config.json:3:14: unknown key 'ignroe'), so every later check would stop; fix it.",
            result.Summary);
        Assert.Equal(("release-notes/config.json", 3), (result.Findings[0].File, result.Findings[0].Line));
    }

    [Fact]
    public void Cannot_decide_has_no_sentence_of_the_policy()
    {
        var evidence = Code();
        var messages = new CheckMessages(evidence, CheckPolicy.Diff(evidence), evidence.ChangedPaths, null);

        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => messages.Sentence(CheckOutcome.CannotDecide));

        Assert.Equal("outcome", exception.ParamName);
        Assert.StartsWith("no sentence for this outcome", exception.Message, StringComparison.Ordinal);
    }

    private static CheckEvidence WrongProject(ImmutableArray<string> others, params CheckedEntry[] added) => new()
    {
        Configuration = Monorepo,
        Project = Admin,
        Folder = Admin.Folder,
        HeadFolder = Admin.Folder,
        ChangedPaths = [AdminUnreleased],
        NotesFiles = [AdminUnreleased],
        UnreleasedChanged = true,
        HeadEntries = [.. added],
        OtherTouchedProjects = others,
    };

    private static CheckEvidence History(params PublishedFileChange[] changes) => new()
    {
        ChangedPaths = [.. changes.Select(change => change.File)],
        NotesFiles = [.. changes.Select(change => change.File)],
        ChangedPublishedFiles = [.. changes],
    };

    private static ReleaseNotesProject Project(string name, params string[] paths) =>
        new(name, $"apps/{name}/release-notes", [.. paths.Select(GlobPattern.Parse)]) { NoneLabel = ReleaseNotesProject.DefaultNoneLabel(name), TagPrefix = ReleaseNotesProject.DefaultTagPrefix(name) };
}
