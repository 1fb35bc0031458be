using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace BfReleaseNotes.Rendering;

/// <summary>
/// The release history as JSON for an app that lays it out itself. The shape is versioned by
/// <c>schemaVersion</c> and described by <c>schemas/release-history.schema.json</c> in the repository: a new
/// optional property keeps the version, anything that could break a reader raises it.
/// </summary>
/// <remarks>
/// Text in the Basic Multilingual Plane (accents, CJK) is written as is (emoji as <c>\uD83C\uDF89</c> pairs); <c>&lt;</c>, <c>&gt;</c>, <c>&amp;</c>, <c>'</c> and <c>+</c>
/// stay escaped (<c>\u003C</c>), which every JSON reader decodes, so the document can also sit inside an HTML
/// <c>&lt;script type="application/json"&gt;</c> block without a note closing it.
/// </remarks>
/// <example>
/// <code>
/// File.WriteAllText("releases.json", ReleaseHistoryJson.Serialize(history));
/// </code>
/// </example>
public static class ReleaseHistoryJson
{
    /// <summary>The schema version this library writes.</summary>
    public const int SchemaVersion = 1;

    private static readonly ReleaseHistoryJsonContext Context = new(new JsonSerializerOptions
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    });

    /// <summary>The history as indented JSON (LF line endings, no trailing newline).</summary>
    public static string Serialize(ReleaseHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var document = new HistoryJson(
            SchemaVersion,
            history.Options.Audience.ToString().ToLowerInvariant(),
            history.Options.HeadingLevel,
            [.. history.Releases.Select(release => new ReleaseJson(
                release.Id,
                release.Version.ToString(),
                release.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                [.. release.Sections.Select(section => new SectionJson(section.Id, section.Visibility.ToString(), [.. section.Changes.Select(change =>
                    new ChangeJson(change.Id, change.Type.ToString(), [.. change.Entries.Select(entry => new EntryJson(entry.Id, entry.Markdown, entry.Html))]))]))]))]);
        return JsonSerializer.Serialize(document, Context.HistoryJson).Replace("\r\n", "\n", StringComparison.Ordinal);
    }
}

internal sealed record EntryJson(string Id, string Markdown, string Html);

internal sealed record ChangeJson(string Id, string Type, IReadOnlyList<EntryJson> Entries);

internal sealed record SectionJson(string Id, string Visibility, IReadOnlyList<ChangeJson> Changes);

internal sealed record ReleaseJson(string Id, string Version, string Date, IReadOnlyList<SectionJson> Sections);

internal sealed record HistoryJson(int SchemaVersion, string Audience, int HeadingLevel, IReadOnlyList<ReleaseJson> Releases);

[JsonSerializable(typeof(HistoryJson))]
internal sealed partial class ReleaseHistoryJsonContext : JsonSerializerContext;
