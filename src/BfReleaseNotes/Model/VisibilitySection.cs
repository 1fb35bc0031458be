using System.Collections.Immutable;
using System.Text;

namespace BfReleaseNotes.Model;

/// <summary>A <c>## Public</c>, <c>## Beta</c> or <c>## Internal</c> section.</summary>
/// <param name="Heading">The <c>##</c> heading as written.</param>
/// <param name="Visibility">The visibility, or null for an unknown heading (reported as an error).</param>
/// <param name="Leading">Lines between the heading and the first change-type section (comments, blank lines).</param>
/// <param name="ChangeTypes">The change-type sections in source order.</param>
public sealed record VisibilitySection(
    Heading Heading,
    Visibility? Visibility,
    ImmutableArray<DocumentPart> Leading,
    ImmutableArray<ChangeTypeSection> ChangeTypes) : DocumentPart
{
    /// <summary>Every entry in the section, in source order.</summary>
    public IEnumerable<Entry> AllEntries =>
        Leading.OfType<Entry>().Concat(ChangeTypes.SelectMany(section => section.AllEntries));

    /// <summary>The first section of the given type, or null.</summary>
    public ChangeTypeSection? Find(ChangeType type) => ChangeTypes.FirstOrDefault(section => section.Type == type);

    /// <inheritdoc />
    public override void WriteTo(StringBuilder builder)
    {
        Heading.WriteTo(builder);
        foreach (var part in Leading)
        {
            part.WriteTo(builder);
        }

        foreach (var section in ChangeTypes)
        {
            section.WriteTo(builder);
        }
    }
}
