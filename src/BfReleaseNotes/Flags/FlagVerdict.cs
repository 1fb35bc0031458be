using BfReleaseNotes.Model;

namespace BfReleaseNotes.Flags;

/// <summary>One flag of the notes, compared with the registry.</summary>
/// <param name="Key">The flag key, as in <c>#### Flag: `key`</c>.</param>
/// <param name="Entries">Its Internal entries, over every change type.</param>
/// <param name="Position">Its first flag-group heading.</param>
/// <param name="Registered">What the registry says of it; null when the registry does not know it.</param>
/// <param name="Finding">The finding about it (BFRN300-BFRN303), or null when nothing needs doing.</param>
public sealed record FlagVerdict(string Key, int Entries, SourcePosition Position, RegisteredFlag? Registered, Diagnostic? Finding);
