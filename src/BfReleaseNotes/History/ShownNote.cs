using BfReleaseNotes.Model;
using Semver;

namespace BfReleaseNotes.History;

/// <summary>One published note, ready to print in each format <c>show</c> offers.</summary>
/// <param name="Version">The release version.</param>
/// <param name="Date">The release date.</param>
/// <param name="File">The published file.</param>
/// <param name="Markdown">
/// The note as markdown: the file byte for byte, unless Beta was left out (then the rest stays byte for byte and
/// the link definitions the remaining entries need are kept) or the title was (then the text starts at the first
/// line after the title's blank lines).
/// </param>
/// <param name="Document">The parsed published file, for the HTML and JSON forms.</param>
/// <param name="IncludeBeta">False when Beta is left out.</param>
/// <param name="WithoutTitle">True when the title is left out.</param>
public sealed record ShownNote(SemVersion Version, DateOnly Date, string File, string Markdown, ReleaseNotesDocument Document, bool IncludeBeta, bool WithoutTitle)
{
    /// <summary>The note as an HTML fragment, rendered as <c>render</c> renders it (raw HTML in notes escaped).</summary>
    public string ToHtml() => NoteRendering.Html(Document, IncludeBeta, WithoutTitle);

    /// <summary>
    /// The note as JSON: <c>version</c>, <c>date</c>, <c>file</c>, <c>markdown</c> (as <see cref="Markdown"/>),
    /// <c>html</c> (as <see cref="ToHtml"/>) and <c>sections</c> &gt; <c>changes</c> &gt; <c>entries</c>
    /// (each entry's markdown and HTML).
    /// </summary>
    public string ToJson() => NoteRendering.Json(this);
}
