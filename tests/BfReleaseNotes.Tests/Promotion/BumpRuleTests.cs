using System.Text;
using BfReleaseNotes.Markdown;
using BfReleaseNotes.Model;
using BfReleaseNotes.Promotion;
using Semver;

namespace BfReleaseNotes.Tests.Promotion;

public sealed class BumpRuleTests : IDisposable
{
    private static readonly SemVersion One = new(1, 4, 0);
    private readonly ScratchFolder _scratch = new();

    public void Dispose() => _scratch.Dispose();

    [Theory]
    [InlineData("Public", "Added", VersionBump.Minor)]
    [InlineData("Public", "Changed", VersionBump.Minor)]
    [InlineData("Public", "Deprecated", VersionBump.Minor)]
    [InlineData("Public", "Removed", VersionBump.Major)]
    [InlineData("Public", "Fixed", VersionBump.Patch)]
    [InlineData("Public", "Security", VersionBump.Patch)]
    [InlineData("Beta", "Added", VersionBump.Minor)]
    [InlineData("Beta", "Changed", VersionBump.Minor)]
    [InlineData("Beta", "Deprecated", VersionBump.Minor)]
    [InlineData("Beta", "Removed", VersionBump.Major)]
    [InlineData("Beta", "Fixed", VersionBump.Patch)]
    [InlineData("Beta", "Security", VersionBump.Patch)]
    public void Each_change_type_bumps_as_keep_a_changelog_means_it(string section, string type, VersionBump expected)
    {
        var document = Unreleased($"## {section}\n\n### {type}\n\n- One change.\n");

        var decision = BumpRule.Default.Decide(document, One)!;

        Assert.Equal(expected, decision.Bump);
        Assert.Equal(Enum.Parse<ChangeType>(type), decision.Type);
        Assert.Equal(Enum.Parse<Visibility>(section), decision.Visibility);
        Assert.Equal("- One change.", decision.Entry.Content);
    }

    [Theory]
    [InlineData("- **Breaking:** exports are UTF-8 only.")]
    [InlineData("- **breaking:** exports are UTF-8 only.")]
    [InlineData("-   **Breaking:** exports are UTF-8 only.")]
    public void An_entry_starting_with_the_breaking_marker_is_major_whatever_its_type(string entry)
    {
        var document = Unreleased($"## Public\n\n### Fixed\n\n{entry}\n");

        var decision = BumpRule.Default.Decide(document, One)!;

        Assert.Equal(VersionBump.Major, decision.Bump);
        Assert.True(decision.Breaking);
        Assert.Contains("(breaking)", decision.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_marker_elsewhere_in_an_entry_is_not_breaking()
    {
        var document = Unreleased("## Public\n\n### Fixed\n\n- Fixed the **Breaking:** label's colour.\n");

        var decision = BumpRule.Default.Decide(document, One)!;

        Assert.Equal(VersionBump.Patch, decision.Bump);
        Assert.False(decision.Breaking);
    }

    [Theory]
    [InlineData("0.3.0")]
    [InlineData(null)]
    public void While_the_version_is_zero_a_major_change_bumps_minor_and_says_so(string? latest)
    {
        var document = Unreleased("## Public\n\n### Removed\n\n- The v1 API is gone.\n");

        var decision = BumpRule.Default.Decide(document, latest is null ? null : SemVersion.Parse(latest))!;

        Assert.Equal(VersionBump.Minor, decision.Bump);
        Assert.Equal(VersionBump.Major, decision.Wanted);
        Assert.Contains("major becomes minor while the version is 0.x", decision.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_highest_bump_wins_and_its_first_entry_in_the_file_decides_with_its_line()
    {
        var document = Unreleased(
            "## Public\n\n### Added\n\n- Export as PDF.\n\n### Fixed\n\n- Search works.\n\n## Beta\n\n### Changed\n\n- Dashboard is faster.\n\n### Removed\n\n- The old editor is gone.\n\n- The old viewer is gone.\n");

        var decision = BumpRule.Default.Decide(document, One, "release-notes/unreleased.md")!;

        Assert.Equal(VersionBump.Major, decision.Bump);
        Assert.Equal("- The old editor is gone.", decision.Entry.Content);
        Assert.Equal(21, decision.Line);
        Assert.Equal("bump major (Removed is major), decided by release-notes/unreleased.md:21 (Beta > Removed): - The old editor is gone.", decision.Describe());
    }

    [Fact]
    public void Internal_entries_never_decide_and_nothing_pending_decides_nothing()
    {
        var internalOnly = Unreleased("## Public\n\n### Added\n\n## Internal\n\n### Removed\n\n#### Flag: `x`\n\n- Hidden removal.\n");
        var withFix = Unreleased("## Public\n\n### Fixed\n\n- A fix.\n\n## Internal\n\n### Removed\n\n#### Flag: `x`\n\n- Hidden removal.\n");

        Assert.Null(BumpRule.Default.Decide(internalOnly, One));
        Assert.Equal(VersionBump.Patch, BumpRule.Default.Decide(withFix, One)!.Bump);
    }

    [Fact]
    public void Control_characters_of_an_entry_are_shown_escaped_in_the_description()
    {
        var document = Unreleased("## Public\n\n### Added\n\n- Colours \u001b[31mred\u001b[0m.\n");

        var text = BumpRule.Default.Decide(document, One)!.Describe();

        Assert.DoesNotContain('\u001b', text);
        Assert.Contains("\\x1b[31mred", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_configuration_can_change_each_type_the_marker_and_the_zero_rule()
    {
        _scratch.WriteFile("config.json", """
            { "ignore": ["docs/**"], "release": { "bump": { "changed": "major", "security": "minor" }, "breakingMarker": "BREAKING:", "majorWhileZero": "major" } }
            """);

        var rule = ReleaseSettings.Load(_scratch.Folder);

        Assert.Equal(VersionBump.Major, rule.BumpFor(ChangeType.Changed));
        Assert.Equal(VersionBump.Minor, rule.BumpFor(ChangeType.Security));
        Assert.Equal(VersionBump.Minor, rule.BumpFor(ChangeType.Added));
        Assert.Equal(VersionBump.Major, rule.Decide(Unreleased("## Public\n\n### Fixed\n\n- BREAKING: new format.\n"), One)!.Bump);
        Assert.Equal(VersionBump.Patch, rule.Decide(Unreleased("## Public\n\n### Fixed\n\n- **Breaking:** new format.\n"), One)!.Bump);
        Assert.Equal(VersionBump.Major, rule.Decide(Unreleased("## Public\n\n### Changed\n\n- New format.\n"), new SemVersion(0, 2, 0))!.Bump);
    }

    [Fact]
    public void The_merge_request_check_reads_a_configuration_with_a_release_object()
    {
        var json = """{ "ignore": ["docs/**"], "release": { "bump": { "fixed": "minor" } } }"""u8;

        var ok = BfReleaseNotes.Checks.CheckConfiguration.TryParse(json, "config.json", out var configuration, out var error);

        Assert.True(ok, error);
        Assert.True(configuration!.IsIgnored("docs/a.md"));
    }

    [Fact]
    public void Without_a_configuration_file_the_rule_is_the_default()
    {
        Assert.Equal(BumpRule.Default, ReleaseSettings.Load(_scratch.Folder));
    }

    [Theory]
    [InlineData("""{ "release": { "bump": { "fixed": "tiny" } } }""", "\"release.bump.fixed\" is 'tiny'; write \"major\", \"minor\" or \"patch\"")]
    [InlineData("""{ "release": { "bump": { "fixd": "patch" } } }""", "fixd")]
    [InlineData("""{ "release": { "majorWhileZero": "huge" } }""", "\"release.majorWhileZero\" is 'huge'")]
    [InlineData("""{ "release": { "breakingMarker": "a\nb" } }""", "\"release.breakingMarker\" must be on one line")]
    public void An_invalid_release_setting_is_an_error_that_names_the_key(string json, string expected)
    {
        var ok = ReleaseSettings.TryParse(Encoding.UTF8.GetBytes(json), "release-notes/config.json", out _, out var error);

        Assert.False(ok);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.StartsWith("release-notes/config.json", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Promoting_with_the_auto_bump_publishes_the_decided_version_and_names_the_entry()
    {
        _scratch.WriteUnreleased("# Unreleased\n\n## Public\n\n### Fixed\n\n- A fix.\n\n### Security\n\n- A patched hole.\n");
        var request = new PromotionRequest(null, VersionBump.Major, new DateOnly(2026, 11, 25)) { AutoBump = BumpRule.Default };

        var outcome = Promoter.Plan(_scratch.Folder.ReadUnreleased(), [new SemVersion(1, 4, 0)], request, _scratch.Folder);

        Assert.Equal(PromotionStatus.Planned, outcome.Status);
        Assert.Equal(new SemVersion(1, 4, 1), outcome.Plan!.Version);
        Assert.Equal("- A fix.", outcome.Summary!.Decision!.Entry.Content);
    }

    private static ReleaseNotesDocument Unreleased(string sections) => ValidNotes.Unreleased("# Unreleased\n\n" + sections);
}
