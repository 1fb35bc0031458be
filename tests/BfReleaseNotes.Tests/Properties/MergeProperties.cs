using BfReleaseNotes.Editing;
using BfReleaseNotes.Markdown;
using BfReleaseNotes.Merging;
using BfReleaseNotes.Model;
using FsCheck.Xunit;

namespace BfReleaseNotes.Tests.Properties;

/// <summary>The structural merge of two additions: nothing lost, nothing doubled, no conflict, a file that lints.</summary>
[Properties(Arbitrary = [typeof(ReleaseNotesArbitraries)], MaxTest = 200)]
public class MergeProperties
{
    [Property]
    public void Merging_two_additions_to_a_valid_file_keeps_every_entry_once_and_lints(AddRequest request)
    {
        var baseParsed = ReleaseNotesParser.Parse(request.Document, DocumentKind.Unreleased, "unreleased.md");
        var ours = EntryAdder.Add(baseParsed.Document!, request.Visibility, request.Type, request.Flag, request.Text, "unreleased.md");
        var theirs = EntryAdder.Add(baseParsed.Document!, Visibility.Public, ChangeType.Fixed, null, "Theirs: a fix nobody else wrote.", "unreleased.md");

        var result = ReleaseNotesMerger.Merge(request.Document, ours.Text!, theirs.Text!, "unreleased.md");

        Assert.Equal(0, result.Conflicts);
        Assert.Equal(MergeMethod.Structural, result.Method);
        var merged = ReleaseNotesParser.Parse(result.Text, DocumentKind.Unreleased, "unreleased.md");
        Assert.True(merged.IsValid, string.Join('\n', merged.Diagnostics) + "\n" + result.Text);
        var expected = ours.Document!.AllEntries.Concat(theirs.Document!.AllEntries.Where(entry => entry.Markdown.StartsWith("Theirs:", StringComparison.Ordinal)))
            .Select(entry => entry.Markdown).Order(StringComparer.Ordinal);
        Assert.Equal(expected, merged.Document.AllEntries.Select(entry => entry.Markdown).Order(StringComparer.Ordinal));
    }

    [Property]
    public void Merging_in_either_order_gives_the_same_entries_in_the_same_places(AddRequest request)
    {
        var baseParsed = ReleaseNotesParser.Parse(request.Document, DocumentKind.Unreleased, "unreleased.md");
        var ours = EntryAdder.Add(baseParsed.Document!, request.Visibility, request.Type, request.Flag, request.Text, "unreleased.md").Text!;
        var theirs = EntryAdder.Add(baseParsed.Document!, Visibility.Beta, ChangeType.Changed, null, "Theirs: beta changed.", "unreleased.md").Text!;

        var one = ReleaseNotesMerger.Merge(request.Document, ours, theirs, "unreleased.md");
        var other = ReleaseNotesMerger.Merge(request.Document, theirs, ours, "unreleased.md");

        Assert.Equal(Places(one.Text), Places(other.Text));
    }

    private static List<string> Places(string text) =>
        [.. ReleaseNotesParser.Parse(text, DocumentKind.Unreleased, "unreleased.md").Document!.Sections
            .SelectMany(section => section.ChangeTypes.SelectMany(changeType => changeType.DirectEntries.Select(entry => $"{section.Visibility}/{changeType.Type}: {entry.Markdown}")
                .Concat(changeType.FlagGroups.SelectMany(group => group.Entries.Select(entry => $"{section.Visibility}/{changeType.Type}/{group.Key}: {entry.Markdown}")))))
            .Order(StringComparer.Ordinal)];
}
