using BfReleaseNotes.Linting;
using BfReleaseNotes.Markdown;
using BfReleaseNotes.Model;

namespace BfReleaseNotes.Tests.Linting;

/// <summary>What git's union merge writes into <c>unreleased.md</c>, and what <c>lint --fix</c> makes of it.</summary>
public class UnionRepairTests
{
    [Fact]
    public void A_change_type_and_a_flag_group_written_twice_are_folded_into_the_first_with_entries_byte_for_byte()
    {
        const string union = """
            # Unreleased

            ## Public

            ### Fixed

            - Exports no longer time out.

            ### Fixed

            * Imports keep accents,
              even in file names.

            ## Internal

            ### Added

            #### Flag: `bulk-export`

            - Bulk export of projects.

            #### Flag: `bulk-export`

            - Bulk export of folders.

            """;
        var parsed = ReleaseNotesParser.Parse(union, DocumentKind.Unreleased, "unreleased.md");
        Assert.Equal(["BFRN106", "BFRN112", "BFRN116"], parsed.Diagnostics.Select(diagnostic => diagnostic.Code));

        var result = LintFixer.Fix(parsed);

        Assert.Empty(result.Result.Diagnostics);
        Assert.Equal("""
            # Unreleased

            ## Public

            ### Fixed

            - Exports no longer time out.
            - Imports keep accents,
              even in file names.

            ## Internal

            ### Added

            #### Flag: `bulk-export`

            - Bulk export of projects.
            - Bulk export of folders.

            """, result.Text);
    }

    [Fact]
    public void A_duplicate_at_the_end_of_the_file_leaves_the_file_ending_as_it_did()
    {
        const string union = "# Unreleased\n\n## Internal\n\n### Added\n\n#### Flag: `x`\n\n- C.\n\n#### Flag: `x`\n\n- D.\n";

        var result = LintFixer.Fix(ReleaseNotesParser.Parse(union, DocumentKind.Unreleased, "unreleased.md"));

        Assert.Equal("# Unreleased\n\n## Internal\n\n### Added\n\n#### Flag: `x`\n\n- C.\n- D.\n", result.Text);
    }

    [Fact]
    public void Entries_already_published_and_second_copies_are_removed_and_every_other_entry_stays()
    {
        const string unreleased = "# Unreleased\n\n## Public\n\n### Added\n\n- Published last week.\n- New this week.\n\n### Fixed\n\n- Written twice.\n- Also new.\n- Written twice.\n";
        var published = ReleaseNotesParser.Parse("# 1.0.0 - 2026-11-18\n\n## Public\n\n### Added\n\n- Published last week.\n", DocumentKind.Published, "release-notes/1.0.0.md");
        var parsed = ReleaseNotesParser.Parse(unreleased, DocumentKind.Unreleased, "release-notes/unreleased.md");
        var republished = RepublishedEntries.Find(parsed, [published]);

        var result = LintFixer.Fix(parsed with { Diagnostics = parsed.Diagnostics.AddRange(republished) }, [published]);

        Assert.Equal("7:1 BFRN207 entry already published in 1.0.0.md; a merge brought it back", $"{republished.Single().Position.Line}:{republished.Single().Position.Column} {republished.Single().Code} {republished.Single().Message[..60]}");
        Assert.Equal("# Unreleased\n\n## Public\n\n### Added\n\n- New this week.\n\n### Fixed\n\n- Written twice.\n- Also new.\n", result.Text);
        Assert.Empty(result.Result.Diagnostics);
    }
}
