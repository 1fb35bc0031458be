using System.Collections.Immutable;
using BfReleaseNotes.Model;

namespace BfReleaseNotes.Checks;

/// <summary>
/// What the merge-request check decided and why: the outcome, one sentence that says it with the reason and
/// what to do next, further findings, and the data behind them (diagnostics, entries, files).
/// </summary>
/// <param name="Outcome">The decision; with several failures, the first of invalid, removed, published, not updated.</param>
/// <param name="Summary">One sentence: the outcome, the reason, what to do next.</param>
public sealed record CheckResult(CheckOutcome Outcome, string Summary)
{
    /// <summary>Every failure found (the outcome is the first); empty for a pass or "cannot decide".</summary>
    public ImmutableArray<CheckOutcome> Failures { get; init; } = [];

    /// <summary>Further sentences: other failures, notes on the comparison, hints (a truncated description...).</summary>
    public ImmutableArray<string> Details { get; init; } = [];

    /// <summary>Every failure with its own sentence and place (the first is the outcome's); for "cannot decide", the one reason.</summary>
    public ImmutableArray<CheckFinding> Findings { get; init; } = [];

    /// <summary>Hints the output shows beside the decision (an opt-out line without a reason, a truncated description); also in <see cref="Details"/>.</summary>
    public ImmutableArray<string> Hints { get; init; } = [];

    /// <summary>The rules the merge request's own configuration would change; they were not applied.</summary>
    public ImmutableArray<string> ConfigurationChanges { get; init; } = [];

    /// <summary>The release-notes folder at head, when the merge request moves it; else equal to <see cref="Folder"/>.</summary>
    public string HeadFolder { get; init; } = Workspace.ReleaseNotesFolder.DefaultPath;

    /// <summary>The commits compared; null when the check could not resolve them.</summary>
    public CheckRange? Range { get; init; }

    /// <summary>The release-notes folder, relative to the repository root.</summary>
    public string Folder { get; init; } = Workspace.ReleaseNotesFolder.DefaultPath;

    /// <summary>Diagnostics of the release-notes files the range changed, read at head (errors and warnings).</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; init; } = [];

    /// <summary>Entries of <c>unreleased.md</c> at head that were not there at base (new or rewritten).</summary>
    public ImmutableArray<CheckedEntry> AddedEntries { get; init; } = [];

    /// <summary>Pending entries of base that are gone at head and were not moved (graduated or published).</summary>
    public ImmutableArray<CheckedEntry> RemovedEntries { get; init; } = [];

    /// <summary>Pending entries of base that moved into a published file the range adds.</summary>
    public ImmutableArray<CheckedEntry> PublishedEntries { get; init; } = [];

    /// <summary>Published release files the range adds that are real releases.</summary>
    public ImmutableArray<string> AddedPublishedFiles { get; init; } = [];

    /// <summary>Published release files the range modifies, deletes or moves, and added ones that are not releases.</summary>
    public ImmutableArray<PublishedFileChange> ChangedPublishedFiles { get; init; } = [];

    /// <summary>The opt-out found (label, description or commit message), or null.</summary>
    public OptOut? OptOut { get; init; }

    /// <summary>True when the edit label allowed removing pending entries or changing published files.</summary>
    public bool EditAllowed { get; init; }

    /// <summary>Every path the range changes (both sides of a rename).</summary>
    public ImmutableArray<string> ChangedPaths { get; init; } = [];

    /// <summary>The changed paths that need release notes: outside the release-notes files and not ignored.</summary>
    public ImmutableArray<string> RelevantPaths { get; init; } = [];

    /// <summary>
    /// In a monorepo, the result of each project the merge request touches (or whose notes it changes), in the
    /// configuration's order; this result combines them (the first failure decides). Empty for one notes folder.
    /// </summary>
    public ImmutableArray<ProjectCheckResult> Projects { get; init; } = [];

    /// <summary>True for the passing outcomes.</summary>
    public bool Passed => Outcome is CheckOutcome.NotesUpdated or CheckOutcome.Released or CheckOutcome.OptedOut or CheckOutcome.NotRelevant;

    /// <summary>
    /// The exit code of <c>bf-release-notes check</c> for this result, also written in the JSON report:
    /// 0 for a pass, 1 for a failure, 2 when the check could not decide.
    /// </summary>
    public int ExitCode => Outcome == CheckOutcome.CannotDecide ? 2 : Passed ? 0 : 1;

    /// <summary>The outcome's stable name for reports and scripts, e.g. <c>notes-not-updated</c>.</summary>
    public static string NameOf(CheckOutcome outcome) => outcome switch
    {
        CheckOutcome.NotesUpdated => "notes-updated",
        CheckOutcome.Released => "released",
        CheckOutcome.OptedOut => "opted-out",
        CheckOutcome.NotRelevant => "not-relevant",
        CheckOutcome.NotesNotUpdated => "notes-not-updated",
        CheckOutcome.NotesInvalid => "notes-invalid",
        CheckOutcome.PendingEntriesRemoved => "pending-entries-removed",
        CheckOutcome.PublishedHistoryChanged => "published-history-changed",
        CheckOutcome.ConfigurationChanged => "configuration-changed",
        CheckOutcome.EntriesAlreadyPublished => "entries-already-published",
        CheckOutcome.EntriesInWrongProject => "entries-in-wrong-project",
        CheckOutcome.CannotDecide => "cannot-decide",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "unknown outcome"),
    };

    /// <summary>Compares every field, the lists by content (records alone would compare them by reference).</summary>
    public bool Equals(CheckResult? other) =>
        other is not null && Outcome == other.Outcome && Summary == other.Summary && Range == other.Range && Folder == other.Folder &&
        OptOut == other.OptOut && EditAllowed == other.EditAllowed &&
        Failures.SequenceEqual(other.Failures) && Findings.SequenceEqual(other.Findings) && Hints.SequenceEqual(other.Hints) &&
        ConfigurationChanges.SequenceEqual(other.ConfigurationChanges) && HeadFolder == other.HeadFolder && Details.SequenceEqual(other.Details) && Diagnostics.SequenceEqual(other.Diagnostics) &&
        AddedEntries.SequenceEqual(other.AddedEntries) && RemovedEntries.SequenceEqual(other.RemovedEntries) && PublishedEntries.SequenceEqual(other.PublishedEntries) &&
        AddedPublishedFiles.SequenceEqual(other.AddedPublishedFiles) && ChangedPublishedFiles.SequenceEqual(other.ChangedPublishedFiles) &&
        ChangedPaths.SequenceEqual(other.ChangedPaths) && RelevantPaths.SequenceEqual(other.RelevantPaths) && Projects.SequenceEqual(other.Projects);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Outcome, Summary, Range, Failures.Length, RemovedEntries.Length, ChangedPaths.Length);

    /// <summary>A result for a check that could not see what it needs: it never passes.</summary>
    public static CheckResult CannotDecide(string summary, string folder) => CannotDecide(summary, folder, CheckPaths.Join(folder, Markdown.ReleaseNotesParser.UnreleasedFileName), 1);

    /// <summary>A result for a check that could not decide because of a file (e.g. an invalid configuration at a line).</summary>
    public static CheckResult CannotDecide(string summary, string folder, string file, int line) => new(CheckOutcome.CannotDecide, summary)
    {
        Folder = folder,
        HeadFolder = folder,
        Findings = [new CheckFinding(CheckOutcome.CannotDecide, summary, file, line)],
    };
}
