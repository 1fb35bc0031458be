using System.Collections.Immutable;
using System.Text;
using Semver;

namespace BfReleaseNotes.Model;

/// <summary>
/// A parsed release-notes file: the preamble (title, free text, comments) and its visibility sections.
/// Immutable; operations return new documents. <see cref="ToText"/> gives back the exact source text of a
/// parsed document, so unchanged parts of a file keep every byte.
/// </summary>
/// <param name="Kind">Unreleased or published.</param>
/// <param name="Preamble">Everything before the first <c>##</c> heading, title included.</param>
/// <param name="Sections">The <c>##</c> sections in source order.</param>
public sealed record ReleaseNotesDocument(
    DocumentKind Kind,
    ImmutableArray<DocumentPart> Preamble,
    ImmutableArray<VisibilitySection> Sections)
{
    /// <summary>The file's dominant line ending (<c>"\n"</c> or <c>"\r\n"</c>); new text uses it.</summary>
    public string LineEnding { get; init; } = "\n";

    /// <summary>True when the source started with a UTF-8 byte-order mark; <see cref="ToBytes"/> writes it back.</summary>
    public bool HasByteOrderMark { get; init; }

    /// <summary>For a published file, the version from its title (null when missing or invalid).</summary>
    public SemVersion? Version { get; init; }

    /// <summary>For a published file, the date from its title (null when missing or invalid).</summary>
    public DateOnly? Date { get; init; }

    /// <summary>The first visibility section with the given visibility, or null.</summary>
    public VisibilitySection? Find(Visibility visibility) => Sections.FirstOrDefault(section => section.Visibility == visibility);

    /// <summary>Every entry in the document, in source order.</summary>
    public IEnumerable<Entry> AllEntries => Sections.SelectMany(section => section.AllEntries);

    /// <summary>Every link reference definition anywhere in the document, in source order.</summary>
    public IEnumerable<Trivia> LinkReferenceDefinitions => AllTrivia.Where(trivia => trivia.Kind == TriviaKind.LinkReferenceDefinition);

    /// <summary>Every trivia part anywhere in the document, in source order.</summary>
    public IEnumerable<Trivia> AllTrivia =>
        Preamble.OfType<Trivia>().Concat(Sections.SelectMany(section =>
            section.Leading.OfType<Trivia>().Concat(section.ChangeTypes.SelectMany(changeType =>
                changeType.Body.OfType<Trivia>().Concat(changeType.FlagGroups.SelectMany(group => group.Body.OfType<Trivia>()))))));

    /// <summary>The exact text of the document (without the byte-order mark).</summary>
    public string ToText()
    {
        var builder = new StringBuilder();
        foreach (var part in Preamble)
        {
            part.WriteTo(builder);
        }

        foreach (var section in Sections)
        {
            section.WriteTo(builder);
        }

        return builder.ToString();
    }

    /// <summary>The document as UTF-8 bytes, with the byte-order mark if the source had one.</summary>
    public byte[] ToBytes()
    {
        var text = Encoding.UTF8.GetBytes(ToText());
        return HasByteOrderMark ? [.. Encoding.UTF8.Preamble, .. text] : text;
    }
}
