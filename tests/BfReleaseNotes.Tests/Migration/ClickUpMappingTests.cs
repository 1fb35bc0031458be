using System.Text;
using BfReleaseNotes.Migration;
using BfReleaseNotes.Model;
using BfReleaseNotes.Workspace;

namespace BfReleaseNotes.Tests.Migration;

public class ClickUpMappingTests
{
    [Fact]
    public void The_ready_mappings_load()
    {
        var entries = ClickUpMapping.Load(MigrationFiles.DefaultMapping);
        var releases = ClickUpMapping.Load(MigrationFiles.ReleaseMapping);

        Assert.Equal(HistoryShape.EntryPerRow, entries.Shape);
        Assert.Equal(ChangeType.Fixed, entries.TypeValues["bug"]);
        Assert.Equal(Visibility.Internal, entries.VisibilityValues["internal"]);
        Assert.Equal(HistoryShape.ReleasePerRow, releases.Shape);
        Assert.Equal(ChangeType.Fixed, releases.Headings["bug fixes"].Type);
        Assert.Equal(Visibility.Beta, releases.Headings["beta"].Visibility);
        Assert.Equal("https://app.clickup.com/t/86abc", entries.TaskAddress("86abc"));
    }

    [Theory]
    [InlineData("not json", "not valid")]
    [InlineData("""{ "shape": "per-task" }""", "'shape' is 'per-task'")]
    [InlineData("""{ "shape": "entry-per-row", "colums": {} }""", "colums")]
    [InlineData("""{ "shape": "entry-per-row", "release": { "version": ["V"], "date": ["D"], "versionPattern": "(?<version>[0-9" }, "entry": { "text": ["T"] }, "columns": { "taskId": ["Task ID"] } }""", "not a valid regular expression")]
    [InlineData("""{ "shape": "entry-per-row", "release": { "version": ["V"], "date": ["D"], "versionPattern": "v([0-9.]+)" }, "entry": { "text": ["T"] }, "columns": { "taskId": ["Task ID"] } }""", "no group named 'version'")]
    [InlineData("""{ "shape": "entry-per-row", "release": { "version": ["V"], "date": ["D"] }, "entry": { "text": ["T"] }, "columns": { "taskId": ["Task ID"] }, "types": { "values": { "bug": "Bugfix" } } }""", "'types.values.bug' is 'Bugfix'; use one of Added")]
    [InlineData("""{ "shape": "entry-per-row", "release": { "version": ["V"], "date": ["D"] }, "entry": { "text": ["T"] }, "columns": { "taskId": ["Task ID"] }, "visibility": { "default": "Secret" } }""", "'visibility.default' is 'Secret'")]
    [InlineData("""{ "shape": "entry-per-row", "release": { "date": ["D"] }, "entry": { "text": ["T"] }, "columns": { "taskId": ["Task ID"] } }""", "'release.version' is missing")]
    [InlineData("""{ "shape": "entry-per-row", "release": { "version": ["V"], "date": ["D"] }, "entry": { "text": ["T"] }, "columns": { "taskId": ["Task ID"] }, "statuses": ["complete"] }""", "'statuses' is set but 'columns.status' is not")]
    [InlineData("""{ "shape": "release-per-row", "release": { "version": ["V"], "date": ["D"] }, "entry": { "text": ["T"] }, "columns": { "taskId": ["Task ID"] } }""", "'content.defaultType' is missing")]
    [InlineData("""{ "shape": "entry-per-row", "release": { "version": ["V"], "date": ["D"], "exporterUtcOffset": "IST" }, "entry": { "text": ["T"] }, "columns": { "taskId": ["Task ID"] } }""", "'release.exporterUtcOffset' is 'IST'")]
    public void An_invalid_mapping_is_refused_with_what_to_fix(string json, string message)
    {
        var exception = Assert.Throws<EnvironmentException>(() => ClickUpMapping.Parse(Encoding.UTF8.GetBytes(json), "mapping.json"));

        Assert.StartsWith("mapping.json", exception.Message, StringComparison.Ordinal);
        Assert.Contains(message, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_misspelt_mapping_key_is_reported_like_a_configuration_key()
    {
        var exception = Assert.Throws<EnvironmentException>(() => ClickUpMapping.Parse("{\n  \"shape\": \"entry-per-row\",\n  \"colums\": {}\n}"u8, "mapping.json"));

        Assert.StartsWith("mapping.json:3:", exception.Message, StringComparison.Ordinal);
        Assert.Contains("unknown key \"colums\" in the top level; did you mean \"columns\"? The valid keys there are", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("could not be mapped", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_mapping_file_is_an_environment_error()
    {
        var exception = Assert.Throws<EnvironmentException>(() => ClickUpMapping.Load(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "none.json")));

        Assert.Contains("does not exist", exception.Message, StringComparison.Ordinal);
    }
}
