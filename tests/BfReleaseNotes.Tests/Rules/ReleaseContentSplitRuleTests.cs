using System.Collections.Immutable;
using BfReleaseNotes.Migration;
using BfReleaseNotes.Model;

namespace BfReleaseNotes.Tests.Rules;

/// <summary>
/// How <see cref="ReleaseContentSplitter"/> cuts a release task's content into entries, pinned with the literal
/// texts of the entries and the heading, type and visibility each gets: paragraphs and rules end an entry, tabs
/// indent, fences keep what they hold, the innermost heading names the type, and a short "Label:" or bold line is
/// a heading only when a bullet follows.
/// </summary>
public sealed class ReleaseContentSplitRuleTests
{
    private static readonly ImmutableDictionary<string, HeadingMeaning> Headings = new Dictionary<string, HeadingMeaning>
    {
        ["new features"] = new(ChangeType.Added, null),
        ["bug fixes"] = new(ChangeType.Fixed, null),
        ["beta"] = new(null, Visibility.Beta),
        ["internal"] = new(null, Visibility.Internal),
    }.ToImmutableDictionary();

    [Fact]
    public void A_null_content_or_heading_table_is_refused_by_its_parameter_name()
    {
        Assert.Equal("markdown", Assert.Throws<ArgumentNullException>(() => ReleaseContentSplitter.Split(null!, Headings)).ParamName);
        Assert.Equal("headings", Assert.Throws<ArgumentNullException>(() => ReleaseContentSplitter.Split("## Bug fixes\n- Crash", null!)).ParamName);
    }

    [Fact]
    public void Two_paragraphs_separated_by_a_blank_line_are_two_entries_and_neither_is_lost() =>
        Assert.Equal(["First note", "Second note"], Texts("First note\n\nSecond note"));

    [Fact]
    public void A_thematic_break_ends_the_paragraph_before_it() =>
        Assert.Equal(["First note", "Second note"], Texts("First note\n---\nSecond note"));

    [Fact]
    public void A_tab_indents_like_four_spaces_so_a_tabbed_bullet_stays_in_its_item() =>
        Assert.Equal(["Saved filters\n  - shared with the team", "Next"], Texts("- Saved filters\n\t- shared with the team\n- Next"));

    [Fact]
    public void Each_blank_line_inside_an_item_is_kept_once() =>
        Assert.Equal(["Import\n\nsecond paragraph\nits second line"], Texts("- Import\n\n  second paragraph\n  its second line"));

    [Theory]
    [InlineData("- Example:\n  ```\n# not a heading\n- not an item\n  ```\n- Next", "Example:\n```\n# not a heading\n- not an item\n```")]
    [InlineData("- Example:\n  ~~~\n# not a heading\n- not an item\n  ~~~\n- Next", "Example:\n~~~\n# not a heading\n- not an item\n~~~")]
    [InlineData("- ```sh\n# not a heading\n- make\n  ```\n- Next", "```sh\n# not a heading\n- make\n```")]
    public void A_code_fence_opened_in_an_item_keeps_every_line_it_holds_as_written(string markdown, string first) =>
        Assert.Equal([first, "Next"], Texts(markdown));

    [Fact]
    public void The_innermost_heading_gives_the_type_and_visibility_and_an_outer_one_fills_what_it_leaves_open()
    {
        var items = ReleaseContentSplitter.Split(
            "## Bug fixes\n### New features\n- added\n## Bug fixes\n### Beta\n- beta fix\n## Internal\n### Beta\n- beta only",
            Headings);

        Assert.Equal(
            [
                ("added", (ChangeType?)ChangeType.Added, (Visibility?)null, "New features"),
                ("beta fix", ChangeType.Fixed, Visibility.Beta, "Beta"),
                ("beta only", null, Visibility.Beta, "Beta"),
            ],
            items.Select(item => (item.Text, item.Type, item.Visibility, item.Heading)).ToArray());
    }

    [Fact]
    public void A_known_heading_indented_as_code_is_text_not_a_heading()
    {
        var items = ReleaseContentSplitter.Split("    Bug fixes:\n- Crash on save", Headings);

        Assert.Equal(
            [("Bug fixes:", (ChangeType?)null, false, (string?)null), ("Crash on save", null, false, null)],
            items.Select(item => (item.Text, item.Type, item.FitsHeading, item.Heading)).ToArray());
    }

    [Theory]
    [InlineData("Details:\n- a", "Details:")]
    [InlineData("Intro\nDetails:\n- a", "Details:")]
    [InlineData("Details:\n\n- a", "Details:")]
    [InlineData("**Details**\n- a", "**Details**")]
    [InlineData("**A**\n- a", "**A**")]
    public void A_short_label_or_bold_line_followed_by_a_bullet_is_an_unknown_heading(string markdown, string heading)
    {
        var item = ReleaseContentSplitter.Split(markdown, Headings)[^1];

        Assert.Equal(("a", false, heading), (item.Text, item.FitsHeading, item.Heading));
    }

    [Fact]
    public void A_label_of_sixty_characters_is_a_heading_and_one_of_sixty_one_is_text()
    {
        var sixty = new string('x', 59) + ":";
        var sixtyOne = new string('x', 60) + ":";

        Assert.Equal(sixty, ReleaseContentSplitter.Split(sixty + "\n- a", Headings).Single().Heading);
        Assert.Equal([sixtyOne, "a"], Texts(sixtyOne + "\n- a"));
    }

    [Theory]
    [InlineData("Highlights**")]
    [InlineData("**Highlights")]
    [InlineData("**")]
    [InlineData("Highlights")]
    public void A_line_that_is_not_a_label_or_wholly_bold_is_text_even_before_a_bullet(string line)
    {
        var items = ReleaseContentSplitter.Split(line + "\n- a", Headings);

        Assert.Equal([(line, (string?)null), ("a", null)], items.Select(item => (item.Text, item.Heading)).ToArray());
    }

    private static string[] Texts(string markdown) => [.. ReleaseContentSplitter.Split(markdown, Headings).Select(item => item.Text)];
}
