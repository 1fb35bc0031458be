using System.Text;
using BfReleaseNotes.Checks;

namespace BfReleaseNotes.Tests.Checks;

public class CheckConfigurationTests
{
    private const string File = "release-notes/config.json";

    [Fact]
    public void A_full_configuration_is_read()
    {
        var json = """
            {
              // Paths that never need notes.
              "folder": "./docs/release-notes/",
              "ignore": ["docs/**", "*.txt",],
              "labels": { "none": "No Notes", "edit": "notes::edit" }
            }
            """;

        var parsed = CheckConfiguration.TryParse(Encoding.UTF8.GetBytes(json), File, out var configuration, out var error);

        Assert.True(parsed, error);
        Assert.Equal("docs/release-notes", configuration!.Folder);
        Assert.Equal(["docs/**", "*.txt"], configuration.Ignore.Select(pattern => pattern.Text));
        Assert.Equal("No Notes", configuration.NoneLabel);
        Assert.Equal("notes::edit", configuration.EditLabel);
        Assert.True(configuration.IsIgnored("docs/a.md"));
        Assert.False(configuration.IsIgnored("src/a.cs"));
    }

    [Fact]
    public void An_empty_object_keeps_the_defaults()
    {
        var parsed = CheckConfiguration.TryParse("{}"u8, File, out var configuration, out _);

        Assert.True(parsed);
        Assert.Equal(CheckConfiguration.Default, configuration);
    }

    [Theory]
    [InlineData("{\n  \"ignroe\": []\n}", "release-notes/config.json:2:", "ignroe")]
    [InlineData("{\n  \"ignore\": \"docs/**\"\n}", "release-notes/config.json:2:", "\"ignore\" must be an array of strings")]
    [InlineData("{ \"ignore\": [\"docs/**\" }", "release-notes/config.json:1:", "not valid JSON")]
    [InlineData("null", "release-notes/config.json:1:1", "must be a JSON object")]
    [InlineData("{ \"ignore\": [\"docs\\\\**\"] }", "release-notes/config.json:", "'/'")]
    [InlineData("{ \"folder\": \"../elsewhere\" }", "release-notes/config.json:", "\"folder\" is '../elsewhere'")]
    [InlineData("{ \"labels\": { \"none\": \"\" } }", "release-notes/config.json:", "must be GitLab label names")]
    public void A_bad_configuration_is_refused_with_the_file_the_place_and_the_fix(string json, string where, string reason)
    {
        var parsed = CheckConfiguration.TryParse(Encoding.UTF8.GetBytes(json), File, out var configuration, out var error);

        Assert.False(parsed);
        Assert.Null(configuration);
        Assert.StartsWith(where, error, StringComparison.Ordinal);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }
}
