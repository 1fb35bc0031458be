using BfReleaseNotes.Migration;

namespace BfReleaseNotes.Tests.Migration;

public class ClickUpTextTests
{
    [Theory]
    [InlineData("[a,b]", new[] { "a", "b" }, true)]
    [InlineData("[a, b]", new[] { "a", "b" }, true)]
    [InlineData(" [bug , Customer Reported] ", new[] { "bug", "Customer Reported" }, true)]
    [InlineData("[]", new string[0], true)]
    [InlineData("null", new string[0], false)]
    [InlineData("", new string[0], false)]
    [InlineData("Feature", new[] { "Feature" }, false)]
    public void Multi_value_cells_give_their_values(string cell, string[] values, bool multiValued)
    {
        var read = ClickUpText.Values(cell, out var isList);

        Assert.Equal(values, read.ToArray());
        Assert.Equal(multiValued, isList);
    }

    [Theory]
    [InlineData("null", "")]
    [InlineData("  null ", "")]
    [InlineData(" 3.14 ", "3.14")]
    [InlineData("nullable", "nullable")]
    public void The_text_null_stands_for_an_empty_cell(string cell, string expected) =>
        Assert.Equal(expected, ClickUpText.Cell(cell));

    [Theory]
    [InlineData("one\\ntwo", "one\ntwo")]
    [InlineData("one\r\ntwo\rthree", "one\ntwo\nthree")]
    [InlineData("path C:\\\\new stays", "path C:\\\\new stays")]
    [InlineData("real\nnewline with a literal \\n kept", "real\nnewline with a literal \\n kept")]
    public void Line_breaks_come_as_real_newlines_or_a_literal_backslash_n(string cell, string expected)
    {
        Assert.Equal(expected, ClickUpText.Markdown(cell, out var hadHtml, out _));
        Assert.False(hadHtml);
    }

    [Fact]
    public void HTML_is_reduced_to_markdown_and_unknown_tags_are_escaped_not_dropped()
    {
        var markdown = ClickUpText.Markdown(
            "<p>Fixes a <b>crash</b> in <code>save()</code> (<a href=\"https://x.example/a b\">details</a>)</p><ul><li>one</li><li><em>two</em></li></ul><p>Seen on <span class=\"os\">macOS</span><br>and iOS</p>",
            out var hadHtml,
            out var escaped);

        Assert.True(hadHtml);
        Assert.Equal(["span"], escaped.ToArray());
        Assert.Equal(
            "Fixes a **crash** in `save()` ([details](https://x.example/a%20b))\n\n- one\n- *two*\n\nSeen on &lt;span class=\"os\">macOS&lt;/span>\nand iOS",
            markdown);
    }

    [Theory]
    [InlineData("<a href=\"javascript:alert(1)\">Click</a> here")]
    [InlineData("<a href='JaVa&#x73;cript:alert(1)'>Click</a> here")]
    [InlineData("<a href=\"data:text/html,x\">Click</a> here")]
    public void An_anchor_whose_url_the_link_policy_refuses_keeps_its_text_and_loses_its_link(string html)
    {
        var markdown = ClickUpText.Markdown(html, out _, out _);

        Assert.Equal("Click here", markdown);
    }

    [Fact]
    public void Markdown_and_comparison_signs_are_not_taken_for_HTML()
    {
        var markdown = ClickUpText.Markdown("Use **bold**, <https://example.com> and 1 < 2 > 0", out var hadHtml, out _);

        Assert.False(hadHtml);
        Assert.Equal("Use **bold**, <https://example.com> and 1 < 2 > 0", markdown);
    }
}
