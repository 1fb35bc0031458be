using System.Collections.Immutable;
using System.Text;

namespace BfReleaseNotes.Model;

/// <summary>A <c>### Added</c> (etc.) section: entries, trivia, and (under Internal) flag groups.</summary>
/// <param name="Heading">The <c>###</c> heading as written.</param>
/// <param name="Type">The change type, or null for an unknown heading (reported as an error).</param>
/// <param name="Body">Entries and trivia directly under the heading, in source order.</param>
/// <param name="FlagGroups">The <c>####</c> groups that follow, in source order.</param>
public sealed record ChangeTypeSection(
    Heading Heading,
    ChangeType? Type,
    ImmutableArray<DocumentPart> Body,
    ImmutableArray<FlagGroup> FlagGroups) : DocumentPart
{
    /// <summary>Entries directly under the heading (not in a flag group).</summary>
    public IEnumerable<Entry> DirectEntries => Body.OfType<Entry>();

    /// <summary>Every entry of the section, direct ones first, then each flag group's.</summary>
    public IEnumerable<Entry> AllEntries => DirectEntries.Concat(FlagGroups.SelectMany(group => group.Entries));

    /// <inheritdoc />
    public override void WriteTo(StringBuilder builder)
    {
        Heading.WriteTo(builder);
        foreach (var part in Body)
        {
            part.WriteTo(builder);
        }

        foreach (var group in FlagGroups)
        {
            group.WriteTo(builder);
        }
    }
}
