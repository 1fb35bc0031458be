using BfReleaseNotes.Merging;
using static BfReleaseNotes.Tests.Rules.MergeTexts;

namespace BfReleaseNotes.Tests.Rules;

/// <summary>
/// The structural merge's rules for removals, moves, edits and insert places, each pinned with the whole merged text
/// written out here (the oracle does not come from the merger): which side wins, where a conflict's markers go and what
/// they hold, where an entry lands, when an edit is told apart from a removal and an addition.
/// </summary>
public sealed class MergeRemovalRuleTests
{
    [Fact]
    public void An_entry_one_side_removed_and_the_other_left_alone_is_removed()
    {
        var theirs = Base.Replace("- Beta entry two.\n", string.Empty, StringComparison.Ordinal);

        var result = ReleaseNotesMerger.Merge(Base, OursAddsFix, theirs, UnreleasedPath);

        Assert.Equal((MergeMethod.Structural, 0, 0), (result.Method, result.Conflicts, result.Notes.Length));
        Assert.Equal(
            "# Unreleased\n\n## Public\n\n### Added\n\n- Alpha entry one.\n- Gamma entry three.\n\n### Fixed\n\n- Search no longer ignores accented letters.\n- Ours fixed the export.\n\n## Internal\n\n### Added\n\n#### Flag: `new-editor`\n\n- The new editor saves drafts.\n",
            result.Text);
    }

    [Fact]
    public void The_first_and_the_last_entry_removed_by_theirs_leave_no_extra_blank_line()
    {
        var theirs = Base.Replace("- Alpha entry one.\n", string.Empty, StringComparison.Ordinal)
            .Replace("- Gamma entry three.\n", string.Empty, StringComparison.Ordinal);

        var result = ReleaseNotesMerger.Merge(Base, OursAddsFix, theirs, UnreleasedPath);

        Assert.Equal(0, result.Conflicts);
        Assert.Equal(
            "# Unreleased\n\n## Public\n\n### Added\n\n- Beta entry two.\n\n### Fixed\n\n- Search no longer ignores accented letters.\n- Ours fixed the export.\n\n## Internal\n\n### Added\n\n#### Flag: `new-editor`\n\n- The new editor saves drafts.\n",
            result.Text);
    }

    [Fact]
    public void An_entry_between_two_blank_lines_removed_by_theirs_leaves_one_blank_line()
    {
        var loose = Base.Replace("- Alpha entry one.\n- Beta entry two.\n- Gamma entry three.\n", "- Alpha entry one.\n\n- Beta entry two.\n\n- Gamma entry three.\n", StringComparison.Ordinal);
        var ours = loose.Replace("- Search no longer ignores accented letters.\n", "- Search no longer ignores accented letters.\n- Ours fixed the export.\n", StringComparison.Ordinal);
        var theirs = loose.Replace("- Beta entry two.\n\n", string.Empty, StringComparison.Ordinal);

        var result = ReleaseNotesMerger.Merge(loose, ours, theirs, UnreleasedPath);

        Assert.Equal((MergeMethod.Structural, 0), (result.Method, result.Conflicts));
        Assert.Equal(
            "# Unreleased\n\n## Public\n\n### Added\n\n- Alpha entry one.\n\n- Gamma entry three.\n\n### Fixed\n\n- Search no longer ignores accented letters.\n- Ours fixed the export.\n\n## Internal\n\n### Added\n\n#### Flag: `new-editor`\n\n- The new editor saves drafts.\n",
            result.Text);
    }

    [Fact]
    public void An_entry_ours_edited_and_theirs_removed_is_a_conflict_whose_theirs_half_is_empty()
    {
        var ours = OursAddsFix.Replace("- Gamma entry three.\n", "- Gamma entry three, reworded.\n", StringComparison.Ordinal);
        var theirs = Base.Replace("- Gamma entry three.\n", string.Empty, StringComparison.Ordinal);

        var result = ReleaseNotesMerger.Merge(Base, ours, theirs, UnreleasedPath);

        Assert.Equal((MergeMethod.Structural, 1), (result.Method, result.Conflicts));
        Assert.Equal(
            "# Unreleased\n\n## Public\n\n### Added\n\n- Alpha entry one.\n- Beta entry two.\n<<<<<<< ours\n- Gamma entry three, reworded.\n=======\n>>>>>>> theirs\n\n### Fixed\n\n- Search no longer ignores accented letters.\n- Ours fixed the export.\n\n## Internal\n\n### Added\n\n#### Flag: `new-editor`\n\n- The new editor saves drafts.\n",
            result.Text);
        Assert.Equal("release-notes/unreleased.md: conflict under Public > Added: 'Gamma entry three, reworded." + ConflictNoteEnd, Assert.Single(result.Notes));
    }

    [Fact]
    public void An_entry_ours_removed_and_theirs_edited_is_a_conflict_whose_ours_half_is_empty()
    {
        var ours = OursAddsFix.Replace("- Beta entry two.\n", string.Empty, StringComparison.Ordinal);
        var theirs = Base.Replace("- Beta entry two.\n", "- Beta entry two, reworded.\n", StringComparison.Ordinal);

        var result = ReleaseNotesMerger.Merge(Base, ours, theirs, UnreleasedPath);

        Assert.Equal((MergeMethod.Structural, 1), (result.Method, result.Conflicts));
        Assert.Equal(
            "# Unreleased\n\n## Public\n\n### Added\n\n- Alpha entry one.\n<<<<<<< ours\n=======\n- Beta entry two, reworded.\n>>>>>>> theirs\n- Gamma entry three.\n\n### Fixed\n\n- Search no longer ignores accented letters.\n- Ours fixed the export.\n\n## Internal\n\n### Added\n\n#### Flag: `new-editor`\n\n- The new editor saves drafts.\n",
            result.Text);
        Assert.Equal("release-notes/unreleased.md: conflict under Public > Added: 'Beta entry two, reworded." + ConflictNoteEnd, Assert.Single(result.Notes));
    }

    /// <summary>
    /// Found by <c>MergeEditProperties</c>: theirs reworded an entry and also reordered the list, so the rewording sat
    /// in another gap between unchanged neighbours. It was taken for a new entry, and an entry ours had promoted came
    /// back reworded, for the next promotion to publish a second time.
    /// </summary>
    [Fact]
    public void An_entry_ours_removed_and_theirs_reworded_in_a_reordered_list_is_still_a_conflict()
    {
        var ours = OursAddsFix.Replace("- Beta entry two.\n", string.Empty, StringComparison.Ordinal);
        var theirs = Base.Replace("- Alpha entry one.\n- Beta entry two.\n- Gamma entry three.\n", "- Beta entry two, reworded.\n- Gamma entry three.\n- Alpha entry one.\n", StringComparison.Ordinal);

        var result = ReleaseNotesMerger.Merge(Base, ours, theirs, UnreleasedPath);

        Assert.Equal((MergeMethod.Structural, 1), (result.Method, result.Conflicts));
        Assert.Equal(
            "# Unreleased\n\n## Public\n\n### Added\n\n- Alpha entry one.\n<<<<<<< ours\n=======\n- Beta entry two, reworded.\n>>>>>>> theirs\n- Gamma entry three.\n\n### Fixed\n\n- Search no longer ignores accented letters.\n- Ours fixed the export.\n\n## Internal\n\n### Added\n\n#### Flag: `new-editor`\n\n- The new editor saves drafts.\n",
            result.Text);
        Assert.Equal("release-notes/unreleased.md: conflict under Public > Added: 'Beta entry two, reworded." + ConflictNoteEnd, Assert.Single(result.Notes));
    }

    /// <summary>The search of the whole list keeps the similarity limit: an unrelated entry that arrived is no rewording.</summary>
    [Fact]
    public void An_unrelated_entry_theirs_added_in_a_reordered_list_is_an_addition_beside_ours_removal()
    {
        var ours = OursAddsFix.Replace("- Beta entry two.\n", string.Empty, StringComparison.Ordinal);
        var theirs = Base.Replace("- Alpha entry one.\n- Beta entry two.\n- Gamma entry three.\n", "- Exports finish in the background.\n- Gamma entry three.\n- Alpha entry one.\n- Beta entry two.\n", StringComparison.Ordinal);

        var result = ReleaseNotesMerger.Merge(Base, ours, theirs, UnreleasedPath);

        Assert.Equal((MergeMethod.Structural, 0), (result.Method, result.Conflicts));
        Assert.Equal(
            "# Unreleased\n\n## Public\n\n### Added\n\n- Alpha entry one.\n- Exports finish in the background.\n- Gamma entry three.\n\n### Fixed\n\n- Search no longer ignores accented letters.\n- Ours fixed the export.\n\n## Internal\n\n### Added\n\n#### Flag: `new-editor`\n\n- The new editor saves drafts.\n",
            result.Text);
    }

    /// <summary>
    /// A rewording is looked for between the same unchanged neighbours first: theirs removed the entry before Beta and
    /// reworded the one after it, so the new text replaces the one after Beta, although it is closer to the one before.
    /// </summary>
    [Fact]
    public void A_rewording_is_matched_in_its_own_gap_before_a_closer_text_elsewhere_in_the_list()
    {
        var similar = Base.Replace("- Alpha entry one.\n", "- Exports keep file names.\n", StringComparison.Ordinal)
            .Replace("- Gamma entry three.\n", "- Exports keep file dates.\n", StringComparison.Ordinal);
        var ours = similar.Replace("- Search no longer ignores accented letters.\n", "- Search no longer ignores accented letters.\n- Ours fixed the export.\n", StringComparison.Ordinal);
        var theirs = similar.Replace("- Exports keep file names.\n", string.Empty, StringComparison.Ordinal)
            .Replace("- Exports keep file dates.\n", "- Exports keep file names!\n", StringComparison.Ordinal);

        var result = ReleaseNotesMerger.Merge(similar, ours, theirs, UnreleasedPath);

        Assert.Equal((MergeMethod.Structural, 0), (result.Method, result.Conflicts));
        Assert.Equal(
            "# Unreleased\n\n## Public\n\n### Added\n\n- Beta entry two.\n- Exports keep file names!\n\n### Fixed\n\n- Search no longer ignores accented letters.\n- Ours fixed the export.\n\n## Internal\n\n### Added\n\n#### Flag: `new-editor`\n\n- The new editor saves drafts.\n",
            result.Text);
    }

    [Fact]
    public void The_last_entry_edited_by_both_sides_differently_holds_both_versions_between_the_markers()
    {
        var ours = OursAddsFix.Replace("- Gamma entry three.\n", "- Gamma entry three, by ours.\n", StringComparison.Ordinal);
        var theirs = Base.Replace("- Gamma entry three.\n", "- Gamma entry three, by theirs.\n", StringComparison.Ordinal);

        var result = ReleaseNotesMerger.Merge(Base, ours, theirs, UnreleasedPath);

        Assert.Equal(1, result.Conflicts);
        Assert.Equal(
            "# Unreleased\n\n## Public\n\n### Added\n\n- Alpha entry one.\n- Beta entry two.\n<<<<<<< ours\n- Gamma entry three, by ours.\n=======\n- Gamma entry three, by theirs.\n>>>>>>> theirs\n\n### Fixed\n\n- Search no longer ignores accented letters.\n- Ours fixed the export.\n\n## Internal\n\n### Added\n\n#### Flag: `new-editor`\n\n- The new editor saves drafts.\n",
            result.Text);
    }

    [Fact]
    public void The_last_entry_edited_by_theirs_and_removed_by_ours_is_a_conflict_not_a_removal_and_an_addition()
    {
        var ours = OursAddsFix.Replace("- Gamma entry three.\n", string.Empty, StringComparison.Ordinal);
        var theirs = Base.Replace("- Gamma entry three.\n", "- Gamma entry three, reworded.\n", StringComparison.Ordinal);

        var result = ReleaseNotesMerger.Merge(Base, ours, theirs, UnreleasedPath);

        Assert.Equal(1, result.Conflicts);
        Assert.Equal(
            "# Unreleased\n\n## Public\n\n### Added\n\n- Alpha entry one.\n- Beta entry two.\n<<<<<<< ours\n=======\n- Gamma entry three, reworded.\n>>>>>>> theirs\n\n### Fixed\n\n- Search no longer ignores accented letters.\n- Ours fixed the export.\n\n## Internal\n\n### Added\n\n#### Flag: `new-editor`\n\n- The new editor saves drafts.\n",
            result.Text);
    }

    [Fact]
    public void The_same_edit_on_both_sides_is_no_conflict()
    {
        var ours = OursAddsFix.Replace("- Beta entry two.\n", "- Beta entry two, reworded.\n", StringComparison.Ordinal);
        var theirs = Base.Replace("- Beta entry two.\n", "- Beta entry two, reworded.\n", StringComparison.Ordinal)
            .Replace("- The new editor saves drafts.\n", "- The new editor saves drafts.\n- Theirs added autosave.\n", StringComparison.Ordinal);

        var result = ReleaseNotesMerger.Merge(Base, ours, theirs, UnreleasedPath);

        Assert.Equal((MergeMethod.Structural, 0, 0), (result.Method, result.Conflicts, result.Notes.Length));
        Assert.Equal(
            "# Unreleased\n\n## Public\n\n### Added\n\n- Alpha entry one.\n- Beta entry two, reworded.\n- Gamma entry three.\n\n### Fixed\n\n- Search no longer ignores accented letters.\n- Ours fixed the export.\n\n## Internal\n\n### Added\n\n#### Flag: `new-editor`\n\n- The new editor saves drafts.\n- Theirs added autosave.\n",
            result.Text);
    }

    [Fact]
    public void An_entry_moved_by_both_sides_to_different_places_stays_where_ours_put_it_with_a_note()
    {
        var ours = Base.Replace("- Beta entry two.\n", string.Empty, StringComparison.Ordinal)
            .Replace("- Search no longer ignores accented letters.\n", "- Search no longer ignores accented letters.\n- Beta entry two.\n", StringComparison.Ordinal);
        var theirs = Base.Replace("- Beta entry two.\n", string.Empty, StringComparison.Ordinal)
            .Replace("- The new editor saves drafts.\n", "- The new editor saves drafts.\n- Beta entry two.\n", StringComparison.Ordinal);

        var result = ReleaseNotesMerger.Merge(Base, ours, theirs, UnreleasedPath);

        Assert.Equal((MergeMethod.Structural, 0), (result.Method, result.Conflicts));
        Assert.Equal(
            "# Unreleased\n\n## Public\n\n### Added\n\n- Alpha entry one.\n- Gamma entry three.\n\n### Fixed\n\n- Search no longer ignores accented letters.\n- Beta entry two.\n\n## Internal\n\n### Added\n\n#### Flag: `new-editor`\n\n- The new editor saves drafts.\n",
            result.Text);
        Assert.Equal("release-notes/unreleased.md: 'Beta entry two.' was moved to Public > Fixed by ours and to Internal > Added > new-editor by theirs; ours kept", Assert.Single(result.Notes));
    }

    [Fact]
    public void An_entry_moved_by_both_sides_to_the_same_place_is_there_once_without_a_note()
    {
        var moved = Base.Replace("- Beta entry two.\n", string.Empty, StringComparison.Ordinal)
            .Replace("- Search no longer ignores accented letters.\n", "- Search no longer ignores accented letters.\n- Beta entry two.\n", StringComparison.Ordinal);
        var ours = moved.Replace("- Alpha entry one.\n", "- Alpha entry one.\n- Ours added calendars.\n", StringComparison.Ordinal);

        var result = ReleaseNotesMerger.Merge(Base, ours, moved, UnreleasedPath);

        Assert.Equal((0, 0), (result.Conflicts, result.Notes.Length));
        Assert.Equal(
            "# Unreleased\n\n## Public\n\n### Added\n\n- Alpha entry one.\n- Ours added calendars.\n- Gamma entry three.\n\n### Fixed\n\n- Search no longer ignores accented letters.\n- Beta entry two.\n\n## Internal\n\n### Added\n\n#### Flag: `new-editor`\n\n- The new editor saves drafts.\n",
            result.Text);
    }

    [Fact]
    public void An_entry_ours_edited_and_theirs_moved_lands_at_theirs_place_with_ours_words()
    {
        var ours = OursAddsFix.Replace("- Beta entry two.\n", "- Beta entry two, reworded.\n", StringComparison.Ordinal);
        var theirs = Base.Replace("- Beta entry two.\n", string.Empty, StringComparison.Ordinal)
            .Replace("- The new editor saves drafts.\n", "- The new editor saves drafts.\n- Beta entry two.\n", StringComparison.Ordinal);

        var result = ReleaseNotesMerger.Merge(Base, ours, theirs, UnreleasedPath);

        Assert.Equal((MergeMethod.Structural, 0), (result.Method, result.Conflicts));
        Assert.Equal(
            "# Unreleased\n\n## Public\n\n### Added\n\n- Alpha entry one.\n- Gamma entry three.\n\n### Fixed\n\n- Search no longer ignores accented letters.\n- Ours fixed the export.\n\n## Internal\n\n### Added\n\n#### Flag: `new-editor`\n\n- The new editor saves drafts.\n- Beta entry two, reworded.\n",
            result.Text);
    }

    [Fact]
    public void An_entry_ours_moved_and_theirs_edited_takes_theirs_words_at_ours_place()
    {
        var ours = Base.Replace("- Beta entry two.\n", string.Empty, StringComparison.Ordinal)
            .Replace("- Search no longer ignores accented letters.\n", "- Search no longer ignores accented letters.\n- Beta entry two.\n", StringComparison.Ordinal);
        var theirs = Base.Replace("- Beta entry two.\n", "- Beta entry two, reworded.\n", StringComparison.Ordinal);

        var result = ReleaseNotesMerger.Merge(Base, ours, theirs, UnreleasedPath);

        Assert.Equal((MergeMethod.Structural, 0), (result.Method, result.Conflicts));
        Assert.Equal(
            "# Unreleased\n\n## Public\n\n### Added\n\n- Alpha entry one.\n- Gamma entry three.\n\n### Fixed\n\n- Search no longer ignores accented letters.\n- Beta entry two, reworded.\n\n## Internal\n\n### Added\n\n#### Flag: `new-editor`\n\n- The new editor saves drafts.\n",
            result.Text);
    }

    [Fact]
    public void An_entry_ours_moved_and_theirs_removed_is_removed_from_ours_place()
    {
        var ours = Base.Replace("- Beta entry two.\n", string.Empty, StringComparison.Ordinal)
            .Replace("- Search no longer ignores accented letters.\n", "- Search no longer ignores accented letters.\n- Beta entry two.\n", StringComparison.Ordinal);
        var theirs = Base.Replace("- Beta entry two.\n", string.Empty, StringComparison.Ordinal);

        var result = ReleaseNotesMerger.Merge(Base, ours, theirs, UnreleasedPath);

        Assert.Equal((MergeMethod.Structural, 0), (result.Method, result.Conflicts));
        Assert.Equal(
            "# Unreleased\n\n## Public\n\n### Added\n\n- Alpha entry one.\n- Gamma entry three.\n\n### Fixed\n\n- Search no longer ignores accented letters.\n\n## Internal\n\n### Added\n\n#### Flag: `new-editor`\n\n- The new editor saves drafts.\n",
            result.Text);
    }

    [Fact]
    public void An_entry_both_sides_add_at_the_same_place_is_kept_once()
    {
        var theirs = Base.Replace("- Search no longer ignores accented letters.\n", "- Search no longer ignores accented letters.\n- Ours fixed the export.\n", StringComparison.Ordinal)
            .Replace("- The new editor saves drafts.\n", "- The new editor saves drafts.\n- Theirs added autosave.\n", StringComparison.Ordinal);

        var result = ReleaseNotesMerger.Merge(Base, OursAddsFix, theirs, UnreleasedPath);

        Assert.Equal(0, result.Conflicts);
        Assert.Equal(
            "# Unreleased\n\n## Public\n\n### Added\n\n- Alpha entry one.\n- Beta entry two.\n- Gamma entry three.\n\n### Fixed\n\n- Search no longer ignores accented letters.\n- Ours fixed the export.\n\n## Internal\n\n### Added\n\n#### Flag: `new-editor`\n\n- The new editor saves drafts.\n- Theirs added autosave.\n",
            result.Text);
    }

    [Fact]
    public void An_entry_theirs_adds_twice_and_ours_once_at_the_same_place_is_there_twice()
    {
        var theirs = Base.Replace("- Search no longer ignores accented letters.\n", "- Search no longer ignores accented letters.\n- Ours fixed the export.\n- Ours fixed the export.\n", StringComparison.Ordinal);

        var result = ReleaseNotesMerger.Merge(Base, OursAddsFix, theirs, UnreleasedPath);

        Assert.Equal(0, result.Conflicts);
        Assert.Equal(
            "# Unreleased\n\n## Public\n\n### Added\n\n- Alpha entry one.\n- Beta entry two.\n- Gamma entry three.\n\n### Fixed\n\n- Search no longer ignores accented letters.\n- Ours fixed the export.\n- Ours fixed the export.\n\n## Internal\n\n### Added\n\n#### Flag: `new-editor`\n\n- The new editor saves drafts.\n",
            result.Text);
    }

    [Fact]
    public void Entries_theirs_adds_keep_theirs_order_before_after_and_between_existing_entries()
    {
        var theirs = Base.Replace("- Alpha entry one.\n- Beta entry two.\n- Gamma entry three.\n", "- Theirs first.\n- Theirs second.\n- Alpha entry one.\n- Theirs third.\n- Beta entry two.\n- Gamma entry three.\n- Theirs fourth.\n- Theirs fifth.\n", StringComparison.Ordinal);

        var result = ReleaseNotesMerger.Merge(Base, OursAddsFix, theirs, UnreleasedPath);

        Assert.Equal(0, result.Conflicts);
        Assert.Equal(
            "# Unreleased\n\n## Public\n\n### Added\n\n- Theirs first.\n- Theirs second.\n- Alpha entry one.\n- Theirs third.\n- Beta entry two.\n- Gamma entry three.\n- Theirs fourth.\n- Theirs fifth.\n\n### Fixed\n\n- Search no longer ignores accented letters.\n- Ours fixed the export.\n\n## Internal\n\n### Added\n\n#### Flag: `new-editor`\n\n- The new editor saves drafts.\n",
            result.Text);
    }

    [Fact]
    public void Entries_theirs_adds_to_a_change_type_it_creates_keep_theirs_order()
    {
        var theirs = Base.Replace("### Fixed\n", "### Changed\n\n- Theirs first.\n- Theirs second.\n- Theirs third.\n\n### Fixed\n", StringComparison.Ordinal);

        var result = ReleaseNotesMerger.Merge(Base, OursAddsFix, theirs, UnreleasedPath);

        Assert.Equal(0, result.Conflicts);
        Assert.Equal(
            "# Unreleased\n\n## Public\n\n### Added\n\n- Alpha entry one.\n- Beta entry two.\n- Gamma entry three.\n\n### Changed\n\n- Theirs first.\n- Theirs second.\n- Theirs third.\n\n### Fixed\n\n- Search no longer ignores accented letters.\n- Ours fixed the export.\n\n## Internal\n\n### Added\n\n#### Flag: `new-editor`\n\n- The new editor saves drafts.\n",
            result.Text);
    }

    [Fact]
    public void An_entry_theirs_adds_after_a_neighbour_goes_after_the_entry_ours_edited_there_ours_first()
    {
        var ours = Base.Replace("- Beta entry two.\n", "- Beta entry two, reworded.\n", StringComparison.Ordinal);
        var theirs = Base.Replace("- Alpha entry one.\n", "- Alpha entry one.\n- Theirs added after alpha.\n", StringComparison.Ordinal);

        var result = ReleaseNotesMerger.Merge(Base, ours, theirs, UnreleasedPath);

        Assert.Equal(0, result.Conflicts);
        Assert.Equal(
            "# Unreleased\n\n## Public\n\n### Added\n\n- Alpha entry one.\n- Beta entry two, reworded.\n- Theirs added after alpha.\n- Gamma entry three.\n\n### Fixed\n\n- Search no longer ignores accented letters.\n\n## Internal\n\n### Added\n\n#### Flag: `new-editor`\n\n- The new editor saves drafts.\n",
            result.Text);
    }

    [Fact]
    public void An_entry_theirs_adds_after_the_last_one_when_ours_ends_without_a_line_end_gets_one_line_end_each()
    {
        var ours = OursAddsFix.TrimEnd('\n');
        var theirs = Base + "- Theirs added autosave.";

        var result = ReleaseNotesMerger.Merge(Base, ours, theirs, UnreleasedPath);

        Assert.Equal(0, result.Conflicts);
        Assert.Equal(
            "# Unreleased\n\n## Public\n\n### Added\n\n- Alpha entry one.\n- Beta entry two.\n- Gamma entry three.\n\n### Fixed\n\n- Search no longer ignores accented letters.\n- Ours fixed the export.\n\n## Internal\n\n### Added\n\n#### Flag: `new-editor`\n\n- The new editor saves drafts.\n- Theirs added autosave.\n",
            result.Text);
    }

    [Fact]
    public void A_flag_group_and_change_type_theirs_graduated_go_when_nothing_is_left_in_them()
    {
        var theirs = "# Unreleased\n\n## Public\n\n### Added\n\n- Alpha entry one.\n- Beta entry two.\n- Gamma entry three.\n- The new editor saves drafts.\n\n### Fixed\n\n- Search no longer ignores accented letters.\n\n## Internal\n";

        var result = ReleaseNotesMerger.Merge(Base, OursAddsFix, theirs, UnreleasedPath);

        Assert.Equal((MergeMethod.Structural, 0), (result.Method, result.Conflicts));
        Assert.Equal(
            "# Unreleased\n\n## Public\n\n### Added\n\n- Alpha entry one.\n- Beta entry two.\n- Gamma entry three.\n- The new editor saves drafts.\n\n### Fixed\n\n- Search no longer ignores accented letters.\n- Ours fixed the export.\n\n## Internal\n\n",
            result.Text);
    }

    [Fact]
    public void A_flag_group_theirs_removed_stays_when_ours_added_an_entry_to_it()
    {
        var ours = Base + "- Ours added autosave.\n";
        var theirs = "# Unreleased\n\n## Public\n\n### Added\n\n- Alpha entry one.\n- Beta entry two.\n- Gamma entry three.\n- The new editor saves drafts.\n\n### Fixed\n\n- Search no longer ignores accented letters.\n\n## Internal\n";

        var result = ReleaseNotesMerger.Merge(Base, ours, theirs, UnreleasedPath);

        Assert.Equal((MergeMethod.Structural, 0), (result.Method, result.Conflicts));
        Assert.Equal(
            "# Unreleased\n\n## Public\n\n### Added\n\n- Alpha entry one.\n- Beta entry two.\n- Gamma entry three.\n- The new editor saves drafts.\n\n### Fixed\n\n- Search no longer ignores accented letters.\n\n## Internal\n\n### Added\n\n#### Flag: `new-editor`\n\n- Ours added autosave.\n",
            result.Text);
    }

    [Fact]
    public void A_change_type_ours_emptied_stays_when_theirs_kept_its_heading()
    {
        var ours = Base.Replace("- Search no longer ignores accented letters.\n", string.Empty, StringComparison.Ordinal)
            .Replace("- Gamma entry three.\n", "- Gamma entry three.\n- Ours added calendars.\n", StringComparison.Ordinal);
        var theirs = Base.Replace("- The new editor saves drafts.\n", "- The new editor saves drafts.\n- Theirs added autosave.\n", StringComparison.Ordinal);

        var result = ReleaseNotesMerger.Merge(Base, ours, theirs, UnreleasedPath);

        Assert.Equal(0, result.Conflicts);
        Assert.Equal(
            "# Unreleased\n\n## Public\n\n### Added\n\n- Alpha entry one.\n- Beta entry two.\n- Gamma entry three.\n- Ours added calendars.\n\n### Fixed\n\n\n## Internal\n\n### Added\n\n#### Flag: `new-editor`\n\n- The new editor saves drafts.\n- Theirs added autosave.\n",
            result.Text);
    }

    [Fact]
    public void An_addition_that_lengthens_a_removed_entry_by_half_is_an_edit_measured_against_the_longer_text()
    {
        // "Alpha entry one." is 16 characters; 9 more is 36% of the longer text (an edit) but 56% of the shorter.
        var ours = OursAddsFix.Replace("- Alpha entry one.\n", string.Empty, StringComparison.Ordinal);
        var theirs = Base.Replace("- Alpha entry one.\n", "- Alpha entry one, and two.\n", StringComparison.Ordinal);

        var result = ReleaseNotesMerger.Merge(Base, ours, theirs, UnreleasedPath);

        Assert.Equal(1, result.Conflicts);
        Assert.Equal(
            "# Unreleased\n\n## Public\n\n### Added\n\n<<<<<<< ours\n=======\n- Alpha entry one, and two.\n>>>>>>> theirs\n- Beta entry two.\n- Gamma entry three.\n\n### Fixed\n\n- Search no longer ignores accented letters.\n- Ours fixed the export.\n\n## Internal\n\n### Added\n\n#### Flag: `new-editor`\n\n- The new editor saves drafts.\n",
            result.Text);
    }

    [Fact]
    public void An_unlike_text_that_replaces_a_removed_entry_is_a_removal_and_an_addition()
    {
        var ours = OursAddsFix.Replace("- Beta entry two.\n", string.Empty, StringComparison.Ordinal);
        var theirs = Base.Replace("- Beta entry two.\n", "- Calendars can be shared.\n", StringComparison.Ordinal);

        var result = ReleaseNotesMerger.Merge(Base, ours, theirs, UnreleasedPath);

        Assert.Equal((0, 0), (result.Conflicts, result.Notes.Length));
        Assert.Equal(
            "# Unreleased\n\n## Public\n\n### Added\n\n- Alpha entry one.\n- Calendars can be shared.\n- Gamma entry three.\n\n### Fixed\n\n- Search no longer ignores accented letters.\n- Ours fixed the export.\n\n## Internal\n\n### Added\n\n#### Flag: `new-editor`\n\n- The new editor saves drafts.\n",
            result.Text);
    }

    [Fact]
    public void Long_entries_are_alike_by_their_first_2000_characters()
    {
        var start = "- " + string.Concat(Enumerable.Repeat("Long entry about exports. ", 80)).TrimEnd();
        var longBase = Base.Replace("- Beta entry two.\n", start + " Old tail " + new string('x', 3000) + ".\n", StringComparison.Ordinal);
        var ours = longBase.Replace(start + " Old tail " + new string('x', 3000) + ".\n", string.Empty, StringComparison.Ordinal)
            .Replace("- Search no longer ignores accented letters.\n", "- Search no longer ignores accented letters.\n- Ours fixed the export.\n", StringComparison.Ordinal);
        var theirs = longBase.Replace(" Old tail " + new string('x', 3000), " New tail " + new string('y', 3000), StringComparison.Ordinal);

        var result = ReleaseNotesMerger.Merge(longBase, ours, theirs, UnreleasedPath);

        Assert.Equal(1, result.Conflicts);
        Assert.Equal(
            "# Unreleased\n\n## Public\n\n### Added\n\n- Alpha entry one.\n<<<<<<< ours\n=======\n" + start + " New tail " + new string('y', 3000) + ".\n>>>>>>> theirs\n- Gamma entry three.\n\n### Fixed\n\n- Search no longer ignores accented letters.\n- Ours fixed the export.\n\n## Internal\n\n### Added\n\n#### Flag: `new-editor`\n\n- The new editor saves drafts.\n",
            result.Text);
        Assert.Equal("release-notes/unreleased.md: conflict under Public > Added: 'Long entry about exports. Long entry about exports. Long ..." + ConflictNoteEnd, Assert.Single(result.Notes));
    }

    [Fact]
    public void Of_two_equally_alike_removed_entries_the_later_one_is_taken_as_edited()
    {
        var pair = Base.Replace("- Beta entry two.\n", "- Beta entry 1.\n- Beta entry 2.\n", StringComparison.Ordinal);
        var ours = pair.Replace("- Beta entry 2.\n", string.Empty, StringComparison.Ordinal)
            .Replace("- Search no longer ignores accented letters.\n", "- Search no longer ignores accented letters.\n- Ours fixed the export.\n", StringComparison.Ordinal);
        var theirs = pair.Replace("- Beta entry 1.\n- Beta entry 2.\n", "- Beta entry 3.\n", StringComparison.Ordinal);

        var result = ReleaseNotesMerger.Merge(pair, ours, theirs, UnreleasedPath);

        Assert.Equal(1, result.Conflicts);
        Assert.Equal(
            "# Unreleased\n\n## Public\n\n### Added\n\n- Alpha entry one.\n<<<<<<< ours\n=======\n- Beta entry 3.\n>>>>>>> theirs\n- Gamma entry three.\n\n### Fixed\n\n- Search no longer ignores accented letters.\n- Ours fixed the export.\n\n## Internal\n\n### Added\n\n#### Flag: `new-editor`\n\n- The new editor saves drafts.\n",
            result.Text);
    }

    [Fact]
    public void A_removed_entry_is_the_edit_of_one_added_entry_only_the_other_is_an_addition()
    {
        var theirs = Base.Replace("- Beta entry two.\n", "- Beta entry two!\n- Beta entry two?\n", StringComparison.Ordinal);

        var result = ReleaseNotesMerger.Merge(Base, OursAddsFix, theirs, UnreleasedPath);

        Assert.Equal(0, result.Conflicts);
        Assert.Equal(
            "# Unreleased\n\n## Public\n\n### Added\n\n- Alpha entry one.\n- Beta entry two!\n- Beta entry two?\n- Gamma entry three.\n\n### Fixed\n\n- Search no longer ignores accented letters.\n- Ours fixed the export.\n\n## Internal\n\n### Added\n\n#### Flag: `new-editor`\n\n- The new editor saves drafts.\n",
            result.Text);
    }

    [Fact]
    public void Of_repeated_identical_entries_the_one_theirs_removed_goes_and_the_other_stays()
    {
        var repeated = Base.Replace("- Beta entry two.\n", "- Same words.\n- Beta entry two.\n", StringComparison.Ordinal)
            .Replace("- Search no longer ignores accented letters.\n", "- Search no longer ignores accented letters.\n- Same words.\n", StringComparison.Ordinal);
        var ours = repeated.Replace("- The new editor saves drafts.\n", "- The new editor saves drafts.\n- Ours added autosave.\n", StringComparison.Ordinal);
        var theirs = repeated.Replace("accented letters.\n- Same words.\n", "accented letters.\n", StringComparison.Ordinal);

        var result = ReleaseNotesMerger.Merge(repeated, ours, theirs, UnreleasedPath);

        Assert.Equal(0, result.Conflicts);
        Assert.Equal(
            "# Unreleased\n\n## Public\n\n### Added\n\n- Alpha entry one.\n- Same words.\n- Beta entry two.\n- Gamma entry three.\n\n### Fixed\n\n- Search no longer ignores accented letters.\n\n## Internal\n\n### Added\n\n#### Flag: `new-editor`\n\n- The new editor saves drafts.\n- Ours added autosave.\n",
            result.Text);
    }

    [Fact]
    public void Of_two_identical_entries_in_one_list_the_second_theirs_removed_goes_and_the_first_keeps_its_place()
    {
        var repeated = Base.Replace("- Alpha entry one.\n- Beta entry two.\n- Gamma entry three.\n", "- Same words.\n- Beta entry two.\n- Gamma entry three.\n- Same words.\n", StringComparison.Ordinal);
        var ours = repeated.Replace("- The new editor saves drafts.\n", "- The new editor saves drafts.\n- Ours added autosave.\n", StringComparison.Ordinal);
        var theirs = repeated.Replace("- Gamma entry three.\n- Same words.\n", "- Gamma entry three.\n", StringComparison.Ordinal);

        var result = ReleaseNotesMerger.Merge(repeated, ours, theirs, UnreleasedPath);

        Assert.Equal((MergeMethod.Structural, 0), (result.Method, result.Conflicts));
        Assert.Equal(
            "# Unreleased\n\n## Public\n\n### Added\n\n- Same words.\n- Beta entry two.\n- Gamma entry three.\n\n### Fixed\n\n- Search no longer ignores accented letters.\n\n## Internal\n\n### Added\n\n#### Flag: `new-editor`\n\n- The new editor saves drafts.\n- Ours added autosave.\n",
            result.Text);
    }

    [Fact]
    public void Of_two_identical_entries_in_one_list_the_second_theirs_reworded_is_reworded_in_its_place()
    {
        var repeated = Base.Replace("- Alpha entry one.\n- Beta entry two.\n- Gamma entry three.\n", "- Same words.\n- Beta entry two.\n- Gamma entry three.\n- Same words.\n", StringComparison.Ordinal);
        var ours = repeated.Replace("- The new editor saves drafts.\n", "- The new editor saves drafts.\n- Ours added autosave.\n", StringComparison.Ordinal);
        var theirs = repeated.Replace("- Gamma entry three.\n- Same words.\n", "- Gamma entry three.\n- Same words, reworded.\n", StringComparison.Ordinal);

        var result = ReleaseNotesMerger.Merge(repeated, ours, theirs, UnreleasedPath);

        Assert.Equal((MergeMethod.Structural, 0), (result.Method, result.Conflicts));
        Assert.Equal(
            "# Unreleased\n\n## Public\n\n### Added\n\n- Same words.\n- Beta entry two.\n- Gamma entry three.\n- Same words, reworded.\n\n### Fixed\n\n- Search no longer ignores accented letters.\n\n## Internal\n\n### Added\n\n#### Flag: `new-editor`\n\n- The new editor saves drafts.\n- Ours added autosave.\n",
            result.Text);
    }

    [Fact]
    public void A_comment_ours_deleted_stays_deleted_and_one_theirs_added_lands_after_its_neighbour()
    {
        var commented = Base.Replace("## Public\n", "<!-- keep entries short -->\n\n## Public\n", StringComparison.Ordinal);
        var ours = OursAddsFix;
        var theirs = commented.Replace("- Gamma entry three.\n", "- Gamma entry three.\n<!-- theirs' comment -->\n", StringComparison.Ordinal);

        var result = ReleaseNotesMerger.Merge(commented, ours, theirs, UnreleasedPath);

        Assert.Equal((MergeMethod.Structural, 0), (result.Method, result.Conflicts));
        Assert.Equal(
            "# Unreleased\n\n## Public\n\n### Added\n\n- Alpha entry one.\n- Beta entry two.\n- Gamma entry three.\n<!-- theirs' comment -->\n\n### Fixed\n\n- Search no longer ignores accented letters.\n- Ours fixed the export.\n\n## Internal\n\n### Added\n\n#### Flag: `new-editor`\n\n- The new editor saves drafts.\n",
            result.Text);
    }

    [Fact]
    public void A_comment_theirs_deleted_goes_and_one_theirs_added_goes_right_after_the_entry_before_it_in_theirs()
    {
        var commented = Base.Replace("## Public\n", "<!-- keep entries short -->\n\n## Public\n", StringComparison.Ordinal);
        var ours = commented.Replace("- Search no longer ignores accented letters.\n", "- Search no longer ignores accented letters.\n- Ours fixed the export.\n", StringComparison.Ordinal);
        var theirs = Base.Replace("- Search no longer ignores accented letters.\n", "- Search no longer ignores accented letters.\n\n<!-- theirs' comment -->\n", StringComparison.Ordinal);

        var result = ReleaseNotesMerger.Merge(commented, ours, theirs, UnreleasedPath);

        Assert.Equal((MergeMethod.Structural, 0), (result.Method, result.Conflicts));
        Assert.Equal(
            "# Unreleased\n\n## Public\n\n### Added\n\n- Alpha entry one.\n- Beta entry two.\n- Gamma entry three.\n\n### Fixed\n\n- Search no longer ignores accented letters.\n<!-- theirs' comment -->\n- Ours fixed the export.\n\n## Internal\n\n### Added\n\n#### Flag: `new-editor`\n\n- The new editor saves drafts.\n",
            result.Text);
    }

    [Theory]
    [InlineData(0, "baseText")]
    [InlineData(1, "oursText")]
    [InlineData(2, "theirsText")]
    [InlineData(3, "file")]
    public void A_missing_argument_is_named(int missing, string name)
    {
        string?[] arguments = [Base, Base, OursAddsFix, UnreleasedPath];
        arguments[missing] = null;

        var exception = Assert.Throws<ArgumentNullException>(() => ReleaseNotesMerger.Merge(arguments[0]!, arguments[1]!, arguments[2]!, arguments[3]!));

        Assert.Equal(name, exception.ParamName);
    }

    [Theory]
    [InlineData(1, "ours")]
    [InlineData(2, "theirs")]
    public void A_side_that_does_not_parse_is_named_in_the_note_of_the_line_merge(int broken, string name)
    {
        string[] texts = [Base, OursAddsFix, Base.Replace("- Beta entry two.\n", string.Empty, StringComparison.Ordinal)];
        texts[broken] = texts[broken].Replace("### Fixed", "### Fixd", StringComparison.Ordinal);

        var result = ReleaseNotesMerger.Merge(texts[0], texts[1], texts[2], UnreleasedPath);

        Assert.Equal(MergeMethod.LineMerge, result.Method);
        Assert.StartsWith($"release-notes/unreleased.md: {name}'s version does not parse (BFRN", result.Notes.Single(), StringComparison.Ordinal);
        Assert.EndsWith("); git's line merge was used instead of the structural merge", result.Notes.Single(), StringComparison.Ordinal);
    }
}
