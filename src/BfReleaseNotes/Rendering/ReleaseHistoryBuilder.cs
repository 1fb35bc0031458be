using System.Collections.Immutable;
using BfReleaseNotes.Model;

namespace BfReleaseNotes.Rendering;

/// <summary>
/// Builds the release history the app shows from parsed published files, without reading or writing anything:
/// valid releases newest first (SemVer precedence), Public then Beta, each entry as markdown and safe HTML with a
/// stable id. Files with errors are left out (except for refused link URLs, which render as text); their
/// diagnostics travel with the history.
/// </summary>
/// <example>
/// <code>
/// var files = folder.PublishedFiles().Select(file => ReleaseNotesFolder.Read(file.Path, DocumentKind.Published));
/// var history = ReleaseHistoryBuilder.Build(files, new RenderOptions(Audience.Public));
/// string json = ReleaseHistoryJson.Serialize(history);
/// </code>
/// </example>
public static class ReleaseHistoryBuilder
{
    /// <summary>Builds the history of the given parsed published files, in any order.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The options' heading level is outside 1 to 3.</exception>
    public static ReleaseHistory Build(IEnumerable<ParsedFile> publishedFiles, RenderOptions options)
    {
        ArgumentNullException.ThrowIfNull(publishedFiles);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var releases = new List<RenderedRelease>();
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        foreach (var parsed in publishedFiles)
        {
            diagnostics.AddRange(parsed.Diagnostics);
            // A refused link URL is the one error rendering itself makes harmless (the link becomes text), so one bad
            // link does not hide a release from users; its diagnostic still makes the command fail.
            if (parsed.Document is { Version: not null, Date: not null } document && parsed.Errors.All(error => error.Code == DiagnosticCodes.UnsafeLinkUrl))
            {
                releases.Add(BuildRelease(document, options));
            }
        }

        // Newest first; versions equal in precedence ('1.0.0+a', '1.0.0+b') keep one order on every run.
        releases.Sort((left, right) =>
        {
            var byPrecedence = right.Version.ComparePrecedenceTo(left.Version);
            return byPrecedence != 0 ? byPrecedence : right.Version.CompareSortOrderTo(left.Version);
        });
        return new ReleaseHistory([.. releases], diagnostics.ToImmutable()) { Options = options };
    }

    /// <summary>Renders one valid published document (what <c>show</c> and a single-release page need).</summary>
    /// <exception cref="ArgumentException">The document has no version or date (it did not parse cleanly).</exception>
    /// <exception cref="ArgumentOutOfRangeException">The options' heading level is outside 1 to 3.</exception>
    public static RenderedRelease BuildRelease(ReleaseNotesDocument document, RenderOptions options)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (document.Version is null || document.Date is null)
        {
            throw new ArgumentException("Only a valid published document can be rendered.", nameof(document));
        }

        var releaseId = FragmentIds.ForRelease(document.Version);
        // Reference links ('[#123]') resolve against the file's own definitions.
        var definitions = string.Concat(document.LinkReferenceDefinitions.Select(definition => definition.Text.TrimEnd('\r', '\n') + "\n"));
        var entryHeadingLevel = options.HeadingLevel + 3;
        var usedIds = new HashSet<string>(StringComparer.Ordinal);
        var sections = ImmutableArray.CreateBuilder<RenderedSection>();
        foreach (var section in document.Sections)
        {
            if (section.Visibility is not { } visibility || !(visibility == Visibility.Public || (options.IncludesBeta && visibility == Visibility.Beta)))
            {
                continue;
            }

            var sectionId = $"{releaseId}-{visibility.ToString().ToLowerInvariant()}";
            var changes = ImmutableArray.CreateBuilder<RenderedChange>();
            foreach (var changeType in section.ChangeTypes)
            {
                if (changeType.Type is not { } type || !changeType.DirectEntries.Any())
                {
                    continue;
                }

                var entries = changeType.DirectEntries.Select(entry =>
                {
                    var markdown = entry.Markdown;
                    return new RenderedEntry(UniqueId(FragmentIds.ForEntry(releaseId, markdown), usedIds), markdown,
                        EntryHtml.Render(markdown, definitions, entryHeadingLevel));
                });
                changes.Add(new RenderedChange($"{sectionId}-{type.ToString().ToLowerInvariant()}", type, [.. entries]));
            }

            if (changes.Count > 0)
            {
                sections.Add(new RenderedSection(sectionId, visibility, changes.ToImmutable()));
            }
        }

        return new RenderedRelease(document.Version, document.Date.Value, sections.ToImmutable()) { HeadingLevel = options.HeadingLevel };
    }

    private static string UniqueId(string id, HashSet<string> used)
    {
        var candidate = id;
        for (var n = 2; !used.Add(candidate); n++)
        {
            candidate = $"{id}-{n}";
        }

        return candidate;
    }
}
