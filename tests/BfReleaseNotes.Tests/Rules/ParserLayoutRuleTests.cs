using BfReleaseNotes.Markdown;
using BfReleaseNotes.Model;

namespace BfReleaseNotes.Tests.Rules;

/// <summary>
/// How the parser cuts a file into the model: where each block starts (ATX and setext headings, entries, comments,
/// link definitions), which part owns each blank run, the kind and 1-based position of every part, titles without
/// their closing '#'s, the dominant line ending, and the exact diagnostic for a heading or text that has no place.
/// The model is written out here as one row per part: position, kind, title or label, and the part's own text.
/// </summary>
public class ParserLayoutRuleTests
{
    private const string Body = "## Public\n\n### Added\n\n- x\n";

    [Fact]
    public void Every_line_belongs_to_one_part_at_its_own_position_with_blank_runs_as_blank_parts()
    {
        var text = "# Unreleased\n\n<!-- note -->\n\n## Public\n\n### Added\n\n- x\n\n[Docs  page]: https://example.com\n";

        Assert.Equal(
            [
                "1:1 heading 1 'Unreleased' |# Unreleased\\n|",
                "2:1 blank |\\n|",
                "3:1 html |<!-- note -->\\n|",
                "4:1 blank |\\n|",
                "5:1 heading 2 'Public' |## Public\\n|",
                "  6:1 blank |\\n|",
                "  7:1 heading 3 'Added' |### Added\\n|",
                "    8:1 blank |\\n|",
                "    9:1 entry |- x\\n|",
                "    10:1 blank |\\n|",
                "    11:1 linkreferencedefinition [DOCS PAGE] |[Docs  page]: https://example.com\\n|",
            ],
            Layout(text));
    }

    [Fact]
    public void Blocks_without_blank_lines_between_them_get_no_empty_blank_parts()
    {
        Assert.Equal(
            [
                "1:1 heading 1 'Unreleased' |# Unreleased\\n|",
                "2:1 heading 2 'Public' |## Public\\n|",
                "  3:1 heading 3 'Added' |### Added\\n|",
                "    4:1 entry |- x\\n|",
                "    5:1 entry |- y|",
            ],
            Layout("# Unreleased\n## Public\n### Added\n- x\n- y"));
    }

    [Fact]
    public void Trailing_blank_lines_are_one_blank_part_at_the_end_and_no_empty_line_follows_the_last_line_ending()
    {
        Assert.Equal(
            [
                "1:1 heading 1 'Unreleased' |# Unreleased\\n|",
                "2:1 blank |\\n|",
                "3:1 heading 2 'Public' |## Public\\n|",
                "  4:1 blank |\\n|",
                "  5:1 heading 3 'Added' |### Added\\n|",
                "    6:1 blank |\\n|",
                "    7:1 entry |- x\\n|",
                "    8:1 blank |\\n  \\n\\n|",
            ],
            Layout("# Unreleased\n\n" + Body + "\n  \n\n"));
    }

    [Fact]
    public void A_setext_heading_starts_at_its_text_line_and_owns_its_underline()
    {
        var text = "Unreleased\n==========\n\nPublic\n------\n\n### Added\n\n- x\n";

        Assert.Equal(
            [
                "1:1 heading 1 'Unreleased' |Unreleased\\n==========\\n|",
                "3:1 blank |\\n|",
                "4:1 heading 2 'Public' |Public\\n------\\n|",
                "  6:1 blank |\\n|",
                "  7:1 heading 3 'Added' |### Added\\n|",
                "    8:1 blank |\\n|",
                "    9:1 entry |- x\\n|",
            ],
            Layout(text));
    }

    [Fact]
    public void A_setext_heading_over_several_lines_has_them_all_in_its_title()
    {
        var text = "# Unreleased\n\n" + Body + "\nBeta\nnotes\n----\n";

        Assert.Equal(
            "9:1 heading 2 'Beta notes' |Beta\\nnotes\\n----\\n|",
            Layout(text)[^1]);
    }

    [Theory]
    [InlineData("# Unreleased ##", "Unreleased")]
    [InlineData("# Unreleased #", "Unreleased")]
    [InlineData("# Unreleased\t##", "Unreleased")]
    [InlineData("# Unreleased    ###   ", "Unreleased")]
    [InlineData("# Notes for C#", "Notes for C#")]
    [InlineData("# Unreleased #a", "Unreleased #a")]
    [InlineData("# #", "")]
    [InlineData("# ###", "")]
    public void A_closing_sequence_of_hashes_after_a_space_or_a_tab_is_not_part_of_the_title(string line, string title)
    {
        var heading = Assert.IsType<Heading>(Parse(line + "\n").Document!.Preamble[0]);

        Assert.Equal(title, heading.Title);
        Assert.Equal(line + "\n", heading.Text);
    }

    [Theory]
    [InlineData("# Unreleased\r\n\n## Public\n", "\n")]
    [InlineData("# Unreleased\r\n## Public\n", "\n")]
    [InlineData("# Unreleased\r\n## Public\r\n### Added\n", "\r\n")]
    [InlineData("# Unreleased", "\n")]
    [InlineData("", "\n")]
    public void The_line_ending_for_new_lines_is_crlf_only_when_crlf_ends_more_lines_than_lf(string text, string lineEnding)
    {
        Assert.Equal(lineEnding, Parse(text).Document!.LineEnding);
    }

    [Fact]
    public void An_empty_file_has_no_parts()
    {
        var document = Parse("").Document!;

        Assert.Empty(document.Preamble);
        Assert.Empty(document.Sections);
    }

    [Fact]
    public void Free_text_and_a_list_before_the_first_section_are_text_parts_of_the_preamble()
    {
        var text = "# Unreleased\n\nSome words.\n\n- a list\n\n" + Body;

        Assert.Equal(
            [
                "1:1 heading 1 'Unreleased' |# Unreleased\\n|",
                "2:1 blank |\\n|",
                "3:1 text |Some words.\\n|",
                "4:1 blank |\\n|",
                "5:1 text |- a list\\n|",
                "6:1 blank |\\n|",
            ],
            Layout(text)[..6]);
        Assert.Empty(Parse(text).Diagnostics);
    }

    [Fact]
    public void A_second_title_before_the_first_section_is_a_stray_heading_not_a_second_title()
    {
        var text = "# Unreleased\n\n# Again\n\n" + Body;

        var parsed = Parse(text);

        Assert.Equal(
            ["unreleased.md:3:1: error BFRN115: '# Again' is a second level-1 heading; the file has one title, so make it a '##' section or remove it"],
            Strings(parsed));
        Assert.Equal(
            [
                "1:1 heading 1 'Unreleased' |# Unreleased\\n|",
                "2:1 blank |\\n|",
                "3:1 stray |# Again\\n|",
                "4:1 blank |\\n|",
            ],
            Layout(text)[..4]);
    }

    [Fact]
    public void A_level_one_heading_inside_a_section_is_a_stray_heading_where_it_stands()
    {
        var text = "# Unreleased\n\n" + Body + "\n# Later\n";

        Assert.Equal(
            ["unreleased.md:9:1: error BFRN115: '# Later' is a second level-1 heading; the file has one title, so make it a '##' section or remove it"],
            Strings(Parse(text)));
        Assert.Equal(["    8:1 blank |\\n|", "    9:1 stray |# Later\\n|"], Layout(text)[^2..]);
    }

    [Fact]
    public void A_change_type_heading_before_any_section_is_reported_with_where_to_put_it()
    {
        var text = "# Unreleased\n\n### Added\n\n" + Body;

        Assert.Equal(
            ["unreleased.md:3:1: error BFRN115: '### Added' is a change-type heading outside a visibility section; put it under '## Public', '## Beta' or '## Internal'"],
            Strings(Parse(text)));
        Assert.Equal("3:1 stray |### Added\\n|", Layout(text)[2]);
    }

    [Fact]
    public void A_flag_heading_before_any_change_type_is_reported_with_where_to_put_it()
    {
        var text = "# Unreleased\n\n## Public\n\n#### Flag: `f`\n\n### Added\n\n- x\n";

        Assert.Equal(
            ["unreleased.md:5:1: error BFRN115: '#### Flag: `f`' is a flag heading outside a change-type section; put it under a '###' change type in '## Internal'"],
            Strings(Parse(text)));
        Assert.Equal("  5:1 stray |#### Flag: `f`\\n|", Layout(text)[4]);
    }

    [Fact]
    public void A_level_five_heading_has_no_meaning_in_release_notes()
    {
        var text = "# Unreleased\n\n" + Body + "\n##### Deep\n";

        Assert.Equal(
            ["unreleased.md:9:1: error BFRN115: '##### Deep' is a level-5 heading, which has no meaning in release notes; make it part of an entry or remove it"],
            Strings(Parse(text)));
    }

    [Theory]
    [InlineData("###Added", "'###Added' is not a heading: markdown needs a space after the '#' characters; write '### Added'")]
    [InlineData("#Added", "'#Added' is not a heading: markdown needs a space after the '#' characters; write '# Added'")]
    [InlineData("######Deep", "'######Deep' is not a heading: markdown needs a space after the '#' characters; write '###### Deep'")]
    [InlineData("#######Deep", "'#######Deep' is not a list item; every entry starts with '- ' (indent wrapped lines and nested content under it), and free text belongs before the first '##' heading")]
    [InlineData("###1", "'###1' is not a list item; every entry starts with '- ' (indent wrapped lines and nested content under it), and free text belongs before the first '##' heading")]
    [InlineData("Some words.", "'Some words.' is not a list item; every entry starts with '- ' (indent wrapped lines and nested content under it), and free text belongs before the first '##' heading")]
    public void Text_in_a_section_is_reported_as_a_heading_without_its_space_or_as_not_a_list_item(string line, string message)
    {
        var text = "# Unreleased\n\n" + Body + "\n" + line + "\n";

        Assert.Equal([$"unreleased.md:9:1: error BFRN104: {message}"], Strings(Parse(text)));
        Assert.Equal($"    9:1 stray |{line}\\n|", Layout(text)[^1]);
    }

    [Fact]
    public void A_quoted_line_is_cut_to_57_characters_and_an_ellipsis_when_longer_than_60()
    {
        var sixty = new string('a', 60);
        var sixtyOne = new string('b', 61);

        Assert.Equal(
            [
                $"unreleased.md:9:1: error BFRN104: '{sixty}' is not a list item; every entry starts with '- ' (indent wrapped lines and nested content under it), and free text belongs before the first '##' heading",
                $"unreleased.md:11:1: error BFRN104: '{new string('b', 57)}...' is not a list item; every entry starts with '- ' (indent wrapped lines and nested content under it), and free text belongs before the first '##' heading",
            ],
            Strings(Parse("# Unreleased\n\n" + Body + "\n" + sixty + "\n\n" + sixtyOne + "\n")));
    }

    [Fact]
    public void A_setext_heading_whose_paragraph_opens_with_a_link_definition_starts_after_the_definition()
    {
        var text = "# Unreleased\n\n" + Body + "\n[a]: https://a.example\n'title'\nBeta\n----\n\n### Added\n\n- beta\n";

        Assert.Equal(
            [
                "    8:1 blank |\\n|",
                "    9:1 linkreferencedefinition [A] |[a]: https://a.example\\n'title'\\n|",
                "11:1 heading 2 'Beta' |Beta\\n----\\n|",
                "  13:1 blank |\\n|",
                "  14:1 heading 3 'Added' |### Added\\n|",
                "    15:1 blank |\\n|",
                "    16:1 entry |- beta\\n|",
            ],
            Layout(text)[7..]);
        Assert.Empty(Parse(text).Diagnostics);
    }

    [Fact]
    public void Text_after_a_link_definition_in_one_paragraph_is_reported_on_its_own_line()
    {
        var text = "# Unreleased\n\n## Public\n\n[a]: /u\n[b]: /v\ntext\n\n### Added\n\n- x\n";

        Assert.Equal(
            ["unreleased.md:7:1: error BFRN104: 'text' is not a list item; every entry starts with '- ' (indent wrapped lines and nested content under it), and free text belongs before the first '##' heading"],
            Strings(Parse(text)));
        Assert.Equal(
            [
                "  5:1 linkreferencedefinition [A] |[a]: /u\\n|",
                "  6:1 linkreferencedefinition [B] |[b]: /v\\n|",
                "  7:1 stray |text\\n|",
            ],
            Layout(text)[4..7]);
    }

    [Fact]
    public void A_link_definition_written_inside_an_entry_stays_part_of_the_entry()
    {
        var text = "# Unreleased\n\n[top]: /t\n\n## Public\n\n### Added\n\n- x\n\n  [a]: /u\n\n  more\n\n### Fixed\n\n- y\n\n  [b]: /v\n- z\n\n  [d]: /x\n\n[c]: /w\n";

        Assert.Equal(
            [
                "1:1 heading 1 'Unreleased' |# Unreleased\\n|",
                "2:1 blank |\\n|",
                "3:1 linkreferencedefinition [TOP] |[top]: /t\\n|",
                "4:1 blank |\\n|",
                "5:1 heading 2 'Public' |## Public\\n|",
                "  6:1 blank |\\n|",
                "  7:1 heading 3 'Added' |### Added\\n|",
                "    8:1 blank |\\n|",
                "    9:1 entry |- x\\n\\n  [a]: /u\\n\\n  more\\n|",
                "    14:1 blank |\\n|",
                "  15:1 heading 3 'Fixed' |### Fixed\\n|",
                "    16:1 blank |\\n|",
                "    17:1 entry |- y\\n\\n  [b]: /v\\n|",
                "    20:1 entry |- z\\n\\n  [d]: /x\\n|",
                "    23:1 blank |\\n|",
                "    24:1 linkreferencedefinition [C] |[c]: /w\\n|",
            ],
            Layout(text));
        Assert.Empty(Parse(text).Diagnostics);
    }

    [Fact]
    public void A_quote_that_opens_with_a_link_definition_is_stray_text_as_a_whole()
    {
        var text = "# Unreleased\n\n## Public\n\n### Added\n\n> [a]: /u\n> more\n\n- y\n";

        Assert.Equal(
            ["unreleased.md:7:1: error BFRN104: '> [a]: /u' is not a list item; every entry starts with '- ' (indent wrapped lines and nested content under it), and free text belongs before the first '##' heading"],
            Strings(Parse(text)));
        Assert.Equal(["    7:1 stray |> [a]: /u\\n> more\\n|", "    9:1 blank |\\n|", "    10:1 entry |- y\\n|"], Layout(text)[6..]);
    }

    [Theory]
    [InlineData("\u00a0", "U+00A0")]
    [InlineData(" \u00a0\u2003\t\u00a0", "U+00A0, U+2003")]
    public void A_line_of_invisible_non_blank_characters_in_a_section_is_reported_as_not_blank(string line, string characters)
    {
        var text = "# Unreleased\n\n" + Body + "\n" + line + "\n\n- y\n";

        Assert.Equal(
            [$"unreleased.md:9:1: error BFRN104: the line looks blank but holds invisible characters ({characters}), which markdown reads as text, not as an entry; delete them"],
            Strings(Parse(text)));
        Assert.Equal([$"    9:1 stray |{line.Replace("\t", "\\t", StringComparison.Ordinal)}\\n|", "    10:1 blank |\\n|", "    11:1 entry |- y\\n|"], Layout(text)[^3..]);
    }

    private static ParsedFile Parse(string text) => ReleaseNotesParser.Parse(text, DocumentKind.Unreleased, "unreleased.md");

    private static string[] Strings(ParsedFile parsed) => [.. parsed.Diagnostics.Select(diagnostic => diagnostic.ToString())];

    /// <summary>One row per part in document order, indented by depth: section, change type, flag group.</summary>
    private static string[] Layout(string text)
    {
        var document = Parse(text).Document!;
        var rows = new List<string>();
        rows.AddRange(document.Preamble.Select(part => Row(0, part)));
        foreach (var section in document.Sections)
        {
            rows.Add(Row(0, section.Heading));
            rows.AddRange(section.Leading.Select(part => Row(1, part)));
            foreach (var changeType in section.ChangeTypes)
            {
                rows.Add(Row(1, changeType.Heading));
                rows.AddRange(changeType.Body.Select(part => Row(2, part)));
                foreach (var group in changeType.FlagGroups)
                {
                    rows.Add(Row(2, group.Heading));
                    rows.AddRange(group.Body.Select(part => Row(3, part)));
                }
            }
        }

        Assert.Equal(text, document.ToText());
        return [.. rows];
    }

    private static string Row(int depth, DocumentPart part) => new string(' ', depth * 2) + part switch
    {
        Heading heading => $"{heading.Position} heading {heading.Level} '{heading.Title}' |{Escape(heading.Text)}|",
        Entry entry => $"{entry.Position} entry |{Escape(entry.Text)}|",
        Trivia { Label: { } label } trivia => $"{trivia.Position} {trivia.Kind.ToString().ToLowerInvariant()} [{label}] |{Escape(trivia.Text)}|",
        Trivia trivia => $"{trivia.Position} {trivia.Kind.ToString().ToLowerInvariant()} |{Escape(trivia.Text)}|",
        _ => throw new ArgumentException($"unexpected part {part.GetType().Name}", nameof(part)),
    };

    private static string Escape(string text) =>
        text.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal);
}
