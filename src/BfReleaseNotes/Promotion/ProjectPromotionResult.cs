using System.Collections.Immutable;
using BfReleaseNotes.Model;

namespace BfReleaseNotes.Promotion;

/// <summary>One project's part of <c>promote --all</c>.</summary>
/// <param name="Project">The project's name.</param>
/// <param name="Folder">Its release-notes folder.</param>
/// <param name="Status">What happened.</param>
/// <param name="Outcome">The promotion's plan and summary, when it got that far.</param>
/// <param name="Message">Why it was skipped, refused or failed; null when promoted.</param>
public sealed record ProjectPromotionResult(string Project, string Folder, ProjectPromotionStatus Status, PromotionOutcome? Outcome, string? Message)
{
    /// <summary>The errors of <c>unreleased.md</c> when <see cref="ProjectPromotionStatus.Invalid"/>.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; init; } = [];

    /// <summary>The release commit, when one was made.</summary>
    public string? Commit { get; init; }

    /// <summary>The release tag (with the project's prefix), when one was made.</summary>
    public string? Tag { get; init; }

    /// <summary>Compares field by field (the diagnostics by content).</summary>
    public bool Equals(ProjectPromotionResult? other) =>
        other is not null && Project == other.Project && Folder == other.Folder && Status == other.Status && Outcome == other.Outcome &&
        Message == other.Message && Commit == other.Commit && Tag == other.Tag && Diagnostics.SequenceEqual(other.Diagnostics);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Project, Status, Commit, Tag);
}
