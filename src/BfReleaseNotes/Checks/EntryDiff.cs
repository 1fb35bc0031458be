using System.Collections.Immutable;

namespace BfReleaseNotes.Checks;

/// <summary>What the range did to the pending entries and the published files.</summary>
/// <param name="Added">Entries at head that were not at base (new or rewritten).</param>
/// <param name="Removed">Base entries gone from <c>unreleased.md</c> that no release took.</param>
/// <param name="Published">Base entries that moved into a real release.</param>
/// <param name="Releases">The added published files that are real releases.</param>
/// <param name="HistoryChanges">Published files modified, deleted, moved, or added without being a release.</param>
internal sealed record EntryDiff(
    ImmutableArray<CheckedEntry> Added,
    ImmutableArray<CheckedEntry> Removed,
    ImmutableArray<CheckedEntry> Published,
    ImmutableArray<ReleaseCandidate> Releases,
    ImmutableArray<PublishedFileChange> HistoryChanges);
