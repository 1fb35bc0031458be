using System.Collections.Immutable;
using System.Globalization;
using System.Net;
using System.Text;
using BfReleaseNotes.Model;
using BfReleaseNotes.Workspace;
using Markdig;

namespace BfReleaseNotes.Rendering;

/// <summary>
/// Renders the published release history for the app that shows it beside its help pages: newest release
/// first, Public then (optionally) Beta, each entry as markdown and as HTML. Raw HTML in notes is escaped,
/// so a note can never inject markup into the app.
/// </summary>
/// <example>
/// <code>
/// var history = ReleaseHistoryRenderer.Render(new ReleaseNotesFolder("release-notes"), includeBeta: false);
/// string html = ReleaseHistoryRenderer.ToHtml(history.Releases);
/// </code>
/// </example>
public static class ReleaseHistoryRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();

    /// <summary>Parses every published file of the folder and renders the valid ones; files with errors are reported, not shown.</summary>
    public static ReleaseHistory Render(ReleaseNotesFolder folder, bool includeBeta)
    {
        ArgumentNullException.ThrowIfNull(folder);
        folder.EnsureExists();
        var releases = ImmutableArray.CreateBuilder<RenderedRelease>();
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        foreach (var (path, _) in folder.PublishedFiles())
        {
            var parsed = ReleaseNotesFolder.Read(path, DocumentKind.Published);
            diagnostics.AddRange(parsed.Diagnostics);
            if (parsed.IsValid && parsed.Document.Version is not null && parsed.Document.Date is not null)
            {
                releases.Add(Render(parsed.Document, includeBeta));
            }
        }

        return new ReleaseHistory(releases.ToImmutable(), diagnostics.ToImmutable());
    }

    /// <summary>Renders one valid published document.</summary>
    /// <exception cref="ArgumentException">The document has no version or date (it did not parse cleanly).</exception>
    public static RenderedRelease Render(ReleaseNotesDocument document, bool includeBeta)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Version is null || document.Date is null)
        {
            throw new ArgumentException("Only a valid published document can be rendered.", nameof(document));
        }

        // Reference links ('[#123]') resolve against the file's own definitions.
        var definitions = string.Concat(document.LinkReferenceDefinitions.Select(definition => definition.Text.TrimEnd('\r', '\n') + "\n"));
        var sections = document.Sections
            .Where(section => section.Visibility == Visibility.Public || (includeBeta && section.Visibility == Visibility.Beta))
            .Select(section => new RenderedSection(section.Visibility!.Value, [.. section.ChangeTypes
                .Where(changeType => changeType.Type is not null && changeType.DirectEntries.Any())
                .Select(changeType => new RenderedChange(changeType.Type!.Value, [.. changeType.DirectEntries
                    .Select(entry => new RenderedEntry(entry.Markdown, ToHtml(entry.Markdown, definitions)))]))]))
            .Where(section => section.Changes.Length > 0)
            .ToImmutableArray();
        return new RenderedRelease(document.Version, document.Date.Value, sections);
    }

    /// <summary>
    /// One HTML fragment for a list of releases: a <c>&lt;section class="release"&gt;</c> per release with an
    /// <c>id</c> the app can link to (<c>v1.42.0</c>), headings per visibility and change type, entries as list items.
    /// </summary>
    public static string ToHtml(IEnumerable<RenderedRelease> releases)
    {
        ArgumentNullException.ThrowIfNull(releases);
        var html = new StringBuilder();
        foreach (var release in releases)
        {
            var version = WebUtility.HtmlEncode(release.Version.ToString());
            var date = release.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            html.Append(CultureInfo.InvariantCulture, $"<section class=\"release\" id=\"v{version}\">\n<h2>{version} <time datetime=\"{date}\">{date}</time></h2>\n");
            foreach (var section in release.Sections)
            {
                if (section.Visibility != Visibility.Public)
                {
                    html.Append(CultureInfo.InvariantCulture, $"<h3 class=\"visibility\">{section.Visibility}</h3>\n");
                }

                foreach (var change in section.Changes)
                {
                    html.Append(CultureInfo.InvariantCulture, $"<h4>{change.Type}</h4>\n<ul>\n");
                    foreach (var entry in change.Entries)
                    {
                        html.Append("<li>").Append(entry.Html.TrimEnd('\n')).Append("</li>\n");
                    }

                    html.Append("</ul>\n");
                }
            }

            html.Append("</section>\n");
        }

        return html.ToString();
    }

    private static string ToHtml(string markdown, string definitions)
    {
        string html;
        try
        {
            html = Markdig.Markdown.ToHtml(markdown + "\n\n" + definitions, Pipeline).TrimEnd('\n');
        }
        catch (ArgumentException exception) when (exception.Message.Contains("deeply nested", StringComparison.OrdinalIgnoreCase))
        {
            // Markup nested past Markdig's limit (thousands of '[' or '*'): show the text rather than fail the page.
            return WebUtility.HtmlEncode(markdown);
        }

        // A one-paragraph entry renders as <p>...</p>; inside a list item the paragraph adds nothing.
        return html.StartsWith("<p>", StringComparison.Ordinal) && html.EndsWith("</p>", StringComparison.Ordinal) && html.IndexOf("<p>", 1, StringComparison.Ordinal) < 0
            ? html[3..^4]
            : html;
    }
}
