using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace BfReleaseNotes.Rendering;

/// <summary>
/// One self-contained HTML page for a help site or a "What's new" link: a table of contents, then the releases as
/// in the fragment. No script, no external asset; the inline style sheet is allowed by its hash in a strict
/// <c>Content-Security-Policy</c> (<c>default-src 'none'</c>), so even markup that slipped through could not run.
/// </summary>
/// <example>
/// <code>
/// var history = ReleaseHistoryRenderer.Render(folder, RenderOptions.Default);
/// File.WriteAllText("whats-new.html", HtmlPageFormatter.Format(history, new PageOptions("What's new in Acme")));
/// </code>
/// </example>
public static class HtmlPageFormatter
{
    /// <summary>The page's only style: plain and readable, light or dark with the reader's setting.</summary>
    internal const string StyleSheet = """

        :root { color-scheme: light dark; }
        body { font: 16px/1.5 system-ui, sans-serif; max-width: 46rem; margin: 0 auto; padding: 1rem 1.5rem 4rem; }
        h1 { font-size: 2rem; margin-bottom: 0.5rem; }
        nav.toc ol { columns: 12rem; padding-left: 1.2rem; }
        nav.toc time, section.release > h2 time { color: GrayText; font-size: 0.85em; margin-left: 0.5em; white-space: nowrap; }
        section.release { border-top: 1px solid GrayText; margin-top: 2.5rem; }
        section.visibility.beta > h3::after { content: " (beta programme)"; font-weight: normal; font-size: 0.8em; }
        h4 { margin-bottom: 0.25rem; }
        li { margin: 0.25rem 0; }
        code, pre { font-family: ui-monospace, monospace; font-size: 0.9em; }
        pre { overflow-x: auto; padding: 0.5rem; border: 1px solid GrayText; }
        img { max-width: 100%; }

        """;

    /// <summary>The page's Content-Security-Policy: nothing but its own style sheet and https images.</summary>
    public static string ContentSecurityPolicy { get; } =
        $"default-src 'none'; style-src 'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(StyleSheet)))}'; img-src https:; base-uri 'none'; form-action 'none'";

    /// <summary>The whole page for a history rendered with heading level 2 (the page's title is its only h1).</summary>
    /// <exception cref="ArgumentException">The history was rendered with another heading level.</exception>
    public static string Format(ReleaseHistory history, PageOptions options)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(options);
        if (history.Releases.Any(release => release.HeadingLevel != 2))
        {
            throw new ArgumentException("a page puts its title in <h1> and the releases in <h2>: render the history with heading level 2", nameof(history));
        }

        var title = WebUtility.HtmlEncode(options.Title);
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"""
            <!DOCTYPE html>
            <html lang="{WebUtility.HtmlEncode(options.Language)}">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="{ContentSecurityPolicy}">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="referrer" content="no-referrer">
            <meta name="generator" content="bf-release-notes">
            <title>{title}</title>

            """);
        if (options.FeedHref is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<link rel=\"alternate\" type=\"application/atom+xml\" title=\"{title}\" href=\"{WebUtility.HtmlEncode(options.FeedHref)}\">\n");
        }

        html.Append("<style>").Append(StyleSheet).Append("</style>\n</head>\n<body>\n<main>\n");
        html.Append(CultureInfo.InvariantCulture, $"<h1>{title}</h1>\n");
        if (history.Releases.Length == 0)
        {
            html.Append("<p>No release has been published yet.</p>\n");
        }
        else
        {
            html.Append("<nav class=\"toc\" aria-labelledby=\"contents\">\n<h2 id=\"contents\">Contents</h2>\n<ol>\n");
            foreach (var release in history.Releases)
            {
                var date = release.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                html.Append(CultureInfo.InvariantCulture,
                    $"<li><a href=\"#{release.Id}\">{WebUtility.HtmlEncode(release.Version.ToString())}</a><time datetime=\"{date}\">{date}</time></li>\n");
            }

            html.Append("</ol>\n</nav>\n");
            html.Append(HtmlFragmentFormatter.Format(history.Releases));
        }

        html.Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }
}
