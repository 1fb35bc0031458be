using BfReleaseNotes.Migration;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace BfReleaseNotes.Tests.Rules;

/// <summary>
/// How the ClickUp import unlinks a task's unsafe links, pinned on <see cref="ImportedLinks.Neutralise"/> with the
/// exact markdown it returns and the count the import's "unsafe-link" warning quotes: which bracket gets the
/// backslash, which links and definitions are left alone, and what happens to links nested in links or text too
/// deeply nested to parse.
/// </summary>
public sealed class ImportedLinkRuleTests
{
    /// <summary>Quotes nested deeper than Markdig parses (it refuses more than 128 levels).</summary>
    private static readonly string TooDeep = string.Concat(Enumerable.Repeat("> ", 300));

    [Fact]
    public void Every_unsafe_link_of_a_text_gets_one_backslash_before_its_own_bracket()
    {
        var text = ImportedLinks.Neutralise("[one](javascript:alert(1)) and [two](vbscript:msgbox(2))", out var count);

        Assert.Equal("\\[one](javascript:alert(1)) and \\[two](vbscript:msgbox(2))", text);
        Assert.Equal(2, count);
    }

    [Fact]
    public void An_unsafe_image_keeps_its_exclamation_mark_and_has_its_bracket_escaped()
    {
        var text = ImportedLinks.Neutralise("Logo: ![logo](javascript:alert(1))", out var count);

        Assert.Equal("Logo: !\\[logo](javascript:alert(1))", text);
        Assert.Equal(1, count);
    }

    [Fact]
    public void An_unsafe_autolink_inside_a_sentence_gets_its_backslash_before_its_own_angle_bracket()
    {
        var text = ImportedLinks.Neutralise("Open <https://example.com> or <vbscript:msgbox(1)> now", out var count);

        Assert.Equal("Open <https://example.com> or \\<vbscript:msgbox(1)> now", text);
        Assert.Equal(1, count);
    }

    [Fact]
    public void A_safe_link_before_an_unsafe_one_stays_a_link()
    {
        var text = ImportedLinks.Neutralise("See [docs](https://docs.example.com) or [this](javascript:alert(1))", out var count);

        Assert.Equal("See [docs](https://docs.example.com) or \\[this](javascript:alert(1))", text);
        Assert.Equal(1, count);
    }

    [Fact]
    public void A_reference_link_to_a_safe_definition_and_an_unused_safe_definition_are_left_as_written()
    {
        const string Markdown = "See [docs][d].\n\n[d]: https://docs.example.com\n[spare]: /relative/page";

        var text = ImportedLinks.Neutralise(Markdown, out var count);

        Assert.Equal(Markdown, text);
        Assert.Equal(0, count);
    }

    [Fact]
    public void An_unsafe_definition_nobody_uses_is_unlinked_too()
    {
        var text = ImportedLinks.Neutralise("Notes\n\n[evil]: javascript:alert(1)", out var count);

        Assert.Equal("Notes\n\n\\[evil]: javascript:alert(1)", text);
        Assert.Equal(1, count);
    }

    [Fact]
    public void Eight_links_nested_in_each_others_text_are_unlinked_one_by_one_and_counted_as_eight()
    {
        var text = ImportedLinks.Neutralise(
            "[[[[[[[[a](javascript:1)](javascript:2)](javascript:3)](javascript:4)](javascript:5)](javascript:6)](javascript:7)](javascript:8)",
            out var count);

        Assert.Equal(
            "\\[\\[\\[\\[\\[\\[\\[\\[a](javascript:1)](javascript:2)](javascript:3)](javascript:4)](javascript:5)](javascript:6)](javascript:7)](javascript:8)",
            text);
        Assert.Equal(8, count);
        AssertNoLink(text);
    }

    [Fact]
    public void Links_nested_deeper_than_eight_have_every_bracket_escaped_once_and_none_becomes_a_link_again()
    {
        var text = ImportedLinks.Neutralise(
            "[[[[[[[[[[a](javascript:1)](javascript:2)](javascript:3)](javascript:4)](javascript:5)](javascript:6)](javascript:7)](javascript:8)](javascript:9)](javascript:10) <b>",
            out var count);

        Assert.Equal(
            "\\[\\[\\[\\[\\[\\[\\[\\[\\[\\[a](javascript:1)](javascript:2)](javascript:3)](javascript:4)](javascript:5)](javascript:6)](javascript:7)](javascript:8)](javascript:9)](javascript:10) &lt;b>",
            text);
        // Eight unlinked one by one, then the rest at once.
        Assert.Equal(9, count);
        AssertNoLink(text);
    }

    [Fact]
    public void Text_too_deeply_nested_to_parse_loses_all_link_syntax_but_keeps_its_authors_escapes()
    {
        var text = ImportedLinks.Neutralise(TooDeep + "[docs](https://docs.example.com) \\[kept] \\\\[x](javascript:1) <b>", out var count);

        Assert.Equal(TooDeep + "\\[docs](https://docs.example.com) \\[kept] \\\\\\[x](javascript:1) &lt;b>", text);
        Assert.Equal(1, count);
    }

    private static void AssertNoLink(string markdown)
    {
        var document = Markdig.Markdown.Parse(markdown);
        Assert.Empty(document.Descendants<LinkInline>());
        Assert.Empty(document.Descendants<AutolinkInline>());
    }
}
