using BfReleaseNotes.Migration;

namespace BfReleaseNotes.Tests.Rules;

/// <summary>
/// The cell conventions of a ClickUp export pinned with literal texts: an absent cell, what counts as a list
/// cell, and the markdown each HTML tag of a task's content becomes (bold, italics, strike-through, lists,
/// headings, links), so a rule changed in <see cref="ClickUpText"/> shows here as a changed text.
/// </summary>
public sealed class ClickUpTextRuleTests
{
    [Fact]
    public void An_absent_cell_reads_as_empty_text_and_as_empty_markdown()
    {
        Assert.Equal(string.Empty, ClickUpText.Cell(null));
        Assert.Equal(string.Empty, ClickUpText.Markdown(null, out var hadHtml, out var escaped));
        Assert.False(hadHtml);
        Assert.Empty(escaped);
    }

    [Theory]
    [InlineData("[draft", "[draft")]
    [InlineData("draft]", "draft]")]
    public void A_cell_that_only_starts_or_only_ends_with_a_bracket_is_one_value_not_a_list(string cell, string value)
    {
        var values = ClickUpText.Values(cell, out var multiValued);

        Assert.False(multiValued);
        Assert.Equal([value], values.ToArray());
    }

    [Theory]
    [InlineData("<p>First</p><p>Second</p>", "First\n\nSecond")]
    [InlineData("<div>First</div><div>Second</div>", "First\n\nSecond")]
    public void A_paragraph_or_div_becomes_a_paragraph(string html, string markdown) =>
        Assert.Equal(markdown, ClickUpText.Markdown(html, out _, out _));

    [Fact]
    public void Bold_italic_and_struck_text_in_every_tag_spelling_become_markdown_emphasis()
    {
        var markdown = ClickUpText.Markdown(
            "<b>b</b> <strong>strong</strong> <i>i</i> <em>em</em> <s>s</s> <del>del</del> <strike>strike</strike> <code>code</code>",
            out var hadHtml,
            out var escaped);

        Assert.True(hadHtml);
        Assert.Empty(escaped);
        Assert.Equal("**b** **strong** *i* *em* ~~s~~ ~~del~~ ~~strike~~ `code`", markdown);
    }

    [Fact]
    public void Every_HTML_heading_level_becomes_a_bold_paragraph()
    {
        var markdown = ClickUpText.Markdown(
            "<h1>One</h1><h2>Two</h2><h3>Three</h3><h4>Four</h4><h5>Five</h5><h6>Six</h6>text",
            out _,
            out var escaped);

        Assert.Empty(escaped);
        Assert.Equal("**One**\n\n**Two**\n\n**Three**\n\n**Four**\n\n**Five**\n\n**Six**\n\ntext", markdown);
    }

    [Fact]
    public void A_list_starts_on_its_own_line_and_the_text_after_it_is_a_new_paragraph()
    {
        var markdown = ClickUpText.Markdown("Steps:<ol><li>open</li><li>save</li></ol>Done<ul><li>last</li></ul>After", out _, out var escaped);

        Assert.Empty(escaped);
        Assert.Equal("Steps:\n- open\n- save\n\nDone\n- last\n\nAfter", markdown);
    }

    [Theory]
    [InlineData("<li>first</li><li>second</li>", "- first\n- second")]
    [InlineData("Text<li>item</li>", "Text\n- item")]
    public void A_list_item_outside_a_list_still_starts_its_own_line(string html, string markdown) =>
        Assert.Equal(markdown, ClickUpText.Markdown(html, out _, out _));

    [Fact]
    public void An_anchor_without_an_href_keeps_its_text_and_makes_no_link() =>
        Assert.Equal("Top of the page", ClickUpText.Markdown("<a name=\"top\">Top</a> of the page", out _, out _));

    [Fact]
    public void A_closing_anchor_with_no_opening_one_is_dropped_and_the_text_kept() =>
        Assert.Equal("stray end", ClickUpText.Markdown("stray</a> end", out _, out _));
}
