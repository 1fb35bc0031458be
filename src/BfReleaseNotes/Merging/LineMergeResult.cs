namespace BfReleaseNotes.Merging;

/// <summary>The outcome of <see cref="LineMerger.Merge"/>.</summary>
/// <param name="Text">The merged text: with conflict markers when <paramref name="Conflicts"/> is not zero and the favor was <see cref="LineMergeFavor.Conflict"/>.</param>
/// <param name="Conflicts">How many regions both sides changed differently.</param>
public sealed record LineMergeResult(string Text, int Conflicts);
