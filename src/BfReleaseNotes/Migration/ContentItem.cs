using BfReleaseNotes.Model;

namespace BfReleaseNotes.Migration;

/// <summary>One entry found in a release task's content.</summary>
/// <param name="Text">The item's markdown without its bullet; nested lines keep their indentation relative to it.</param>
/// <param name="Type">The change type its headings give, or null for the default.</param>
/// <param name="Visibility">The visibility its headings give, or null for the default.</param>
/// <param name="FitsHeading">False when the item is under no heading, or its nearest heading is not in the mapping.</param>
/// <param name="Heading">The nearest heading's text, or null.</param>
public sealed record ContentItem(string Text, ChangeType? Type, Visibility? Visibility, bool FitsHeading, string? Heading);
