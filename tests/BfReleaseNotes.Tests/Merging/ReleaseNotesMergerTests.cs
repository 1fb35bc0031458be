using BfReleaseNotes.Markdown;
using BfReleaseNotes.Merging;
using BfReleaseNotes.Model;

namespace BfReleaseNotes.Tests.Merging;

/// <summary>The structural merge on (base, ours, theirs) triples, one rule of issue 8 per test.</summary>
public class ReleaseNotesMergerTests
{
    private const string File = "release-notes/unreleased.md";

    private const string Base = """
        # Unreleased

        Write entries with bf-release-notes add.

        ## Public

        ### Added

        - Projects can be exported as PDF.

        ### Fixed

        - Search no longer ignores accented letters.

        ## Internal

        ### Added

        #### Flag: `new-editor`

        - The new editor saves drafts.
        - The new editor has a dark mode.

        """;

    [Fact]
    public void Entries_both_sides_add_to_the_same_change_type_are_all_kept_ours_first()
    {
        var ours = Base.Replace("- Search no longer ignores accented letters.\n", "- Search no longer ignores accented letters.\n- Ours fixed the export.\n", StringComparison.Ordinal);
        var theirs = Base.Replace("- Search no longer ignores accented letters.\n", "- Search no longer ignores accented letters.\n- Theirs fixed the import.\n", StringComparison.Ordinal);

        var result = ReleaseNotesMerger.Merge(Base, ours, theirs, File);

        Assert.Equal(0, result.Conflicts);
        Assert.Equal(MergeMethod.Structural, result.Method);
        Assert.Equal(Base.Replace("- Search no longer ignores accented letters.\n", "- Search no longer ignores accented letters.\n- Ours fixed the export.\n- Theirs fixed the import.\n", StringComparison.Ordinal), result.Text);
    }

    [Fact]
    public void An_entry_deleted_by_the_promotion_on_one_side_does_not_come_back_while_the_other_sides_addition_lands()
    {
        var promoted = Base.Replace("- Projects can be exported as PDF.\n\n", string.Empty, StringComparison.Ordinal)
            .Replace("- Search no longer ignores accented letters.\n\n", string.Empty, StringComparison.Ordinal);
        var theirs = Base.Replace("- Search no longer ignores accented letters.\n", "- Search no longer ignores accented letters.\n- Theirs fixed the import.\n", StringComparison.Ordinal);

        var result = ReleaseNotesMerger.Merge(Base, promoted, theirs, File);

        Assert.Equal(0, result.Conflicts);
        var entries = Entries(result.Text);
        Assert.DoesNotContain("Projects can be exported as PDF.", entries);
        Assert.DoesNotContain("Search no longer ignores accented letters.", entries);
        Assert.Contains("Theirs fixed the import.", entries);
        Assert.True(Parse(result.Text).IsValid, result.Text);
    }

    [Fact]
    public void Entries_moved_by_a_graduation_on_one_side_are_moved_while_an_edit_elsewhere_is_kept()
    {
        var graduated = Base.Replace("""
            ## Internal

            ### Added

            #### Flag: `new-editor`

            - The new editor saves drafts.
            - The new editor has a dark mode.

            """, """
            ## Beta

            ### Added

            - The new editor saves drafts.
            - The new editor has a dark mode.

            """, StringComparison.Ordinal);
        var edited = Base.Replace("- Projects can be exported as PDF.", "- Projects can be exported as PDF and SVG.", StringComparison.Ordinal);

        var result = ReleaseNotesMerger.Merge(Base, edited, graduated, File);

        Assert.Equal(0, result.Conflicts);
        var document = Parse(result.Text).Document!;
        Assert.Equal(["The new editor saves drafts.", "The new editor has a dark mode."], document.Find(Visibility.Beta)!.AllEntries.Select(entry => entry.Markdown));
        Assert.Empty(document.Find(Visibility.Internal)?.AllEntries ?? []);
        Assert.Contains("Projects can be exported as PDF and SVG.", Entries(result.Text));
        Assert.DoesNotContain("Projects can be exported as PDF.", Entries(result.Text));
    }

    [Fact]
    public void An_entry_reworded_on_one_side_and_unchanged_on_the_other_takes_the_new_words_in_place()
    {
        var theirs = Base.Replace("- The new editor saves drafts.", "- The new editor saves drafts every 10 seconds.", StringComparison.Ordinal);
        var ours = Base.Replace("- Projects can be exported as PDF.\n", "- Projects can be exported as PDF.\n- Ours added this.\n", StringComparison.Ordinal);

        var result = ReleaseNotesMerger.Merge(Base, ours, theirs, File);

        Assert.Equal(0, result.Conflicts);
        Assert.Equal(ours.Replace("- The new editor saves drafts.", "- The new editor saves drafts every 10 seconds.", StringComparison.Ordinal), result.Text);
    }

    [Fact]
    public void The_same_entry_edited_differently_on_both_sides_is_one_conflict_with_markers_around_that_entry_only()
    {
        var ours = Base.Replace("- Projects can be exported as PDF.", "- Projects can be exported as PDF (ours).", StringComparison.Ordinal)
            .Replace("- Search no longer ignores accented letters.\n", "- Search no longer ignores accented letters.\n- Ours fixed the export.\n", StringComparison.Ordinal);
        var theirs = Base.Replace("- Projects can be exported as PDF.", "- Projects can be exported as PDF (theirs).", StringComparison.Ordinal)
            .Replace("- The new editor has a dark mode.\n", "- The new editor has a dark mode.\n- Theirs added a flag entry.\n", StringComparison.Ordinal);

        var result = ReleaseNotesMerger.Merge(Base, ours, theirs, File);

        Assert.Equal(1, result.Conflicts);
        Assert.True(result.NeedsResolution);
        Assert.Contains("### Added\n\n<<<<<<< ours\n- Projects can be exported as PDF (ours).\n=======\n- Projects can be exported as PDF (theirs).\n>>>>>>> theirs\n\n### Fixed", result.Text, StringComparison.Ordinal);
        Assert.Contains("- Ours fixed the export.\n", result.Text, StringComparison.Ordinal);
        Assert.Contains("- Theirs added a flag entry.\n", result.Text, StringComparison.Ordinal);
        Assert.Contains(Parse(result.Text).Diagnostics, diagnostic => diagnostic.Code == DiagnosticCodes.ConflictMarker);
    }

    [Fact]
    public void An_entry_that_left_and_an_unrelated_one_that_arrived_at_its_place_are_not_an_edit()
    {
        var ours = Base.Replace("- Search no longer ignores accented letters.", "- Uploads of large files resume after a dropped connection.", StringComparison.Ordinal);
        var theirs = Base.Replace("- Search no longer ignores accented letters.\n", string.Empty, StringComparison.Ordinal);

        var result = ReleaseNotesMerger.Merge(Base, ours, theirs, File);

        Assert.Equal(0, result.Conflicts);
        Assert.Equal(ours, result.Text);
    }

    [Fact]
    public void An_entry_edited_on_one_side_and_deleted_on_the_other_is_a_conflict()
    {
        var ours = Base.Replace("- Search no longer ignores accented letters.", "- Search no longer ignores accents.", StringComparison.Ordinal);
        var theirs = Base.Replace("- Search no longer ignores accented letters.\n", string.Empty, StringComparison.Ordinal);

        var result = ReleaseNotesMerger.Merge(Base, ours, theirs, File);

        Assert.Equal(1, result.Conflicts);
        Assert.Contains("<<<<<<< ours\n- Search no longer ignores accents.\n=======\n>>>>>>> theirs\n", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_flag_group_both_sides_create_is_created_once_with_both_entries()
    {
        var ours = Base.Replace("- The new editor has a dark mode.\n", "- The new editor has a dark mode.\n\n#### Flag: `bulk-export`\n\n- Ours: bulk export of projects.\n", StringComparison.Ordinal);
        var theirs = Base.Replace("- The new editor has a dark mode.\n", "- The new editor has a dark mode.\n\n#### Flag: `bulk-export`\n\n- Theirs: bulk export of folders.\n", StringComparison.Ordinal);

        var result = ReleaseNotesMerger.Merge(Base, ours, theirs, File);

        Assert.Equal(0, result.Conflicts);
        var groups = Parse(result.Text).Document!.Find(Visibility.Internal)!.ChangeTypes.Single().FlagGroups;
        Assert.Equal(["new-editor", "bulk-export"], groups.Select(group => group.Key));
        Assert.Equal(["Ours: bulk export of projects.", "Theirs: bulk export of folders."], groups[1].Entries.Select(entry => entry.Markdown));
    }

    [Fact]
    public void A_section_both_sides_create_is_created_once_and_the_same_entry_written_by_both_is_kept_once()
    {
        var beta = "## Beta\n\n### Changed\n\n- The beta dashboard loads faster.\n\n";
        var ours = Base.Replace("## Internal", beta + "## Internal", StringComparison.Ordinal);
        var theirs = Base.Replace("## Internal", beta.Replace("- The beta", "- Theirs too.\n- The beta", StringComparison.Ordinal) + "## Internal", StringComparison.Ordinal);

        var result = ReleaseNotesMerger.Merge(Base, ours, theirs, File);

        Assert.Equal(0, result.Conflicts);
        var parsed = Parse(result.Text);
        Assert.True(parsed.IsValid, result.Text);
        Assert.Single(parsed.Document!.Sections, section => section.Visibility == Visibility.Beta);
        Assert.Equal(["Theirs too.", "The beta dashboard loads faster."], parsed.Document.Find(Visibility.Beta)!.AllEntries.Select(entry => entry.Markdown));
    }

    [Fact]
    public void Comments_and_link_definitions_added_by_either_side_are_kept_and_one_deleted_by_a_side_stays_deleted()
    {
        var withComment = Base.Replace("Write entries with bf-release-notes add.\n", "Write entries with bf-release-notes add.\n\n<!-- a comment to delete -->\n", StringComparison.Ordinal);
        var ours = withComment + "\n[#1]: https://example.com/1\n";
        var theirs = withComment.Replace("\n<!-- a comment to delete -->\n", string.Empty, StringComparison.Ordinal)
            .Replace("### Fixed\n", "### Fixed\n\n<!-- theirs' comment -->\n", StringComparison.Ordinal);

        var result = ReleaseNotesMerger.Merge(withComment, ours, theirs, File);

        Assert.Equal(0, result.Conflicts);
        Assert.DoesNotContain("a comment to delete", result.Text, StringComparison.Ordinal);
        Assert.Contains("<!-- theirs' comment -->", result.Text, StringComparison.Ordinal);
        Assert.Contains("[#1]: https://example.com/1", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_side_that_does_not_parse_falls_back_to_the_line_merge_and_needs_a_person()
    {
        var ours = Base.Replace("- Projects can be exported as PDF.", "<<<<<<< HEAD\n- Projects can be exported as PDF.", StringComparison.Ordinal);
        var theirs = Base.Replace("- Search no longer ignores accented letters.", "- Search no longer ignores accents.", StringComparison.Ordinal);

        var result = ReleaseNotesMerger.Merge(Base, ours, theirs, File);

        Assert.Equal(MergeMethod.LineMerge, result.Method);
        Assert.True(result.NeedsResolution);
        Assert.Contains("ours's version does not parse", result.Notes.Single(), StringComparison.Ordinal);
        Assert.Contains("- Search no longer ignores accents.", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Untouched_bytes_keep_their_form_crlf_and_odd_spacing_included()
    {
        var crlfBase = Base.Replace("\n", "\r\n", StringComparison.Ordinal).Replace("### Fixed", "###   Fixed", StringComparison.Ordinal);
        var ours = crlfBase.Replace("- Projects can be exported as PDF.\r\n", "- Projects can be exported as PDF.\r\n* Ours, with a star.\r\n", StringComparison.Ordinal);
        var theirs = crlfBase.Replace("- The new editor has a dark mode.\r\n", "- The new editor has a dark mode.\r\n- Theirs.\r\n", StringComparison.Ordinal);

        var result = ReleaseNotesMerger.Merge(crlfBase, ours, theirs, File);

        Assert.Equal(ours.Replace("- The new editor has a dark mode.\r\n", "- The new editor has a dark mode.\r\n- Theirs.\r\n", StringComparison.Ordinal), result.Text);
    }

    [Fact]
    public void The_driver_gives_other_files_exactly_gits_union_merge()
    {
        var baseText = "a\nb\n"u8.ToArray();
        var ours = "a\nb\nours\n"u8.ToArray();
        var theirs = "a\nb\ntheirs\n"u8.ToArray();

        var (bytes, result) = MergeDriver.Merge(baseText, ours, theirs, "docs/CHANGELOG.md");

        Assert.Equal(MergeMethod.Union, result.Method);
        Assert.False(result.NeedsResolution);
        Assert.Equal("a\nb\nours\ntheirs\n"u8.ToArray(), bytes);
    }

    [Fact]
    public void The_line_merge_marks_a_conflict_like_git_merge_file()
    {
        var result = LineMerger.Merge("a\nb\nc\n", "a\nB1\nc\n", "a\nB2\nc\n", LineMergeFavor.Conflict);

        Assert.Equal(1, result.Conflicts);
        Assert.Equal("a\n<<<<<<< ours\nB1\n=======\nB2\n>>>>>>> theirs\nc\n", result.Text);
    }

    private static ParsedFile Parse(string text) => ReleaseNotesParser.Parse(text, DocumentKind.Unreleased, File);

    private static List<string> Entries(string text) => [.. Parse(text).Document!.AllEntries.Select(entry => entry.Markdown)];
}
