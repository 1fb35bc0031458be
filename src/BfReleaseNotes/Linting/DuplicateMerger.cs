using System.Collections.Immutable;
using BfReleaseNotes.Model;

namespace BfReleaseNotes.Linting;

/// <summary>
/// Repairs what git's <c>union</c> merge writes when two branches each created the same heading: the later section,
/// change type or flag group is folded into the first one (its entries and comments follow the first one's, byte for
/// byte; its heading goes). Also removes chosen entries (duplicates, entries already published), keeping blank lines
/// tidy.
/// </summary>
internal static class DuplicateMerger
{
    /// <summary>Removes the entries that start at the given positions.</summary>
    public static ReleaseNotesDocument RemoveEntries(ReleaseNotesDocument document, IReadOnlySet<SourcePosition> positions)
    {
        ImmutableArray<DocumentPart> Clean(ImmutableArray<DocumentPart> body)
        {
            var list = body.ToList();
            for (var i = 0; i < list.Count; i++)
            {
                if (list[i] is Entry entry && positions.Contains(entry.Position))
                {
                    list.RemoveAt(i);
                    // Two blank lines the entry kept apart become one.
                    if (i < list.Count && IsBlank(list[i]) && (i == 0 || IsBlank(list[i - 1])))
                    {
                        list.RemoveAt(i);
                    }

                    i--;
                }
            }

            return [.. list];
        }

        return document with
        {
            Sections = [.. document.Sections.Select(section => section with
            {
                Leading = Clean(section.Leading),
                ChangeTypes = [.. section.ChangeTypes.Select(changeType => changeType with
                {
                    Body = Clean(changeType.Body),
                    FlagGroups = [.. changeType.FlagGroups.Select(group => group with { Body = Clean(group.Body) })],
                })],
            })],
        };
    }

    /// <summary>Folds every later section, change type and flag group with the same meaning into the first.</summary>
    public static ReleaseNotesDocument MergeDuplicates(ReleaseNotesDocument document, string eol)
    {
        var sections = new List<VisibilitySection>();
        foreach (var section in document.Sections)
        {
            var first = section.Visibility is { } visibility ? sections.FindIndex(candidate => candidate.Visibility == visibility) : -1;
            if (first < 0)
            {
                sections.Add(section);
                continue;
            }

            var into = sections[first];
            sections[first] = into with
            {
                Leading = Append(into.Leading, section.Leading, eol),
                ChangeTypes = into.ChangeTypes.AddRange(section.ChangeTypes),
            };
        }

        var merged = document with { Sections = [.. sections.Select(section => section with { ChangeTypes = MergeChangeTypes(section.ChangeTypes, eol) })] };
        // A folded group that ended the file leaves the first one's blank line last; the file ends as it did.
        return Markdown.BlankLines.AtEnd(document.ToText()) ? merged : TrimEnd(merged);
    }

    private static ReleaseNotesDocument TrimEnd(ReleaseNotesDocument document)
    {
        if (document.Sections.IsEmpty || document.Sections[^1].ChangeTypes.IsEmpty)
        {
            return document;
        }

        var section = document.Sections[^1];
        var changeType = section.ChangeTypes[^1];
        changeType = changeType.FlagGroups.IsEmpty
            ? changeType with { Body = Trim(changeType.Body) }
            : changeType with { FlagGroups = changeType.FlagGroups.SetItem(changeType.FlagGroups.Length - 1, changeType.FlagGroups[^1] with { Body = Trim(changeType.FlagGroups[^1].Body) }) };
        return document with { Sections = document.Sections.SetItem(document.Sections.Length - 1, section with { ChangeTypes = section.ChangeTypes.SetItem(section.ChangeTypes.Length - 1, changeType) }) };

        static ImmutableArray<DocumentPart> Trim(ImmutableArray<DocumentPart> body)
        {
            var end = body.Length;
            while (end > 1 && IsBlank(body[end - 1]) && body.Take(end - 1).Any(part => !IsBlank(part)))
            {
                end--;
            }

            return end == body.Length ? body : body[..end];
        }
    }

    private static ImmutableArray<ChangeTypeSection> MergeChangeTypes(ImmutableArray<ChangeTypeSection> changeTypes, string eol)
    {
        var merged = new List<ChangeTypeSection>();
        foreach (var changeType in changeTypes)
        {
            var first = changeType.Type is { } type ? merged.FindIndex(candidate => candidate.Type == type) : -1;
            if (first < 0)
            {
                merged.Add(changeType);
                continue;
            }

            var into = merged[first];
            merged[first] = into with
            {
                Body = Append(into.Body, changeType.Body, eol),
                FlagGroups = into.FlagGroups.AddRange(changeType.FlagGroups),
            };
        }

        return [.. merged.Select(changeType => changeType with { FlagGroups = MergeGroups(changeType.FlagGroups, eol) })];
    }

    private static ImmutableArray<FlagGroup> MergeGroups(ImmutableArray<FlagGroup> groups, string eol)
    {
        var merged = new List<FlagGroup>();
        foreach (var group in groups)
        {
            var first = group.Key is { } key ? merged.FindIndex(candidate => candidate.Key == key) : -1;
            if (first < 0)
            {
                merged.Add(group);
                continue;
            }

            merged[first] = merged[first] with { Body = Append(merged[first].Body, group.Body, eol) };
        }

        return [.. merged];
    }

    /// <summary>The later body's content goes right after the first body's last content; the first body's trailing blank lines stay after it.</summary>
    private static ImmutableArray<DocumentPart> Append(ImmutableArray<DocumentPart> into, ImmutableArray<DocumentPart> from, string eol)
    {
        var moving = from.SkipWhile(IsBlank).ToList();
        while (moving.Count > 0 && IsBlank(moving[^1]))
        {
            moving.RemoveAt(moving.Count - 1);
        }

        if (moving.Count == 0)
        {
            return into;
        }

        var list = into.ToList();
        var index = list.FindLastIndex(part => !IsBlank(part)) + 1;
        if (index == 0 && list.Count > 0)
        {
            index = 1; // an empty change type: after the blank line below its heading.
        }

        if (index > 0 && !list[index - 1].ToText().EndsWith('\n'))
        {
            list[index - 1] = WithLineEnding(list[index - 1], eol);
        }

        if (!moving[^1].ToText().EndsWith('\n'))
        {
            moving[^1] = WithLineEnding(moving[^1], eol);
        }

        list.InsertRange(index, moving);
        if (index + moving.Count == list.Count)
        {
            list.Add(new Trivia(eol, TriviaKind.Blank));
        }

        return [.. list];
    }

    private static DocumentPart WithLineEnding(DocumentPart part, string eol) => part switch
    {
        Entry entry => entry with { Text = entry.Text + eol },
        Trivia trivia => trivia with { Text = trivia.Text + eol },
        _ => part,
    };

    private static bool IsBlank(DocumentPart part) => part is Trivia { Kind: TriviaKind.Blank };
}
