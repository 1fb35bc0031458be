using BfReleaseNotes.Model;

namespace BfReleaseNotes.Merging;

/// <summary>A mutable copy of a document's tree: bodies are lists that the merge edits in place.</summary>
internal sealed class MergeTree
{
    private readonly ReleaseNotesDocument _source;

    public MergeTree(ReleaseNotesDocument document)
    {
        _source = document;
        Preamble = [.. document.Preamble];
        Sections = [.. document.Sections.Select(section => new SectionDraft(section))];
    }

    public List<DocumentPart> Preamble { get; }

    public List<SectionDraft> Sections { get; }

    public List<DocumentPart>? Body(EntryPath path) => Find(path.Visibility, path.Type, path.Flag);

    public List<DocumentPart>? Find(Visibility visibility, ChangeType type, string? flag)
    {
        var changeType = Sections.FirstOrDefault(section => section.Visibility == visibility)?.ChangeTypes.FirstOrDefault(candidate => candidate.Type == type);
        if (changeType is null)
        {
            return null;
        }

        return flag is null ? changeType.Body : changeType.Groups.FirstOrDefault(group => group.Key == flag)?.Body;
    }

    /// <summary>Every list of parts, in document order.</summary>
    public IEnumerable<List<DocumentPart>> Bodies()
    {
        yield return Preamble;
        foreach (var section in Sections)
        {
            yield return section.Leading;
            foreach (var changeType in section.ChangeTypes)
            {
                yield return changeType.Body;
                foreach (var group in changeType.Groups)
                {
                    yield return group.Body;
                }
            }
        }
    }

    /// <summary>A name for a body that is the same in every side's tree.</summary>
    public string KeyOf(List<DocumentPart> body)
    {
        foreach (var section in Sections)
        {
            if (ReferenceEquals(body, section.Leading))
            {
                return $"{section.Visibility}";
            }

            foreach (var changeType in section.ChangeTypes)
            {
                if (ReferenceEquals(body, changeType.Body))
                {
                    return $"{section.Visibility}/{changeType.Type}";
                }

                foreach (var group in changeType.Groups.Where(group => ReferenceEquals(body, group.Body)))
                {
                    return $"{section.Visibility}/{changeType.Type}/{group.Key}";
                }
            }
        }

        // What is left is the preamble: the bodies passed in are this tree's.
        // Stryker disable once String : any name no other body has; Body(key) finds the preamble first anyway
        return "preamble";
    }

    public List<DocumentPart>? Body(string key) => Bodies().FirstOrDefault(body => KeyOf(body) == key);

    public ReleaseNotesDocument ToDocument() => _source with
    {
        Preamble = [.. Preamble],
        Sections = [.. Sections.Select(section => section.Build())],
    };
}

internal sealed class SectionDraft(VisibilitySection section)
{
    public Visibility Visibility { get; } = section.Visibility!.Value;

    public List<DocumentPart> Leading { get; } = [.. section.Leading];

    public List<ChangeTypeDraft> ChangeTypes { get; } = [.. section.ChangeTypes.Select(changeType => new ChangeTypeDraft(changeType))];

    public VisibilitySection Build() => section with { Leading = [.. Leading], ChangeTypes = [.. ChangeTypes.Select(changeType => changeType.Build())] };
}

internal sealed class ChangeTypeDraft(ChangeTypeSection changeType)
{
    public ChangeType Type { get; } = changeType.Type!.Value;

    public List<DocumentPart> Body { get; } = [.. changeType.Body];

    public List<GroupDraft> Groups { get; } = [.. changeType.FlagGroups.Select(group => new GroupDraft(group))];

    public ChangeTypeSection Build() => changeType with { Body = [.. Body], FlagGroups = [.. Groups.Select(group => group.Build())] };
}

internal sealed class GroupDraft(FlagGroup group)
{
    public string? Key { get; } = group.Key;

    public List<DocumentPart> Body { get; } = [.. group.Body];

    public FlagGroup Build() => group with { Body = [.. Body] };
}
