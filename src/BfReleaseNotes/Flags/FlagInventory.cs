using System.Collections.Immutable;
using BfReleaseNotes.Model;

namespace BfReleaseNotes.Flags;

/// <summary>Lists the feature flags of the Internal section, so rollout status can be read and checked.</summary>
public static class FlagInventory
{
    /// <summary>Every flag group under <c>## Internal</c>, in order of first appearance, with entry counts per change type and the entries themselves.</summary>
    public static ImmutableArray<FlagStatus> Collect(ReleaseNotesDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var order = new List<string>();
        var counts = new Dictionary<string, SortedDictionary<ChangeType, int>>(StringComparer.Ordinal);
        var entries = new Dictionary<string, ImmutableArray<(ChangeType, Entry)>.Builder>(StringComparer.Ordinal);
        foreach (var section in document.Sections.Where(section => section.Visibility == Visibility.Internal))
        {
            foreach (var changeType in section.ChangeTypes.Where(changeType => changeType.Type.HasValue))
            {
                foreach (var group in changeType.FlagGroups.Where(group => group.Key is not null))
                {
                    if (!counts.TryGetValue(group.Key!, out var perType))
                    {
                        perType = [];
                        counts[group.Key!] = perType;
                        order.Add(group.Key!);
                        entries[group.Key!] = ImmutableArray.CreateBuilder<(ChangeType, Entry)>();
                    }

                    entries[group.Key!].AddRange(group.Entries.Select(entry => (changeType.Type!.Value, entry)));

                    perType[changeType.Type!.Value] = perType.GetValueOrDefault(changeType.Type!.Value) + group.Entries.Count();
                }
            }
        }

        return [.. order.Select(key => new FlagStatus(key, counts[key].ToImmutableSortedDictionary()) { Entries = entries[key].ToImmutable() })];
    }
}
