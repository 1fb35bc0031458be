using System.Collections.Immutable;
using BfReleaseNotes.Model;

namespace BfReleaseNotes.Promotion;

/// <summary>What <see cref="Promoter.Plan"/> decided.</summary>
public enum PromotionStatus
{
    /// <summary>A plan is ready to apply.</summary>
    Planned,

    /// <summary>Public and Beta are empty: nothing to write (exit 0).</summary>
    NothingToPromote,

    /// <summary>unreleased.md has errors, or holds entries already published (BFRN207) (exit 1).</summary>
    Invalid,

    /// <summary>The version is not greater than the latest, or its file exists (exit 1).</summary>
    Refused,

    /// <summary>The planned files would lose or duplicate an entry: a bug, nothing written (exit 2).</summary>
    ConservationFailed,
}

/// <summary>The outcome of planning a promotion.</summary>
/// <param name="Status">What was decided.</param>
/// <param name="Plan">The plan when <see cref="PromotionStatus.Planned"/>.</param>
/// <param name="Summary">The summary when a version could be worked out.</param>
/// <param name="Diagnostics">The errors of unreleased.md when <see cref="PromotionStatus.Invalid"/>.</param>
/// <param name="Message">Why, for Refused and ConservationFailed.</param>
public sealed record PromotionOutcome(
    PromotionStatus Status,
    PromotionPlan? Plan,
    PromotionSummary? Summary,
    ImmutableArray<Diagnostic> Diagnostics,
    string? Message)
{
    internal static PromotionOutcome Planned(PromotionPlan plan) => new(PromotionStatus.Planned, plan, plan.Summary, [], null);

    internal static PromotionOutcome NothingToPromote(PromotionSummary summary) =>
        new(PromotionStatus.NothingToPromote, null, summary, [], "Public and Beta are empty: nothing to promote, no file written");

    internal static PromotionOutcome Invalid(ImmutableArray<Diagnostic> diagnostics) => new(PromotionStatus.Invalid, null, null, diagnostics, "unreleased.md has errors; fix them (see 'bf-release-notes lint') and promote again. No file was written");

    internal static PromotionOutcome Republished(ImmutableArray<Diagnostic> diagnostics, string unreleasedPath) => new(PromotionStatus.Invalid, null, null, diagnostics,
        $"{diagnostics.Length} entr{(diagnostics.Length == 1 ? "y" : "ies")} of {unreleasedPath} already published (listed above); a merge brought them back, so promoting would publish them twice. " +
        "Run 'bf-release-notes lint --fix' to remove them from unreleased.md (they stay in the published files), then promote again. No file was changed");

    internal static PromotionOutcome Refused(string message) => new(PromotionStatus.Refused, null, null, [], message + ". No file was written");

    internal static PromotionOutcome ConservationFailed(string message) =>
        new(PromotionStatus.ConservationFailed, null, null, [], "bug: the promotion would not conserve entries (" + message + "). No file was written; please report this with your unreleased.md");
}
