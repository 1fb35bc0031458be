using System.Collections.Immutable;
using BfReleaseNotes.Model;

namespace BfReleaseNotes.Rendering;

/// <summary>The entries of one change type.</summary>
/// <param name="Id">Fragment identifier: the section's id and the change type (<c>v1_42_0-public-added</c>).</param>
/// <param name="Type">The change type.</param>
/// <param name="Entries">The entries in file order.</param>
public sealed record RenderedChange(string Id, ChangeType Type, ImmutableArray<RenderedEntry> Entries);
