using BfReleaseNotes.Editing;
using BfReleaseNotes.Markdown;
using BfReleaseNotes.Model;

namespace BfReleaseNotes.Tests.Rules;

/// <summary>
/// What <c>add</c> refuses, word for word (the user reads these sentences to know what to change), and where it puts
/// the link definitions an entry brings: at the end of the file, as their own block, changing no other byte.
/// </summary>
public class EntryRefusalRuleTests
{
    private const string Template = "# Unreleased\n\n## Public\n\n### Fixed\n\n- Earlier fix.\n";

    // ---- Refused arguments ---------------------------------------------------------------------------------------

    [Fact]
    public void Entries_are_added_to_unreleased_md_only()
    {
        var published = ReleaseNotesParser.Parse("# 1.0.0 - 2026-01-01\n\n## Public\n\n### Fixed\n\n- A fix.\n", DocumentKind.Published, "1.0.0.md").Document!;

        var result = EntryAdder.Add(published, Visibility.Public, ChangeType.Fixed, null, "Another fix.", "1.0.0.md");

        AssertRefused("entries are added to unreleased.md only; published files are history", result, "1.0.0.md");
    }

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    public void An_internal_entry_needs_a_flag(string? flag)
    {
        AssertRefused("an Internal entry needs the feature flag that hides it: add --flag <flag-key>", Add(Template, Visibility.Internal, flag, "Hidden."));
    }

    [Theory]
    [InlineData(Visibility.Public)]
    [InlineData(Visibility.Beta)]
    public void A_visible_entry_takes_no_flag(Visibility visibility)
    {
        AssertRefused($"--flag is only for Internal entries; a {visibility} entry is visible without a flag", Add(Template, visibility, "new-editor", "Shown."));
    }

    [Fact]
    public void A_flag_key_must_be_a_valid_key()
    {
        AssertRefused(
            "'bad key' is not a valid flag key; use letters, digits, '.', '_' and '-', starting with a letter or digit",
            Add(Template, Visibility.Internal, "bad key", "Hidden."));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \n\t")]
    public void An_empty_entry_is_refused(string text)
    {
        AssertRefused("the entry text is empty; say what changed for users", Add(Template, Visibility.Public, null, text));
    }

    // The control character is put in by code ({0} in the template): test runners pass theory data through text
    // that does not always carry a NUL or a lone CR intact.
    [Theory]
    [InlineData("Bad{0}byte.", 0x00, "NUL (U+0000)", 1, 4)]
    [InlineData("Coloured {0}[31mred", 0x1B, "ESC (U+001B, the start of terminal escape sequences)", 1, 10)]
    [InlineData("First line.|  Second{0}line.", 0x0D, "CR (U+000D) not followed by a line feed", 2, 9)]
    [InlineData("One.|Two.|A bell{0}.", 0x07, "U+0007", 3, 7)]
    [InlineData("Tab\tthen.~Then {0}.", 0x85, "U+0085", 2, 6)]
    public void A_control_character_is_named_with_its_line_and_column(string template, int code, string name, int line, int column)
    {
        var text = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, (char)code)
            .Replace("~", "\r\n", StringComparison.Ordinal).Replace("|", "\n", StringComparison.Ordinal);

        AssertRefused(
            $"the entry text holds the control character {name} at line {line}, column {column}; " +
            "entries are plain text, so remove it (it often comes from pasting terminal output) and run the command again",
            Add(Template, Visibility.Public, null, text));
    }

    [Fact]
    public void Tabs_and_crlf_line_ends_are_plain_text()
    {
        var result = Add(Template, Visibility.Public, null, "Tab\there.\r\nSecond line.");

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Equal(Template + "- Tab\there.\n  Second line.\n", result.Text);
    }

    [Fact]
    public void Two_top_level_bullets_are_not_one_entry()
    {
        AssertRefused(
            "the entry text does not form exactly one list item (it must not hold headings or a second top-level bullet)",
            Add(Template, Visibility.Public, null, "- One.\n- Two."));
    }

    [Fact]
    public void A_heading_in_the_entry_text_is_blamed_on_the_text_with_the_parser_s_reasons()
    {
        var result = Add(Template, Visibility.Public, null, "- One.\n\n## Beta\n\n### Typo\n");

        AssertRefused(
            "the entry text does not form exactly one list item (it must not hold headings or a second top-level bullet): " +
            "unknown section '### Typo'; valid headings here are '### Added', '### Changed', '### Deprecated', '### Removed', '### Fixed', '### Security'",
            result);
    }

    [Fact]
    public void An_entry_a_block_before_it_would_swallow_blames_the_file_not_the_text()
    {
        // An HTML <pre> block in the preamble runs to its closing tag: the text is one entry on its own, but the
        // sections add creates after the preamble end up inside the block.
        var result = Add("# Unreleased\n\n<pre>\nkept as written\n", Visibility.Public, null, "Search works.");

        AssertRefused(
            "the new entry would not stand on its own under 'Public > Fixed' in this file: something before it (an unclosed '<!--' comment or code fence?) swallows it; fix the file and try again",
            result);
    }

    [Theory]
    [InlineData("- One.\n\n## Beta")]
    [InlineData("- One.\n\n### Added")]
    [InlineData("- One.\n\n## Beta\n\n### Added\n\n- Two.")]
    public void A_heading_in_the_entry_text_is_blamed_on_the_text_even_when_the_text_parses(string text)
    {
        var result = Add(Template, Visibility.Public, null, text);

        Assert.False(result.Succeeded);
        Assert.StartsWith(
            "the entry text does not form exactly one list item (it must not hold headings or a second top-level bullet)",
            Assert.Single(result.Diagnostics).Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Every_reason_the_parser_gives_is_listed()
    {
        var result = Add(Template, Visibility.Public, null, "- One.\n\n### Typo\n\n### Tpyo");

        var message = Assert.Single(result.Diagnostics).Message;
        Assert.EndsWith(
            ": unknown section '### Typo'; valid headings here are '### Added', '### Changed', '### Deprecated', '### Removed', '### Fixed', '### Security'; " +
            "unknown section '### Tpyo'; valid headings here are '### Added', '### Changed', '### Deprecated', '### Removed', '### Fixed', '### Security'",
            message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void An_entry_written_with_its_bullet_and_crlf_in_an_lf_file_gets_lf()
    {
        var result = Add(Template, Visibility.Public, null, "- Export works.\r\n  Even for big files.");

        Assert.Equal(Template + "- Export works.\n  Even for big files.\n", result.Text);
    }

    [Fact]
    public void Moved_text_without_a_final_line_break_gets_the_file_s_line_end()
    {
        var result = EntryAdder.Insert(Parse(Template), Visibility.Public, ChangeType.Fixed, null, "- Moved as it was.", "unreleased.md");

        Assert.Equal(Template + "- Moved as it was.\n", result.Text);
    }

    [Fact]
    public void Every_argument_is_required_and_named()
    {
        var document = Parse(Template);

        Assert.Equal("document", Assert.Throws<ArgumentNullException>(() => EntryAdder.Add(null!, Visibility.Public, ChangeType.Fixed, null, "A.", "unreleased.md")).ParamName);
        Assert.Equal("text", Assert.Throws<ArgumentNullException>(() => EntryAdder.Add(document, Visibility.Public, ChangeType.Fixed, null, null!, "unreleased.md")).ParamName);
        Assert.Equal("file", Assert.Throws<ArgumentNullException>(() => EntryAdder.Add(document, Visibility.Public, ChangeType.Fixed, null, "A.", null!)).ParamName);
        Assert.Equal("links", Assert.Throws<ArgumentNullException>(() => EntryAdder.Add(document, Visibility.Public, ChangeType.Fixed, null, "A.", "unreleased.md", null!)).ParamName);
    }

    [Fact]
    public void An_entry_written_with_its_bullet_gets_the_file_s_line_ends()
    {
        var crlf = Template.Replace("\n", "\r\n", StringComparison.Ordinal);

        var result = Add(crlf, Visibility.Public, null, "- Export works.\n  Even for big files.");

        Assert.Equal(crlf + "- Export works.\r\n  Even for big files.\r\n", result.Text);
    }

    // ---- Entries moved by graduation (kept byte for byte) ---------------------------------------------------------

    [Fact]
    public void A_graduated_entry_keeps_its_dash_in_a_star_list_and_the_last_one_gets_a_line_break()
    {
        var result = BfReleaseNotes.Flags.FlagGraduator.Graduate(
            Parse("# Unreleased\n\n## Public\n\n### Added\n\n* Earlier.\n\n## Internal\n\n### Added\n\n#### Flag: `x`\n\n- One.\n- Two."),
            "x", Visibility.Public, "unreleased.md");

        Assert.Equal("# Unreleased\n\n## Public\n\n### Added\n\n* Earlier.\n- One.\n- Two.\n\n## Internal\n\n### Added\n", result.Text);
    }

    // ---- Link definitions ----------------------------------------------------------------------------------------

    [Fact]
    public void A_definition_with_a_title_is_refused_before_anything_else()
    {
        AssertRefused(
            "the link definition '[#1]: https://a.example \"A title\"' must be one line '[label]: url' without a title",
            Add(Template, Visibility.Public, null, "Fixed [#1].\n\n[#1]: https://a.example \"A title\""));
    }

    [Fact]
    public void One_label_given_twice_with_different_urls_is_refused()
    {
        var result = EntryAdder.Add(Parse(Template), Visibility.Public, ChangeType.Fixed, null, "Fixed [#1].\n\n[#1]: https://a.example/1", "unreleased.md",
            [new LinkDefinition("#1", "https://a.example/2")]);

        AssertRefused("the link [#1] is given twice with different URLs ('https://a.example/1' and 'https://a.example/2'); keep one", result);
    }

    [Fact]
    public void One_label_given_twice_with_the_same_url_is_written_once()
    {
        var result = EntryAdder.Add(Parse(Template), Visibility.Public, ChangeType.Fixed, null, "Fixed [#1].\n\n[#1]: https://a.example/1", "unreleased.md",
            [new LinkDefinition("#1", "https://a.example/1")]);

        Assert.Equal(Template + "- Fixed [#1].\n\n[#1]: https://a.example/1\n", result.Text);
    }

    [Fact]
    public void A_label_the_file_defines_with_another_url_is_refused()
    {
        var text = Template + "\n[#1]: https://a.example/1\n";

        AssertRefused(
            "the link [#1] is already defined in this file as 'https://a.example/1'; use that URL, or another label for 'https://a.example/9'",
            Add(text, Visibility.Public, null, "Fixed [#1].\n\n[#1]: https://a.example/9"));
    }

    [Fact]
    public void A_label_the_file_defines_with_the_same_url_is_reused_and_not_written_again()
    {
        var text = Template + "\n[#1]: https://a.example/1\n";

        var result = Add(text, Visibility.Public, null, "Fixed [#1].\n\n[#1]: https://a.example/1");

        Assert.Equal(Template + "- Fixed [#1].\n\n[#1]: https://a.example/1\n", result.Text);
    }

    [Fact]
    public void A_definition_joins_the_definitions_that_end_the_file_without_a_blank_line()
    {
        var text = Template + "\n[#1]: https://a.example/1\n";

        var result = Add(text, Visibility.Public, null, "Fixed [#2].\n\n[#2]: https://a.example/2");

        Assert.Equal(Template + "- Fixed [#2].\n\n[#1]: https://a.example/1\n[#2]: https://a.example/2\n", result.Text);
    }

    [Fact]
    public void A_definition_joins_two_definitions_that_end_the_file()
    {
        var text = Template + "\n[#1]: https://a.example/1\n[#3]: https://a.example/3\n";

        var result = Add(text, Visibility.Public, null, "Fixed [#2].\n\n[#2]: https://a.example/2");

        Assert.Equal(Template + "- Fixed [#2].\n\n[#1]: https://a.example/1\n[#3]: https://a.example/3\n[#2]: https://a.example/2\n", result.Text);
    }

    [Fact]
    public void A_definition_after_a_file_ending_in_an_entry_gets_a_blank_line_before_it()
    {
        var result = Add(Template, Visibility.Public, null, "Fixed [#2].\n\n[#2]: https://a.example/2");

        Assert.Equal(Template + "- Fixed [#2].\n\n[#2]: https://a.example/2\n", result.Text);
    }

    [Fact]
    public void A_definition_after_a_file_ending_in_a_blank_line_needs_no_second_one()
    {
        var result = Add(Template + "\n", Visibility.Public, null, "Fixed [#2].\n\n[#2]: https://a.example/2");

        Assert.Equal(Template + "- Fixed [#2].\n\n[#2]: https://a.example/2\n", result.Text);
    }

    [Fact]
    public void A_definition_after_a_file_without_a_final_line_break_starts_on_a_line_of_its_own()
    {
        var result = Add("# Unreleased\n\n## Public\n\n### Fixed\n\n<!-- end -->", Visibility.Public, null, "Fixed [#2].\n\n[#2]: https://a.example/2");

        Assert.Equal("# Unreleased\n\n## Public\n\n### Fixed\n\n<!-- end -->\n\n- Fixed [#2].\n\n[#2]: https://a.example/2\n", result.Text);
    }

    [Fact]
    public void A_definition_elsewhere_in_the_file_does_not_count_as_ending_it()
    {
        var text = "# Unreleased\n\n[#1]: https://a.example/1\n\n## Public\n\n### Fixed\n\n- Earlier fix.\n";

        var result = Add(text, Visibility.Public, null, "Fixed [#2].\n\n[#2]: https://a.example/2");

        Assert.Equal(text + "- Fixed [#2].\n\n[#2]: https://a.example/2\n", result.Text);
    }

    [Fact]
    public void A_definition_after_a_last_line_without_a_line_break_starts_on_a_line_of_its_own()
    {
        var text = "# Unreleased\n\n## Public\n\n### Fixed\n\n- Earlier fix.\n\n## Beta\n\n### Added\n\n- Beta thing.";

        var result = Add(text, Visibility.Public, null, "Fixed [#2].\n\n[#2]: https://a.example/2");

        Assert.Equal(
            "# Unreleased\n\n## Public\n\n### Fixed\n\n- Earlier fix.\n- Fixed [#2].\n\n## Beta\n\n### Added\n\n- Beta thing.\n\n[#2]: https://a.example/2\n",
            result.Text);
    }

    [Fact]
    public void Definitions_in_a_crlf_file_get_crlf()
    {
        var crlf = Template.Replace("\n", "\r\n", StringComparison.Ordinal) + "\r\n[#1]: https://a.example/1\r\n";

        var result = Add(crlf, Visibility.Public, null, "Fixed [#2].\n\n[#2]: https://a.example/2");

        Assert.Equal(
            (Template + "- Fixed [#2].\n\n[#1]: https://a.example/1\n[#2]: https://a.example/2\n").Replace("\n", "\r\n", StringComparison.Ordinal),
            result.Text);
    }

    // ---- Helpers -------------------------------------------------------------------------------------------------

    private static ReleaseNotesDocument Parse(string text) => ValidNotes.Unreleased(text);

    private static EditResult Add(string text, Visibility visibility, string? flag, string entry) =>
        EntryAdder.Add(Parse(text), visibility, ChangeType.Fixed, flag, entry, "unreleased.md");

    private static void AssertRefused(string message, EditResult result, string file = "unreleased.md")
    {
        Assert.False(result.Succeeded);
        Assert.Null(result.Text);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal((EntryAdder.RefusedCode, DiagnosticSeverity.Error, file), (diagnostic.Code, diagnostic.Severity, diagnostic.File));
        Assert.Equal(message, diagnostic.Message);
    }
}
