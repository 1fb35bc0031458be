using System.Globalization;
using System.Net;
using System.Text;
using BfReleaseNotes.Model;

namespace BfReleaseNotes.Rendering;

/// <summary>
/// The HTML fragment the app embeds: per release a <c>&lt;section class="release" id="v1_42_0"&gt;</c> with its
/// heading (version and <c>&lt;time&gt;</c>), per visibility a <c>&lt;section class="visibility public|beta"&gt;</c>
/// with its heading one level below, per change type a <c>&lt;section class="change added"&gt;</c> with its heading
/// two levels below and a <c>&lt;ul&gt;</c> of entries, each <c>&lt;li id="..."&gt;</c>. No level is skipped.
/// </summary>
/// <example>
/// <code>
/// string html = HtmlFragmentFormatter.Format(history.Releases);
/// </code>
/// </example>
public static class HtmlFragmentFormatter
{
    /// <summary>The fragment for the given releases, in the order given, each at its own <see cref="RenderedRelease.HeadingLevel"/>.</summary>
    public static string Format(IEnumerable<RenderedRelease> releases)
    {
        ArgumentNullException.ThrowIfNull(releases);
        var html = new StringBuilder();
        foreach (var release in releases)
        {
            Append(html, release);
        }

        return html.ToString();
    }

    /// <summary>The fragment for one release (what <c>show</c> prints).</summary>
    public static string Format(RenderedRelease release)
    {
        ArgumentNullException.ThrowIfNull(release);
        var html = new StringBuilder();
        Append(html, release);
        return html.ToString();
    }

    /// <summary>The display name of a visibility section's heading.</summary>
    internal static string Title(Visibility visibility) => visibility.ToString();

    private static void Append(StringBuilder html, RenderedRelease release)
    {
        var level = release.HeadingLevel;
        var version = WebUtility.HtmlEncode(release.Version.ToString());
        var date = release.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        html.Append(CultureInfo.InvariantCulture, $"<section class=\"release\" id=\"{release.Id}\">\n");
        html.Append(CultureInfo.InvariantCulture, $"<h{level}>{version} <time datetime=\"{date}\">{date}</time></h{level}>\n");
        foreach (var section in release.Sections)
        {
            var visibility = section.Visibility.ToString().ToLowerInvariant();
            html.Append(CultureInfo.InvariantCulture, $"<section class=\"visibility {visibility}\" id=\"{section.Id}\">\n");
            html.Append(CultureInfo.InvariantCulture, $"<h{level + 1}>{Title(section.Visibility)}</h{level + 1}>\n");
            foreach (var change in section.Changes)
            {
                var type = change.Type.ToString().ToLowerInvariant();
                html.Append(CultureInfo.InvariantCulture, $"<section class=\"change {type}\" id=\"{change.Id}\">\n");
                html.Append(CultureInfo.InvariantCulture, $"<h{level + 2}>{change.Type}</h{level + 2}>\n<ul>\n");
                foreach (var entry in change.Entries)
                {
                    html.Append(CultureInfo.InvariantCulture, $"<li id=\"{entry.Id}\">").Append(entry.Html).Append("</li>\n");
                }

                html.Append("</ul>\n</section>\n");
            }

            html.Append("</section>\n");
        }

        html.Append("</section>\n");
    }
}
