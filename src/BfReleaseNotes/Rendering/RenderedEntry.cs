namespace BfReleaseNotes.Rendering;

/// <summary>An entry as markdown (without its bullet) and as safe HTML.</summary>
/// <param name="Id">
/// Fragment identifier, stable across runs: the release's id, a slug of the entry's first words and a hash of its text
/// (<c>v1_42_0-pdf-export-3fa2b1</c>); a second entry with the same text in the release gets <c>-2</c>, and so on.
/// </param>
/// <param name="Markdown">The entry's markdown, exactly as written (without the bullet and the item's indentation).</param>
/// <param name="Html">
/// The entry rendered to HTML: reference links resolved, raw HTML escaped, links and images whose URL
/// <see cref="LinkPolicy"/> refuses reduced to their text, headings demoted below the change-type heading.
/// </param>
public sealed record RenderedEntry(string Id, string Markdown, string Html);
