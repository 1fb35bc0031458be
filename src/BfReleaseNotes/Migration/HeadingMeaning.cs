using BfReleaseNotes.Model;

namespace BfReleaseNotes.Migration;

/// <summary>What a heading in a release task's content means; a null part keeps the surrounding meaning.</summary>
/// <param name="Type">The change type of the items under it, or null.</param>
/// <param name="Visibility">The visibility of the items under it, or null.</param>
public sealed record HeadingMeaning(ChangeType? Type, Visibility? Visibility);
