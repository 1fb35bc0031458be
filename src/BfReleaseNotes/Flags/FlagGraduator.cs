using System.Collections.Immutable;
using System.Text;
using BfReleaseNotes.Editing;
using BfReleaseNotes.Markdown;
using BfReleaseNotes.Model;

namespace BfReleaseNotes.Flags;

/// <summary>
/// Graduates a feature flag: its entries leave Internal for the same change types of Public or Beta (after the
/// entries already there) and its flag groups disappear; the next promotion publishes them. Entry text moves
/// byte for byte; comments and link definitions inside a removed group stay where they were.
/// </summary>
public static class FlagGraduator
{
    /// <summary>Moves the entries of <paramref name="flag"/> to <paramref name="target"/>.</summary>
    /// <param name="document">A valid unreleased document.</param>
    /// <param name="flag">The flag key, exactly as in its heading.</param>
    /// <param name="target">Public or Beta.</param>
    /// <param name="file">The file name used in diagnostics.</param>
    /// <example><code>var result = FlagGraduator.Graduate(doc, "new-editor", Visibility.Beta, path);</code></example>
    public static GraduationResult Graduate(ReleaseNotesDocument document, string flag, Visibility target, string file)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(flag);
        if (target == Visibility.Internal)
        {
            return Refused("a flag graduates to beta or public, not to internal");
        }

        var groups = document.Sections
            .Where(section => section.Visibility == Visibility.Internal)
            .SelectMany(section => section.ChangeTypes.SelectMany(changeType => changeType.FlagGroups
                .Where(group => group.Key == flag)
                .Select(group => (Type: changeType.Type!.Value, Group: group))))
            .ToList();
        if (groups.Count == 0)
        {
            var known = FlagInventory.Collect(document).Select(status => status.Key).ToList();
            // Only flags that are close: a far-off name ("sso" for "new-edtor") is not a suggestion.
            var suggestions = Text.Suggestion.Closest(flag, known).ToImmutableArray();
            var message = known.Count == 0
                ? $"no flag '{flag}': the Internal section has no flag groups"
                : suggestions.Length > 0
                    ? $"no flag '{flag}' in the Internal section; did you mean {Text.Suggestion.OrList(suggestions)}?"
                    : $"no flag '{flag}' in the Internal section; the flags are {string.Join(", ", known)}";
            return new GraduationResult(GraduationStatus.UnknownFlag, null, null, [], suggestions, message);
        }

        // 1. Take the groups out, from the last to the first so earlier offsets stay valid.
        var layout = new DocumentLayout(document);
        var text = layout.Text;
        foreach (var (_, group) in groups.OrderByDescending(item => layout.Start(item.Group)))
        {
            var start = layout.Start(group.Heading);
            var end = layout.End(group);
            var kept = KeptTrivia(group, document.LineEnding, endsFile: end == text.Length);
            if (kept.Length == 0 && end == text.Length)
            {
                start = layout.BeforeTrailingBlankLines(start);
            }

            text = string.Concat(text.AsSpan(0, start), kept, text.AsSpan(end));
        }

        var withoutGroups = ReleaseNotesParser.Parse(text, DocumentKind.Unreleased, file);
        // Stryker disable once Block : the block is the safety net below, which no valid input reaches
        if (!withoutGroups.IsValid)
        {
            // Stryker disable once all : a safety net for a broken splice; no valid input reaches it
            return Refused("bug: removing the flag groups would leave the file invalid: " + string.Join("; ", withoutGroups.Errors.Select(error => error.Message)));
        }

        // 2. Add the entries, verbatim, to the target section: one insertion (one parse) per change type, so the
        // work grows with the file, not with the file times the number of entries.
        var current = withoutGroups.Document;
        var moved = ImmutableArray.CreateBuilder<(ChangeType, Entry)>();
        foreach (var byType in groups.GroupBy(item => item.Type).OrderBy(item => item.Key))
        {
            var entries = byType.SelectMany(item => item.Group.Entries).ToList();
            if (entries.Count == 0)
            {
                continue;
            }

            var added = EntryAdder.InsertMany(current, target, byType.Key, [.. entries.Select(entry => entry.Text)], file);
            // Stryker disable once Block : the block is the safety net below, which no valid input reaches
            if (!added.Succeeded)
            {
                // Stryker disable once all : a safety net for a broken insertion; no valid input reaches it
                return Refused("bug: the entries could not be moved: " + string.Join("; ", added.Diagnostics.Select(diagnostic => diagnostic.Message)));
            }

            current = added.Document!;
            moved.AddRange(entries.Select(entry => (byType.Key, entry)));
        }

        var before = document.AllEntries.Select(entry => entry.Content).Order(StringComparer.Ordinal);
        var after = current.AllEntries.Select(entry => entry.Content).Order(StringComparer.Ordinal);
        // Stryker disable once Block : the block is the safety net below, which no valid input reaches
        if (!before.SequenceEqual(after, StringComparer.Ordinal))
        {
            // Stryker disable once all : a safety net for a broken move; no valid input reaches it
            return Refused("bug: graduating would not conserve entries; nothing was written");
        }

        var finalText = current.ToText();
        return new GraduationResult(GraduationStatus.Graduated, current with { HasByteOrderMark = document.HasByteOrderMark }, finalText, moved.ToImmutable(), [], null);
    }

    /// <summary>
    /// Comments and link definitions of a removed group, verbatim from the first to the last (blank lines between
    /// them included), followed by a blank line unless the group ended the file.
    /// </summary>
    private static string KeptTrivia(FlagGroup group, string eol, bool endsFile)
    {
        var body = group.Body;
        var kept = Enumerable.Range(0, body.Length).Where(i => body[i] is Trivia { Kind: not TriviaKind.Blank }).ToList();
        var first = kept.Count > 0 ? kept[0] : -1;
        // Stryker disable once Unary : with nothing kept, first is -1 too and the method returns before reading last
        var last = kept.Count > 0 ? kept[^1] : -1;
        if (first < 0)
        {
            return string.Empty;
        }

        var builder = new StringBuilder();
        for (var i = first; i <= last; i++)
        {
            body[i].WriteTo(builder);
        }

        if (builder[^1] != '\n')
        {
            builder.Append(eol);
        }

        if (!endsFile)
        {
            builder.Append(eol);
        }

        return builder.ToString();
    }

    private static GraduationResult Refused(string message) => new(GraduationStatus.Refused, null, null, [], [], message);
}
