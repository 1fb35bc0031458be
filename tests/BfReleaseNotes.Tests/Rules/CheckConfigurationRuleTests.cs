using System.Text;
using BfReleaseNotes.Checks;
using BfReleaseNotes.Configuration;
using BfReleaseNotes.Flags;

namespace BfReleaseNotes.Tests.Rules;

/// <summary>
/// The check's section of <c>config.json</c>: the sentence for each rule a merge request changes (folder, ignore
/// patterns, labels, projects), what counts as equal, folder normalisation and where a refused value is reported.
/// </summary>
public sealed class CheckConfigurationRuleTests
{
    private static readonly ReleaseNotesProject Manage = Project("manage", "apps/manage/**");
    private static readonly ReleaseNotesProject Admin = Project("admin", "apps/admin/**");

    [Fact]
    public void A_folder_set_or_reset_is_reported_from_old_to_new_with_the_default_named()
    {
        var changelog = CheckConfiguration.Default with { Folder = "changelog" };

        Assert.Equal(["\"folder\" '(default)' -> 'changelog'"], changelog.DifferencesFrom(CheckConfiguration.Default).ToArray());
        Assert.Equal(["\"folder\" 'changelog' -> '(default)'"], CheckConfiguration.Default.DifferencesFrom(changelog).ToArray());
        Assert.Equal(["\"folder\" 'changelog' -> 'docs/notes'"], (changelog with { Folder = "docs/notes" }).DifferencesFrom(changelog).ToArray());
    }

    [Fact]
    public void Ignore_patterns_added_and_dropped_are_listed_in_their_order()
    {
        var before = CheckConfiguration.Default with { Ignore = [GlobPattern.Parse("build/**"), GlobPattern.Parse("docs/**"), GlobPattern.Parse("*.txt")] };
        var after = CheckConfiguration.Default with { Ignore = [GlobPattern.Parse("docs/**"), GlobPattern.Parse("*.md"), GlobPattern.Parse(".gitlab-ci.yml")] };

        Assert.Equal(
            ["\"ignore\" adds '*.md', '.gitlab-ci.yml'", "\"ignore\" drops 'build/**', '*.txt'"],
            after.DifferencesFrom(before).ToArray());
    }

    [Fact]
    public void Labels_changed_are_reported_from_old_to_new()
    {
        var after = new CheckConfiguration(null, [], "no-notes", "notes-edit");

        Assert.Equal(
            ["\"labels.none\" 'release-notes::none' -> 'no-notes'", "\"labels.edit\" 'release-notes::edit' -> 'notes-edit'"],
            after.DifferencesFrom(CheckConfiguration.Default).ToArray());
    }

    [Fact]
    public void Projects_are_reported_changed_added_or_dropped_by_name_and_unchanged_ones_not_at_all()
    {
        var billing = Project("billing", "apps/billing/**");
        var legacy = Project("legacy", "legacy/**");
        var before = CheckConfiguration.Default with { Projects = [Manage, Admin, legacy] };
        var after = CheckConfiguration.Default with { Projects = [Manage with { Paths = [GlobPattern.Parse("apps/manage/**"), GlobPattern.Parse("libs/**")] }, Admin, billing] };

        Assert.Equal(
            ["\"projects\" changes 'manage'", "\"projects\" adds 'billing'", "\"projects\" drops 'legacy'"],
            after.DifferencesFrom(before).ToArray());
    }

    [Fact]
    public void The_flag_check_s_settings_changed_are_reported_from_old_to_new_with_none_named()
    {
        var before = CheckConfiguration.Default with { Flags = new FlagsConfiguration("release-notes/flags.json", "production", null) };
        var after = CheckConfiguration.Default with { Flags = new FlagsConfiguration(null, "staging", "beta-testers") };

        Assert.Equal(
            [
                "\"flags.registry\" 'release-notes/flags.json' -> '(none)'",
                "\"flags.environment\" 'production' -> 'staging'",
                "\"flags.betaAudience\" '(none)' -> 'beta-testers'",
            ],
            after.DifferencesFrom(before).ToArray());
        // No "flags" section reads as the defaults: no registry, production, no beta audience.
        Assert.Empty((CheckConfiguration.Default with { Flags = FlagsConfiguration.Default }).DifferencesFrom(CheckConfiguration.Default));
        Assert.Equal(["\"flags.registry\" '(none)' -> 'gitlab'"], (CheckConfiguration.Default with { Flags = FlagsConfiguration.Default with { Registry = "gitlab" } }).DifferencesFrom(CheckConfiguration.Default).ToArray());
        Assert.Equal(["\"flags.registry\" 'gitlab' -> '(none)'"], CheckConfiguration.Default.DifferencesFrom(CheckConfiguration.Default with { Flags = FlagsConfiguration.Default with { Registry = "gitlab" } }).ToArray());
    }

    [Fact]
    public void Equal_rules_have_no_differences()
    {
        var rules = new CheckConfiguration("changelog", [GlobPattern.Parse("docs/**")], "no-notes", "notes-edit") { Projects = [Manage, Admin] };
        var same = new CheckConfiguration("changelog", [GlobPattern.Parse("docs/**")], "no-notes", "notes-edit") { Projects = [Manage, Admin] };

        Assert.Empty(same.DifferencesFrom(rules));
    }

    [Fact]
    public void Differences_need_the_other_configuration()
    {
        Assert.Equal("other", Assert.Throws<ArgumentNullException>(() => CheckConfiguration.Default.DifferencesFrom(null!)).ParamName);
    }

    [Fact]
    public void Equal_configurations_have_equal_hash_codes_and_each_field_changed_alone_makes_them_unequal()
    {
        var rules = new CheckConfiguration("changelog", [GlobPattern.Parse("docs/**")], "no-notes", "notes-edit") { Projects = [Manage, Admin] };
        var same = new CheckConfiguration("changelog", [GlobPattern.Parse("docs/**")], "no-notes", "notes-edit") { Projects = [Manage, Admin] };

        Assert.Equal(rules, same);
        Assert.Equal(rules.GetHashCode(), same.GetHashCode());
        Assert.NotEqual(rules, rules with { Folder = null });
        Assert.NotEqual(rules, rules with { Ignore = [GlobPattern.Parse("*.md")] });
        Assert.NotEqual(rules, rules with { NoneLabel = "release-notes::none" });
        Assert.NotEqual(rules, rules with { EditLabel = "release-notes::edit" });
        Assert.NotEqual(rules, rules with { Projects = [Manage] });
        Assert.NotEqual(rules, rules with { Flags = FlagsConfiguration.Default with { Registry = "gitlab" } });
        Assert.Equal(rules, rules with { Flags = FlagsConfiguration.Default });
        Assert.Equal(rules.GetHashCode(), (rules with { Flags = FlagsConfiguration.Default }).GetHashCode());
        Assert.False(rules.Equals(null));
    }

    [Theory]
    [InlineData("release-notes", "release-notes")]
    [InlineData("./docs//notes/", "docs/notes")]
    [InlineData(".", "")]
    [InlineData("", "")]
    [InlineData("docs/../notes", null)]
    [InlineData("docs\\notes", null)]
    [InlineData("/etc/notes", null)]
    public void A_folder_is_normalised_as_the_repository_tree_names_it_or_refused(string folder, string? expected)
    {
        Assert.Equal(expected, CheckConfiguration.NormalizeFolder(folder));
    }

    [Fact]
    public void Normalising_needs_a_folder()
    {
        Assert.Equal("folder", Assert.Throws<ArgumentNullException>(() => CheckConfiguration.NormalizeFolder(null!)).ParamName);
    }

    [Fact]
    public void A_refused_ignore_pattern_is_reported_at_its_line_and_column_with_the_reason()
    {
        var json = "{\n  \"ignore\": [\"docs/**\", \"a/../b\"]\n}";

        var read = CheckConfiguration.TryRead(Encoding.UTF8.GetBytes(json), "release-notes/config.json", out var configuration, out var error);

        Assert.False(read);
        Assert.Null(configuration);
        Assert.Equal(
            new ConfigurationError("release-notes/config.json", 2, 25, "the ignore pattern 'a/../b' holds an empty, '.' or '..' folder; write it relative to the repository root, e.g. 'docs/**'"),
            error);
    }

    [Fact]
    public void A_configuration_without_the_check_keys_keeps_the_defaults()
    {
        var read = CheckConfiguration.TryRead("{ \"add\": {} }"u8, "release-notes/config.json", out var configuration, out var error);

        Assert.True(read, error?.ToString());
        Assert.Equal(new CheckConfiguration(null, [], "release-notes::none", "release-notes::edit"), configuration);
    }

    private static ReleaseNotesProject Project(string name, string path) =>
        new(name, $"apps/{name}/release-notes", [GlobPattern.Parse(path)]) { NoneLabel = ReleaseNotesProject.DefaultNoneLabel(name), TagPrefix = ReleaseNotesProject.DefaultTagPrefix(name) };
}
