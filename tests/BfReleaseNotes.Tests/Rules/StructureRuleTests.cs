using BfReleaseNotes.Markdown;
using BfReleaseNotes.Model;

namespace BfReleaseNotes.Tests.Rules;

/// <summary>
/// Each rule of the format the structure checker enforces, pinned by the exact diagnostic a user reads
/// (file, line, column, severity, code and message written out here, not taken from the checker).
/// </summary>
public class StructureRuleTests
{
    private const string Body = "## Public\n\n### Added\n\n- One change.\n";

    [Fact]
    public void An_unreleased_file_without_a_title_is_reported_at_line_one()
    {
        Assert.Equal(
            ["unreleased.md:1:1: error BFRN101: the file has no title; its first heading must be '# Unreleased'"],
            Diagnostics(Body));
    }

    [Fact]
    public void A_published_file_without_a_title_is_reported_at_line_one_with_an_example()
    {
        Assert.Equal(
            ["1.2.0.md:1:1: error BFRN201: the published file has no title; its first heading must be '# X.Y.Z - YYYY-MM-DD', e.g. '# 1.42.0 - 2026-11-25'"],
            Diagnostics(Body, DocumentKind.Published, "1.2.0.md"));
    }

    [Fact]
    public void A_title_that_differs_only_in_case_is_a_fixable_warning_not_an_error()
    {
        var parsed = ReleaseNotesParser.Parse("# unreleased\n\n" + Body, DocumentKind.Unreleased, "unreleased.md");

        Assert.Equal(["unreleased.md:1:1: warning BFRN107: write '# Unreleased', not '# unreleased'"], parsed.Diagnostics.Select(d => d.ToString()));
        Assert.True(parsed.Diagnostics.Single().Fixable);
        Assert.True(parsed.IsValid);
    }

    [Fact]
    public void A_flag_heading_prefix_in_the_wrong_case_is_a_fixable_warning()
    {
        var text = "# Unreleased\n\n## Internal\n\n### Added\n\n#### flag: `new-editor`\n\n- Behind the flag.\n";

        var parsed = ReleaseNotesParser.Parse(text, DocumentKind.Unreleased, "unreleased.md");

        Assert.Equal(["unreleased.md:7:1: warning BFRN107: write 'Flag:', not 'flag:'"], parsed.Diagnostics.Select(d => d.ToString()));
        Assert.True(parsed.Diagnostics.Single().Fixable);
        Assert.Equal("new-editor", parsed.Document!.Sections.Single().ChangeTypes.Single().FlagGroups.Single().Key);
    }

    [Fact]
    public void Entries_inside_a_flag_group_are_checked_like_any_other_entry()
    {
        var text = "# Unreleased\n\n## Internal\n\n### Added\n\n#### Flag: `new-editor`\n\n* Star bullet.\n\n1. Numbered.\n";

        Assert.Equal(
            [
                "unreleased.md:9:1: warning BFRN112: entry bullet '*' should be '-'; 'bf-release-notes lint --fix' changes it",
                "unreleased.md:11:1: error BFRN113: an entry is a bullet item ('- '), not a numbered one; rewrite it starting with '- '",
            ],
            Diagnostics(text));
    }

    [Theory]
    [InlineData("Addedxx", "did you mean '### Added'?")] // distance 2: the floor of the threshold
    [InlineData("Addedxxx", "valid headings here are '### Added', '### Changed', '### Deprecated', '### Removed', '### Fixed', '### Security'")] // distance 3 > 2
    [InlineData("Deprecatedxxxxx", "did you mean '### Deprecated'?")] // distance 5 = half of a 10-letter name
    [InlineData("Deprecatedxxxxxx", "valid headings here are '### Added', '### Changed', '### Deprecated', '### Removed', '### Fixed', '### Security'")] // distance 6 > 5
    [InlineData("Axxed", "did you mean '### Added'?")] // Added and Fixed are both 2 away: the first in canonical order wins
    [InlineData("FXD", "did you mean '### Fixed'?")] // compared without case
    public void A_suggestion_is_made_only_within_half_the_name_length_and_at_least_two_edits(string title, string hint)
    {
        Assert.Equal(
            [$"unreleased.md:5:1: error BFRN102: unknown section '### {title}'; {hint}"],
            Diagnostics($"# Unreleased\n\n## Public\n\n### {title}\n\n- One change.\n"));
    }

    [Fact]
    public void A_change_type_used_as_a_visibility_heading_says_where_it_belongs()
    {
        Assert.Contains(
            "unreleased.md:3:1: error BFRN102: unknown section '## Added'; 'Added' is a change type: write '### Added' under '## Public', '## Beta' or '## Internal'",
            Diagnostics("# Unreleased\n\n## Added\n\n- One change.\n"));
    }

    [Fact]
    public void A_visibility_used_as_a_change_type_heading_says_to_write_it_at_level_two()
    {
        Assert.Contains(
            "unreleased.md:5:1: error BFRN102: unknown section '### Public'; 'Public' is a visibility section: write '## Public'",
            Diagnostics("# Unreleased\n\n## Beta\n\n### Public\n\n- One change.\n"));
    }

    [Fact]
    public void Sections_out_of_order_name_both_headings()
    {
        Assert.Contains(
            "unreleased.md:9:1: error BFRN105: '## Public' must come before '## Beta'; 'bf-release-notes lint --fix' reorders sections",
            Diagnostics("# Unreleased\n\n## Beta\n\n### Added\n\n- Beta.\n\n## Public\n\n### Added\n\n- Public.\n"));
    }

    [Fact]
    public void Entries_directly_under_a_visibility_heading_are_checked_too()
    {
        Assert.Contains(
            "unreleased.md:5:1: warning BFRN112: entry bullet '*' should be '-'; 'bf-release-notes lint --fix' changes it",
            Diagnostics("# Unreleased\n\n## Public\n\n* Loose entry.\n\n### Added\n\n- One change.\n"));
    }

    [Theory]
    [InlineData(100, true)]
    [InlineData(101, false)]
    public void A_flag_key_has_at_most_100_characters(int length, bool valid)
    {
        Assert.Equal(valid, StructureChecker.IsValidFlagKey(new string('a', length)));
    }

    [Theory]
    [InlineData("", "", 0)]
    [InlineData("", "ABC", 3)]
    [InlineData("ABC", "", 3)]
    [InlineData("KITTEN", "SITTING", 3)]
    [InlineData("FLAW", "LAWN", 2)]
    [InlineData("ADDED", "ADDED", 0)]
    [InlineData("ADDED", "FIXED", 3)]
    [InlineData("A", "B", 1)]
    public void Distance_is_the_textbook_levenshtein_distance(string left, string right, int expected)
    {
        Assert.Equal(expected, StructureChecker.Distance(left, right));
        Assert.Equal(expected, StructureChecker.Distance(right, left));
    }

    private static string[] Diagnostics(string text, DocumentKind kind = DocumentKind.Unreleased, string file = "unreleased.md") =>
        [.. ReleaseNotesParser.Parse(text, kind, file).Diagnostics.Select(diagnostic => diagnostic.ToString())];
}
