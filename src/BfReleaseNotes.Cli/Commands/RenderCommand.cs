using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using BfReleaseNotes.Rendering;
using BfReleaseNotes.Workspace;

namespace BfReleaseNotes.Cli.Commands;

/// <summary><c>render</c>: the published release history for the app, as an HTML fragment or JSON.</summary>
internal static class RenderCommand
{
    public static Command Create(CliContext context)
    {
        var dir = CommonOptions.Dir();
        var format = new Option<string>("--format") { Description = "html (a fragment to embed) or json (for the app to lay out itself).", DefaultValueFactory = _ => "html" };
        format.AcceptOnlyFromAmong("html", "json");
        var publicOnly = new Option<bool>("--public-only") { Description = "Leave out the Beta sections (for users outside the beta programme)." };
        var command = new Command("render", "Render every published release, newest first, for the app. Raw HTML in notes is escaped.\n" + ExitCodes.Help + " Exit 1 when a published file has errors (it is left out and reported).")
        {
            dir, format, publicOnly,
        };
        command.SetAction(parse =>
        {
            var history = ReleaseHistoryRenderer.Render(CommonOptions.Folder(context, parse.GetValue(dir)), includeBeta: !parse.GetValue(publicOnly));
            if (parse.GetValue(format) == "json")
            {
                var json = new RenderedHistoryJson([.. history.Releases.Select(release => new RenderedReleaseJson(
                    release.Version.ToString(),
                    release.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    [.. release.Sections.Select(section => new RenderedSectionJson(section.Visibility.ToString(), [.. section.Changes.Select(change =>
                        new RenderedChangeJson(change.Type.ToString(), [.. change.Entries.Select(entry => new RenderedEntryJson(entry.Markdown, entry.Html))]))]))]))]);
                context.Out.WriteLine(JsonSerializer.Serialize(json, RenderJsonContext.Default.RenderedHistoryJson));
            }
            else
            {
                context.Out.Write(ReleaseHistoryRenderer.ToHtml(history.Releases));
            }

            CommonOptions.PrintDiagnostics(context, history.Diagnostics);
            return history.HasErrors ? ExitCodes.ContentProblems : ExitCodes.Ok;
        });
        return command;
    }
}

internal sealed record RenderedEntryJson(string Markdown, string Html);

internal sealed record RenderedChangeJson(string Type, IReadOnlyList<RenderedEntryJson> Entries);

internal sealed record RenderedSectionJson(string Visibility, IReadOnlyList<RenderedChangeJson> Changes);

internal sealed record RenderedReleaseJson(string Version, string Date, IReadOnlyList<RenderedSectionJson> Sections);

internal sealed record RenderedHistoryJson(IReadOnlyList<RenderedReleaseJson> Releases);

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(RenderedHistoryJson))]
internal sealed partial class RenderJsonContext : JsonSerializerContext;
