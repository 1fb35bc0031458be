using BfReleaseNotes.Model;

namespace BfReleaseNotes.Markdown;

/// <summary>An entry's exact text and where it goes in a published file.</summary>
/// <param name="Visibility">Public or Beta.</param>
/// <param name="Type">The change type.</param>
/// <param name="Text">The entry's exact markdown, bullet included.</param>
public sealed record PublishedEntry(Visibility Visibility, ChangeType Type, string Text);
