using System.Collections.Immutable;
using BfReleaseNotes.Model;

namespace BfReleaseNotes.Rendering;

/// <summary>A visibility section of a release.</summary>
/// <param name="Id">Fragment identifier: the release's id, <c>-public</c> or <c>-beta</c>.</param>
/// <param name="Visibility">Public or Beta.</param>
/// <param name="Changes">Change types in canonical order, each with its entries.</param>
public sealed record RenderedSection(string Id, Visibility Visibility, ImmutableArray<RenderedChange> Changes);
