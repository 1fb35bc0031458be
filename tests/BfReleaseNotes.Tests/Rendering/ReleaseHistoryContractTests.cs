using System.Text.Json;
using System.Text.RegularExpressions;
using BfReleaseNotes.Markdown;
using BfReleaseNotes.Model;
using BfReleaseNotes.Rendering;
using BfReleaseNotes.Workspace;
using Json.Schema;

namespace BfReleaseNotes.Tests.Rendering;

/// <summary>The history the app builds on: JSON valid against the schema file, stable ids, an outline without gaps.</summary>
public partial class ReleaseHistoryContractTests
{
    private static ReleaseNotesFolder Sample => new(Path.Combine(CaseFiles.Root, "Rendering", "sample"));

    // JsonSchema.Net registers a schema under its $id once per process.
    private static readonly JsonSchema Schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "schemas", "release-history.schema.json")));

    [Theory]
    [InlineData(Audience.Beta, 2)]
    [InlineData(Audience.Public, 1)]
    [InlineData(Audience.Beta, 3)]
    public void The_json_validates_against_the_schema_file_in_the_repository(Audience audience, int headingLevel)
    {
        var history = ReleaseHistoryRenderer.Render(Sample, new RenderOptions(audience, headingLevel));

        var json = ReleaseHistoryJson.Serialize(history);

        using var document = JsonDocument.Parse(json);
        var result = Schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        Assert.True(result.IsValid, string.Join("\n", (result.Details ?? []).Where(detail => detail.Errors is not null)
            .SelectMany(detail => detail.Errors!.Select(error => $"{detail.InstanceLocation}: {error.Key}: {error.Value}"))));
        Assert.Equal(ReleaseHistoryJson.SchemaVersion, document.RootElement.GetProperty("schemaVersion").GetInt32());
        Assert.Equal(["1.42.0", "1.41.1", "1.41.0", "1.0.0-rc.1+build.5"],
            document.RootElement.GetProperty("releases").EnumerateArray().Select(release => release.GetProperty("version").GetString()));
    }

    [Fact]
    public void The_schema_refuses_a_document_that_breaks_the_contract()
    {
        var json = ReleaseHistoryJson.Serialize(ReleaseHistoryRenderer.Render(Sample, RenderOptions.Default));

        using var wrongVersion = JsonDocument.Parse(json.Replace("\"schemaVersion\": 1", "\"schemaVersion\": 2", StringComparison.Ordinal));
        using var badId = JsonDocument.Parse(json.Replace("\"id\": \"v1_42_0\"", "\"id\": \"v1.42.0\"", StringComparison.Ordinal));

        Assert.False(Schema.Evaluate(wrongVersion.RootElement).IsValid);
        Assert.False(Schema.Evaluate(badId.RootElement).IsValid);
    }

    [Fact]
    public void The_json_keeps_non_ascii_text_readable_but_escapes_what_could_close_a_script_block()
    {
        var json = ReleaseHistoryJson.Serialize(ReleaseHistoryRenderer.Render(Sample, RenderOptions.Default));

        Assert.Contains("café", json, StringComparison.Ordinal);
        // System.Text.Json escapes characters outside the Basic Multilingual Plane; every reader decodes them.
        using var document = JsonDocument.Parse(json);
        var markdown = document.RootElement.GetProperty("releases")[1].GetProperty("sections")[0].GetProperty("changes")[0].GetProperty("entries")[0].GetProperty("markdown").GetString();
        Assert.Equal("Saving a draft with an emoji in its title 🎉 no longer fails.", markdown);
        Assert.DoesNotContain("<", json, StringComparison.Ordinal);
        Assert.Contains("\\u003Ca href=", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Ids_are_fragment_safe_unique_and_the_same_on_every_run()
    {
        var first = ReleaseHistoryRenderer.Render(Sample, RenderOptions.Default);
        var second = ReleaseHistoryRenderer.Render(Sample, RenderOptions.Default);

        var ids = AllIds(first).ToList();
        Assert.Equal(ids, AllIds(second));
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids, id => Assert.Matches("^[A-Za-z][A-Za-z0-9_-]*$", id));
        Assert.Equal(["v1_42_0", "v1_41_1", "v1_41_0", "v1_0_0-rc_1__build_5"], first.Releases.Select(release => release.Id));
        var twins = first.Releases[1].Sections[0].Changes[0].Entries;
        Assert.Equal(twins[0].Id + "-2", twins[1].Id);
        Assert.StartsWith("v1_42_0-export-a-project-as-pdf-from-", first.Releases[0].Sections[0].Changes[0].Entries[0].Id, StringComparison.Ordinal);
    }

    [Fact]
    public void An_entry_id_depends_on_the_release_and_the_text_only()
    {
        var id = FragmentIds.ForEntry("v1_0_0", "Exports are faster.");

        Assert.Equal(id, FragmentIds.ForEntry("v1_0_0", "Exports are faster."));
        Assert.Equal(id, FragmentIds.ForEntry("v1_0_0", "Exports are faster.".Replace("\n", "\r\n", StringComparison.Ordinal)));
        Assert.NotEqual(id, FragmentIds.ForEntry("v1_0_1", "Exports are faster."));
        Assert.NotEqual(id, FragmentIds.ForEntry("v1_0_0", "Exports are faster!"));
        Assert.NotEqual(FragmentIds.ForRelease(Semver.SemVersion.Parse("1.0.0-rc.1")), FragmentIds.ForRelease(Semver.SemVersion.Parse("1.0.0-rc-1")));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void The_fragment_outline_starts_at_the_heading_level_and_skips_no_level(int level)
    {
        var history = ReleaseHistoryRenderer.Render(Sample, new RenderOptions(Audience.Beta, level));

        var html = HtmlFragmentFormatter.Format(history.Releases);

        var levels = Heading().Matches(html).Select(match => int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(level, levels[0]);
        Assert.All(levels, found => Assert.InRange(found, level, 6));
        for (var i = 1; i < levels.Count; i++)
        {
            Assert.True(levels[i] <= levels[i - 1] + 1, $"h{levels[i - 1]} is followed by h{levels[i]} in:\n{html}");
        }

        Assert.Contains($"<h{level + 1}>Public</h{level + 1}>", html, StringComparison.Ordinal);
        Assert.Contains($"<h{level + 1}>Beta</h{level + 1}>", html, StringComparison.Ordinal);
        Assert.Contains($"<h{level + 3}>Why this matters</h{level + 3}>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void An_entry_written_as_a_big_heading_adds_no_h2_to_the_page()
    {
        var text = "# 1.0.0 - 2026-11-25\n\n## Public\n\n### Added\n\n- ## Big title\n\n  # Bigger\n\n  ### Small\n";
        var document = ReleaseNotesParser.Parse(text, DocumentKind.Published, "1.0.0.md").Document!;

        var html = HtmlFragmentFormatter.Format(ReleaseHistoryBuilder.BuildRelease(document, RenderOptions.Default));

        Assert.Equal(1, Regex.Count(html, "<h2"));
        Assert.Contains("<h5>Bigger</h5>", html, StringComparison.Ordinal);
        Assert.Contains("<h6>Big title</h6>", html, StringComparison.Ordinal);
        Assert.Contains("<h6>Small</h6>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_heading_level_that_cannot_hold_the_outline_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ReleaseHistoryRenderer.Render(Sample, new RenderOptions(Audience.Beta, 4)));
        Assert.Throws<ArgumentOutOfRangeException>(() => ReleaseHistoryRenderer.Render(Sample, new RenderOptions(Audience.Beta, 0)));
    }

    [Fact]
    public void A_release_whose_only_error_is_a_refused_link_is_shown_with_the_link_as_text_and_reported()
    {
        var parsed = ReleaseNotesParser.Parse("# 2.0.0 - 2026-11-25\n\n## Public\n\n### Added\n\n- See [this](javascript:alert(1)).\n", DocumentKind.Published, "2.0.0.md");

        var history = ReleaseHistoryBuilder.Build([parsed], RenderOptions.Default);

        Assert.True(history.HasErrors);
        Assert.Equal("See this.", Assert.Single(history.Releases).Sections[0].Changes[0].Entries[0].Html);
    }

    private static IEnumerable<string> AllIds(ReleaseHistory history) =>
        history.Releases.SelectMany(release => new[] { release.Id }
            .Concat(release.Sections.SelectMany(section => new[] { section.Id }
                .Concat(section.Changes.SelectMany(change => new[] { change.Id }.Concat(change.Entries.Select(entry => entry.Id)))))));

    [GeneratedRegex("<h([1-6])[ >]")]
    private static partial Regex Heading();
}
