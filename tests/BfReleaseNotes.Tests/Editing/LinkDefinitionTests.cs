using BfReleaseNotes.Editing;
using BfReleaseNotes.Markdown;
using BfReleaseNotes.Model;

namespace BfReleaseNotes.Tests.Editing;

public class LinkDefinitionTests
{
    private const string File = "release-notes/unreleased.md";

    [Fact]
    public void Definitions_in_the_text_are_split_out_and_only_inserted_bytes_differ()
    {
        var document = Parse(ReleaseNotesWriter.EmptyUnreleased());

        var result = EntryAdder.Add(document, Visibility.Public, ChangeType.Fixed, null, "Search works again [#7].\n\n[#7]: https://example.com/7\n", File);

        Assert.True(result.Succeeded);
        var expected = ReleaseNotesWriter.EmptyUnreleased()
            .Replace("### Fixed\n\n## Beta", "### Fixed\n\n- Search works again [#7].\n\n## Beta", StringComparison.Ordinal) + "\n[#7]: https://example.com/7\n";
        Assert.Equal(expected, result.Text);
        Assert.Single(result.Document!.LinkReferenceDefinitions);
    }

    [Fact]
    public void A_definition_in_a_code_block_is_text_not_a_definition()
    {
        var document = Parse(ReleaseNotesWriter.EmptyUnreleased());

        var result = EntryAdder.Add(document, Visibility.Public, ChangeType.Fixed, null, "Config example:\n\n```\n[x]: not-a-link\n```", File);

        Assert.True(result.Succeeded);
        Assert.Contains("  [x]: not-a-link", result.Text, StringComparison.Ordinal);
        Assert.Empty(result.Document!.LinkReferenceDefinitions);
    }

    [Fact]
    public void An_identical_definition_is_reused_and_a_different_one_refused()
    {
        var document = Parse(ReleaseNotesWriter.EmptyUnreleased() + "\n[#7]: https://example.com/7\n");

        var same = EntryAdder.Add(document, Visibility.Public, ChangeType.Fixed, null, "A [#7].", File, [new LinkDefinition("#7", "https://example.com/7")]);
        var other = EntryAdder.Add(document, Visibility.Public, ChangeType.Fixed, null, "A [#7].", File, [new LinkDefinition("#7", "https://example.com/8")]);

        Assert.True(same.Succeeded);
        Assert.Single(same.Document!.LinkReferenceDefinitions);
        Assert.False(other.Succeeded);
        Assert.Contains("already defined in this file as 'https://example.com/7'", other.Diagnostics[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void New_definitions_join_the_definitions_already_at_the_end()
    {
        var document = Parse(ReleaseNotesWriter.EmptyUnreleased() + "\n[#7]: https://example.com/7\n");

        var result = EntryAdder.Add(document, Visibility.Public, ChangeType.Fixed, null, "B [#8].", File, [new LinkDefinition("#8", "https://example.com/8")]);

        Assert.True(result.Succeeded);
        Assert.EndsWith("\n[#7]: https://example.com/7\n[#8]: https://example.com/8\n", result.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("#1=https://example.com/1", true)]
    [InlineData("docs=../docs/a.md", true)]
    [InlineData("mail=mailto:team@example.com", true)]
    [InlineData("x=javascript:alert(1)", false)]
    [InlineData("x=data:text/html,hi", false)]
    [InlineData("x]=https://example.com", false)]
    [InlineData("=https://example.com", false)]
    public void Only_safe_links_are_accepted(string text, bool accepted)
    {
        Assert.Equal(accepted, LinkDefinition.TryParse(text, out _, out _));
    }

    private static ReleaseNotesDocument Parse(string text) => ReleaseNotesParser.Parse(text, DocumentKind.Unreleased, File).Document!;
}
