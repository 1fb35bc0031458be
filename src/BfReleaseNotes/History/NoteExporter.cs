using System.Collections.Immutable;
using BfReleaseNotes.Markdown;
using BfReleaseNotes.Model;
using BfReleaseNotes.Promotion;
using BfReleaseNotes.Workspace;
using Semver;

namespace BfReleaseNotes.History;

/// <summary>
/// Gives one published note back as text for other tools: a GitLab Release description, semantic-release's
/// notes, a chat message. The markdown is the file itself, byte for byte, unless asked to leave out the title
/// or the Beta section.
/// </summary>
/// <example>
/// <code>
/// var outcome = NoteExporter.Show(new ReleaseNotesFolder("release-notes"), new ShowRequest("latest", PublicOnly: false, WithoutTitle: true));
/// if (outcome.Note is { } note) File.WriteAllText("release-description.md", note.Markdown);
/// </code>
/// </example>
public static class NoteExporter
{
    /// <summary>Finds, parses and prepares one published note.</summary>
    /// <exception cref="EnvironmentException">The folder does not exist, or the file cannot be read.</exception>
    public static ShowOutcome Show(ReleaseNotesFolder folder, ShowRequest request)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(request);
        folder.EnsureExists();
        var published = folder.PublishedFiles();
        string path;
        if (string.Equals(request.Version.Trim(), ShowRequest.Latest, StringComparison.OrdinalIgnoreCase))
        {
            if (published.Count == 0)
            {
                return NotFound($"{folder.Path} holds no published release yet; promote one first ('bf-release-notes promote')");
            }

            path = published[0].Path;
        }
        else
        {
            if (!SemVersion.TryParse(request.Version.Trim().TrimStart('v'), SemVersionStyles.Strict, out var version))
            {
                return NotFound($"'{request.Version}' is not a version; give a published version such as 1.42.0, or 'latest'");
            }

            var match = published.FirstOrDefault(file => file.Version.ComparePrecedenceTo(version) == 0 && file.Version.Metadata == version.Metadata);
            if (match.Path is null)
            {
                var known = published.Count == 0 ? "none yet" : string.Join(", ", published.Take(5).Select(file => file.Version.ToString())) + (published.Count > 5 ? ", ..." : string.Empty);
                return NotFound($"release {version} is not published in {folder.Path} (published, newest first: {known})");
            }

            path = match.Path;
        }

        var parsed = ReleaseNotesFolder.Read(path, DocumentKind.Published);
        if (!parsed.IsValid || parsed.Document.Version is null || parsed.Document.Date is null)
        {
            return new ShowOutcome(ShowStatus.Invalid, null, parsed.Diagnostics, $"{path} has errors (listed as file:line:col); fix them ('bf-release-notes lint {path}') before publishing it anywhere");
        }

        var document = parsed.Document;
        var markdown = Markdown(document, request.PublicOnly, request.WithoutTitle);
        var note = new ShownNote(document.Version, document.Date.Value, path, markdown, document, !request.PublicOnly, request.WithoutTitle);
        return new ShowOutcome(ShowStatus.Shown, note, parsed.Diagnostics, null);
    }

    /// <summary>
    /// The note a planned promotion would publish, as <see cref="Show"/> will print it once the plan is applied:
    /// what semantic-release's <c>generateNotesCmd</c> prints before its <c>prepareCmd</c> promotes.
    /// </summary>
    public static string PlannedMarkdown(PromotionPlan plan, bool publicOnly, bool withoutTitle)
    {
        ArgumentNullException.ThrowIfNull(plan);
        // The plan's file passed the conservation proof, which parses it cleanly.
        var parsed = ReleaseNotesParser.Parse(plan.PublishedContent, DocumentKind.Published, plan.PublishedPath);
        return Markdown(parsed.Document ?? throw new InvalidOperationException("a planned note always parses"), publicOnly, withoutTitle);
    }

    /// <summary>The note's markdown: the file's text, less Beta and the title when asked.</summary>
    internal static string Markdown(ReleaseNotesDocument document, bool publicOnly, bool withoutTitle)
    {
        var text = document.ToText();
        if (publicOnly && document.Sections.Any(section => section.Visibility == Visibility.Beta))
        {
            var kept = document with { Sections = [.. document.Sections.Where(section => section.Visibility != Visibility.Beta)] };
            text = TrimTrailingBlankLines(kept.ToText());
            // Definitions usually stand at the end of the file, inside the last (Beta) section: keep the ones the Public entries use.
            var present = kept.LinkReferenceDefinitions.Select(definition => definition.Label).ToHashSet(StringComparer.Ordinal);
            var entries = kept.AllEntries.Select(entry => new PublishedEntry(Visibility.Public, ChangeType.Added, entry.Text));
            var missing = Promoter.UsedDefinitions(entries, document.LinkReferenceDefinitions).Where(definition => !present.Contains(definition.Label)).ToList();
            if (missing.Count > 0)
            {
                text += BlankLines.PaddingFor(text, document.LineEnding) + string.Concat(missing.Select(definition => definition.Text.TrimEnd('\r', '\n') + document.LineEnding));
            }
        }

        if (withoutTitle && document.Preamble.FirstOrDefault() is Heading { Level: 1 } title && text.StartsWith(title.Text, StringComparison.Ordinal))
        {
            text = text[title.Text.Length..];
            while (FirstLineIsBlank(text, out var length))
            {
                text = text[length..];
            }
        }

        return text;
    }

    private static ShowOutcome NotFound(string message) => new(ShowStatus.NotFound, null, ImmutableArray<Diagnostic>.Empty, message);

    private static bool FirstLineIsBlank(string text, out int length)
    {
        var end = text.IndexOf('\n', StringComparison.Ordinal);
        length = end + 1;
        return end >= 0 && string.IsNullOrWhiteSpace(text[..end]);
    }

    /// <summary>Drops whole blank lines at the end (never a byte of an entry's own line), leaving one line ending.</summary>
    private static string TrimTrailingBlankLines(string text)
    {
        while (BlankLines.AtEnd(text))
        {
            var withoutLastEnding = text[..^1].TrimEnd('\r');
            text = text[..(withoutLastEnding.LastIndexOf('\n') + 1)];
        }

        return text;
    }
}
