using System.CommandLine;
using BfReleaseNotes.Rendering;
using BfReleaseNotes.Workspace;

namespace BfReleaseNotes.Cli.Commands;

/// <summary>
/// <c>render</c>: the published release history for the app: an HTML fragment, JSON, an Atom feed, a standalone
/// page, or all of them in a folder. The library builds and formats; this file maps options and prints.
/// </summary>
internal static class RenderCommand
{
    public static Command Create(CliContext context)
    {
        var dir = CommonOptions.Dir();
        var project = CommonOptions.Project();
        var format = new Option<string>("--format") { Description = "html (a fragment to embed), json (the versioned contract, see schemas/release-history.schema.json) or atom (an Atom 1.0 feed; needs --base-url).", DefaultValueFactory = _ => "html" };
        format.AcceptOnlyFromAmong("html", "json", "atom");
        var publicOnly = new Option<bool>("--public-only") { Description = "Leave out the Beta sections (the same as --audience public)." };
        var audience = new Option<string>("--audience") { Description = "public (Public sections only) or beta (Public and Beta; the default).", DefaultValueFactory = _ => "beta" };
        audience.AcceptOnlyFromAmong("public", "beta");
        var headingLevel = new Option<int>("--heading-level") { Description = "The level of each release's heading in the fragment, 1 to 3 (default 2): sections one below, change types two below.", DefaultValueFactory = _ => RenderOptions.DefaultHeadingLevel };
        var baseUrl = new Option<string?>("--base-url") { Description = "The absolute address where the page is published (https://example.com/whats-new.html); the feed's links and ids start from it." };
        var title = new Option<string>("--title") { Description = "The page's and the feed's title.", DefaultValueFactory = _ => PageOptions.DefaultTitle };
        var page = new Option<string?>("--page") { Description = "Write one self-contained HTML page (table of contents, no scripts, strict Content-Security-Policy) to this file." };
        var output = new Option<string?>("--out") { Description = $"Write the page ({HistoryOutput.PageFileName}), the JSON ({HistoryOutput.JsonFileName}) and the feed ({HistoryOutput.FeedFileName}) into this folder; needs --base-url." };
        var command = new Command("render", "Render every published release, newest first, for the app. Raw HTML in notes is escaped and links other than http, https, mailto and relative ones become plain text.\n"
            + ExitCodes.Help + " Exit 1 when a published file has errors (it is reported; --page and --out then write nothing).")
        {
            dir, project, format, publicOnly, audience, headingLevel, baseUrl, title, page, output,
        };
        command.SetAction(parse =>
        {
            var chosenAudience = parse.GetValue(audience) == "public" || parse.GetValue(publicOnly) ? Audience.Public : Audience.Beta;
            if (parse.GetValue(publicOnly) && parse.GetResult(audience) is { Implicit: false } && parse.GetValue(audience) == "beta")
            {
                return Usage(context, "--public-only and --audience beta contradict each other; give one of them");
            }

            var level = parse.GetValue(headingLevel);
            if (level is < 1 or > RenderOptions.MaximumHeadingLevel)
            {
                return Usage(context, $"--heading-level {level} is out of range; give 1, 2 or 3 (releases, sections, change types and headings inside entries must fit in h1 to h6)");
            }

            var pagePath = parse.GetValue(page);
            var outDir = parse.GetValue(output);
            var writesFiles = pagePath is not null || outDir is not null;
            if (writesFiles && parse.GetResult(headingLevel) is { Implicit: false } && level != RenderOptions.DefaultHeadingLevel)
            {
                return Usage(context, "--heading-level applies to the fragment only; a page puts its title in <h1> and the releases in <h2>");
            }

            Uri? pageUrl = null;
            if (parse.GetValue(baseUrl) is { } url)
            {
                if (!Uri.TryCreate(url, UriKind.Absolute, out pageUrl) || pageUrl.Scheme is not ("https" or "http"))
                {
                    return Usage(context, $"--base-url '{url}' is not an absolute http(s) address; give where the page is published, e.g. https://example.com/whats-new.html");
                }
            }
            else if (outDir is not null || parse.GetValue(format) == "atom")
            {
                return Usage(context, "the Atom feed's ids and links need the page's address; add --base-url https://example.com/whats-new.html (where the page is published)");
            }

            var folder = CommonOptions.Folder(context, parse.GetValue(dir), parse.GetValue(project));
            var history = ReleaseHistoryRenderer.Render(folder, new RenderOptions(chosenAudience, level));
            CommonOptions.PrintDiagnostics(context, history.Diagnostics);
            var feedOptions = pageUrl is null ? null : new FeedOptions(pageUrl, parse.GetValue(title)!);
            var pageOptions = new PageOptions(parse.GetValue(title)!);
            if (!writesFiles)
            {
                context.Out.Write(parse.GetValue(format) switch
                {
                    "json" => ReleaseHistoryJson.Serialize(history) + "\n",
                    "atom" => AtomFeedFormatter.Format(history, feedOptions!),
                    _ => HtmlFragmentFormatter.Format(history.Releases),
                });
                return history.HasErrors ? ExitCodes.ContentProblems : ExitCodes.Ok;
            }

            if (history.HasErrors)
            {
                context.Error.WriteLine("error: a published file has errors (listed above); fix them (see 'bf-release-notes lint') and render again. No file was written.");
                return ExitCodes.ContentProblems;
            }

            var files = new List<(string Path, string Content)>();
            if (pagePath is not null)
            {
                files.Add((context.Resolve(pagePath), HtmlPageFormatter.Format(history, pageOptions)));
            }

            if (outDir is not null)
            {
                var root = context.Resolve(outDir);
                files.Add((Path.Combine(root, HistoryOutput.PageFileName), HtmlPageFormatter.Format(history, pageOptions with { FeedHref = HistoryOutput.FeedFileName })));
                files.Add((Path.Combine(root, HistoryOutput.JsonFileName), ReleaseHistoryJson.Serialize(history) + "\n"));
                files.Add((Path.Combine(root, HistoryOutput.FeedFileName), AtomFeedFormatter.Format(history, feedOptions! with { FeedUrl = new Uri(pageUrl!, HistoryOutput.FeedFileName) })));
            }

            foreach (var written in HistoryOutput.Write(folder, files))
            {
                context.Out.WriteLine($"wrote {written}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static int Usage(CliContext context, string message)
    {
        context.Error.WriteLine($"error: {message}");
        return ExitCodes.CouldNotRun;
    }
}
