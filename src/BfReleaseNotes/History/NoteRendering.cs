using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using BfReleaseNotes.Model;
using BfReleaseNotes.Rendering;

namespace BfReleaseNotes.History;

/// <summary>
/// The one seam between <c>show</c> and the Rendering capability: <c>show --format html|json</c> renders a note
/// exactly as <c>render</c> does, through these two calls only, so a rework of Rendering touches this file alone.
/// </summary>
internal static class NoteRendering
{
    /// <summary>The release as <c>render</c>'s HTML fragment; without its <c>&lt;h2&gt;</c> title line when asked.</summary>
    public static string Html(ReleaseNotesDocument document, bool includeBeta, bool withoutTitle)
    {
        var html = ReleaseHistoryRenderer.ToHtml([ReleaseHistoryRenderer.Render(document, includeBeta)]);
        if (!withoutTitle)
        {
            return html;
        }

        // The fragment's second line is the release's title; a GitLab Release shows its own.
        var lines = html.Split('\n').ToList();
        var title = lines.FindIndex(line => line.StartsWith("<h2>", StringComparison.Ordinal));
        if (title >= 0)
        {
            lines.RemoveAt(title);
        }

        return string.Join('\n', lines);
    }

    /// <summary>The note as indented JSON (source-generated, so it works under NativeAOT).</summary>
    public static string Json(ShownNote note)
    {
        var rendered = ReleaseHistoryRenderer.Render(note.Document, note.IncludeBeta);
        var json = new ShownNoteJson(
            note.Version.ToString(),
            note.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            note.File,
            note.Markdown,
            note.ToHtml(),
            [.. rendered.Sections.Select(section => new ShownSectionJson(section.Visibility.ToString(), [.. section.Changes.Select(change =>
                new ShownChangeJson(change.Type.ToString(), [.. change.Entries.Select(entry => new ShownEntryJson(entry.Markdown, entry.Html))]))]))]);
        return JsonSerializer.Serialize(json, ShowJsonContext.Default.ShownNoteJson);
    }
}

internal sealed record ShownEntryJson(string Markdown, string Html);

internal sealed record ShownChangeJson(string Type, IReadOnlyList<ShownEntryJson> Entries);

internal sealed record ShownSectionJson(string Visibility, IReadOnlyList<ShownChangeJson> Changes);

internal sealed record ShownNoteJson(string Version, string Date, string File, string Markdown, string Html, IReadOnlyList<ShownSectionJson> Sections);

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ShownNoteJson))]
internal sealed partial class ShowJsonContext : JsonSerializerContext;
