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
