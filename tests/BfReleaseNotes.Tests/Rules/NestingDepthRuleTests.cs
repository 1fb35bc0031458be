using BfReleaseNotes.Markdown;
using BfReleaseNotes.Model;

namespace BfReleaseNotes.Tests.Rules;

/// <summary>
/// The nesting pre-scan that refuses a file before Markdig spends seconds on it. Markdig stays the final check, so
/// a scan that counts too little is invisible in the parse result (Markdig refuses the same file, only slower): the
/// scan's own answer, the first line deeper than 128 levels, is asserted directly. Each case is built so that the
/// rule under test decides between "passes" (null) and "refused at line N".
/// </summary>
public class NestingDepthRuleTests
{
    [Fact]
    public void The_limit_is_Markdigs_default_of_128_levels()
    {
        Assert.Equal(128, NestingDepth.Limit);
    }

    [Fact]
    public void Lists_nested_exactly_to_the_limit_pass_and_one_level_more_is_refused_at_that_line()
    {
        Assert.Null(NestingDepth.FirstLineTooDeep(Nested(128)));
        Assert.Equal(129, NestingDepth.FirstLineTooDeep(Nested(129)));
        Assert.Equal(129, NestingDepth.FirstLineTooDeep(Nested(300)));
    }

    [Fact]
    public void Block_quote_markers_count_as_levels_on_their_line()
    {
        Assert.Null(NestingDepth.FirstLineTooDeep(Quotes(128) + "text\n"));
        Assert.Equal(1, NestingDepth.FirstLineTooDeep(Quotes(129) + "text\n"));
        Assert.Equal(3, NestingDepth.FirstLineTooDeep("intro\n\n" + Quotes(129) + "text"));
    }

    [Fact]
    public void A_file_that_starts_with_a_blank_line_is_counted_from_its_second_line()
    {
        Assert.Equal(2, NestingDepth.FirstLineTooDeep("\n" + Quotes(129) + "text\n"));
        Assert.Equal(2, NestingDepth.FirstLineTooDeep("\r\n" + Quotes(129) + "text\r\n"));
    }

    [Fact]
    public void Quotes_and_bullets_on_one_line_count_together()
    {
        Assert.Null(NestingDepth.FirstLineTooDeep(string.Concat(Enumerable.Repeat("> - ", 64)) + "text\n"));
        Assert.Equal(1, NestingDepth.FirstLineTooDeep(string.Concat(Enumerable.Repeat("> - ", 64)) + "> text\n"));
    }

    [Fact]
    public void Bullets_written_one_after_another_on_a_line_are_nested_items()
    {
        Assert.Null(NestingDepth.FirstLineTooDeep(string.Concat(Enumerable.Repeat("- ", 128)) + "x\n"));
        Assert.Equal(1, NestingDepth.FirstLineTooDeep(string.Concat(Enumerable.Repeat("- ", 129)) + "x\n"));
    }

    [Fact]
    public void A_blank_or_whitespace_only_line_keeps_the_open_items()
    {
        var deeper = new string(' ', 2 * 128) + "- x\n";

        Assert.Equal(130, NestingDepth.FirstLineTooDeep(Nested(128) + "\n" + deeper));
        Assert.Equal(130, NestingDepth.FirstLineTooDeep(Nested(128) + " \t \n" + deeper));
        Assert.Equal(130, NestingDepth.FirstLineTooDeep(Nested(128) + "\u00A0\n" + deeper));
    }

    [Fact]
    public void A_line_at_a_lower_indent_closes_the_deeper_items()
    {
        Assert.Null(NestingDepth.FirstLineTooDeep(Nested(100) + Nested(100)));
        Assert.Null(NestingDepth.FirstLineTooDeep(string.Concat(Enumerable.Repeat("- sibling\n", 300))));
        Assert.Null(NestingDepth.FirstLineTooDeep(Nested(100) + "paragraph at the margin\n" + Nested(100)));
    }

    [Theory]
    [InlineData("- - -")]
    [InlineData("* * *")]
    [InlineData("---")]
    [InlineData("-\t-\t-")]
    [InlineData("- - - - - -  ")]
    public void Three_or_more_dashes_or_stars_alone_on_a_line_are_a_rule_not_nested_items(string rule)
    {
        // 127 open items, then the rule at their content column: a rule adds nothing.
        Assert.Null(NestingDepth.FirstLineTooDeep(Nested(127) + new string(' ', 2 * 127) + rule + "\n"));
    }

    [Theory]
    [InlineData("- -")]
    [InlineData("* *")]
    [InlineData("- - x")]
    [InlineData("- * -")]
    public void Two_markers_or_markers_followed_by_text_are_nested_items_not_a_rule(string line)
    {
        Assert.Equal(128, NestingDepth.FirstLineTooDeep(Nested(127) + new string(' ', 2 * 127) + line + "\n"));
    }

    [Theory]
    [InlineData("- ", "  ")]
    [InlineData("* ", "  ")]
    [InlineData("+ ", "  ")]
    [InlineData("1. ", "   ")]
    [InlineData("7) ", "   ")]
    [InlineData("123456789. ", "           ")]
    [InlineData("-\t", "    ")]
    public void Bullets_and_ordered_markers_of_up_to_nine_digits_open_list_items(string marker, string indent)
    {
        Assert.Equal(129, NestingDepth.FirstLineTooDeep(Nested(129, marker, indent)));
    }

    [Theory]
    [InlineData("1234567890. ", "            ")] // ten digits: a paragraph, as in CommonMark
    [InlineData("-x ", "  ")]
    [InlineData("1.x ", "   ")]
    [InlineData("1: ", "   ")]
    [InlineData("a. ", "   ")]
    [InlineData("x ", "  ")]
    [InlineData("12 ", "   ")]
    public void Text_that_only_looks_like_a_marker_opens_no_item(string marker, string indent)
    {
        Assert.Null(NestingDepth.FirstLineTooDeep(Nested(300, marker, indent)));
    }

    [Theory]
    [InlineData("a ")]
    [InlineData("2023 ")]
    [InlineData("v1. ")]
    public void Words_or_numbers_after_an_item_are_its_text(string word)
    {
        // A bullet then words: one level, however many words; digits at the end of a line are not read past it.
        Assert.Null(NestingDepth.FirstLineTooDeep("- " + string.Concat(Enumerable.Repeat(word, 200)) + "\n- 2023\n- 12"));
    }

    [Fact]
    public void A_marker_at_the_end_of_a_line_opens_an_empty_item_whose_content_starts_one_column_after_it()
    {
        // "-" alone: content column 2, so a bullet at column 1 is a sibling and one at column 2 a child.
        Assert.Null(NestingDepth.FirstLineTooDeep(Chain("-", 1)));
        Assert.Equal(129, NestingDepth.FirstLineTooDeep(Chain("-", 2)));
        Assert.Null(NestingDepth.FirstLineTooDeep(Chain("-\r", 1)));
        Assert.Equal(129, NestingDepth.FirstLineTooDeep(Chain("-\r", 2)));
    }

    [Fact]
    public void Item_content_starts_after_the_spaces_that_follow_the_marker()
    {
        // "-   a": content column 4, so a bullet at column 3 is a sibling and one at column 4 a child.
        Assert.Null(NestingDepth.FirstLineTooDeep(Chain("-   a", 3)));
        Assert.Equal(129, NestingDepth.FirstLineTooDeep(Chain("-   a", 4)));
    }

    [Fact]
    public void A_tab_after_a_marker_moves_the_content_to_the_next_multiple_of_four()
    {
        // "1.\ta": the tab at column 2 reaches column 4.
        Assert.Null(NestingDepth.FirstLineTooDeep(Chain("1.\ta", 3)));
        Assert.Equal(129, NestingDepth.FirstLineTooDeep(Chain("1.\ta", 4)));
        // "- \ta": the tab at column 2 reaches column 4 as well.
        Assert.Null(NestingDepth.FirstLineTooDeep(Chain("- \ta", 3)));
    }

    [Fact]
    public void A_tab_in_the_indentation_moves_to_the_next_multiple_of_four()
    {
        // Line k starts with k tabs (column 4k); its content is at 4k + 2, so the next line's bullet is a child.
        var text = string.Concat(Enumerable.Range(0, 129).Select(level => new string('\t', level) + "- x\n"));
        Assert.Equal(129, NestingDepth.FirstLineTooDeep(text));
        // Two spaces then a tab reach column 4, the content column of "-   a": a child (two spaces and one more would not be).
        Assert.Equal(129, NestingDepth.FirstLineTooDeep("-   a\n  \t- b\n" + string.Concat(Enumerable.Range(0, 127).Select(level => new string(' ', 6 + (2 * level)) + "- x\n"))));
    }

    [Fact]
    public void The_columns_of_a_quote_marker_count_for_the_items_after_it()
    {
        // "> - a": the item's content is at column 4, so a bullet at column 3 on the next line is outside it.
        Assert.Null(NestingDepth.FirstLineTooDeep(Chain("> - a", 3)));
    }

    [Fact]
    public void The_scan_refuses_a_file_before_the_parser_reads_it_with_BFRN005_at_that_line()
    {
        var text = "# Unreleased\n\n## Public\n\n### Added\n\n" + Nested(300);

        var parsed = ReleaseNotesParser.Parse(text, DocumentKind.Unreleased, "unreleased.md");

        Assert.Equal(
            ["unreleased.md:135:1: error BFRN005: the markdown is nested too deeply to parse (lists, quotes or brackets hundreds of levels deep); flatten it"],
            parsed.Diagnostics.Select(diagnostic => diagnostic.ToString()));
        Assert.Null(parsed.Document);
    }

    [Fact]
    public void Entries_ending_in_numbers_and_lines_of_non_breaking_spaces_parse_as_entries()
    {
        var text = "# Unreleased\n\n## Public\n\n### Added\n\n- Released in 2023\n- 12\n- a\n\u00A0\n- b\n";

        var parsed = ReleaseNotesParser.Parse(text, DocumentKind.Unreleased, "unreleased.md");

        Assert.Empty(parsed.Diagnostics);
        Assert.Equal(4, parsed.Document!.AllEntries.Count());
        Assert.Equal(text, parsed.Document.ToText());
    }

    /// <summary>One item per line, each indented one step more than the last: line k is at depth k.</summary>
    private static string Nested(int levels, string marker = "- ", string indent = "  ") =>
        string.Concat(Enumerable.Range(0, levels).Select(level => string.Concat(Enumerable.Repeat(indent, level)) + marker + "x\n"));

    private static string Quotes(int levels) => string.Concat(Enumerable.Repeat("> ", levels));

    /// <summary>
    /// <paramref name="first"/> (depth 1), then a bullet at <paramref name="column"/>, then 127 bullets each two
    /// columns deeper: 129 lines, refused at line 129 when the second line is a child of the first, else passing.
    /// </summary>
    private static string Chain(string first, int column) =>
        first + "\n" + string.Concat(Enumerable.Range(0, 128).Select(level => new string(' ', column + (2 * level)) + "- x\n"));
}
