using System.Text;
using BfReleaseNotes.Checks;
using BfReleaseNotes.Flags;
using BfReleaseNotes.GitLab;
using BfReleaseNotes.Model;
using BfReleaseNotes.Tests.Flags;
using BfReleaseNotes.TestSupport;
using BfReleaseNotes.Workspace;

namespace BfReleaseNotes.Tests.Rules;

/// <summary>
/// Where <c>flags check</c> finds its registry and settings: the request's options first, then the <c>"flags"</c>
/// object of the folder's <c>config.json</c>, then the defaults; a configured registry path is relative to the
/// repository root (outside a repository, to the folder's parent); and what it says when there is none, when the
/// configuration is not valid, or when the registry file is missing or broken. Also the equality of the registry
/// and the check's result, and the guards of the flag reports.
/// </summary>
public sealed class FlagRegistryReaderRuleTests : IDisposable
{
    private const string StagingOnProductionOff = """
        { "flags": [ { "key": "new-export", "environments": { "staging": { "state": "on" }, "production": { "state": "off" } } } ] }
        """;

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Read_names_the_argument_it_was_not_given()
    {
        var reader = new FlagRegistryReader();

        Assert.Equal("registry", Assert.Throws<ArgumentNullException>(() => reader.Read(null!, "production", null, _ => null)).ParamName);
        Assert.Equal("environment", Assert.Throws<ArgumentNullException>(() => reader.Read("flags.json", null!, null, _ => null)).ParamName);
        Assert.Equal("readFile", Assert.Throws<ArgumentNullException>(() => reader.Read("flags.json", "production", null, null!)).ParamName);
        Assert.Equal("request", Assert.Throws<ArgumentNullException>(() => reader.ReadFor(null!)).ParamName);
    }

    [Fact]
    public void A_registry_file_that_does_not_exist_is_named_with_where_its_format_is_described()
    {
        var error = Assert.Throws<EnvironmentException>(() => new FlagRegistryReader().Read("ops/flags.json", "production", null, _ => null));

        Assert.Equal(
            "the feature-flag registry 'ops/flags.json' does not exist; create it (format in the README, section 'Feature flags: checking rollout status') or point --registry (or \"flags\".\"registry\" of the configuration) at it",
            error.Message);
    }

    [Fact]
    public void A_registry_file_that_is_not_valid_is_refused_with_its_line_and_column()
    {
        var error = Assert.Throws<EnvironmentException>(() => new FlagRegistryReader().Read("ops/flags.json", "production", null, _ => "{ \"flags\": [ }"u8.ToArray()));

        Assert.Equal(
            "the feature-flag registry is not valid: ops/flags.json:1:14: '}' is an invalid start of a value (at '$.flags[0]'); "
            + "the file holds { \"flags\": [ { \"key\": \"new-editor\", \"removed\": false, \"environments\": { \"production\": { \"state\": \"on\" } } } ] } "
            + "with states off, internal, percentage (with \"percentage\": 1-99), beta, on, removed",
            error.Message);
    }

    [Fact]
    public void A_registry_file_is_read_through_the_given_reader_for_the_given_environment()
    {
        var asked = new List<string>();

        var registry = new FlagRegistryReader().Read("ops/flags.json", "staging", null, path =>
        {
            asked.Add(path);
            return Encoding.UTF8.GetBytes(StagingOnProductionOff);
        });

        Assert.Equal(["ops/flags.json"], asked);
        Assert.Equal(("ops/flags.json", "staging"), (registry.Source, registry.Environment));
        Assert.Equal([("new-export", FlagState.On)], registry.Flags.Select(flag => (flag.Key, flag.State)));
    }

    [Fact]
    public void Without_a_registry_option_or_configuration_the_message_names_both_ways_to_set_one()
    {
        var folder = NotesFolder(_temp.Path, "release-notes");
        var configPath = Path.Combine(folder, "config.json");

        var withoutFile = Assert.Throws<EnvironmentException>(() => new FlagRegistryReader().ReadFor(new FlagCheckRequest(new ReleaseNotesFolder(folder))));
        File.WriteAllText(configPath, """{ "folder": "release-notes" }""");
        var withoutFlags = Assert.Throws<EnvironmentException>(() => new FlagRegistryReader().ReadFor(new FlagCheckRequest(new ReleaseNotesFolder(folder))));

        var expected = $"no feature-flag registry: pass --registry FILE or --registry gitlab, or set \"flags\": {{ \"registry\": \"gitlab\" }} in {configPath}";
        Assert.Equal(expected, withoutFile.Message);
        Assert.Equal(expected, withoutFlags.Message);
    }

    [Fact]
    public void A_configuration_that_is_not_valid_is_refused_before_any_registry_is_read()
    {
        var folder = NotesFolder(_temp.Path, "release-notes");
        var configPath = Path.Combine(folder, "config.json");
        File.WriteAllText(configPath, """{ "flags": { "registry": "../outside.json" } }""");
        var request = new FlagCheckRequest(new ReleaseNotesFolder(folder)) { Registry = Path.Combine(_temp.Path, "unused.json") };

        var error = Assert.Throws<EnvironmentException>(() => new FlagRegistryReader().ReadFor(request));

        Assert.Equal(
            $"the configuration is not valid: {configPath}:1:26: \"flags\".\"registry\" is '../outside.json'; write \"gitlab\" or a file path relative to the repository root with '/', e.g. \"release-notes/flags.json\"",
            error.Message);
    }

    [Fact]
    public void A_configured_registry_is_relative_to_the_repository_root_with_the_configured_environment()
    {
        using var repository = new GitTestRepository();
        repository.Write("ops/flags.json", StagingOnProductionOff);
        // A project folder two levels down: its parent is not the root, so only the repository lookup finds the file.
        var folder = NotesFolder(repository.Path, "products/app/release-notes");
        File.WriteAllText(Path.Combine(folder, "config.json"), """{ "flags": { "registry": "ops/flags.json", "environment": "staging" } }""");

        var registry = new FlagRegistryReader().ReadFor(new FlagCheckRequest(new ReleaseNotesFolder(folder)));

        Assert.Equal(("ops/flags.json", "staging"), (registry.Source, registry.Environment));
        Assert.Equal([("new-export", FlagState.On)], registry.Flags.Select(flag => (flag.Key, flag.State)));
    }

    [Fact]
    public void Outside_a_repository_a_configured_registry_is_relative_to_the_folder_s_parent()
    {
        var project = Path.Combine(_temp.Path, "app");
        var folder = NotesFolder(project, "release-notes");
        File.WriteAllText(Path.Combine(project, "flags.json"), StagingOnProductionOff);
        File.WriteAllText(Path.Combine(folder, "config.json"), """{ "flags": { "registry": "flags.json" } }""");

        var registry = new FlagRegistryReader().ReadFor(new FlagCheckRequest(new ReleaseNotesFolder(folder)));

        Assert.Equal(("flags.json", "production"), (registry.Source, registry.Environment));
        Assert.Equal([("new-export", FlagState.Off)], registry.Flags.Select(flag => (flag.Key, flag.State)));
    }

    [Fact]
    public void A_configured_registry_that_is_missing_is_named_as_configured()
    {
        var folder = NotesFolder(Path.Combine(_temp.Path, "app"), "release-notes");
        File.WriteAllText(Path.Combine(folder, "config.json"), """{ "flags": { "registry": "ops/flags.json" } }""");

        var error = Assert.Throws<EnvironmentException>(() => new FlagRegistryReader().ReadFor(new FlagCheckRequest(new ReleaseNotesFolder(folder))));

        Assert.StartsWith("the feature-flag registry 'ops/flags.json' does not exist; ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_request_s_registry_and_environment_win_over_the_configuration()
    {
        var folder = NotesFolder(_temp.Path, "release-notes");
        File.WriteAllText(Path.Combine(folder, "config.json"), """{ "flags": { "registry": "missing.json", "environment": "production" } }""");
        var given = Path.Combine(_temp.Path, "given.json");
        File.WriteAllText(given, StagingOnProductionOff);
        var request = new FlagCheckRequest(new ReleaseNotesFolder(folder)) { Registry = given, Environment = "staging" };

        var registry = new FlagRegistryReader().ReadFor(request);

        Assert.Equal((given, "staging"), (registry.Source, registry.Environment));
        Assert.Equal([("new-export", FlagState.On)], registry.Flags.Select(flag => (flag.Key, flag.State)));
    }

    [Fact]
    public void A_registry_option_whose_file_does_not_exist_is_named_as_given()
    {
        var folder = NotesFolder(_temp.Path, "release-notes");
        var given = Path.Combine(_temp.Path, "nowhere.json");

        var error = Assert.Throws<EnvironmentException>(() => new FlagRegistryReader().ReadFor(new FlagCheckRequest(new ReleaseNotesFolder(folder)) { Registry = given }));

        Assert.StartsWith($"the feature-flag registry '{given}' does not exist; ", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "beta-testers", FlagState.Beta)]
    [InlineData("other-list", "beta-testers", FlagState.Internal)]
    [InlineData("beta-testers", "other-list", FlagState.Beta)]
    [InlineData(null, null, FlagState.Internal)]
    public void The_beta_audience_comes_from_the_request_else_from_the_configuration(string? fromRequest, string? fromConfiguration, FlagState expected)
    {
        using var stub = new GitLabStub(_ => new StubResponse(200, GitLabStub.Page(
            GitLabStub.Flag("new-export", true, GitLabStub.Strategy("gitlabUserList", "", ["production"], "beta-testers")))));
        var folder = NotesFolder(_temp.Path, "release-notes");
        var audience = fromConfiguration is null ? string.Empty : $""", "betaAudience": "{fromConfiguration}" """;
        File.WriteAllText(Path.Combine(folder, "config.json"), $$"""{ "flags": { "registry": "gitlab"{{audience}} } }""");
        var reader = new FlagRegistryReader
        {
            GitLab = GitLabCiEnvironment.FromVariables(new Dictionary<string, string> { ["CI_API_V4_URL"] = stub.ApiUrl, ["CI_PROJECT_ID"] = "42", ["CI_JOB_TOKEN"] = "job-token" }),
        };

        var registry = reader.ReadFor(new FlagCheckRequest(new ReleaseNotesFolder(folder)) { BetaAudience = fromRequest });

        Assert.Equal([("new-export", expected)], registry.Flags.Select(flag => (flag.Key, flag.State)));
    }

    [Fact]
    public void Two_registries_are_equal_only_when_source_environment_and_flags_are()
    {
        var flag = new RegisteredFlag("new-export", FlagState.On, null, "state 'on'");
        var registry = new FlagRegistry("flags.json", "production", [flag]);

        Assert.Equal(registry, new FlagRegistry("flags.json", "production", [flag with { }]));
        Assert.NotEqual(registry, new FlagRegistry("other.json", "production", [flag]));
        Assert.NotEqual(registry, new FlagRegistry("flags.json", "staging", [flag]));
        Assert.NotEqual(registry, new FlagRegistry("flags.json", "production", [flag with { State = FlagState.Off }]));
        Assert.False(registry.Equals(null));
    }

    [Fact]
    public void Two_check_results_are_equal_only_when_registry_and_flags_are()
    {
        var registry = new FlagRegistry("flags.json", "production", []);
        var verdict = new FlagVerdict("new-export", 1, new SourcePosition(5, 1), null, null);
        var result = new FlagCheckResult(registry, [verdict]);

        Assert.Equal(result, new FlagCheckResult(registry with { }, [verdict with { }]));
        Assert.NotEqual(result, new FlagCheckResult(registry with { Environment = "staging" }, [verdict]));
        Assert.NotEqual(result, new FlagCheckResult(registry, [verdict with { Entries = 2 }]));
        Assert.False(result.Equals(null));
    }

    [Fact]
    public void The_flag_reports_name_the_argument_they_were_not_given()
    {
        Assert.Equal("flags", Assert.Throws<ArgumentNullException>(() => FlagsReportJson.Serialize(null!)).ParamName);
        Assert.Equal("document", Assert.Throws<ArgumentNullException>(() => FlagInventory.Collect(null!)).ParamName);
    }

    [Theory]
    [InlineData("environment", "prod\u0007", "\"flags\".\"environment\" must be an environment name such as \"production\"")]
    [InlineData("betaAudience", "beta\u001b[31m", "\"flags\".\"betaAudience\" must be the name of a GitLab feature-flag user list, such as \"beta-testers\"")]
    public void A_flags_setting_with_a_control_character_is_refused_at_its_key(string key, string value, string message)
    {
        var json = "{\n  \"flags\": {\n    \"registry\": \"gitlab\",\n    \"" + key + "\": " + System.Text.Json.JsonSerializer.Serialize(value) + "\n  }\n}";

        Assert.False(CheckConfiguration.TryRead(Encoding.UTF8.GetBytes(json), "release-notes/config.json", out _, out var error));

        Assert.Equal($"release-notes/config.json:4:{9 + key.Length}: {message}", error.ToString());
    }

    private static string NotesFolder(string parent, string relative)
    {
        var folder = Path.Combine(parent, relative);
        Directory.CreateDirectory(folder);
        return folder;
    }
}
