using System.Collections.Immutable;
using System.Text;

namespace BfReleaseNotes.Model;

/// <summary>
/// Internal entries hidden behind one feature flag, under <c>#### Flag: `key`</c> inside a change-type section.
/// </summary>
/// <param name="Heading">The <c>####</c> heading as written.</param>
/// <param name="Key">The flag key, or null when the heading could not be read as a flag.</param>
/// <param name="Body">Entries and trivia, in source order.</param>
public sealed record FlagGroup(Heading Heading, string? Key, ImmutableArray<DocumentPart> Body) : DocumentPart
{
    /// <summary>The group's entries in order.</summary>
    public IEnumerable<Entry> Entries => Body.OfType<Entry>();

    /// <inheritdoc />
    public override void WriteTo(StringBuilder builder)
    {
        Heading.WriteTo(builder);
        foreach (var part in Body)
        {
            part.WriteTo(builder);
        }
    }
}
