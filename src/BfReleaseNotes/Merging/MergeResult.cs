using System.Collections.Immutable;

namespace BfReleaseNotes.Merging;

/// <summary>The outcome of a three-way merge of one file.</summary>
/// <param name="Text">The merged text (with conflict markers when <paramref name="Conflicts"/> is not zero).</param>
/// <param name="Conflicts">How many conflicts are marked in <paramref name="Text"/>.</param>
/// <param name="Method">How the merge was made.</param>
/// <param name="Notes">What the user should know: each conflict, or why the structural merge was not used.</param>
public sealed record MergeResult(string Text, int Conflicts, MergeMethod Method, ImmutableArray<string> Notes)
{
    /// <summary>
    /// True when the result needs a person: a conflict, or a line merge of a release-notes file that did not parse
    /// (git's merge-driver protocol: exit non-zero).
    /// </summary>
    public bool NeedsResolution => Conflicts > 0 || Method == MergeMethod.LineMerge;
}
