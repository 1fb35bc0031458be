using BfReleaseNotes.Linting;
using BfReleaseNotes.Markdown;
using BfReleaseNotes.Model;

namespace BfReleaseNotes.Merging;

/// <summary>
/// What a structural merge's text must be before it is written: a valid <c>unreleased.md</c> that holds every entry
/// both sides hold and no entry neither side holds. It is the merge's own safety net: a text it refutes is not used,
/// and git's line merge is used instead, so a flaw in the structural merge costs a conflict, never an entry.
/// </summary>
internal static class MergeProof
{
    /// <summary>Why <paramref name="text"/> cannot be the merge of <paramref name="ours"/> and <paramref name="theirs"/>; null when it can.</summary>
    public static string? Refute(string text, ReleaseNotesDocument ours, ReleaseNotesDocument theirs, string file)
    {
        var parsed = ReleaseNotesParser.Parse(text, DocumentKind.Unreleased, file);
        if (!parsed.IsValid)
        {
            // Stryker disable once Linq : a text that is not valid has an error, so First and FirstOrDefault agree
            return "the merged text does not lint: " + parsed.Errors.First().Message;
        }

        var known = ours.AllEntries.Concat(theirs.AllEntries).Select(RepublishedEntries.KeyOf).ToHashSet(StringComparer.Ordinal);
        var merged = parsed.Document.AllEntries.Select(RepublishedEntries.KeyOf).ToHashSet(StringComparer.Ordinal);
        var stranger = merged.FirstOrDefault(key => !known.Contains(key));
        if (stranger is not null)
        {
            return $"an entry that neither side holds appeared: '{ReleaseNotesMerger.Shorten(stranger)}'";
        }

        var lost = theirs.AllEntries.Select(RepublishedEntries.KeyOf).Intersect(ours.AllEntries.Select(RepublishedEntries.KeyOf), StringComparer.Ordinal).FirstOrDefault(key => !merged.Contains(key));
        return lost is null ? null : $"an entry both sides hold was lost: '{ReleaseNotesMerger.Shorten(lost)}'";
    }
}
