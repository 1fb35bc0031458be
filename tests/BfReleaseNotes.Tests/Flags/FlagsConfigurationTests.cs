using System.Text;
using BfReleaseNotes.Checks;
using BfReleaseNotes.Flags;

namespace BfReleaseNotes.Tests.Flags;

/// <summary>The <c>"flags"</c> object of <c>release-notes/config.json</c>.</summary>
public sealed class FlagsConfigurationTests
{
    private const string File = "release-notes/config.json";

    [Fact]
    public void The_flags_object_is_read_with_its_registry_environment_and_beta_audience()
    {
        var json = """{ "flags": { "registry": "./release-notes/flags.json", "environment": "prod-eu", "betaAudience": "beta-testers" } }""";

        Assert.True(CheckConfiguration.TryParse(Encoding.UTF8.GetBytes(json), File, out var configuration, out var error), error);

        Assert.Equal(new FlagsConfiguration("release-notes/flags.json", "prod-eu", "beta-testers"), configuration.Flags);
    }

    [Fact]
    public void Gitlab_is_a_registry_and_the_environment_defaults_to_production()
    {
        Assert.True(CheckConfiguration.TryParse("""{ "flags": { "registry": "gitlab" } }"""u8, File, out var configuration, out _));

        Assert.Equal(new FlagsConfiguration("gitlab", "production", null), configuration.Flags);
    }

    [Fact]
    public void Without_a_flags_object_there_is_no_flag_check()
    {
        Assert.True(CheckConfiguration.TryParse("{}"u8, File, out var configuration, out _));

        Assert.Null(configuration.Flags);
    }

    [Theory]
    [InlineData("""{ "flags": { "registy": "gitlab" } }""", "registy")]
    [InlineData("""{ "flags": { "registry": "../flags.json" } }""", "write \"gitlab\" or a file path relative to the repository root")]
    [InlineData("""{ "flags": { "registry": "/etc/flags.json" } }""", "write \"gitlab\" or a file path")]
    [InlineData("""{ "flags": { "environment": " " } }""", "\"environment\" must be an environment name")]
    [InlineData("""{ "flags": { "betaAudience": "" } }""", "\"betaAudience\" must be the name of a GitLab feature-flag user list")]
    public void A_bad_flags_object_is_refused_with_the_fix(string json, string reason)
    {
        Assert.False(CheckConfiguration.TryParse(Encoding.UTF8.GetBytes(json), File, out _, out var error));

        Assert.StartsWith(File, error, StringComparison.Ordinal);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }
}
