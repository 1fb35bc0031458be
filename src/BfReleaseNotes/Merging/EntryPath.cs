using BfReleaseNotes.Model;

namespace BfReleaseNotes.Merging;

/// <summary>Where an entry sits: its visibility, change type and (Internal) flag.</summary>
internal readonly record struct EntryPath(Visibility Visibility, ChangeType Type, string? Flag)
{
    public override string ToString() => Flag is null ? $"{Visibility} > {Type}" : $"{Visibility} > {Type} > {Flag}";
}
