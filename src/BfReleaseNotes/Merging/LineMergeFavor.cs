namespace BfReleaseNotes.Merging;

/// <summary>What a line merge does with a region both sides changed differently.</summary>
public enum LineMergeFavor
{
    /// <summary>Write conflict markers around both versions (git's default merge).</summary>
    Conflict,

    /// <summary>Keep our lines, then theirs, without markers (git's built-in <c>union</c> driver).</summary>
    Union,
}
