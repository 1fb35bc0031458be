using System.Text;
using BfReleaseNotes.Flags;

namespace BfReleaseNotes.Tests.Rules;

/// <summary>
/// How a registry file resolves a flag for one environment, and the reason each state carries into the findings: the
/// environment's own entry first, then <c>*</c>, removed flags, no state at
/// all, 0% and 100% as off and on, the percentage's bounds, and a JSON error's line and column.
/// </summary>
public sealed class FlagRegistryRuleTests
{
    private static FlagRegistry Parse(string json)
    {
        Assert.True(FlagRegistryFile.TryParse(Encoding.UTF8.GetBytes(json), "flags.json", "production", out var registry, out var error), error);
        return registry;
    }

    [Fact]
    public void Each_flag_is_resolved_for_the_environment_then_star_and_says_where_its_state_came_from()
    {
        var registry = Parse("""
            { "flags": [
              { "key": "own", "environments": { "production": { "state": "percentage", "percentage": 25 }, "*": { "state": "on" } } },
              { "key": "star", "environments": { "staging": { "state": "off" }, "*": { "state": "on" } } },
              { "key": "nothing", "environments": { "staging": { "state": "on" } } },
              { "key": "gone", "removed": true, "environments": { "production": { "state": "on" } } },
              { "key": "everyone", "environments": { "production": { "state": "percentage", "percentage": 100 } } },
              { "key": "nobody", "environments": { "production": { "state": "percentage", "percentage": 0 } } }
            ] }
            """);

        Assert.Equal(
            [
                ("own", FlagState.Percentage, (int?)25, "state 'percentage' 25% for environment 'production' in the registry"),
                ("star", FlagState.On, null, "state 'on' for environment '*' in the registry"),
                ("nothing", FlagState.Unspecified, null, "no state for 'production' or '*' in the registry"),
                ("gone", FlagState.Removed, null, "marked \"removed\" in the registry"),
                ("everyone", FlagState.On, null, "state 'percentage' for environment 'production' in the registry"),
                ("nobody", FlagState.Off, null, "state 'percentage' for environment 'production' in the registry"),
            ],
            registry.Flags.Select(flag => (flag.Key, flag.State, flag.Percentage, flag.Reason)));
    }

    [Fact]
    public void An_environment_written_as_null_is_refused_as_a_missing_state()
    {
        var json = "{ \"flags\": [ { \"key\": \"cleared\", \"environments\": { \"production\": null, \"*\": { \"state\": \"on\" } } } ] }";

        Assert.False(FlagRegistryFile.TryParse(Encoding.UTF8.GetBytes(json), "flags.json", "production", out _, out var error));

        Assert.Equal("flags.json: flags[0] ('cleared') environment 'production': the state is ''; write one of off, internal, percentage, beta, on, removed", error);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public void A_percentage_outside_0_to_100_is_refused(int percentage)
    {
        var json = $$"""{ "flags": [ { "key": "k", "environments": { "production": { "state": "percentage", "percentage": {{percentage}} } } } ] }""";

        Assert.False(FlagRegistryFile.TryParse(Encoding.UTF8.GetBytes(json), "flags.json", "production", out _, out var error));
        Assert.Contains("state 'percentage' needs \"percentage\": a whole number from 0 to 100", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_json_error_names_its_line_and_column_counted_from_one_without_the_parsers_path_suffix()
    {
        Assert.False(FlagRegistryFile.TryParse("{\n  \"flags\": x\n}"u8, "flags.json", "production", out _, out var error));

        Assert.StartsWith("flags.json:2:12: ", error, StringComparison.Ordinal);
        Assert.Contains("(at '$.flags')", error, StringComparison.Ordinal);
        Assert.DoesNotContain(" Path:", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_arguments_are_refused_by_name()
    {
        Assert.Equal("file", Assert.Throws<ArgumentNullException>(() => FlagRegistryFile.TryParse("{}"u8, null!, "production", out _, out _)).ParamName);
        Assert.Equal("environment", Assert.Throws<ArgumentNullException>(() => FlagRegistryFile.TryParse("{}"u8, "flags.json", null!, out _, out _)).ParamName);
    }
}
