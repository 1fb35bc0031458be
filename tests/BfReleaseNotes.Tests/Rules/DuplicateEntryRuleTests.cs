using BfReleaseNotes.Markdown;
using BfReleaseNotes.Model;

namespace BfReleaseNotes.Tests.Rules;

/// <summary>
/// When the same entry text twice in the working file is reported (BFRN117), where, and what the message quotes.
/// </summary>
public class DuplicateEntryRuleTests
{
    private const string Head = "# Unreleased\n\n## Public\n\n### Added\n\n";

    [Fact]
    public void Every_later_copy_is_reported_at_its_line_naming_the_line_of_the_first()
    {
        Assert.Equal(
            [Duplicate(9, 7, "Same"), Duplicate(10, 7, "Same")],
            Diagnostics(Head + "- Same\n- Other\n- Same\n- Same\n"));
    }

    [Fact]
    public void A_copy_is_one_lint_fix_can_mend()
    {
        var copy = Assert.Single(ReleaseNotesParser.Parse(Head + "- Same\n- Same\n", DocumentKind.Unreleased, "unreleased.md").Diagnostics);

        Assert.Equal((DiagnosticCodes.DuplicateEntry, true), (copy.Code, copy.Fixable));
    }

    [Fact]
    public void Copies_under_different_change_types_are_duplicates_too()
    {
        var text = Head + "- Same\n\n### Fixed\n\n- Same\n";

        Assert.Equal([Duplicate(11, 7, "Same")], Diagnostics(text));
    }

    [Fact]
    public void A_multi_line_duplicate_is_quoted_by_its_first_line()
    {
        Assert.Equal(
            [Duplicate(9, 7, "First line")],
            Diagnostics(Head + "- First line\n  second line\n- First line\n  second line\n"));
    }

    [Fact]
    public void Entries_that_differ_in_case_or_in_a_later_line_are_not_duplicates()
    {
        Assert.Empty(Diagnostics(Head + "- Same\n- same\n- First line\n  one\n- First line\n  two\n"));
    }

    [Fact]
    public void Empty_entries_are_reported_as_empty_not_as_copies_of_each_other()
    {
        Assert.Equal(
            [
                "unreleased.md:7:1: error BFRN114: the entry has no text; write what changed for users or delete the bullet",
                "unreleased.md:8:1: error BFRN114: the entry has no text; write what changed for users or delete the bullet",
                "unreleased.md:9:1: error BFRN114: the entry has no text; write what changed for users or delete the bullet",
            ],
            Diagnostics(Head + "-\n-\n- \n"));
    }

    [Fact]
    public void Published_files_are_not_checked_for_duplicates()
    {
        var text = "# 1.2.0 - 2026-11-25\n\n## Public\n\n### Added\n\n- Same\n- Same\n";

        Assert.Empty(ReleaseNotesParser.Parse(text, DocumentKind.Published, "1.2.0.md").Diagnostics);
    }

    private static string Duplicate(int line, int firstLine, string quoted) =>
        $"unreleased.md:{line}:1: warning BFRN117: the same entry is already at line {firstLine} ('{quoted}'); two merge requests probably added the same text; 'bf-release-notes lint --fix' keeps the first";

    private static string[] Diagnostics(string text) =>
        [.. ReleaseNotesParser.Parse(text, DocumentKind.Unreleased, "unreleased.md").Diagnostics.Select(diagnostic => diagnostic.ToString())];
}
