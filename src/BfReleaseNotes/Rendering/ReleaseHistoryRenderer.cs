using BfReleaseNotes.Model;
using BfReleaseNotes.Workspace;

namespace BfReleaseNotes.Rendering;

/// <summary>
/// Reads a release-notes folder and renders its published history for the app that shows it beside its help pages.
/// The reading is all this type adds: <see cref="ReleaseHistoryBuilder"/> builds the model without I/O, and
/// <see cref="HtmlFragmentFormatter"/>, <see cref="HtmlPageFormatter"/>, <see cref="ReleaseHistoryJson"/> and
/// <see cref="AtomFeedFormatter"/> turn it into the fragment, the page, the JSON and the feed.
/// </summary>
/// <example>
/// <code>
/// var history = ReleaseHistoryRenderer.Render(new ReleaseNotesFolder("release-notes"), new RenderOptions(Audience.Public));
/// string html = HtmlFragmentFormatter.Format(history.Releases);
/// </code>
/// </example>
public static class ReleaseHistoryRenderer
{
    /// <summary>Parses every published file of the folder and renders the valid ones; files with errors are reported, not shown.</summary>
    /// <exception cref="EnvironmentException">The folder does not exist or a file cannot be read.</exception>
    public static ReleaseHistory Render(ReleaseNotesFolder folder, RenderOptions options)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(options);
        folder.EnsureExists();
        return ReleaseHistoryBuilder.Build(folder.PublishedFiles().Select(file => ReleaseNotesFolder.Read(file.Path, DocumentKind.Published)), options);
    }

    /// <summary>As <see cref="Render(ReleaseNotesFolder, RenderOptions)"/> with the Public audience, or Beta when <paramref name="includeBeta"/>.</summary>
    public static ReleaseHistory Render(ReleaseNotesFolder folder, bool includeBeta) =>
        Render(folder, new RenderOptions(includeBeta ? Audience.Beta : Audience.Public));

    /// <summary>Renders one valid published document; see <see cref="ReleaseHistoryBuilder.BuildRelease"/>.</summary>
    /// <exception cref="ArgumentException">The document has no version or date (it did not parse cleanly).</exception>
    public static RenderedRelease Render(ReleaseNotesDocument document, bool includeBeta) =>
        ReleaseHistoryBuilder.BuildRelease(document, new RenderOptions(includeBeta ? Audience.Beta : Audience.Public));

    /// <summary>The HTML fragment of the releases; see <see cref="HtmlFragmentFormatter"/>.</summary>
    public static string ToHtml(IEnumerable<RenderedRelease> releases) => HtmlFragmentFormatter.Format(releases);
}
