using System.Collections.Immutable;
using System.Text;
using BfReleaseNotes.Markdown;
using BfReleaseNotes.Model;
using BfReleaseNotes.Promotion;
using BfReleaseNotes.Workspace;
using Semver;

namespace BfReleaseNotes.Tests.Rules;

/// <summary>
/// The bump rule and its settings, pinned where the promotion tests leave them loose: the marker turned off, a breaking
/// entry whose type bumps more than the marker does, nothing pending, rule equality, the settings file's edges
/// (a byte-order mark, no release object, every key named in its error) and the promotion messages' number agreement.
/// </summary>
public sealed class ReleaseRuleTests
{
    private static readonly Dictionary<ChangeType, VersionBump> Removals = new() { [ChangeType.Removed] = VersionBump.Major };

    [Fact]
    public void An_empty_marker_turns_breaking_entries_off()
    {
        var rule = new BumpRule(Removals, "  ", VersionBump.Major, VersionBump.Minor);

        Assert.Equal(string.Empty, rule.BreakingMarker);
        Assert.False(rule.IsBreaking(new Entry("- **Breaking:** Exports use a new format.\n")));
        Assert.False(rule.IsBreaking(new Entry("- Exports use a new format.\n")));
    }

    [Fact]
    public void A_breaking_entry_bumps_the_higher_of_its_type_and_the_marker()
    {
        var rule = new BumpRule(Removals, "**Breaking:**", VersionBump.Minor, VersionBump.Minor);

        var decision = rule.Decide(Parse("## Public\n\n### Removed\n\n- **Breaking:** The XML export is gone.\n"), new SemVersion(2, 0, 0))!;

        Assert.Equal((VersionBump.Major, VersionBump.Major, true), (decision.Bump, decision.Wanted, decision.Breaking));
    }

    [Fact]
    public void Only_internal_entries_decide_nothing()
    {
        var document = Parse("## Public\n\n### Added\n\n## Internal\n\n### Removed\n\n#### Flag: `x`\n\n- The old editor is gone.\n");

        Assert.Null(BumpRule.Default.Decide(document, new SemVersion(1, 0, 0)));
    }

    [Fact]
    public void Two_rules_are_equal_when_every_setting_is()
    {
        var rule = new BumpRule(Removals, "**Breaking:**", VersionBump.Major, VersionBump.Minor);

        Assert.True(rule.Equals(new BumpRule(Removals, "**Breaking:**", VersionBump.Major, VersionBump.Minor)));
        Assert.False(rule.Equals(null));
        Assert.False(rule.Equals(new BumpRule(new Dictionary<ChangeType, VersionBump>(), "**Breaking:**", VersionBump.Major, VersionBump.Minor)));
        Assert.False(rule.Equals(new BumpRule(Removals, "BREAKING:", VersionBump.Major, VersionBump.Minor)));
        Assert.False(rule.Equals(new BumpRule(Removals, "**Breaking:**", VersionBump.Minor, VersionBump.Minor)));
        Assert.False(rule.Equals(new BumpRule(Removals, "**Breaking:**", VersionBump.Major, VersionBump.Patch)));
    }

    [Fact]
    public void Missing_arguments_are_named()
    {
        var rule = BumpRule.Default;
        Assert.Equal("byType", Assert.Throws<ArgumentNullException>(() => new BumpRule(null!, "x", VersionBump.Major, VersionBump.Minor)).ParamName);
        Assert.Equal("breakingMarker", Assert.Throws<ArgumentNullException>(() => new BumpRule(Removals, null!, VersionBump.Major, VersionBump.Minor)).ParamName);
        Assert.Equal("entry", Assert.Throws<ArgumentNullException>(() => rule.IsBreaking(null!)).ParamName);
        Assert.Equal("unreleased", Assert.Throws<ArgumentNullException>(() => rule.Decide(null!, null)).ParamName);
        Assert.Equal("file", Assert.Throws<ArgumentNullException>(() => rule.Decide(Parse("## Public\n"), null, null!)).ParamName);
        Assert.Equal("file", Assert.Throws<ArgumentNullException>(() => ReleaseSettings.TryParse("{}"u8, null!, out _, out _)).ParamName);
        Assert.Equal("folder", Assert.Throws<ArgumentNullException>(() => ReleaseSettings.Load(null!)).ParamName);
    }

    [Fact]
    public void Settings_after_a_byte_order_mark_are_read()
    {
        byte[] json = [0xEF, 0xBB, 0xBF, .. """{ "release": { "bump": { "fixed": "patch", "added": "major" } } }"""u8];

        Assert.True(ReleaseSettings.TryParse(json, "config.json", out var rule, out var error), error);
        Assert.Equal((VersionBump.Major, VersionBump.Patch), (rule.BumpFor(ChangeType.Added), rule.BumpFor(ChangeType.Fixed)));
    }

    [Fact]
    public void A_configuration_without_a_release_object_gives_the_default_rule()
    {
        Assert.True(ReleaseSettings.TryParse("""{ "ignore": ["docs/**"] }"""u8, "config.json", out var rule, out var error));
        Assert.Null(error);
        Assert.Equal(BumpRule.Default, rule);
    }

    [Fact]
    public void An_invalid_breaking_bump_is_named_with_its_key()
    {
        Assert.False(ReleaseSettings.TryParse("""{ "release": { "breakingBump": "huge" } }"""u8, "config.json", out _, out var error));
        Assert.Equal("config.json: \"release.breakingBump\" is 'huge'; write \"major\", \"minor\" or \"patch\"", error);
    }

    [Fact]
    public void Loading_an_invalid_configuration_says_to_fix_it_and_that_nothing_changed()
    {
        using var folder = new TempFolder();
        var path = folder.Combine("config.json");
        File.WriteAllText(path, """{ "release": { "breakingBump": "huge" } }""");

        var thrown = Assert.Throws<EnvironmentException>(() => ReleaseSettings.Load(new ReleaseNotesFolder(folder.Path)));

        Assert.Equal($"{path}: \"release.breakingBump\" is 'huge'; write \"major\", \"minor\" or \"patch\". Fix the configuration and run the command again; no file was changed", thrown.Message);
    }

    [Theory]
    [InlineData(1, "1 entry of release-notes/unreleased.md already published")]
    [InlineData(2, "2 entries of release-notes/unreleased.md already published")]
    public void The_republished_message_counts_entries_in_words(int count, string start)
    {
        var diagnostics = Enumerable.Range(1, count).Select(line => new Diagnostic(DiagnosticCodes.AlreadyPublished, DiagnosticSeverity.Error, "release-notes/unreleased.md", new SourcePosition(line, 1), "entry already published")).ToImmutableArray();

        var outcome = PromotionOutcome.Republished(diagnostics, "release-notes/unreleased.md");

        Assert.Equal(PromotionStatus.Invalid, outcome.Status);
        Assert.Equal(
            start + " (listed above); a merge brought them back, so promoting would publish them twice. Run 'bf-release-notes lint --fix' to remove them from unreleased.md (they stay in the published files), then promote again. No file was changed",
            outcome.Message);
    }

    [Fact]
    public void A_conservation_failure_is_reported_as_a_bug_with_what_to_send()
    {
        var outcome = PromotionOutcome.ConservationFailed("2 entries in, 1 out");

        Assert.Equal(PromotionStatus.ConservationFailed, outcome.Status);
        Assert.Equal("bug: the promotion would not conserve entries (2 entries in, 1 out). No file was written; please report this with your unreleased.md", outcome.Message);
    }

    private static ReleaseNotesDocument Parse(string body) =>
        ReleaseNotesParser.Parse("# Unreleased\n\n" + body, DocumentKind.Unreleased, "unreleased.md").Document!;
}
