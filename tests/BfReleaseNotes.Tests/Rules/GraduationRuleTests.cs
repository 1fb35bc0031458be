using BfReleaseNotes.Flags;
using BfReleaseNotes.Markdown;
using BfReleaseNotes.Model;

namespace BfReleaseNotes.Tests.Rules;

/// <summary>
/// The graduation rules pinned with literal texts: what stays of a removed flag group (a comment directly under
/// its heading, one at the end of the file), where its entries land, and what an unknown flag is told.
/// </summary>
public sealed class GraduationRuleTests
{
    [Fact]
    public void A_comment_directly_under_a_flag_heading_stays_where_the_group_was()
    {
        var result = Graduate(
            "# Unreleased\n\n## Public\n\n### Added\n\n- An existing feature.\n\n## Internal\n\n### Added\n\n#### Flag: `new-editor`\n<!-- owner: editor team -->\n- The new editor saves drafts.\n\n#### Flag: `dark-mode`\n\n- Dark mode.\n",
            "new-editor",
            Visibility.Public);

        Assert.Equal(
            "# Unreleased\n\n## Public\n\n### Added\n\n- An existing feature.\n- The new editor saves drafts.\n\n## Internal\n\n### Added\n\n<!-- owner: editor team -->\n\n#### Flag: `dark-mode`\n\n- Dark mode.\n",
            result.Text);
    }

    [Fact]
    public void A_comment_of_the_last_group_ends_the_file_without_a_trailing_blank_line()
    {
        var result = Graduate(
            "# Unreleased\n\n## Beta\n\n### Fixed\n\n## Internal\n\n### Fixed\n\n#### Flag: `search-v2`\n\n- Long titles are indexed.\n\n<!-- remove after the rollout -->\n",
            "search-v2",
            Visibility.Beta);

        Assert.Equal(
            "# Unreleased\n\n## Beta\n\n### Fixed\n\n- Long titles are indexed.\n\n## Internal\n\n### Fixed\n\n<!-- remove after the rollout -->\n",
            result.Text);
    }

    [Fact]
    public void A_last_group_without_comments_leaves_no_blank_lines_behind()
    {
        var result = Graduate(
            "# Unreleased\n\n## Public\n\n### Changed\n\n## Internal\n\n### Changed\n\n#### Flag: `tooling`\n\n- Internal tooling.\n\n#### Flag: `fast-export`\n\n- Exports stream.\n\n",
            "fast-export",
            Visibility.Public);

        Assert.Equal(
            "# Unreleased\n\n## Public\n\n### Changed\n\n- Exports stream.\n\n## Internal\n\n### Changed\n\n#### Flag: `tooling`\n\n- Internal tooling.\n",
            result.Text);
    }

    [Fact]
    public void Groups_of_one_flag_in_several_change_types_each_go_to_their_own_type_in_canonical_order()
    {
        var result = Graduate(
            "# Unreleased\n\n## Public\n\n### Fixed\n\n- A public fix.\n\n## Internal\n\n### Added\n\n#### Flag: `new-editor`\n\n- The new editor saves drafts.\n\n### Fixed\n\n#### Flag: `new-editor`\n\n- Drafts no longer vanish.\n",
            "new-editor",
            Visibility.Public);

        Assert.Equal(GraduationStatus.Graduated, result.Status);
        Assert.Equal(
            [(ChangeType.Added, "- The new editor saves drafts."), (ChangeType.Fixed, "- Drafts no longer vanish.")],
            result.Moved.Select(item => (item.Item1, item.Item2.Content)).ToArray());
        Assert.StartsWith("# Unreleased\n\n## Public\n\n### Added\n\n- The new editor saves drafts.\n\n### Fixed\n\n- A public fix.\n- Drafts no longer vanish.\n\n## Internal\n", result.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("# Unreleased\n\n## Internal\n\n### Added\n", "new-editor", "no flag 'new-editor': the Internal section has no flag groups", new string[0])]
    [InlineData(TwoFlags, "new-edtor", "no flag 'new-edtor' in the Internal section; did you mean 'new-editor'?", new[] { "new-editor" })]
    [InlineData(TwoFlags, "sso", "no flag 'sso' in the Internal section; the flags are new-editor, dark-mode", new string[0])]
    public void An_unknown_flag_is_told_the_close_flags_or_every_flag(string text, string flag, string message, string[] suggestions)
    {
        var result = Graduate(text, flag, Visibility.Public);

        Assert.Equal(GraduationStatus.UnknownFlag, result.Status);
        Assert.Equal(message, result.Message);
        Assert.Equal(suggestions, result.Suggestions.ToArray());
        Assert.Null(result.Text);
    }

    [Fact]
    public void Graduating_to_internal_is_refused_with_the_sections_it_can_go_to()
    {
        var result = Graduate(TwoFlags, "new-editor", Visibility.Internal);

        Assert.Equal(GraduationStatus.Refused, result.Status);
        Assert.Equal("a flag graduates to beta or public, not to internal", result.Message);
    }

    [Fact]
    public void A_document_and_a_flag_are_required()
    {
        var parsed = ReleaseNotesParser.Parse(TwoFlags, DocumentKind.Unreleased, "unreleased.md");

        Assert.Throws<ArgumentNullException>(() => FlagGraduator.Graduate(null!, "new-editor", Visibility.Public, "unreleased.md"));
        Assert.Throws<ArgumentNullException>(() => FlagGraduator.Graduate(parsed.Document!, null!, Visibility.Public, "unreleased.md"));
        // Before the target is judged: a null flag is the caller's bug whatever else is wrong.
        Assert.Throws<ArgumentNullException>(() => FlagGraduator.Graduate(parsed.Document!, null!, Visibility.Internal, "unreleased.md"));
    }

    [Fact]
    public void A_group_holding_only_a_comment_graduates_by_leaving_the_comment_and_moving_nothing()
    {
        var result = Graduate(
            "# Unreleased\n\n## Public\n\n### Added\n\n## Internal\n\n### Added\n\n#### Flag: `new-editor`\n\n<!-- entries come next sprint -->\n\n#### Flag: `dark-mode`\n\n- Dark mode.\n",
            "new-editor",
            Visibility.Public);

        Assert.Equal(GraduationStatus.Graduated, result.Status);
        Assert.Empty(result.Moved);
        Assert.Equal(
            "# Unreleased\n\n## Public\n\n### Added\n\n## Internal\n\n### Added\n\n<!-- entries come next sprint -->\n\n#### Flag: `dark-mode`\n\n- Dark mode.\n",
            result.Text);
    }

    [Fact]
    public void A_comment_ending_the_file_without_a_line_break_gets_one_when_its_group_goes()
    {
        var result = Graduate(
            "# Unreleased\n\n## Beta\n\n### Fixed\n\n## Internal\n\n### Fixed\n\n#### Flag: `search-v2`\n\n- Long titles are indexed.\n\n<!-- last line -->",
            "search-v2",
            Visibility.Beta);

        Assert.Equal(
            "# Unreleased\n\n## Beta\n\n### Fixed\n\n- Long titles are indexed.\n\n## Internal\n\n### Fixed\n\n<!-- last line -->\n",
            result.Text);
    }

    private const string TwoFlags = "# Unreleased\n\n## Internal\n\n### Added\n\n#### Flag: `new-editor`\n\n- Drafts.\n\n#### Flag: `dark-mode`\n\n- Dark.\n";

    private static GraduationResult Graduate(string text, string flag, Visibility target)
    {
        return FlagGraduator.Graduate(ValidNotes.Unreleased(text), flag, target, "unreleased.md");
    }
}
