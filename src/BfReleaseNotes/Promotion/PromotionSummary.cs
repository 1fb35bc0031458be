using System.Collections.Immutable;
using BfReleaseNotes.Model;
using Semver;

namespace BfReleaseNotes.Promotion;

/// <summary>What a promotion publishes and leaves behind.</summary>
/// <param name="Version">The release version.</param>
/// <param name="Date">The release date.</param>
/// <param name="Files">The files written (published file first, then unreleased.md).</param>
/// <param name="Published">Entry counts per visibility and change type that are published.</param>
/// <param name="InternalLeftBehind">Internal entries that stay in unreleased.md, per flag.</param>
public sealed record PromotionSummary(
    SemVersion Version,
    DateOnly Date,
    ImmutableArray<string> Files,
    ImmutableArray<EntryCount> Published,
    ImmutableArray<FlagCount> InternalLeftBehind)
{
    /// <summary>With <c>--bump auto</c>, the bump and the entry that decided it; null otherwise.</summary>
    public BumpDecision? Decision { get; init; }

    /// <summary>The number of entries published.</summary>
    public int PublishedTotal => Published.Sum(count => count.Count);
}

/// <summary>How many entries of one visibility and change type.</summary>
/// <param name="Visibility">Public or Beta.</param>
/// <param name="Type">The change type.</param>
/// <param name="Count">The number of entries.</param>
public sealed record EntryCount(Visibility Visibility, ChangeType Type, int Count);

/// <summary>How many Internal entries one flag hides.</summary>
/// <param name="Flag">The flag key.</param>
/// <param name="Count">The number of entries.</param>
public sealed record FlagCount(string Flag, int Count);
