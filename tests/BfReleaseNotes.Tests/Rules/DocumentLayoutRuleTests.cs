using BfReleaseNotes.Editing;
using BfReleaseNotes.Markdown;
using BfReleaseNotes.Model;

namespace BfReleaseNotes.Tests.Rules;

/// <summary>
/// The text written around a part that <c>add</c> splices into the file: one blank line before and after a new
/// heading block where the file has none, none added where it has one, trailing blank lines left at the end, the
/// file's own line ending, a missing last line ending supplied. The whole resulting file is written out.
/// </summary>
public class DocumentLayoutRuleTests
{
    private const string Public = "# Unreleased\n\n## Public\n\n### Added\n\n- x\n";

    [Fact]
    public void A_new_section_at_the_end_gets_one_blank_line_before_it()
    {
        Assert.Equal(
            Public + "\n## Beta\n\n### Fixed\n\n- y\n",
            Add(Public, Visibility.Beta, ChangeType.Fixed, null));
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\n\n")]
    [InlineData("\n  \n")]
    [InlineData("\n\t\n\n")]
    public void A_new_section_at_the_end_goes_before_the_trailing_blank_lines_which_stay_last(string trailing)
    {
        Assert.Equal(
            Public + "\n## Beta\n\n### Fixed\n\n- y\n" + trailing,
            Add(Public + trailing, Visibility.Beta, ChangeType.Fixed, null));
    }

    [Fact]
    public void A_file_without_a_last_line_ending_gets_one_and_a_blank_line_before_a_new_section()
    {
        Assert.Equal(
            Public + "\n## Beta\n\n### Fixed\n\n- y\n",
            Add(Public.TrimEnd('\n'), Visibility.Beta, ChangeType.Fixed, null));
    }

    [Fact]
    public void A_new_section_keeps_the_files_CRLF_line_endings()
    {
        Assert.Equal(
            Crlf(Public + "\n## Beta\n\n### Fixed\n\n- y\n"),
            Add(Crlf(Public), Visibility.Beta, ChangeType.Fixed, null));
        Assert.Equal(
            Crlf(Public + "\n## Beta\n\n### Fixed\n\n- y\n\n"),
            Add(Crlf(Public + "\n"), Visibility.Beta, ChangeType.Fixed, null));
    }

    [Fact]
    public void A_new_section_before_a_later_one_gets_a_blank_line_after_it_and_none_doubled_before_it()
    {
        const string internalSection = "## Internal\n\n### Added\n\n#### Flag: `f`\n\n- z\n";

        Assert.Equal(
            Public + "\n## Beta\n\n### Added\n\n- y\n\n" + internalSection,
            Add(Public + "\n" + internalSection, Visibility.Beta, ChangeType.Added, null));
    }

    [Fact]
    public void A_new_change_type_at_the_end_of_a_section_goes_before_the_blank_lines_that_end_it()
    {
        const string beta = "## Beta\n\n### Added\n\n- z\n";

        Assert.Equal(
            Public + "\n### Fixed\n\n- y\n\n\n" + beta,
            Add(Public + "\n\n" + beta, Visibility.Public, ChangeType.Fixed, null));
    }

    [Fact]
    public void A_new_change_type_before_a_later_one_is_followed_by_a_blank_line()
    {
        Assert.Equal(
            "# Unreleased\n\n## Public\n\n### Added\n\n- y\n\n### Fixed\n\n- x\n",
            Add("# Unreleased\n\n## Public\n\n### Fixed\n\n- x\n", Visibility.Public, ChangeType.Added, null));
    }

    [Fact]
    public void A_first_entry_under_a_bare_heading_gets_a_blank_line_before_it_and_after_it_when_a_heading_follows_at_once()
    {
        Assert.Equal(
            "# Unreleased\n\n## Public\n\n### Added\n\n- y\n\n### Fixed\n\n- x\n",
            Add("# Unreleased\n\n## Public\n\n### Added\n### Fixed\n\n- x\n", Visibility.Public, ChangeType.Added, null));
        Assert.Equal(
            "# Unreleased\n\n## Public\n\n### Added\n\n- y\n\n### Fixed\n\n- x\n",
            Add("# Unreleased\n\n## Public\n\n### Added\n\n### Fixed\n\n- x\n", Visibility.Public, ChangeType.Added, null));
    }

    [Fact]
    public void A_new_flag_group_goes_after_the_last_group_of_its_change_type()
    {
        const string text = "# Unreleased\n\n## Internal\n\n### Added\n\n#### Flag: `a`\n\n- z\n\n### Fixed\n\n#### Flag: `c`\n\n- w\n";

        Assert.Equal(
            "# Unreleased\n\n## Internal\n\n### Added\n\n#### Flag: `a`\n\n- z\n\n#### Flag: `b`\n\n- y\n\n### Fixed\n\n#### Flag: `c`\n\n- w\n",
            Add(text, Visibility.Internal, ChangeType.Added, "b"));
    }

    [Fact]
    public void An_entry_joins_the_list_right_after_the_last_entry()
    {
        Assert.Equal(
            Public + "- y\n\n## Beta\n\n### Added\n\n- z\n",
            Add(Public + "\n## Beta\n\n### Added\n\n- z\n", Visibility.Public, ChangeType.Added, null));
    }

    [Fact]
    public void An_entry_after_a_last_entry_without_a_line_ending_starts_on_a_new_line()
    {
        Assert.Equal(Public + "- y\n", Add(Public.TrimEnd('\n'), Visibility.Public, ChangeType.Added, null));
        Assert.Equal(Crlf(Public + "- y\n"), Add(Crlf(Public).TrimEnd('\n').TrimEnd('\r'), Visibility.Public, ChangeType.Added, null));
    }

    [Fact]
    public void A_first_change_type_before_a_last_heading_without_a_line_ending_is_followed_by_a_blank_line()
    {
        Assert.Equal(
            "# Unreleased\n\n## Public\n\n### Added\n\n- y\n\n### Fixed",
            Add("# Unreleased\n\n## Public\n\n### Fixed", Visibility.Public, ChangeType.Added, null));
    }

    [Fact]
    public void A_block_or_entry_inserted_at_the_very_start_gets_nothing_before_it()
    {
        // No edit of add inserts at offset 0 (the title comes first); the layout's own rule still holds there.
        var layout = new DocumentLayout(ValidNotes.Unreleased(Public));

        Assert.Equal("<!-- x -->\n\n" + Public, layout.InsertBlock(0, "<!-- x -->\n", "\n"));
        Assert.Equal("- y\n" + Public, layout.InsertAfterEntry(0, "- y\n", "\n"));
    }

    [Fact]
    public void Moving_back_over_blank_lines_stops_at_the_start_of_a_text_of_blank_lines_only()
    {
        var layout = new DocumentLayout(ReleaseNotesParser.Parse("\n \n\n", DocumentKind.Unreleased, "unreleased.md").Document!);

        Assert.Equal("\n \n\n", layout.Text);
        Assert.Equal(0, layout.BeforeTrailingBlankLines(layout.Text.Length));
        Assert.Equal(0, layout.BeforeTrailingBlankLines(1));
    }

    private static string Crlf(string text) => text.Replace("\n", "\r\n", StringComparison.Ordinal);

    private static string Add(string text, Visibility visibility, ChangeType type, string? flag)
    {
        var document = ValidNotes.Unreleased(text);
        var result = EntryAdder.Add(document, visibility, type, flag, "y", "unreleased.md");
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return result.Text!;
    }
}
