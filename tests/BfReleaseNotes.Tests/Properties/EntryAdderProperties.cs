using BfReleaseNotes.Editing;
using BfReleaseNotes.Markdown;
using BfReleaseNotes.Model;
using FsCheck.Xunit;

namespace BfReleaseNotes.Tests.Properties;

/// <summary><c>add</c> only inserts: the original text is the result with one chunk taken out.</summary>
[Properties(Arbitrary = [typeof(ReleaseNotesArbitraries)], MaxTest = 200)]
public class EntryAdderProperties
{
    [Property]
    public void Adding_to_a_valid_file_inserts_one_chunk_and_changes_no_other_byte(AddRequest request)
    {
        var parsed = ReleaseNotesParser.Parse(request.Document, DocumentKind.Unreleased, "unreleased.md");
        Assert.True(parsed.IsValid, string.Join('\n', parsed.Diagnostics));

        var result = EntryAdder.Add(parsed.Document, request.Visibility, request.Type, request.Flag, request.Text, "unreleased.md");

        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        var chunk = TextEdits.AssertOnlyInserted(request.Document, result.Text!);
        Assert.Contains(request.Text.Split('\n')[0].TrimStart('-', ' ').TrimEnd(), chunk, StringComparison.Ordinal);
        Assert.Equal(parsed.Document.AllEntries.Count() + 1, result.Document!.AllEntries.Count());
        // The one thing an addition may cause: the warning that the same text is already there (BFRN117).
        Assert.All(result.Diagnostics, diagnostic => Assert.Equal(DiagnosticCodes.DuplicateEntry, diagnostic.Code));
    }

    [Property]
    public void The_added_entry_lands_in_the_requested_section_type_and_flag_group(AddRequest request)
    {
        var parsed = ReleaseNotesParser.Parse(request.Document, DocumentKind.Unreleased, "unreleased.md");

        var result = EntryAdder.Add(parsed.Document!, request.Visibility, request.Type, request.Flag, request.Text, "unreleased.md");

        var changeType = result.Document!.Find(request.Visibility)!.Find(request.Type)!;
        var entries = request.Flag is null ? changeType.DirectEntries : changeType.FlagGroups.Single(group => group.Key == request.Flag).Entries;
        var last = entries.Last();
        Assert.Contains(request.Text.Split('\n')[0].TrimStart('-', ' ').TrimEnd(), last.Text, StringComparison.Ordinal);
    }

    [Property]
    public void Adding_keeps_the_line_ending_of_the_file(AddRequest request)
    {
        var parsed = ReleaseNotesParser.Parse(request.Document, DocumentKind.Unreleased, "unreleased.md");
        var crlf = request.Document.Contains("\r\n", StringComparison.Ordinal);

        var result = EntryAdder.Add(parsed.Document!, request.Visibility, request.Type, request.Flag, request.Text, "unreleased.md");

        var chunk = TextEdits.InsertedChunk(request.Document, result.Text!)!;
        var bareLineFeeds = chunk.Replace("\r\n", string.Empty, StringComparison.Ordinal).Contains('\n', StringComparison.Ordinal);
        Assert.Equal(crlf, !bareLineFeeds);
    }
}
