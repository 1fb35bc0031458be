using System.Collections.Immutable;
using BfReleaseNotes.Markdown;
using BfReleaseNotes.Model;
using BfReleaseNotes.Workspace;

namespace BfReleaseNotes.Linting;

/// <summary>
/// The rule "a pending entry whose text equals an entry of a published file": such an entry was published already and
/// came back (git's <c>union</c> merge keeps the other side's copy of the lines the promotion deleted), so the next
/// promotion would publish it twice. One definition, used by <c>lint</c> (and <c>--fix</c>, which removes it from
/// <c>unreleased.md</c>: it is not lost, it is in the published file), <c>promote</c> (refuses) and <c>check</c>.
/// </summary>
public static class RepublishedEntries
{
    /// <summary>
    /// One error (<see cref="DiagnosticCodes.AlreadyPublished"/>) per entry of <paramref name="unreleased"/> whose text is
    /// an entry of one of <paramref name="published"/>, at the entry's position in the working file.
    /// </summary>
    /// <param name="unreleased">The parsed working file (nothing is reported when it did not parse).</param>
    /// <param name="published">The parsed published files (those that did not parse are skipped).</param>
    public static ImmutableArray<Diagnostic> Find(ParsedFile unreleased, IEnumerable<ParsedFile> published)
    {
        ArgumentNullException.ThrowIfNull(unreleased);
        ArgumentNullException.ThrowIfNull(published);
        if (unreleased.Document is not { Kind: DocumentKind.Unreleased } document)
        {
            return [];
        }

        var publishedIn = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in published)
        {
            foreach (var entry in file.Document?.AllEntries ?? [])
            {
                publishedIn.TryAdd(KeyOf(entry), Path.GetFileName(file.File));
            }
        }

        if (publishedIn.Count == 0)
        {
            return [];
        }

        var found = ImmutableArray.CreateBuilder<Diagnostic>();
        foreach (var entry in document.AllEntries)
        {
            if (publishedIn.TryGetValue(KeyOf(entry), out var name))
            {
                found.Add(new Diagnostic(DiagnosticCodes.AlreadyPublished, DiagnosticSeverity.Error, unreleased.File, entry.Position,
                    $"entry already published in {name}; a merge brought it back ('{ReleaseNotesParser.Shorten(KeyOf(entry).Split('\n')[0])}'); remove it from {Path.GetFileName(unreleased.File)} ('bf-release-notes lint --fix' does, and it stays in {name}), or the next promotion publishes it twice", Fixable: true));
            }
        }

        return found.ToImmutable();
    }

    /// <summary>The published files in the folder that holds <paramref name="unreleasedPath"/>, parsed.</summary>
    /// <exception cref="EnvironmentException">A published file cannot be read.</exception>
    public static IReadOnlyList<ParsedFile> PublishedBeside(string unreleasedPath)
    {
        ArgumentNullException.ThrowIfNull(unreleasedPath);
        var folder = new ReleaseNotesFolder(Path.GetDirectoryName(Path.GetFullPath(unreleasedPath))!);
        return [.. folder.PublishedFiles().Select(file => ReleaseNotesFolder.Read(file.Path, DocumentKind.Published))];
    }

    /// <summary>What makes two entries the same note: the markdown without bullet and indentation (line endings normalised).</summary>
    public static string KeyOf(Entry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.Markdown.TrimEnd();
    }
}
