namespace BfReleaseNotes.Checks;

/// <summary>Where a merge request said that it needs no release notes.</summary>
public enum OptOutSource
{
    /// <summary>A merge-request label (default <c>release-notes::none</c>).</summary>
    Label,

    /// <summary>A <c>Release-Notes: none - reason</c> line in the merge-request description.</summary>
    Description,

    /// <summary>A <c>Release-Notes: none - reason</c> line in the message of a commit of the range.</summary>
    CommitMessage,
}
