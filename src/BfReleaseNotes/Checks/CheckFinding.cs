using System.Collections.Immutable;

namespace BfReleaseNotes.Checks;

/// <summary>
/// One failure (or the reason the check cannot decide), in its own words and at its own place, so reports
/// iterate findings instead of parsing sentences.
/// </summary>
/// <param name="Outcome">The rule that failed.</param>
/// <param name="Message">The sentence: what is wrong, why, what to do.</param>
/// <param name="File">The repository-relative file it is about.</param>
/// <param name="Line">The 1-based line in that file (1 for the whole file).</param>
public sealed record CheckFinding(CheckOutcome Outcome, string Message, string File, int Line)
{
    /// <summary>Hints that belong to this finding (an opt-out line without a reason, a truncated description).</summary>
    public ImmutableArray<string> Hints { get; init; } = [];

    /// <summary>The monorepo project the finding is about; null for one notes folder or a repository-wide finding.</summary>
    public string? Project { get; init; }

    /// <summary>The name of the rule for reports (e.g. <c>release-notes-not-updated</c>); other steps may set their own.</summary>
    public string CheckName { get; init; } = DefaultCheckName(Outcome);

    /// <summary>The report name of the check's own rules (stable: Code Quality fingerprints depend on it).</summary>
    public static string DefaultCheckName(CheckOutcome outcome) => outcome switch
    {
        CheckOutcome.NotesNotUpdated => "release-notes-not-updated",
        CheckOutcome.NotesInvalid => "release-notes-invalid",
        CheckOutcome.PendingEntriesRemoved => "release-notes-pending-entry-removed",
        CheckOutcome.CannotDecide => "release-notes-cannot-decide",
        _ => "release-notes-" + CheckResult.NameOf(outcome),
    };

    /// <summary>Compares every field, the hints by content.</summary>
    public bool Equals(CheckFinding? other) =>
        other is not null && Outcome == other.Outcome && Message == other.Message && File == other.File && Line == other.Line &&
        CheckName == other.CheckName && Project == other.Project && Hints.SequenceEqual(other.Hints);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Outcome, Message, File, Line);
}
