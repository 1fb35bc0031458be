using BfReleaseNotes.Markdown;
using BfReleaseNotes.Model;

namespace BfReleaseNotes.Tests.Rules;

/// <summary>
/// What the parser reports about the content of entries: URLs the app would not link (BFRN130) and headings written
/// inside an entry (BFRN131). Each expected diagnostic is written out in full: position, code and message.
/// </summary>
public class EntryContentRuleTests
{
    private const string Head = "# Unreleased\n\n## Public\n\n### Added\n\n";

    private const string Advice = "only http, https, mailto and relative URLs are allowed (the app shows it as plain text), so link to an https page instead";

    [Theory]
    [InlineData("https://example.com/a")]
    [InlineData("http://example.com")]
    [InlineData("HTTPS://EXAMPLE.COM")]
    [InlineData("mailto:team@example.com")]
    [InlineData("docs/page.md")]
    [InlineData("#anchor")]
    [InlineData("./a:b")]
    public void Http_https_mailto_and_relative_links_are_allowed(string url)
    {
        Assert.Empty(Diagnostics(Head + $"- See [the page]({url}), ![image]({url}) and <{url}>.\n"));
    }

    [Theory]
    [InlineData("javascript:alert(1)", "javascript")]
    [InlineData("data:text/html,x", "data")]
    [InlineData("file:///etc/passwd", "file")]
    [InlineData("ftp://example.com/x", "ftp")]
    [InlineData("JavaScript:alert(1)", "javascript")]
    public void Any_other_scheme_in_a_link_is_an_error_that_names_the_scheme(string url, string scheme)
    {
        Assert.Equal(
            [$"unreleased.md:7:7: error BFRN130: the link to '{url}' has the scheme '{scheme}:'; {Advice}"],
            Diagnostics(Head + $"- See [the page]({url}).\n"));
    }

    [Fact]
    public void Images_autolinks_and_reference_definitions_are_named_in_the_message()
    {
        Assert.Equal(
            [
                $"unreleased.md:7:3: error BFRN130: the image to 'javascript:a' has the scheme 'javascript:'; {Advice}",
                $"unreleased.md:7:25: error BFRN130: the autolink to 'javascript:b' has the scheme 'javascript:'; {Advice}",
                $"unreleased.md:9:3: error BFRN130: the reference definition to 'data:c' has the scheme 'data:'; {Advice}",
            ],
            Diagnostics(Head + "- ![icon](javascript:a) <javascript:b>\n\n  [ref]: data:c\n"));
    }

    [Fact]
    public void An_entity_encoded_scheme_is_decoded_before_it_is_judged_and_quoted()
    {
        Assert.Equal(
            [$"unreleased.md:7:3: error BFRN130: the link to 'javascript:alert(1)' has the scheme 'javascript:'; {Advice}"],
            Diagnostics(Head + "- [a](java&#115;cript:alert(1))\n"));
    }

    [Fact]
    public void A_reference_definition_is_reported_at_the_column_of_its_bracket_inside_an_entry_or_a_quote()
    {
        Assert.Equal(
            [
                $"unreleased.md:3:1: error BFRN130: the reference definition to 'data:a' has the scheme 'data:'; {Advice}",
                $"unreleased.md:11:3: error BFRN130: the reference definition to 'data:b' has the scheme 'data:'; {Advice}",
                $"unreleased.md:13:5: error BFRN130: the reference definition to 'data:c' has the scheme 'data:'; {Advice}",
            ],
            Diagnostics("# Unreleased\n\n[a]: data:a\n\n## Public\n\n### Added\n\n- Entry\n\n  [b]: data:b\n\n  > [c]: data:c\n"));
    }

    [Fact]
    public void A_scheme_that_cannot_be_read_is_called_unreadable()
    {
        Assert.Equal(
            [$"unreleased.md:7:3: error BFRN130: the link to 'java_script:x' has an unreadable scheme; {Advice}"],
            Diagnostics(Head + "- [a](java_script:x)\n"));
    }

    [Theory]
    [InlineData("- [a]( javascript:x)\n")]
    [InlineData("- [a](\tjavascript:x)\n")]
    [InlineData("- [a](\n  javascript:x)\n")]
    [InlineData("- [a](<javascript:x>)\n")]
    public void A_link_destination_after_whitespace_a_line_break_or_in_angle_brackets_is_checked(string entry)
    {
        Assert.Equal(
            [$"unreleased.md:7:3: error BFRN130: the link to 'javascript:x' has the scheme 'javascript:'; {Advice}"],
            Diagnostics(Head + entry));
    }

    [Fact]
    public void Every_link_of_an_entry_is_checked_not_only_the_first()
    {
        Assert.Equal(
            [$"unreleased.md:7:22: error BFRN130: the link to 'javascript:y' has the scheme 'javascript:'; {Advice}"],
            Diagnostics(Head + "- [a](https://x) and [b](javascript:y)\n"));
    }

    [Fact]
    public void A_link_after_a_stray_closing_bracket_at_the_start_of_an_entry_is_checked()
    {
        Assert.Equal(
            [$"unreleased.md:7:7: error BFRN130: the link to 'javascript:y' has the scheme 'javascript:'; {Advice}"],
            Diagnostics(Head + "- ](x [a](javascript:y)\n"));
    }

    [Theory]
    [InlineData("  ", 7)]
    [InlineData("     ", 10)]
    [InlineData("", 5)]
    public void A_link_on_a_later_line_of_an_entry_is_reported_at_its_own_line_and_column_whatever_the_indentation(string indent, int column)
    {
        Assert.Equal(
            [$"unreleased.md:8:{column}: error BFRN130: the link to 'javascript:x' has the scheme 'javascript:'; {Advice}"],
            Diagnostics(Head + $"- First line\n{indent}and [a](javascript:x) here\n"));
    }

    [Fact]
    public void A_link_on_a_later_line_of_a_CRLF_file_is_reported_at_its_own_line_and_column()
    {
        Assert.Equal(
            [$"unreleased.md:9:9: error BFRN130: the link to 'javascript:x' has the scheme 'javascript:'; {Advice}"],
            Diagnostics((Head + "- First line\n  second\n    and [a](javascript:x) here\n").Replace("\n", "\r\n", StringComparison.Ordinal)));
    }

    [Fact]
    public void An_autolink_alone_is_checked()
    {
        Assert.Equal(
            [$"unreleased.md:7:3: error BFRN130: the autolink to 'javascript:alert(1)' has the scheme 'javascript:'; {Advice}"],
            Diagnostics(Head + "- <javascript:alert(1)>\n"));
    }

    [Theory]
    [InlineData("- An unfinished [link](\n")]
    [InlineData("- An unfinished [link](   \n")]
    [InlineData("- ](\n")]
    public void A_link_left_unfinished_at_the_end_of_an_entry_is_plain_text(string entry)
    {
        Assert.Empty(Diagnostics(Head + entry));
    }

    [Fact]
    public void A_link_on_a_line_after_a_bare_carriage_return_is_reported_at_its_own_column()
    {
        Assert.Equal(
            [
                "unreleased.md:7:13: error BFRN006: a line ends with a bare carriage return (CR, old Mac style); save the file with LF or CRLF line endings",
                $"unreleased.md:8:7: error BFRN130: the link to 'javascript:x' has the scheme 'javascript:'; {Advice}",
            ],
            Diagnostics(Head + "- First line\r  and [a](javascript:x)\n"));
    }

    [Fact]
    public void A_link_in_a_quote_inside_an_entry_is_reported_at_its_column_past_the_quote_marker()
    {
        Assert.Equal(
            [
                $"unreleased.md:7:12: error BFRN130: the link to 'javascript:x' has the scheme 'javascript:'; {Advice}",
                $"unreleased.md:8:9: error BFRN130: the link to 'data:y' has the scheme 'data:'; {Advice}",
            ],
            Diagnostics(Head + "- > quoted [a](javascript:x)\n  > and [b](data:y) second\n"));
    }

    [Fact]
    public void A_url_of_80_characters_is_quoted_whole_and_a_longer_one_is_cut_to_77_and_three_dots()
    {
        var eighty = "javascript:" + new string('x', 69);
        var eightyOne = eighty + "y";

        Assert.Equal(
            [$"unreleased.md:7:3: error BFRN130: the link to '{eighty}' has the scheme 'javascript:'; {Advice}"],
            Diagnostics(Head + $"- [a]({eighty})\n"));
        Assert.Equal(
            [$"unreleased.md:7:3: error BFRN130: the link to '{eighty[..77]}...' has the scheme 'javascript:'; {Advice}"],
            Diagnostics(Head + $"- [a]({eightyOne})\n"));
    }

    [Fact]
    public void Control_characters_in_a_quoted_url_are_shown_as_question_marks()
    {
        Assert.Equal(
            [$"unreleased.md:7:3: error BFRN130: the link to 'java?script:x' has the scheme 'javascript:'; {Advice}"],
            Diagnostics(Head + "- [a](<java\u0001script:x>)\n"));
    }

    [Fact]
    public void A_heading_inside_an_entry_is_a_warning_quoting_it_with_control_characters_shown_as_question_marks()
    {
        Assert.Equal(
            ["unreleased.md:9:3: warning BFRN131: the heading '## Inner heading ?[31mred' is inside an entry; the app shows it as a minor heading below the change type, so write it as **bold** text or make it part of the sentence"],
            Diagnostics(Head + "- Entry\n\n  ## Inner heading \u001b[31mred\n"));
    }

    [Fact]
    public void A_heading_in_a_quote_inside_an_entry_is_inside_the_entry()
    {
        Assert.Equal(
            ["unreleased.md:9:5: warning BFRN131: the heading '> ## Quoted' is inside an entry; the app shows it as a minor heading below the change type, so write it as **bold** text or make it part of the sentence"],
            Diagnostics(Head + "- Entry\n\n  > ## Quoted\n"));
    }

    [Fact]
    public void A_heading_in_a_quote_outside_any_entry_is_stray_text_not_a_heading_inside_an_entry()
    {
        Assert.Equal(
            ["unreleased.md:7:1: error BFRN104: '> ## Quoted heading' is not a list item; every entry starts with '- ' (indent wrapped lines and nested content under it), and free text belongs before the first '##' heading"],
            Diagnostics(Head + "> ## Quoted heading\n"));
    }

    private static string[] Diagnostics(string text) =>
        [.. ReleaseNotesParser.Parse(text, DocumentKind.Unreleased, "unreleased.md").Diagnostics.Select(diagnostic => diagnostic.ToString())];
}
