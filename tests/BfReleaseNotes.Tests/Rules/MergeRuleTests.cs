using BfReleaseNotes.Merging;

namespace BfReleaseNotes.Tests.Rules;

/// <summary>
/// The structural merge's rules pinned with whole expected texts written out here: when a side is taken as it is,
/// what a promotion on one side and an addition on the other give, where a change type only one side created goes.
/// </summary>
public sealed class MergeRuleTests
{
    private const string File = "release-notes/unreleased.md";
    private const string Base = "# Unreleased\n\n## Public\n\n### Added\n\n- Projects can be exported as PDF.\n\n### Fixed\n\n- Search no longer ignores accented letters.\n\n## Internal\n\n### Added\n\n#### Flag: `new-editor`\n\n- The new editor saves drafts.\n";

    [Fact]
    public void When_only_one_side_changed_the_file_that_side_is_taken_as_it_is_without_parsing()
    {
        const string Garbage = "not release notes at all\n";

        var theirsChanged = ReleaseNotesMerger.Merge(Base, Base, Garbage, File);
        var oursChanged = ReleaseNotesMerger.Merge(Base, Garbage, Base, File);
        var bothAlike = ReleaseNotesMerger.Merge(Base, Garbage, Garbage, File);

        Assert.Equal((Garbage, MergeMethod.Structural, 0, 0), (theirsChanged.Text, theirsChanged.Method, theirsChanged.Conflicts, theirsChanged.Notes.Length));
        Assert.Equal((Garbage, MergeMethod.Structural, 0), (oursChanged.Text, oursChanged.Method, oursChanged.Notes.Length));
        Assert.Equal((Garbage, MergeMethod.Structural, 0), (bothAlike.Text, bothAlike.Method, bothAlike.Notes.Length));
        Assert.False(bothAlike.NeedsResolution);
    }

    [Fact]
    public void A_promotion_on_our_side_and_an_addition_on_theirs_leave_only_the_new_entry_pending()
    {
        var promoted = "# Unreleased\n\n## Public\n\n### Added\n\n### Fixed\n\n## Internal\n\n### Added\n\n#### Flag: `new-editor`\n\n- The new editor saves drafts.\n";
        var theirs = Base.Replace("- Search no longer ignores accented letters.\n", "- Search no longer ignores accented letters.\n- Imports keep their order.\n", StringComparison.Ordinal);

        var result = ReleaseNotesMerger.Merge(Base, promoted, theirs, File);

        Assert.Equal(MergeMethod.Structural, result.Method);
        Assert.Equal(0, result.Conflicts);
        Assert.Equal(
            "# Unreleased\n\n## Public\n\n### Added\n\n### Fixed\n\n- Imports keep their order.\n\n## Internal\n\n### Added\n\n#### Flag: `new-editor`\n\n- The new editor saves drafts.\n",
            result.Text);
    }

    [Fact]
    public void A_change_type_only_theirs_created_lands_in_canonical_order_beside_our_addition()
    {
        var ours = Base.Replace("- Projects can be exported as PDF.\n", "- Projects can be exported as PDF.\n- Ours added calendars.\n", StringComparison.Ordinal);
        var theirs = Base.Replace("### Fixed\n", "### Changed\n\n- Exports are faster.\n\n### Fixed\n", StringComparison.Ordinal);

        var result = ReleaseNotesMerger.Merge(Base, ours, theirs, File);

        Assert.Equal(0, result.Conflicts);
        Assert.Equal(
            "# Unreleased\n\n## Public\n\n### Added\n\n- Projects can be exported as PDF.\n- Ours added calendars.\n\n### Changed\n\n- Exports are faster.\n\n### Fixed\n\n- Search no longer ignores accented letters.\n\n## Internal\n\n### Added\n\n#### Flag: `new-editor`\n\n- The new editor saves drafts.\n",
            result.Text);
    }

    [Fact]
    public void A_base_that_does_not_parse_is_named_in_the_note_of_the_line_merge()
    {
        var brokenBase = Base.Replace("### Fixed", "### Fixd", StringComparison.Ordinal);
        var ours = brokenBase.Replace("- Projects can be exported as PDF.\n", "- Projects can be exported as PDF.\n- Ours.\n", StringComparison.Ordinal);
        var theirs = brokenBase.Replace("- The new editor saves drafts.\n", "- The new editor saves drafts.\n- Theirs.\n", StringComparison.Ordinal);

        var result = ReleaseNotesMerger.Merge(brokenBase, ours, theirs, File);

        Assert.Equal(MergeMethod.LineMerge, result.Method);
        Assert.True(result.NeedsResolution);
        Assert.Equal(0, result.Conflicts);
        Assert.StartsWith("release-notes/unreleased.md: base's version does not parse (BFRN", result.Notes.Single(), StringComparison.Ordinal);
        Assert.EndsWith("); git's line merge was used instead of the structural merge", result.Notes.Single(), StringComparison.Ordinal);
        Assert.Equal(ours.Replace("- The new editor saves drafts.\n", "- The new editor saves drafts.\n- Theirs.\n", StringComparison.Ordinal), result.Text);
    }
}
