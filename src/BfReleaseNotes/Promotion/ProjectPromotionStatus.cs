namespace BfReleaseNotes.Promotion;

/// <summary>What <c>promote --all</c> did with one project.</summary>
public enum ProjectPromotionStatus
{
    /// <summary>Published (and committed and tagged when asked).</summary>
    Promoted,

    /// <summary>Planned on a dry run; nothing written.</summary>
    DryRun,

    /// <summary>Public and Beta are empty (or there is no <c>unreleased.md</c>): skipped.</summary>
    NothingToPromote,

    /// <summary><c>unreleased.md</c> has errors, or holds entries already published: nothing written (exit 1).</summary>
    Invalid,

    /// <summary>The version or date is refused: nothing written (exit 1).</summary>
    Refused,

    /// <summary>Writing or committing failed, or a bug was caught: this project's files are as they were (exit 2).</summary>
    CouldNotRun,
}
