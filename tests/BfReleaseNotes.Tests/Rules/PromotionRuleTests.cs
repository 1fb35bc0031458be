using System.Reflection;
using System.Text;
using BfReleaseNotes.Markdown;
using BfReleaseNotes.Model;
using BfReleaseNotes.Promotion;
using BfReleaseNotes.Tests.Promotion;
using Semver;

namespace BfReleaseNotes.Tests.Rules;

/// <summary>
/// The promotion rules (version bumps, what stays in <c>unreleased.md</c>, the byte-order mark, the conservation
/// safety net) pinned with literal expected texts written out here.
/// </summary>
public sealed class PromotionRuleTests : IDisposable
{
    private static readonly DateOnly Date = new(2026, 11, 25);
    private readonly ScratchFolder _scratch = new();

    public void Dispose() => _scratch.Dispose();

    [Theory]
    [InlineData(null, VersionBump.Major, "1.0.0")]
    [InlineData(null, VersionBump.Minor, "0.1.0")]
    [InlineData(null, VersionBump.Patch, "0.0.1")]
    [InlineData("1.0.0", VersionBump.Major, "2.0.0")]
    [InlineData("1.2.0", VersionBump.Major, "2.0.0")]
    [InlineData("1.2.3", VersionBump.Major, "2.0.0")]
    [InlineData("1.2.0", VersionBump.Minor, "1.3.0")]
    [InlineData("1.2.3", VersionBump.Minor, "1.3.0")]
    [InlineData("1.2.3", VersionBump.Patch, "1.2.4")]
    [InlineData("2.0.0-rc.1", VersionBump.Major, "2.0.0")]
    [InlineData("2.1.0-rc.1", VersionBump.Major, "3.0.0")]
    [InlineData("2.0.1-rc.1", VersionBump.Major, "3.0.0")]
    [InlineData("2.1.0-rc.1", VersionBump.Minor, "2.1.0")]
    [InlineData("2.1.1-rc.1", VersionBump.Minor, "2.2.0")]
    [InlineData("2.1.1-rc.1", VersionBump.Patch, "2.1.1")]
    public void A_bump_releases_a_pending_prerelease_or_raises_the_stable_version(string? latest, VersionBump bump, string expected)
    {
        var from = latest is null ? null : SemVersion.Parse(latest, SemVersionStyles.Strict);

        Assert.Equal(expected, Promoter.Bump(from, bump).ToString());
    }

    [Fact]
    public void An_entry_already_in_a_published_file_is_refused_with_its_place_so_it_is_never_published_twice()
    {
        _scratch.WriteFile("1.0.0.md", "# 1.0.0 - 2026-11-18\n\n## Public\n\n### Added\n\n- Projects can be exported as PDF.\n");
        var parsed = ReleaseNotesParser.Parse(
            "# Unreleased\n\n## Public\n\n### Added\n\n- Search in drafts.\n- Projects can be exported as PDF.\n", DocumentKind.Unreleased, _scratch.Unreleased);

        var outcome = Promoter.Plan(parsed, [new SemVersion(1, 0, 0)], new PromotionRequest(null, VersionBump.Minor, Date), _scratch.Folder);

        Assert.Equal(PromotionStatus.Invalid, outcome.Status);
        Assert.Null(outcome.Plan);
        var diagnostic = Assert.Single(outcome.Diagnostics);
        Assert.Equal(("BFRN207", 8), (diagnostic.Code, diagnostic.Position.Line));
        Assert.StartsWith($"1 entry of {_scratch.Unreleased} already published", outcome.Message, StringComparison.Ordinal);
        Assert.Contains("'bf-release-notes lint --fix'", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Public_as_the_last_section_ends_the_file_right_after_its_last_heading()
    {
        var outcome = Plan("# Unreleased\n\n## Public\n\n### Added\n\n- New export.\n\n<!-- keep this note -->\n");

        Assert.Equal(
            "# Unreleased\n\n## Public\n\n### Added\n\n<!-- keep this note -->\n\n### Changed\n\n### Fixed\n",
            Encoding.UTF8.GetString(outcome.Plan!.UnreleasedContent));
    }

    [Fact]
    public void Beta_as_the_last_section_keeps_its_comments_and_ends_without_a_trailing_blank_line()
    {
        var outcome = Plan("# Unreleased\n\n## Public\n\n### Fixed\n\n- Fixed export.\n\n## Beta\n\n### Fixed\n\n- Beta fix.\n\n<!-- first -->\n\n<!-- second -->\n");

        Assert.Equal(
            "# Unreleased\n\n## Public\n\n### Added\n\n### Changed\n\n### Fixed\n\n## Beta\n\n### Added\n\n### Changed\n\n### Fixed\n\n<!-- first -->\n\n<!-- second -->\n",
            Encoding.UTF8.GetString(outcome.Plan!.UnreleasedContent));
    }

    [Fact]
    public void A_change_type_outside_the_template_survives_promotion_only_while_it_holds_a_comment()
    {
        var outcome = Plan("# Unreleased\n\n## Public\n\n### Removed\n\n- Old API.\n\n<!-- why -->\n\n### Security\n\n- Patched.\n\n## Internal\n");

        Assert.Equal(
            "# Unreleased\n\n## Public\n\n### Added\n\n### Changed\n\n### Removed\n\n<!-- why -->\n\n### Fixed\n\n## Internal\n",
            Encoding.UTF8.GetString(outcome.Plan!.UnreleasedContent));
    }

    [Fact]
    public void A_file_with_a_byte_order_mark_keeps_it_and_the_published_file_has_none()
    {
        var text = "# Unreleased\n\n## Public\n\n### Added\n\n- New export.\n\n## Internal\n";
        var parsed = ReleaseNotesParser.Parse([.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(text)], DocumentKind.Unreleased, _scratch.Unreleased);

        var plan = Promoter.Plan(parsed, [], new PromotionRequest(new SemVersion(1, 0, 0), VersionBump.Minor, Date), _scratch.Folder).Plan!;

        Assert.Equal(
            [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("# Unreleased\n\n## Public\n\n### Added\n\n### Changed\n\n### Fixed\n\n## Internal\n")],
            plan.UnreleasedContent);
        Assert.Equal(Encoding.UTF8.GetBytes("# 1.0.0 - 2026-11-25\n\n## Public\n\n### Added\n\n- New export.\n"), plan.PublishedContent);
    }

    [Fact]
    public void The_safety_net_accepts_a_plan_that_keeps_everything()
    {
        var (before, plan) = RealPlan();

        Assert.Null(Violation(before, plan));
    }

    [Fact]
    public void The_safety_net_refuses_new_files_that_would_not_parse()
    {
        var (before, plan) = RealPlan();

        var broken = plan with { PublishedContent = Encoding.UTF8.GetBytes("## Public\n\n### Added\n\n- New export.\n") };

        Assert.Equal(
            $"the new files would not parse cleanly: {plan.PublishedPath}:1:1: error BFRN201: the published file has no title; its first heading must be '# X.Y.Z - YYYY-MM-DD', e.g. '# 1.42.0 - 2026-11-25'",
            Violation(before, broken));
    }

    [Fact]
    public void The_safety_net_refuses_a_plan_that_loses_an_entry()
    {
        var (before, plan) = RealPlan();

        var lossy = plan with { PublishedContent = Encoding.UTF8.GetBytes("# 1.0.0 - 2026-11-25\n\n## Public\n\n### Added\n\n- New export.\n") };

        Assert.Equal("entries are not conserved (3 before, 2 after); missing: [- Beta export.], unexpected: []", Violation(before, lossy));
    }

    [Fact]
    public void The_safety_net_refuses_a_plan_that_invents_an_entry()
    {
        var (before, plan) = RealPlan();

        var invented = plan with { PublishedContent = Encoding.UTF8.GetBytes("# 1.0.0 - 2026-11-25\n\n## Public\n\n### Added\n\n- New export.\n- Invented.\n\n## Beta\n\n### Added\n\n- Beta export.\n") };

        Assert.Equal("entries are not conserved (3 before, 4 after); missing: [], unexpected: [- Invented.]", Violation(before, invented));
    }

    [Fact]
    public void The_safety_net_refuses_a_plan_that_changes_internal()
    {
        var (before, plan) = RealPlan();

        var changed = plan with { UnreleasedContent = Encoding.UTF8.GetBytes(Emptied.Replace("### Changed\n\n#### Flag", "### Added\n\n#### Flag", StringComparison.Ordinal)) };

        Assert.Equal("the Internal section would change", Violation(before, changed));
    }

    [Fact]
    public void The_safety_net_refuses_a_plan_that_changes_the_preamble()
    {
        var (before, plan) = RealPlan();

        var changed = plan with { UnreleasedContent = Encoding.UTF8.GetBytes(Emptied.Replace("<!-- preamble -->", "<!-- other -->", StringComparison.Ordinal)) };

        Assert.Equal("the preamble would change", Violation(before, changed));
    }

    [Fact]
    public void The_safety_net_refuses_a_plan_that_drops_a_comment()
    {
        var (before, plan) = RealPlan();

        var changed = plan with { UnreleasedContent = Encoding.UTF8.GetBytes(Emptied.Replace("<!-- keep -->\n\n", string.Empty, StringComparison.Ordinal)) };

        Assert.Equal("a comment or link definition would be lost", Violation(before, changed));
    }

    [Fact]
    public void The_safety_net_names_the_errors_of_both_new_files()
    {
        var (before, plan) = RealPlan();

        var broken = plan with
        {
            PublishedContent = Encoding.UTF8.GetBytes("## Public\n\n### Added\n\n- New export.\n"),
            UnreleasedContent = Encoding.UTF8.GetBytes(Emptied["# Unreleased\n\n".Length..]),
        };

        Assert.Equal(
            $"the new files would not parse cleanly: {plan.PublishedPath}:1:1: error BFRN201: the published file has no title; its first heading must be '# X.Y.Z - YYYY-MM-DD', e.g. '# 1.42.0 - 2026-11-25'; " +
            $"{plan.UnreleasedPath}:1:1: error BFRN101: the file has no title; its first heading must be '# Unreleased'",
            Violation(before, broken));
    }

    [Fact]
    public void The_safety_net_names_the_errors_of_the_new_unreleased_file()
    {
        var (before, plan) = RealPlan();

        var broken = plan with { UnreleasedContent = Encoding.UTF8.GetBytes(Emptied["# Unreleased\n\n".Length..]) };

        Assert.Equal(
            $"the new files would not parse cleanly: {plan.UnreleasedPath}:1:1: error BFRN101: the file has no title; its first heading must be '# Unreleased'",
            Violation(before, broken));
    }

    [Fact]
    public void The_safety_net_lists_missing_and_unexpected_entries_even_when_the_count_agrees()
    {
        var (before, plan) = RealPlan();

        var swapped = plan with { PublishedContent = Encoding.UTF8.GetBytes("# 1.0.0 - 2026-11-25\n\n## Public\n\n### Added\n\n- Invented one.\n- Invented two.\n") };

        Assert.Equal(
            "entries are not conserved (3 before, 3 after); missing: [- Beta export. | - New export.], unexpected: [- Invented one. | - Invented two.]",
            Violation(before, swapped));
    }

    [Fact]
    public void The_summary_counts_published_entries_per_section_and_change_type_leaving_out_empty_ones()
    {
        var outcome = Plan("# Unreleased\n\n## Public\n\n### Added\n\n- One.\n\n### Changed\n\n### Fixed\n\n- Two.\n- Three.\n\n## Beta\n\n### Security\n\n- Four.\n\n" +
            "## Internal\n\n### Added\n\n#### Flag: `new-editor`\n\n- Hidden.\n");

        Assert.Equal<EntryCount>(
            [new EntryCount(Visibility.Public, ChangeType.Added, 1), new EntryCount(Visibility.Public, ChangeType.Fixed, 2), new EntryCount(Visibility.Beta, ChangeType.Security, 1)],
            [.. outcome.Plan!.Summary.Published]);
        Assert.Equal<FlagCount>([new FlagCount("new-editor", 1)], [.. outcome.Plan.Summary.InternalLeftBehind]);
    }

    [Fact]
    public void An_explicit_version_wins_over_the_automatic_bump_and_records_no_decision()
    {
        var parsed = ReleaseNotesParser.Parse("# Unreleased\n\n## Public\n\n### Removed\n\n- Old API.\n", DocumentKind.Unreleased, _scratch.Unreleased);

        var outcome = Promoter.Plan(parsed, [new SemVersion(1, 4, 0)], new PromotionRequest(new SemVersion(1, 5, 0), VersionBump.Minor, Date) { AutoBump = BumpRule.Default }, _scratch.Folder);

        Assert.Equal("1.5.0", outcome.Plan!.Version.ToString());
        Assert.Null(outcome.Plan.Summary.Decision);
    }

    [Fact]
    public void A_kept_heading_keeps_its_own_spelling_and_a_missing_blank_line_after_the_section_heading_is_added()
    {
        var outcome = Plan("# Unreleased\n\n## Public\n### added\n\n- New export.\n\n## Internal\n");

        Assert.Equal("# Unreleased\n\n## Public\n\n### added\n\n### Changed\n\n### Fixed\n\n## Internal\n", Encoding.UTF8.GetString(outcome.Plan!.UnreleasedContent));
    }

    [Fact]
    public void A_comment_at_the_end_of_a_file_without_a_newline_gets_one_when_headings_follow_it()
    {
        var outcome = Plan("# Unreleased\n\n## Public\n\n### Added\n\n- New export.\n\n<!-- note -->");

        Assert.Equal("# Unreleased\n\n## Public\n\n### Added\n\n<!-- note -->\n\n### Changed\n\n### Fixed\n", Encoding.UTF8.GetString(outcome.Plan!.UnreleasedContent));
    }

    [Fact]
    public void Null_arguments_are_refused_by_name()
    {
        var parsed = ReleaseNotesParser.Parse(Original, DocumentKind.Unreleased, _scratch.Unreleased);
        var request = new PromotionRequest(new SemVersion(1, 0, 0), VersionBump.Minor, Date);

        Assert.Equal("unreleased", Assert.Throws<ArgumentNullException>(() => Promoter.Plan(null!, [], request, _scratch.Folder)).ParamName);
        Assert.Equal("publishedVersions", Assert.Throws<ArgumentNullException>(() => Promoter.Plan(parsed, null!, request, _scratch.Folder)).ParamName);
        Assert.Equal("request", Assert.Throws<ArgumentNullException>(() => Promoter.Plan(parsed, [], null!, _scratch.Folder)).ParamName);
        Assert.Equal("folder", Assert.Throws<ArgumentNullException>(() => Promoter.Plan(parsed, [], request, null!)).ParamName);
    }

    [Fact]
    public void A_plan_does_not_overwrite_an_unreleased_file_that_changed_since_it_was_made()
    {
        _scratch.WriteUnreleased(Original);
        var plan = Plan(Original).Plan!;
        // Another run (or an editor) adds an entry after the plan was made.
        var changed = Original.Replace("- New export.\n", "- New export.\n- Added meanwhile.\n", StringComparison.Ordinal);
        _scratch.WriteUnreleased(changed);

        Assert.Throws<BfReleaseNotes.Workspace.EnvironmentException>(() => plan.Apply(_scratch.Folder));

        Assert.Equal(changed, File.ReadAllText(_scratch.Unreleased));
        Assert.False(File.Exists(plan.PublishedPath));
    }

    [Fact]
    public void A_version_that_differs_from_a_published_one_only_in_build_metadata_is_not_greater()
    {
        var parsed = ReleaseNotesParser.Parse(Original, DocumentKind.Unreleased, _scratch.Unreleased);
        var published = SemVersion.Parse("1.0.0+build.1", SemVersionStyles.Strict);

        var outcome = Promoter.Plan(parsed, [published], new PromotionRequest(SemVersion.Parse("1.0.0+build.2", SemVersionStyles.Strict), VersionBump.Minor, Date), _scratch.Folder);

        Assert.Equal(PromotionStatus.Refused, outcome.Status);
        Assert.Equal(
            "version 1.0.0+build.2 is not greater than the published 1.0.0+build.1: SemVer ignores build metadata (after '+') when ordering versions; pass a higher --version. No file was written",
            outcome.Message);
    }

    private const string Original =
        "# Unreleased\n\n<!-- preamble -->\n\n## Public\n\n### Added\n\n- New export.\n\n<!-- keep -->\n\n## Beta\n\n### Added\n\n- Beta export.\n\n" +
        "## Internal\n\n### Changed\n\n#### Flag: `new-editor`\n\n- Hidden change.\n";

    private const string Emptied =
        "# Unreleased\n\n<!-- preamble -->\n\n## Public\n\n### Added\n\n<!-- keep -->\n\n### Changed\n\n### Fixed\n\n## Beta\n\n### Added\n\n### Changed\n\n### Fixed\n\n" +
        "## Internal\n\n### Changed\n\n#### Flag: `new-editor`\n\n- Hidden change.\n";

    private (ReleaseNotesDocument Before, PromotionPlan Plan) RealPlan()
    {
        var outcome = Plan(Original);
        Assert.Equal(Emptied, Encoding.UTF8.GetString(outcome.Plan!.UnreleasedContent));
        return (ReleaseNotesParser.Parse(Original, DocumentKind.Unreleased, _scratch.Unreleased).Document!, outcome.Plan);
    }

    private PromotionOutcome Plan(string text)
    {
        var parsed = ReleaseNotesParser.Parse(text, DocumentKind.Unreleased, _scratch.Unreleased);
        Assert.True(parsed.IsValid, string.Join("\n", parsed.Diagnostics));
        var outcome = Promoter.Plan(parsed, [], new PromotionRequest(new SemVersion(1, 0, 0), VersionBump.Minor, Date), _scratch.Folder);
        Assert.True(outcome.Status == PromotionStatus.Planned, outcome.Message);
        return outcome;
    }

    /// <summary>
    /// The safety net is private: no input of a correct promoter reaches it, so it is called with plans broken on purpose.
    /// </summary>
    private static string? Violation(ReleaseNotesDocument before, PromotionPlan plan) =>
        (string?)typeof(Promoter).GetMethod("ConservationViolation", BindingFlags.NonPublic | BindingFlags.Static)!.Invoke(null, [before, plan]);
}
