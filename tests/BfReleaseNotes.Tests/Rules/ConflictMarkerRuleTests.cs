using BfReleaseNotes.Markdown;
using BfReleaseNotes.Model;

namespace BfReleaseNotes.Tests.Rules;

/// <summary>
/// Which lines are git's conflict markers (BFRN009), where they are reported, and where they are content: inside a
/// closed code block. Expected diagnostics are written out in full.
/// </summary>
public class ConflictMarkerRuleTests
{
    private const string Head = "# Unreleased\n\n## Public\n\n### Added\n\n";

    [Fact]
    public void The_four_marker_lines_git_writes_are_each_reported_at_their_line()
    {
        var text = Head + "<<<<<<< HEAD\n- Ours.\n||||||| base\n=======\n- Theirs.\n>>>>>>> feature/x\n";

        Assert.Equal(
            [Marker(7, "<<<<<<< HEAD"), Marker(9, "||||||| base"), Marker(10, "======="), Marker(12, ">>>>>>> feature/x")],
            Diagnostics(text));
    }

    [Theory]
    [InlineData("<<<<<<<")]
    [InlineData(">>>>>>>")]
    [InlineData("|||||||")]
    [InlineData("=======")]
    [InlineData("=======  ")]
    [InlineData("<<<<<<<\tHEAD")]
    public void A_marker_alone_or_followed_by_a_space_or_tab_and_text_is_a_marker(string line)
    {
        Assert.Equal([Marker(8, line.Trim())], Diagnostics(Head + "- Entry.\n" + line + "\n"));
    }

    [Theory]
    [InlineData("<<<<<<<<")]
    [InlineData("<<<<<<<x")]
    [InlineData("======= x")]
    [InlineData("<<<<<<")]
    public void Seven_marker_characters_run_into_more_text_are_not_a_marker(string line)
    {
        Assert.DoesNotContain(Diagnostics(Head + "- Entry.\n" + line + "\n"), diagnostic => diagnostic.Contains("BFRN009", StringComparison.Ordinal));
    }

    [Fact]
    public void Marker_lines_inside_a_closed_code_block_are_content()
    {
        var text = "# Unreleased\n\nHow a conflict looks:\n\n```\n<<<<<<< HEAD\n=======\n>>>>>>> b\n```\n\n## Public\n\n### Added\n\n- x\n";

        Assert.Empty(Diagnostics(text));
    }

    [Fact]
    public void A_marker_right_after_a_closed_code_block_is_reported()
    {
        var text = "# Unreleased\n\n```\n=======\n```\n<<<<<<< HEAD\n\n## Public\n\n### Added\n\n- x\n";

        Assert.Equal([Marker(6, "<<<<<<< HEAD")], Diagnostics(text));
    }

    [Fact]
    public void Markers_after_a_code_fence_that_is_never_closed_are_reported_with_the_fence()
    {
        // The conflict may be what removed the closing fence, so the markers are not hidden as code.
        var text = Head + "- x\n\n```\n<<<<<<< HEAD\n";

        Assert.Equal(
            [
                "unreleased.md:9:1: error BFRN007: the code block opened with '```' is never closed, so it swallows the rest of the file; close it with a line '```'",
                "unreleased.md:9:1: error BFRN104: '```' is not a list item; every entry starts with '- ' (indent wrapped lines and nested content under it), and free text belongs before the first '##' heading",
                Marker(10, "<<<<<<< HEAD"),
            ],
            Diagnostics(text));
    }

    [Fact]
    public void A_marker_with_a_long_or_unprintable_branch_name_is_quoted_short_and_printable()
    {
        var text = Head + "- Entry.\n>>>>>>> " + new string('b', 200) + "\u001b\n";

        var diagnostic = Assert.Single(Diagnostics(text));

        Assert.StartsWith("unreleased.md:8:1: error BFRN009: unresolved merge conflict: '>>>>>>> bbb", diagnostic, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', diagnostic);
    }

    private static string Marker(int line, string shown) =>
        $"unreleased.md:{line}:1: error BFRN009: unresolved merge conflict: '{shown}' is a conflict marker line; keep the right entries between '<<<<<<<' and '>>>>>>>', delete every marker line ('<<<<<<<', '|||||||', '=======', '>>>>>>>'), then run 'bf-release-notes lint' (to avoid such conflicts, run 'bf-release-notes merge-driver install')";

    private static string[] Diagnostics(string text) =>
        [.. ReleaseNotesParser.Parse(text, DocumentKind.Unreleased, "unreleased.md").Diagnostics.Select(diagnostic => diagnostic.ToString())];
}
