using System.Collections.Immutable;
using BfReleaseNotes.Markdown;
using BfReleaseNotes.Model;

namespace BfReleaseNotes.Linting;

/// <summary>
/// Puts misplaced-but-unambiguous content into canonical form: heading case, section order, bullet markers and
/// a byte-order mark. Entry text never changes (apart from a non-canonical bullet character), and the fixed
/// text must parse with the same entries, or nothing is returned.
/// </summary>
public static class LintFixer
{
    /// <summary>
    /// Fixes what can be fixed. Returns the fixed text and its new parse; <see cref="FixResult.Changed"/> is false
    /// when there was nothing to fix, or when the fix would change how an entry reads (then the original parse is
    /// returned, with its problems). The caller writes the text only when the new parse has no errors.
    /// </summary>
    public static FixResult Fix(ParsedFile parsed) => Fix(parsed, []);

    /// <summary>
    /// Fixes what can be fixed, as <see cref="Fix(ParsedFile)"/>, and also what merges leave behind in the working
    /// file: a section or flag group written twice is merged into the first (the later one's entries move, byte for
    /// byte, after the first one's), an entry written twice keeps its first copy, and an entry already in one of
    /// <paramref name="published"/> is removed (<see cref="RepublishedEntries"/>). Every other entry is kept.
    /// </summary>
    /// <param name="parsed">The parsed file.</param>
    /// <param name="published">The published files beside a working file (empty for a published file).</param>
    public static FixResult Fix(ParsedFile parsed, IReadOnlyList<ParsedFile> published)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        ArgumentNullException.ThrowIfNull(published);
        if (parsed.Document is null)
        {
            return new FixResult(parsed, null, false);
        }

        // With an error no fix can remove, nothing would be written anyway; and a file that is not yet in the
        // shape of the format is not safe to rearrange.
        if (parsed.Errors.Any(error => !error.Fixable))
        {
            return new FixResult(parsed, parsed.Document.ToText(), false);
        }

        var original = parsed.Document;
        var eol = original.LineEnding;
        var removed = parsed.Diagnostics.Where(diagnostic => diagnostic.Code == DiagnosticCodes.DuplicateEntry)
            .Concat(RepublishedEntries.Find(parsed, published))
            .Select(diagnostic => diagnostic.Position).ToHashSet();
        var kept = removed.Count == 0 ? original : DuplicateMerger.RemoveEntries(original, removed);
        kept = DuplicateMerger.MergeDuplicates(kept, eol);
        var sections = kept.Sections.Select(section => FixSection(section, eol)).ToImmutableArray();
        sections = Reorder(sections, section => section.Visibility.HasValue ? (int)section.Visibility.Value : int.MaxValue, section => AppendTrailing(section, eol));
        var preamble = original.Preamble.Select(part => part is Heading { Level: 1 } heading && original.Kind == DocumentKind.Unreleased
            && heading.Title.Equals("Unreleased", StringComparison.OrdinalIgnoreCase) && heading.Title != "Unreleased"
                ? heading with { Text = "# Unreleased" + LineEndingOf(heading.Text) }
                : part).ToImmutableArray();
        var fixedDocument = original with { Preamble = preamble, Sections = sections, HasByteOrderMark = false };

        var text = fixedDocument.ToText();
        var bytes = fixedDocument.ToBytes();
        var reparsed = ReleaseNotesParser.Parse(bytes, original.Kind, parsed.File);
        var changed = !bytes.AsSpan().SequenceEqual(original.ToBytes());
        if (reparsed.Document is null || !SameEntries(kept, reparsed.Document))
        {
            // Moving a section can change how markdown reads what follows it (an unclosed HTML comment or an
            // open code fence swallows the next section). Then nothing is fixed: the original problems stay
            // reported and nothing is written.
            return new FixResult(parsed, original.ToText(), false);
        }

        var left = RepublishedEntries.Find(reparsed, published);
        return new FixResult(left.IsEmpty ? reparsed : reparsed with { Diagnostics = reparsed.Diagnostics.AddRange(left) }, text, changed);
    }

    private static VisibilitySection FixSection(VisibilitySection section, string eol)
    {
        var heading = section.Visibility is { } visibility && section.Heading.Title != visibility.ToString()
            ? section.Heading with { Text = ReleaseNotesWriter.HeadingLine(visibility, LineEndingOf(section.Heading.Text)) }
            : section.Heading;
        var changeTypes = section.ChangeTypes.Select(FixChangeType).ToImmutableArray();
        changeTypes = Reorder(changeTypes, changeType => changeType.Type.HasValue ? (int)changeType.Type.Value : int.MaxValue, changeType => AppendTrailing(changeType, eol));
        return section with { Heading = heading, Leading = FixMarkers(section.Leading), ChangeTypes = changeTypes };
    }

    private static ChangeTypeSection FixChangeType(ChangeTypeSection section)
    {
        var heading = section.Type is { } type && section.Heading.Title != type.ToString()
            ? section.Heading with { Text = ReleaseNotesWriter.HeadingLine(type, LineEndingOf(section.Heading.Text)) }
            : section.Heading;
        var groups = section.FlagGroups.Select(group =>
        {
            var groupHeading = group.Key is { } key && group.Heading.Title != $"Flag: `{key}`"
                ? group.Heading with { Text = ReleaseNotesWriter.FlagHeadingLine(key, LineEndingOf(group.Heading.Text)) }
                : group.Heading;
            return group with { Heading = groupHeading, Body = FixMarkers(group.Body) };
        }).ToImmutableArray();
        return section with { Heading = heading, Body = FixMarkers(section.Body), FlagGroups = groups };
    }

    private static ImmutableArray<DocumentPart> FixMarkers(ImmutableArray<DocumentPart> parts) =>
        parts.Select(part => part is Entry { Marker: '*' or '+' } entry ? entry.WithMarker('-') : part).ToImmutableArray();

    /// <summary>
    /// Sorts sections into canonical order (stable; unknown ones last). When the order changes, every section
    /// but the last ends with a blank line, so a section that was last in the file still reads as its own block.
    /// </summary>
    private static ImmutableArray<T> Reorder<T>(ImmutableArray<T> items, Func<T, int> rank, Func<T, T> padEnd)
        where T : DocumentPart
    {
        var sorted = items.Select((item, index) => (item, index)).OrderBy(pair => rank(pair.item)).ThenBy(pair => pair.index).Select(pair => pair.item).ToImmutableArray();
        if (sorted.SequenceEqual(items))
        {
            return items;
        }

        return [.. sorted.Select((item, index) => index < sorted.Length - 1 ? padEnd(item) : item)];
    }

    private static VisibilitySection AppendTrailing(VisibilitySection section, string eol)
    {
        var padding = BlankLines.PaddingFor(section.ToText(), eol);
        if (padding.Length == 0)
        {
            return section;
        }

        return section.ChangeTypes.Length > 0
            ? section with { ChangeTypes = section.ChangeTypes.SetItem(section.ChangeTypes.Length - 1, AppendTrailing(section.ChangeTypes[^1], eol)) }
            : section with { Leading = section.Leading.Add(new Trivia(padding, TriviaKind.Blank)) };
    }

    private static ChangeTypeSection AppendTrailing(ChangeTypeSection section, string eol)
    {
        var padding = BlankLines.PaddingFor(section.ToText(), eol);
        if (padding.Length == 0)
        {
            return section;
        }

        var blank = new Trivia(padding, TriviaKind.Blank);
        return section.FlagGroups.Length > 0
            ? section with { FlagGroups = section.FlagGroups.SetItem(section.FlagGroups.Length - 1, section.FlagGroups[^1] with { Body = section.FlagGroups[^1].Body.Add(blank) }) }
            : section with { Body = section.Body.Add(blank) };
    }

    private static string LineEndingOf(string text) =>
        text.EndsWith("\r\n", StringComparison.Ordinal) ? "\r\n" : text.EndsWith('\n') ? "\n" : string.Empty;

    private static bool SameEntries(ReleaseNotesDocument before, ReleaseNotesDocument after)
    {
        var left = before.AllEntries.Select(entry => entry.Markdown).Order(StringComparer.Ordinal);
        var right = after.AllEntries.Select(entry => entry.Markdown).Order(StringComparer.Ordinal);
        return left.SequenceEqual(right, StringComparer.Ordinal);
    }
}
