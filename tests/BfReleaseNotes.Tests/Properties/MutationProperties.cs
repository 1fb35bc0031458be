using BfReleaseNotes.Editing;
using BfReleaseNotes.Linting;
using BfReleaseNotes.Markdown;
using BfReleaseNotes.Model;
using FsCheck.Xunit;

namespace BfReleaseNotes.Tests.Properties;

/// <summary>Near-valid files (a careless merge's edits): still lossless, and fix and add still keep their promises.</summary>
[Properties(Arbitrary = [typeof(ReleaseNotesArbitraries)], MaxTest = 200)]
public class MutationProperties
{
    [Property]
    public void A_mutated_file_writes_back_byte_for_byte(MutatedDocument document)
    {
        var parsed = ReleaseNotesParser.Parse(document.Text, DocumentKind.Unreleased, "unreleased.md");

        Assert.Equal(document.Text, parsed.Document!.ToText());
    }

    [Property]
    public void Fixing_a_mutated_file_is_idempotent_and_keeps_every_distinct_entry(MutatedDocument document)
    {
        var parsed = ReleaseNotesParser.Parse(document.Text, DocumentKind.Unreleased, "unreleased.md");

        var once = LintFixer.Fix(parsed);
        var twice = LintFixer.Fix(ReleaseNotesParser.Parse(once.Text!, DocumentKind.Unreleased, "unreleased.md"));

        Assert.Equal(Entries(parsed), Entries(once.Result));
        Assert.Equal(once.Text, twice.Text);
    }

    [Property]
    public void Adding_to_a_mutated_file_only_inserts_or_is_refused_with_nothing_written(MutatedAddRequest mutated)
    {
        var requests = mutated.Request;
        var parsed = ReleaseNotesParser.Parse(requests.Document, DocumentKind.Unreleased, "unreleased.md");

        var result = EntryAdder.Add(parsed.Document!, requests.Visibility, requests.Type, requests.Flag, requests.Text, "unreleased.md");

        if (result.Succeeded)
        {
            // Valid or not before, what add writes is valid, and it only inserted the one entry.
            TextEdits.AssertOnlyInserted(requests.Document, result.Text!);
            Assert.True(ReleaseNotesParser.Parse(result.Text!, DocumentKind.Unreleased, "unreleased.md").IsValid, result.Text);
            Assert.Equal(parsed.Document!.AllEntries.Count() + 1, result.Document!.AllEntries.Count());
        }
        else
        {
            Assert.Null(result.Text);
            Assert.Null(result.Document);
            Assert.Equal(EntryAdder.RefusedCode, Assert.Single(result.Diagnostics).Code);
        }
    }

    /// <summary>Distinct entry texts, sorted: an entry written twice (BFRN117, what a careless merge leaves) keeps one copy.</summary>
    private static List<string> Entries(ParsedFile parsed) =>
        [.. parsed.Document!.AllEntries.Select(entry => entry.Markdown).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
}
