using System.Text;
using System.Text.Json;
using BfReleaseNotes.Configuration;
using BfReleaseNotes.Model;
using BfReleaseNotes.Promotion;

namespace BfReleaseNotes.Tests.Configuration;

public class ConfigurationReaderTests
{
    private const string File = "release-notes/config.json";

    [Fact]
    public void Every_section_is_read_with_enum_values_in_any_case()
    {
        var json = """
            {
              "$schema": "./config.schema.json",
              "folder": "docs/notes",
              "add": { "section": "Public", "type": "FIXED" },
              "promote": { "bump": "patch", "tagPrefix": "release-", "commit": true, "tag": true },
              "ignore": ["docs/**"],
              "labels": { "none": "no-notes" }
            }
            """;

        var parsed = ConfigurationReader.TryParse(Encoding.UTF8.GetBytes(json), File, out var configuration, out var error);

        Assert.True(parsed, error);
        Assert.Equal("docs/notes", configuration!.Folder);
        Assert.Equal(new AddDefaults(Visibility.Public, ChangeType.Fixed), configuration.Add);
        Assert.Equal(new PromoteDefaults(VersionBump.Patch, "release-", Commit: true, Tag: true), configuration.Promote);
        Assert.Equal("no-notes", configuration.Check.NoneLabel);
        Assert.True(configuration.Check.IsIgnored("docs/a.md"));
    }

    [Fact]
    public void No_keys_give_the_defaults()
    {
        Assert.True(ConfigurationReader.TryParse("{}"u8, File, out var configuration, out _));
        Assert.Equal(ReleaseNotesConfiguration.Default, configuration);
    }

    [Theory]
    [InlineData("{\n  \"ignroe\": []\n}", "release-notes/config.json:2:", "unknown key \"ignroe\" in the top level; did you mean \"ignore\"? The valid keys there are \"$schema\", \"folder\", \"ignore\", \"labels\", \"add\", \"promote\", \"release\", \"flags\" and \"projects\"")]
    [InlineData("{\n  \"add\": {\n    \"sektion\": \"public\"\n  }\n}", "release-notes/config.json:3:", "unknown key \"sektion\" in \"add\"; did you mean \"section\"? The valid keys there are \"section\" and \"type\"")]
    [InlineData("{\n  \"ignore\": \"docs/**\"\n}", "release-notes/config.json:2:", "\"ignore\" must be an array of strings")]
    [InlineData("{ \"promote\": { \"commit\": \"yes\" } }", "release-notes/config.json:1:", "\"commit\" must be true or false")]
    [InlineData("{ \"add\": 3 }", "release-notes/config.json:1:", "\"add\" must be an object with the keys \"section\" and \"type\"")]
    [InlineData("{ \"ignore\": [\"docs/**\" }", "release-notes/config.json:1:", "not valid JSON")]
    [InlineData("{ \"add\": { \"type\": \"fixd\" } }", "release-notes/config.json:", "\"add.type\" is 'fixd' (did you mean 'fixed'?); the valid values are \"added\", \"changed\", \"deprecated\", \"removed\", \"fixed\" or \"security\"")]
    [InlineData("{ \"add\": { \"section\": \"1\" } }", "release-notes/config.json:", "\"add.section\" is '1'")]
    [InlineData("{ \"promote\": { \"bump\": \"huge\" } }", "release-notes/config.json:", "the valid values are \"major\", \"minor\" or \"patch\"")]
    [InlineData("{ \"promote\": { \"tagPrefix\": \"-x\" } }", "release-notes/config.json:", "\"promote.tagPrefix\" is '-x'")]
    public void A_bad_file_is_refused_with_the_place_and_the_valid_keys_in_plain_words(string json, string where, string reason)
    {
        var parsed = ConfigurationReader.TryParse(Encoding.UTF8.GetBytes(json), File, out var configuration, out var error);

        Assert.False(parsed);
        Assert.Null(configuration);
        Assert.StartsWith(where, error, StringComparison.Ordinal);
        Assert.Contains(reason, error, StringComparison.Ordinal);
        Assert.DoesNotContain(".NET", error, StringComparison.Ordinal);
        Assert.DoesNotContain("BfReleaseNotes.", error, StringComparison.Ordinal);
    }

    /// <summary>A value the JSON reader accepts but a rule refuses is located at the value itself, not at line 1.</summary>
    [Theory]
    [InlineData("{\n  \"folder\": \"../notes\"\n}", 2, 13, "\"folder\" is '../notes'")]
    [InlineData("{\n  \"ignore\": [\n    \"docs/**\",\n    \"src/../x\"\n  ]\n}", 4, 5, "the ignore pattern 'src/../x' holds an empty, '.' or '..' folder")]
    [InlineData("{ \"labels\": {\n  \"edit\": \"a,b\" } }", 2, 11, "the labels \"none\"")]
    [InlineData("{\n  // the team's defaults\n  \"add\": { \"section\": \"pubilc\" },\n}", 3, 23, "\"add.section\" is 'pubilc' (did you mean 'public'?)")]
    [InlineData("{ \"promote\": {\n\t\"tagPrefix\": \"-x\" } }", 2, 15, "\"promote.tagPrefix\" is '-x'")]
    [InlineData("{ \"flags\": { \"registry\": \"/etc/flags.json\" } }", 1, 26, "\"flags\".\"registry\" is '/etc/flags.json'")]
    [InlineData("{ \"projects\": [\n  { \"name\": \"a\", \"folder\": \"a/notes\", \"paths\": [\"a/**\"] },\n  { \"name\": \"b\", \"folder\": \"b/notes\", \"paths\": [\"b/**\", \"b/../x\"] }\n] }", 3, 57, "\"projects[1].paths\": the ignore pattern 'b/../x'")]
    [InlineData("{ \"projects\": [\n  { \"name\": \"a\", \"folder\": \"a/notes\" }\n] }", 2, 3, "\"projects[0].paths\" of 'a' is missing or empty")]
    [InlineData("{ \"projects\": [\n  { \"name\": \"Zürich\", \"folder\": \"z/notes\", \"paths\": [\"z/**\"] } ] }", 2, 13, "\"projects[0].name\" is 'Zürich'")]
    public void A_value_a_rule_refuses_is_reported_at_its_line_and_column(string json, int line, int column, string reason)
    {
        var read = ConfigurationReader.TryRead(Encoding.UTF8.GetBytes(json), File, out var configuration, out var error);

        Assert.False(read);
        Assert.Null(configuration);
        Assert.Equal((File, line, column), (error!.File, error.Line, error.Column));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.StartsWith($"{File}:{line}:{column}: ", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_schema_in_the_repository_names_every_key_the_reader_accepts()
    {
        var schemaPath = Path.Combine(RepositoryRoot(), "release-notes", "config.schema.json");
        using var schema = JsonDocument.Parse(System.IO.File.ReadAllBytes(schemaPath));

        var documented = Keys(schema.RootElement);
        var accepted = Keys(ConfigurationJsonContext.Default.ConfigurationFile);

        Assert.Equal(accepted.Order(StringComparer.Ordinal), documented.Order(StringComparer.Ordinal));
        Assert.False(schema.RootElement.GetProperty("additionalProperties").GetBoolean());
    }

    private static List<string> Keys(JsonElement schema)
    {
        var keys = new List<string>();
        foreach (var property in schema.GetProperty("properties").EnumerateObject())
        {
            keys.Add(property.Name);
            if (property.Value.TryGetProperty("properties", out _))
            {
                keys.AddRange(Keys(property.Value).Select(key => property.Name + "." + key));
            }
        }

        return keys;
    }

    private static List<string> Keys(System.Text.Json.Serialization.Metadata.JsonTypeInfo info)
    {
        var keys = new List<string>();
        foreach (var property in info.Properties)
        {
            keys.Add(property.Name);
            var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            var nested = info.Options.GetTypeInfo(type);
            if (nested.Kind == System.Text.Json.Serialization.Metadata.JsonTypeInfoKind.Object)
            {
                keys.AddRange(Keys(nested).Select(key => property.Name + "." + key));
            }
        }

        return keys;
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !System.IO.File.Exists(Path.Combine(folder.FullName, "BfReleaseNotes.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("the repository root (BfReleaseNotes.sln) was not found above the test binaries");
    }
}
