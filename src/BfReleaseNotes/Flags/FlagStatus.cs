using System.Collections.Immutable;
using BfReleaseNotes.Model;

namespace BfReleaseNotes.Flags;

/// <summary>One feature flag's Internal entries, counted per change type.</summary>
/// <param name="Key">The flag key.</param>
/// <param name="Counts">Entries per change type (only types with entries or a group heading).</param>
public sealed record FlagStatus(string Key, ImmutableSortedDictionary<ChangeType, int> Counts)
{
    /// <summary>All entries of the flag.</summary>
    public int Total => Counts.Values.Sum();

    /// <summary>The flag's entries with their change type, in file order (what <c>flags graduate</c> would move).</summary>
    public ImmutableArray<(ChangeType Type, Entry Entry)> Entries { get; init; } = [];
}
