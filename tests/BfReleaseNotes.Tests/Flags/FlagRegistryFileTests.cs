using System.Text;
using BfReleaseNotes.Flags;

namespace BfReleaseNotes.Tests.Flags;

/// <summary>The registry file format: states per environment, precedence, and errors that say what to write.</summary>
public sealed class FlagRegistryFileTests
{
    private const string Registry = """
        {
          "$schema": "../docs/flag-registry.schema.json",
          // comments and trailing commas are allowed, as in config.json
          "flags": [
            { "key": "new-editor", "description": "The editor", "environments": { "production": { "state": "percentage", "percentage": 25 }, "*": { "state": "on" } } },
            { "key": "dark-mode", "environments": { "*": { "state": "on" } } },
            { "key": "beta-search", "environments": { "production": { "state": "beta" } } },
            { "key": "team-only", "environments": { "production": { "state": "internal" } } },
            { "key": "full", "environments": { "production": { "state": "percentage", "percentage": 100 } } },
            { "key": "old-export", "removed": true, "environments": { "production": { "state": "on" } } },
            { "key": "gone", "environments": { "production": { "state": "removed" } } },
            { "key": "just-known" },
          ],
        }
        """;

    private static FlagRegistry Parse(string json, string environment = "production")
    {
        Assert.True(FlagRegistryFile.TryParse(Encoding.UTF8.GetBytes(json), "flags.json", environment, out var registry, out var error), error);
        return registry;
    }

    private static string Error(string json)
    {
        Assert.False(FlagRegistryFile.TryParse(Encoding.UTF8.GetBytes(json), "flags.json", "production", out _, out var error));
        return error;
    }

    [Fact]
    public void Each_flag_gets_the_state_of_its_own_environment_else_of_star()
    {
        var registry = Parse(Registry);

        Assert.Equal(
            [
                ("new-editor", FlagState.Percentage, (int?)25),
                ("dark-mode", FlagState.On, null),
                ("beta-search", FlagState.Beta, null),
                ("team-only", FlagState.Internal, null),
                ("full", FlagState.On, null),
                ("old-export", FlagState.Removed, null),
                ("gone", FlagState.Removed, null),
                ("just-known", FlagState.Unspecified, null),
            ],
            registry.Flags.Select(flag => (flag.Key, flag.State, flag.Percentage)));
        Assert.Equal("production", registry.Environment);
        Assert.Equal("flags.json", registry.Source);
    }

    [Fact]
    public void Another_environment_falls_back_to_star_or_to_unspecified()
    {
        var registry = Parse(Registry, "staging");

        Assert.Equal(FlagState.On, registry.Find("new-editor")!.State);
        Assert.Equal(FlagState.Unspecified, registry.Find("beta-search")!.State);
        Assert.Null(registry.Find("New-Editor"));
    }

    [Fact]
    public void A_byte_order_mark_is_accepted()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("""{ "flags": [ { "key": "a" } ] }""")).ToArray();

        Assert.True(FlagRegistryFile.TryParse(bytes, "flags.json", "production", out var registry, out _));
        Assert.Single(registry.Flags);
    }

    [Theory]
    [InlineData("""{ "flags": [ { "key": "a", "enviroments": {} } ] }""", "flags.json:1:", "'enviroments'")]
    [InlineData("""{ "flags": [ { "key": "a" ] }""", "flags.json:1:", "the file holds")]
    [InlineData("""[]""", "flags.json:1:", "the file holds")]
    [InlineData("""{}""", "flags.json:1:1", "\"flags\" array")]
    [InlineData("""{ "flags": [ { "key": "a", "environments": { "production": { "state": "enabled" } } } ] }""", "flags[0] ('a') environment 'production'", "write one of off, internal, percentage, beta, on, removed")]
    [InlineData("""{ "flags": [ { "key": "a", "environments": { "staging": { "state": "percentage" } } } ] }""", "environment 'staging'", "a whole number from 0 to 100")]
    [InlineData("""{ "flags": [ { "key": "a", "environments": { "production": { "state": "on", "percentage": 5 } } } ] }""", "('a')", "goes with the state 'percentage' only")]
    [InlineData("""{ "flags": [ { "key": "a" }, { "key": "a" } ] }""", "flags[1]", "listed twice")]
    [InlineData("""{ "flags": [ { "description": "no key" } ] }""", "flags[0]", "has no \"key\"")]
    public void Invalid_files_are_refused_with_where_and_what_to_write(string json, string where, string advice)
    {
        var error = Error(json);

        Assert.Contains(where, error, StringComparison.Ordinal);
        Assert.Contains(advice, error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_shipped_schema_names_every_state_of_the_format()
    {
        var schema = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "flag-registry.schema.json"));

        foreach (var state in FlagRegistryFile.StateNames)
        {
            Assert.Contains($"\"{state}\"", schema, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_readme_example_is_a_valid_registry_with_the_states_it_describes()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));
        var section = readme[readme.IndexOf("#### The registry file", StringComparison.Ordinal)..];
        var start = section.IndexOf("```json\n", StringComparison.Ordinal) + "```json\n".Length;
        var json = section[start..section.IndexOf("```", start, StringComparison.Ordinal)];

        var registry = Parse(json);

        Assert.Equal(
            [("new-editor", FlagState.Percentage), ("dark-mode", FlagState.On), ("beta-search", FlagState.Beta), ("old-export", FlagState.Removed), ("team-dashboard", FlagState.Unspecified)],
            registry.Flags.Select(flag => (flag.Key, flag.State)));
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "BfReleaseNotes.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("the repository root was not found above the test assembly");
    }
}
