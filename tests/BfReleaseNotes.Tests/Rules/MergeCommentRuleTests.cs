using BfReleaseNotes.Merging;

namespace BfReleaseNotes.Tests.Rules;

/// <summary>
/// Where a comment theirs added lands in the structural merge: under the same heading as in theirs (the title, a
/// section, a change type, the second of two flag groups), set apart by blank lines as theirs set it apart; and a
/// comment under a heading theirs added with no entry is placed by the line merge, with a note that says why.
/// Ours adds an entry in each case, so neither side's text can be taken as it is.
/// </summary>
public sealed class MergeCommentRuleTests
{
    private const string File = "release-notes/unreleased.md";

    private const string Base = "# Unreleased\n\n## Public\n\n### Added\n\n- Alpha entry one.\n\n## Beta\n\n### Changed\n\n- Beta entry.\n\n## Internal\n\n### Added\n\n#### Flag: `a`\n\n- Flag a entry.\n\n#### Flag: `b`\n\n- Flag b entry.\n";

    private const string Ours = "# Unreleased\n\n## Public\n\n### Added\n\n- Alpha entry one.\n- Ours added.\n\n## Beta\n\n### Changed\n\n- Beta entry.\n\n## Internal\n\n### Added\n\n#### Flag: `a`\n\n- Flag a entry.\n\n#### Flag: `b`\n\n- Flag b entry.\n";

    [Theory]
    [InlineData("# Unreleased\n\n", "# Unreleased\n\n<!-- note -->\n\n")]
    [InlineData("## Beta\n\n", "## Beta\n\n<!-- note -->\n\n")]
    [InlineData("- Beta entry.\n", "- Beta entry.\n<!-- note -->\n")]
    [InlineData("- Flag b entry.\n", "- Flag b entry.\n<!-- note -->\n")]
    [InlineData("#### Flag: `b`\n\n", "#### Flag: `b`\n\n<!-- note -->\n")]
    public void A_comment_theirs_added_lands_under_its_heading_as_theirs_spaced_it(string at, string theirsWrote)
    {
        var theirs = Base.Replace(at, theirsWrote, StringComparison.Ordinal);

        var result = ReleaseNotesMerger.Merge(Base, Ours, theirs, File);

        Assert.Equal((MergeMethod.Structural, 0), (result.Method, result.Conflicts));
        Assert.Empty(result.Notes);
        Assert.Equal(Ours.Replace(at, theirsWrote, StringComparison.Ordinal), result.Text);
    }

    [Fact]
    public void A_comment_under_a_heading_theirs_added_without_an_entry_is_left_to_the_line_merge()
    {
        var theirs = Base.Replace("## Beta\n\n", "## Beta\n\n### Added\n\n<!-- soon -->\n\n", StringComparison.Ordinal);

        var result = ReleaseNotesMerger.Merge(Base, Ours, theirs, File);

        Assert.Equal((MergeMethod.LineMerge, 0), (result.Method, result.Conflicts));
        Assert.Equal(Ours.Replace("## Beta\n\n", "## Beta\n\n### Added\n\n<!-- soon -->\n\n", StringComparison.Ordinal), result.Text);
        Assert.Equal(
            "release-notes/unreleased.md: the structural merge could not be proved (theirs added '<!-- soon -->' under Beta > Added, which the merge does not hold); git's line merge was used instead",
            Assert.Single(result.Notes));
    }

    [Fact]
    public void A_comment_theirs_moved_to_another_heading_is_moved_not_lost_or_doubled()
    {
        var commented = Base.Replace("## Public\n\n", "## Public\n\n<!-- note -->\n\n", StringComparison.Ordinal);
        var ours = Ours.Replace("## Public\n\n", "## Public\n\n<!-- note -->\n\n", StringComparison.Ordinal);
        var theirs = Base.Replace("## Beta\n\n", "## Beta\n\n<!-- note -->\n\n", StringComparison.Ordinal);

        var result = ReleaseNotesMerger.Merge(commented, ours, theirs, File);

        Assert.Equal((MergeMethod.Structural, 0), (result.Method, result.Conflicts));
        Assert.Equal(Ours.Replace("## Beta\n\n", "## Beta\n\n<!-- note -->\n\n", StringComparison.Ordinal), result.Text);
    }

    [Fact]
    public void A_comment_after_an_entry_ours_removed_goes_after_the_last_entry_before_the_blank_line()
    {
        var two = Base.Replace("- Alpha entry one.\n", "- Alpha entry one.\n- Alpha entry two.\n", StringComparison.Ordinal);
        var ours = two.Replace("- Alpha entry two.\n", string.Empty, StringComparison.Ordinal).Replace("- Beta entry.\n", "- Beta entry.\n- Ours added.\n", StringComparison.Ordinal);
        var theirs = two.Replace("- Alpha entry two.\n", "- Alpha entry two.\n<!-- note -->\n", StringComparison.Ordinal);

        var result = ReleaseNotesMerger.Merge(two, ours, theirs, File);

        Assert.Equal((MergeMethod.Structural, 0), (result.Method, result.Conflicts));
        Assert.Equal(ours.Replace("- Alpha entry one.\n", "- Alpha entry one.\n<!-- note -->\n", StringComparison.Ordinal), result.Text);
    }

    [Fact]
    public void A_comment_after_the_only_entry_ours_removed_goes_first_under_the_heading()
    {
        var ours = Base.Replace("- Alpha entry one.\n\n", string.Empty, StringComparison.Ordinal).Replace("- Beta entry.\n", "- Beta entry.\n- Ours added.\n", StringComparison.Ordinal);
        var theirs = Base.Replace("- Alpha entry one.\n", "- Alpha entry one.\n<!-- note -->\n", StringComparison.Ordinal);

        var result = ReleaseNotesMerger.Merge(Base, ours, theirs, File);

        Assert.Equal((MergeMethod.Structural, 0), (result.Method, result.Conflicts));
        Assert.Equal(ours.Replace("### Added\n\n## Beta", "### Added\n<!-- note -->\n\n## Beta", StringComparison.Ordinal), result.Text);
    }

    [Fact]
    public void A_comment_theirs_appended_to_a_file_without_a_final_line_end_ends_the_file_the_same_way()
    {
        var open = Base.TrimEnd('\n');
        var ours = Ours.TrimEnd('\n');

        var result = ReleaseNotesMerger.Merge(open, ours, open + "\n<!-- end -->", File);

        Assert.Equal((MergeMethod.Structural, 0), (result.Method, result.Conflicts));
        Assert.Equal(ours + "\n<!-- end -->", result.Text);
    }

    [Fact]
    public void A_comment_theirs_wrote_last_without_a_line_end_gets_one_when_ours_added_an_entry_after_it()
    {
        var open = Base.TrimEnd('\n');
        var ours = open + "\n- Ours added under b.";

        var result = ReleaseNotesMerger.Merge(open, ours, open + "\n<!-- end -->", File);

        Assert.Equal((MergeMethod.Structural, 0), (result.Method, result.Conflicts));
        Assert.Equal(open + "\n<!-- end -->\n- Ours added under b.", result.Text);
    }

    [Fact]
    public void A_comment_theirs_put_right_under_a_heading_stays_right_under_it()
    {
        var theirs = Base.Replace("## Public\n\n", "## Public\n<!-- note -->\n\n", StringComparison.Ordinal);

        var result = ReleaseNotesMerger.Merge(Base, Ours, theirs, File);

        Assert.Equal((MergeMethod.Structural, 0), (result.Method, result.Conflicts));
        Assert.Equal(Ours.Replace("## Public\n\n", "## Public\n<!-- note -->\n\n", StringComparison.Ordinal), result.Text);
    }

    [Fact]
    public void A_comment_theirs_put_under_a_heading_with_nothing_else_before_the_next_heading_stays_there()
    {
        var tight = Base.Replace("## Public\n\n", "## Public\n", StringComparison.Ordinal);
        var ours = Ours.Replace("## Public\n\n", "## Public\n", StringComparison.Ordinal);
        var theirs = Base.Replace("## Public\n\n", "## Public\n<!-- note -->\n", StringComparison.Ordinal);

        var result = ReleaseNotesMerger.Merge(tight, ours, theirs, File);

        Assert.Equal((MergeMethod.Structural, 0), (result.Method, result.Conflicts));
        Assert.Equal(Ours.Replace("## Public\n\n", "## Public\n<!-- note -->\n", StringComparison.Ordinal), result.Text);
    }
}
