using BfReleaseNotes.Merging;
using static BfReleaseNotes.Tests.Rules.MergeTexts;

namespace BfReleaseNotes.Tests.Rules;

/// <summary>
/// The structural merge's rules for where an entry theirs added or moved is inserted, which comment theirs deleted goes,
/// when a container theirs removed stays, and how a conflict is marked and named, each pinned with the whole merged text
/// written out here (the oracle does not come from the merger). Several cases put the first entry right under its
/// heading (no blank line), so it is the first part of its list, and several end the file without a line end.
/// </summary>
public sealed class MergePlacementRuleTests
{
    /// <summary><see cref="Base"/> with no blank line under Public > Added: Alpha is the first part of that list.</summary>
    private const string TightBase = "# Unreleased\n\n## Public\n\n### Added\n- Alpha entry one.\n- Beta entry two.\n- Gamma entry three.\n\n### Fixed\n\n- Search no longer ignores accented letters.\n\n## Internal\n\n### Added\n\n#### Flag: `new-editor`\n\n- The new editor saves drafts.\n";

    private const string TightOursAddsFix = "# Unreleased\n\n## Public\n\n### Added\n- Alpha entry one.\n- Beta entry two.\n- Gamma entry three.\n\n### Fixed\n\n- Search no longer ignores accented letters.\n- Ours fixed the export.\n\n## Internal\n\n### Added\n\n#### Flag: `new-editor`\n\n- The new editor saves drafts.\n";

    /// <summary>Theirs graduated the flag: its entry moved to Public > Added, its group and change type are gone.</summary>
    private const string TheirsGraduated = "# Unreleased\n\n## Public\n\n### Added\n\n- Alpha entry one.\n- Beta entry two.\n- Gamma entry three.\n- The new editor saves drafts.\n\n### Fixed\n\n- Search no longer ignores accented letters.\n\n## Internal\n";

    /// <summary>Ours reordered the list, so "after the entry before it" and "before the entry after it" differ.</summary>
    [Fact]
    public void An_entry_theirs_added_goes_after_the_entry_before_it_in_theirs_not_before_the_one_after_it()
    {
        var ours = Base.Replace("- Beta entry two.\n- Gamma entry three.\n", "- Gamma entry three.\n- Beta entry two.\n", StringComparison.Ordinal);
        var theirs = Base.Replace("- Alpha entry one.\n", "- Alpha entry one.\n- Theirs added calendars.\n", StringComparison.Ordinal);

        var result = ReleaseNotesMerger.Merge(Base, ours, theirs, UnreleasedPath);

        Assert.Equal((MergeMethod.Structural, 0), (result.Method, result.Conflicts));
        Assert.Empty(result.Notes);
        Assert.Equal(
            "# Unreleased\n\n## Public\n\n### Added\n\n- Alpha entry one.\n- Theirs added calendars.\n- Gamma entry three.\n- Beta entry two.\n\n### Fixed\n\n- Search no longer ignores accented letters.\n\n## Internal\n\n### Added\n\n#### Flag: `new-editor`\n\n- The new editor saves drafts.\n",
            result.Text);
    }

    [Fact]
    public void An_entry_theirs_added_goes_after_the_entry_before_it_in_theirs_also_when_that_entry_is_first_under_its_heading()
    {
        var ours = TightBase.Replace("- Beta entry two.\n- Gamma entry three.\n", "- Gamma entry three.\n- Beta entry two.\n", StringComparison.Ordinal);
        var theirs = TightBase.Replace("- Alpha entry one.\n", "- Alpha entry one.\n- Theirs added calendars.\n", StringComparison.Ordinal);

        var result = ReleaseNotesMerger.Merge(TightBase, ours, theirs, UnreleasedPath);

        Assert.Equal((MergeMethod.Structural, 0), (result.Method, result.Conflicts));
        Assert.Empty(result.Notes);
        Assert.Equal(
            "# Unreleased\n\n## Public\n\n### Added\n- Alpha entry one.\n- Theirs added calendars.\n- Gamma entry three.\n- Beta entry two.\n\n### Fixed\n\n- Search no longer ignores accented letters.\n\n## Internal\n\n### Added\n\n#### Flag: `new-editor`\n\n- The new editor saves drafts.\n",
            result.Text);
    }

    /// <summary>
    /// Theirs has Alpha, Beta, then its new entry; ours moved Beta to the top. The nearest entry before it (Beta) decides,
    /// not an earlier one (Alpha) and not the entry after it (Gamma).
    /// </summary>
    [Fact]
    public void An_entry_theirs_added_goes_after_the_nearest_entry_before_it_in_theirs_even_when_ours_moved_that_one_to_the_top()
    {
        var ours = TightBase.Replace("- Alpha entry one.\n- Beta entry two.\n", "- Beta entry two.\n- Alpha entry one.\n", StringComparison.Ordinal);
        var theirs = TightBase.Replace("- Beta entry two.\n", "- Beta entry two.\n- Theirs added calendars.\n", StringComparison.Ordinal);

        var result = ReleaseNotesMerger.Merge(TightBase, ours, theirs, UnreleasedPath);

        Assert.Equal((MergeMethod.Structural, 0), (result.Method, result.Conflicts));
        Assert.Empty(result.Notes);
        Assert.Equal(
            "# Unreleased\n\n## Public\n\n### Added\n- Beta entry two.\n- Theirs added calendars.\n- Alpha entry one.\n- Gamma entry three.\n\n### Fixed\n\n- Search no longer ignores accented letters.\n\n## Internal\n\n### Added\n\n#### Flag: `new-editor`\n\n- The new editor saves drafts.\n",
            result.Text);
    }

    [Fact]
    public void An_entry_theirs_added_at_the_top_goes_right_before_the_first_entry_after_it_in_theirs_also_when_that_entry_is_first_under_its_heading()
    {
        var theirs = TightBase.Replace("- Alpha entry one.\n", "- Theirs added calendars.\n- Alpha entry one.\n", StringComparison.Ordinal);

        var result = ReleaseNotesMerger.Merge(TightBase, TightOursAddsFix, theirs, UnreleasedPath);

        Assert.Equal((MergeMethod.Structural, 0), (result.Method, result.Conflicts));
        Assert.Empty(result.Notes);
        Assert.Equal(
            "# Unreleased\n\n## Public\n\n### Added\n- Theirs added calendars.\n- Alpha entry one.\n- Beta entry two.\n- Gamma entry three.\n\n### Fixed\n\n- Search no longer ignores accented letters.\n- Ours fixed the export.\n\n## Internal\n\n### Added\n\n#### Flag: `new-editor`\n\n- The new editor saves drafts.\n",
            result.Text);
    }

    /// <summary>
    /// Ours rewords the last entry of a file that ends without a line end; theirs graduates it to the top of Public >
    /// Added. Ours' words land there, on a line of their own.
    /// </summary>
    [Fact]
    public void An_entry_ours_edited_without_a_line_end_and_theirs_moved_before_another_gets_a_line_end_there()
    {
        var noFinalLineEnd = Base.TrimEnd('\n');
        var ours = OursAddsFix.Replace("- The new editor saves drafts.\n", "- The new editor saves drafts every minute.", StringComparison.Ordinal);
        var theirs = TheirsGraduated.Replace("- Gamma entry three.\n- The new editor saves drafts.\n", "- Gamma entry three.\n", StringComparison.Ordinal)
            .Replace("- Alpha entry one.\n", "- The new editor saves drafts.\n- Alpha entry one.\n", StringComparison.Ordinal);

        var result = ReleaseNotesMerger.Merge(noFinalLineEnd, ours, theirs, UnreleasedPath);

        Assert.Equal((MergeMethod.Structural, 0), (result.Method, result.Conflicts));
        Assert.Empty(result.Notes);
        Assert.Equal(
            "# Unreleased\n\n## Public\n\n### Added\n\n- The new editor saves drafts every minute.\n- Alpha entry one.\n- Beta entry two.\n- Gamma entry three.\n\n### Fixed\n\n- Search no longer ignores accented letters.\n- Ours fixed the export.\n\n## Internal\n\n",
            result.Text);
    }

    [Fact]
    public void A_comment_theirs_deleted_right_under_a_section_heading_goes()
    {
        var commented = Base.Replace("## Public\n\n", "## Public\n<!-- keep entries short -->\n\n", StringComparison.Ordinal);
        var ours = OursAddsFix.Replace("## Public\n\n", "## Public\n<!-- keep entries short -->\n\n", StringComparison.Ordinal);

        var result = ReleaseNotesMerger.Merge(commented, ours, Base, UnreleasedPath);

        Assert.Equal((MergeMethod.Structural, 0), (result.Method, result.Conflicts));
        Assert.Empty(result.Notes);
        Assert.Equal(
            "# Unreleased\n\n## Public\n\n### Added\n\n- Alpha entry one.\n- Beta entry two.\n- Gamma entry three.\n\n### Fixed\n\n- Search no longer ignores accented letters.\n- Ours fixed the export.\n\n## Internal\n\n### Added\n\n#### Flag: `new-editor`\n\n- The new editor saves drafts.\n",
            result.Text);
    }

    /// <summary>The blank lines that set the deleted comment apart both stay, as in the other comment deletions.</summary>
    [Fact]
    public void Of_two_identical_comments_the_one_theirs_deleted_goes_and_the_other_stays()
    {
        var twice = TwoIdenticalComments();
        var ours = twice.Replace("- Search no longer ignores accented letters.\n", "- Search no longer ignores accented letters.\n- Ours fixed the export.\n", StringComparison.Ordinal);
        var theirs = twice.Replace("## Public\n\n<!-- keep entries short -->\n\n", "## Public\n\n", StringComparison.Ordinal);

        var result = ReleaseNotesMerger.Merge(twice, ours, theirs, UnreleasedPath);

        Assert.Equal((MergeMethod.Structural, 0), (result.Method, result.Conflicts));
        Assert.Empty(result.Notes);
        Assert.Equal(
            "# Unreleased\n\n## Public\n\n### Added\n\n- Alpha entry one.\n- Beta entry two.\n- Gamma entry three.\n\n### Fixed\n\n- Search no longer ignores accented letters.\n- Ours fixed the export.\n\n## Beta\n\n<!-- keep entries short -->\n\n### Changed\n\n- Beta users see the new menu.\n\n## Internal\n\n### Added\n\n#### Flag: `new-editor`\n\n- The new editor saves drafts.\n",
            result.Text);
    }

    /// <summary>Copies of one comment are told apart by their heading: theirs deleted the one under Beta, so that one goes.</summary>
    [Fact]
    public void Of_two_identical_comments_the_second_goes_when_theirs_deleted_the_second()
    {
        var twice = TwoIdenticalComments();
        var ours = twice.Replace("- Search no longer ignores accented letters.\n", "- Search no longer ignores accented letters.\n- Ours fixed the export.\n", StringComparison.Ordinal);
        var theirs = twice.Replace("## Beta\n\n<!-- keep entries short -->\n\n", "## Beta\n\n", StringComparison.Ordinal);

        var result = ReleaseNotesMerger.Merge(twice, ours, theirs, UnreleasedPath);

        Assert.Equal((MergeMethod.Structural, 0), (result.Method, result.Conflicts));
        Assert.Empty(result.Notes);
        Assert.Equal(
            "# Unreleased\n\n## Public\n\n<!-- keep entries short -->\n\n### Added\n\n- Alpha entry one.\n- Beta entry two.\n- Gamma entry three.\n\n### Fixed\n\n- Search no longer ignores accented letters.\n- Ours fixed the export.\n\n## Beta\n\n### Changed\n\n- Beta users see the new menu.\n\n## Internal\n\n### Added\n\n#### Flag: `new-editor`\n\n- The new editor saves drafts.\n",
            result.Text);
    }

    [Fact]
    public void A_comment_ours_added_under_a_change_type_theirs_graduated_keeps_the_comment_and_its_heading()
    {
        var ours = Base.Replace("### Added\n\n#### Flag", "### Added\n\n<!-- ours' comment -->\n\n#### Flag", StringComparison.Ordinal);

        var result = ReleaseNotesMerger.Merge(Base, ours, TheirsGraduated, UnreleasedPath);

        Assert.Equal((MergeMethod.Structural, 0), (result.Method, result.Conflicts));
        Assert.Empty(result.Notes);
        Assert.Equal(
            "# Unreleased\n\n## Public\n\n### Added\n\n- Alpha entry one.\n- Beta entry two.\n- Gamma entry three.\n- The new editor saves drafts.\n\n### Fixed\n\n- Search no longer ignores accented letters.\n\n## Internal\n\n### Added\n\n<!-- ours' comment -->\n\n",
            result.Text);
    }

    [Fact]
    public void A_conflict_on_the_last_entry_of_a_file_without_a_final_line_end_puts_each_marker_on_its_own_line()
    {
        var noFinalLineEnd = Base.TrimEnd('\n');
        var ours = OursAddsFix.Replace("- The new editor saves drafts.\n", "- The new editor saves drafts, by ours.", StringComparison.Ordinal);
        var theirs = noFinalLineEnd.Replace("- The new editor saves drafts.", "- The new editor saves drafts, by theirs.", StringComparison.Ordinal);

        var result = ReleaseNotesMerger.Merge(noFinalLineEnd, ours, theirs, UnreleasedPath);

        Assert.Equal((MergeMethod.Structural, 1), (result.Method, result.Conflicts));
        Assert.Equal(
            "# Unreleased\n\n## Public\n\n### Added\n\n- Alpha entry one.\n- Beta entry two.\n- Gamma entry three.\n\n### Fixed\n\n- Search no longer ignores accented letters.\n- Ours fixed the export.\n\n## Internal\n\n### Added\n\n#### Flag: `new-editor`\n\n<<<<<<< ours\n- The new editor saves drafts, by ours.\n=======\n- The new editor saves drafts, by theirs.\n>>>>>>> theirs\n",
            result.Text);
        Assert.Equal("release-notes/unreleased.md: conflict under Internal > Added > new-editor: 'The new editor saves drafts, by ours." + ConflictNoteEnd, Assert.Single(result.Notes));
    }

    [Fact]
    public void A_comment_of_several_lines_theirs_deleted_goes_when_ours_turned_the_file_to_crlf()
    {
        var commented = Base.Replace("## Public\n\n", "## Public\n\n<!--\nkeep entries\nshort\n-->\n\n", StringComparison.Ordinal);
        var ours = OursAddsFix.Replace("## Public\n\n", "## Public\n\n<!--\nkeep entries\nshort\n-->\n\n", StringComparison.Ordinal)
            .Replace("\n", "\r\n", StringComparison.Ordinal);

        var result = ReleaseNotesMerger.Merge(commented, ours, Base, UnreleasedPath);

        Assert.Equal((MergeMethod.Structural, 0), (result.Method, result.Conflicts));
        Assert.Empty(result.Notes);
        Assert.Equal(
            "# Unreleased\r\n\r\n## Public\r\n\r\n### Added\r\n\r\n- Alpha entry one.\r\n- Beta entry two.\r\n- Gamma entry three.\r\n\r\n### Fixed\r\n\r\n- Search no longer ignores accented letters.\r\n- Ours fixed the export.\r\n\r\n## Internal\r\n\r\n### Added\r\n\r\n#### Flag: `new-editor`\r\n\r\n- The new editor saves drafts.\r\n",
            result.Text);
    }

    [Theory]
    [InlineData("Search no longer ignores accented letters in names and tags.", "Search no longer ignores accented letters in names and tags.")]
    [InlineData("Search no longer ignores accented letters in names and notes.", "Search no longer ignores accented letters in names and no...")]
    public void A_conflict_note_shows_an_entry_of_60_characters_whole_and_the_first_57_of_a_longer_one(string oursWords, string shown)
    {
        var ours = OursAddsFix.Replace("- Search no longer ignores accented letters.\n", "- " + oursWords + "\n", StringComparison.Ordinal);
        var theirs = Base.Replace("- Search no longer ignores accented letters.\n", "- Search no longer ignores accented letters, by theirs.\n", StringComparison.Ordinal);

        var result = ReleaseNotesMerger.Merge(Base, ours, theirs, UnreleasedPath);

        Assert.Equal((MergeMethod.Structural, 1), (result.Method, result.Conflicts));
        Assert.Equal(
            "# Unreleased\n\n## Public\n\n### Added\n\n- Alpha entry one.\n- Beta entry two.\n- Gamma entry three.\n\n### Fixed\n\n<<<<<<< ours\n- " + oursWords + "\n=======\n- Search no longer ignores accented letters, by theirs.\n>>>>>>> theirs\n- Ours fixed the export.\n\n## Internal\n\n### Added\n\n#### Flag: `new-editor`\n\n- The new editor saves drafts.\n",
            result.Text);
        Assert.Equal("release-notes/unreleased.md: conflict under Public > Fixed: '" + shown + ConflictNoteEnd, Assert.Single(result.Notes));
    }

    [Fact]
    public void The_first_entry_right_under_its_heading_removed_by_theirs_is_removed()
    {
        var theirs = TightBase.Replace("- Alpha entry one.\n", string.Empty, StringComparison.Ordinal);

        var result = ReleaseNotesMerger.Merge(TightBase, TightOursAddsFix, theirs, UnreleasedPath);

        Assert.Equal((MergeMethod.Structural, 0), (result.Method, result.Conflicts));
        Assert.Empty(result.Notes);
        Assert.Equal(
            "# Unreleased\n\n## Public\n\n### Added\n- Beta entry two.\n- Gamma entry three.\n\n### Fixed\n\n- Search no longer ignores accented letters.\n- Ours fixed the export.\n\n## Internal\n\n### Added\n\n#### Flag: `new-editor`\n\n- The new editor saves drafts.\n",
            result.Text);
    }

    [Fact]
    public void The_first_entry_right_under_its_heading_reworded_by_theirs_takes_theirs_words()
    {
        var theirs = TightBase.Replace("- Alpha entry one.\n", "- Alpha entry one, reworded.\n", StringComparison.Ordinal);

        var result = ReleaseNotesMerger.Merge(TightBase, TightOursAddsFix, theirs, UnreleasedPath);

        Assert.Equal((MergeMethod.Structural, 0), (result.Method, result.Conflicts));
        Assert.Empty(result.Notes);
        Assert.Equal(
            "# Unreleased\n\n## Public\n\n### Added\n- Alpha entry one, reworded.\n- Beta entry two.\n- Gamma entry three.\n\n### Fixed\n\n- Search no longer ignores accented letters.\n- Ours fixed the export.\n\n## Internal\n\n### Added\n\n#### Flag: `new-editor`\n\n- The new editor saves drafts.\n",
            result.Text);
    }

    [Fact]
    public void The_first_entry_right_under_its_heading_reworded_differently_by_both_sides_is_a_conflict_in_its_place()
    {
        var ours = TightOursAddsFix.Replace("- Alpha entry one.\n", "- Alpha entry one, ours.\n", StringComparison.Ordinal);
        var theirs = TightBase.Replace("- Alpha entry one.\n", "- Alpha entry one, theirs.\n", StringComparison.Ordinal);

        var result = ReleaseNotesMerger.Merge(TightBase, ours, theirs, UnreleasedPath);

        Assert.Equal((MergeMethod.Structural, 1), (result.Method, result.Conflicts));
        Assert.Equal(
            "# Unreleased\n\n## Public\n\n### Added\n<<<<<<< ours\n- Alpha entry one, ours.\n=======\n- Alpha entry one, theirs.\n>>>>>>> theirs\n- Beta entry two.\n- Gamma entry three.\n\n### Fixed\n\n- Search no longer ignores accented letters.\n- Ours fixed the export.\n\n## Internal\n\n### Added\n\n#### Flag: `new-editor`\n\n- The new editor saves drafts.\n",
            result.Text);
        Assert.Equal("release-notes/unreleased.md: conflict under Public > Added: 'Alpha entry one, ours." + ConflictNoteEnd, Assert.Single(result.Notes));
    }

    /// <summary>
    /// Ours added "Exports keep their names." elsewhere, so an entry with that text is one of ours' additions that an entry
    /// of theirs skips over. Inserted in theirs' order, Calendars is placed first and Exports after it; in the other
    /// order Calendars would skip over Exports.
    /// </summary>
    [Fact]
    public void Two_entries_theirs_added_in_a_row_keep_theirs_order_when_ours_added_the_second_one_elsewhere()
    {
        var ours = Base.Replace("- The new editor saves drafts.\n", "- The new editor saves drafts.\n- Exports keep their names.\n", StringComparison.Ordinal);
        var theirs = Base.Replace("- Alpha entry one.\n", "- Alpha entry one.\n- Calendars can be shared.\n- Exports keep their names.\n", StringComparison.Ordinal);

        var result = ReleaseNotesMerger.Merge(Base, ours, theirs, UnreleasedPath);

        Assert.Equal((MergeMethod.Structural, 0), (result.Method, result.Conflicts));
        Assert.Empty(result.Notes);
        Assert.Equal(
            "# Unreleased\n\n## Public\n\n### Added\n\n- Alpha entry one.\n- Calendars can be shared.\n- Exports keep their names.\n- Beta entry two.\n- Gamma entry three.\n\n### Fixed\n\n- Search no longer ignores accented letters.\n\n## Internal\n\n### Added\n\n#### Flag: `new-editor`\n\n- The new editor saves drafts.\n- Exports keep their names.\n",
            result.Text);
    }

    /// <summary>Ours' additions after the same neighbour come first, as ours' rewordings there do.</summary>
    [Fact]
    public void An_entry_theirs_adds_after_a_neighbour_goes_after_the_entry_ours_added_there_ours_first()
    {
        var ours = Base.Replace("- Alpha entry one.\n", "- Alpha entry one.\n- Ours added after alpha.\n", StringComparison.Ordinal);
        var theirs = Base.Replace("- Alpha entry one.\n", "- Alpha entry one.\n- Theirs added after alpha.\n", StringComparison.Ordinal);

        var result = ReleaseNotesMerger.Merge(Base, ours, theirs, UnreleasedPath);

        Assert.Equal((MergeMethod.Structural, 0), (result.Method, result.Conflicts));
        Assert.Equal(
            "# Unreleased\n\n## Public\n\n### Added\n\n- Alpha entry one.\n- Ours added after alpha.\n- Theirs added after alpha.\n- Beta entry two.\n- Gamma entry three.\n\n### Fixed\n\n- Search no longer ignores accented letters.\n\n## Internal\n\n### Added\n\n#### Flag: `new-editor`\n\n- The new editor saves drafts.\n",
            result.Text);
    }

    /// <summary>Nothing of theirs before it or after it is left in the list (ours removed its only neighbour): it goes last.</summary>
    [Fact]
    public void An_entry_theirs_adds_after_an_entry_ours_removed_goes_last_in_the_list()
    {
        var ours = Base.Replace("- Search no longer ignores accented letters.\n", "- Ours fixed the export.\n", StringComparison.Ordinal);
        var theirs = Base.Replace("- Search no longer ignores accented letters.\n", "- Search no longer ignores accented letters.\n- Theirs fixed the import.\n", StringComparison.Ordinal);

        var result = ReleaseNotesMerger.Merge(Base, ours, theirs, UnreleasedPath);

        Assert.Equal((MergeMethod.Structural, 0), (result.Method, result.Conflicts));
        Assert.Equal(
            "# Unreleased\n\n## Public\n\n### Added\n\n- Alpha entry one.\n- Beta entry two.\n- Gamma entry three.\n\n### Fixed\n\n- Ours fixed the export.\n- Theirs fixed the import.\n\n## Internal\n\n### Added\n\n#### Flag: `new-editor`\n\n- The new editor saves drafts.\n",
            result.Text);
    }

    /// <summary>The comment is the last part of the file, so nothing follows it to tidy.</summary>
    [Fact]
    public void A_comment_at_the_end_of_the_file_theirs_deleted_goes()
    {
        const string Comment = "<!-- roll out in March -->\n";

        var result = ReleaseNotesMerger.Merge(Base + Comment, OursAddsFix + Comment, Base, UnreleasedPath);

        Assert.Equal((MergeMethod.Structural, 0), (result.Method, result.Conflicts));
        Assert.Equal(OursAddsFix, result.Text);
    }

    /// <summary><see cref="Base"/> with the same comment under Public and under a Beta section.</summary>
    private static string TwoIdenticalComments() => Base
        .Replace("## Public\n\n", "## Public\n\n<!-- keep entries short -->\n\n", StringComparison.Ordinal)
        .Replace("## Internal\n", "## Beta\n\n<!-- keep entries short -->\n\n### Changed\n\n- Beta users see the new menu.\n\n## Internal\n", StringComparison.Ordinal);
}
