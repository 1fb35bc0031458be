namespace BfReleaseNotes.Checks;

/// <summary>What the merge-request check decided. Passes come first, then failures, then "cannot decide".</summary>
public enum CheckOutcome
{
    /// <summary>Pass: the range changes <c>unreleased.md</c>, it lints clean and at least one entry was added or changed.</summary>
    NotesUpdated,

    /// <summary>Pass: the range publishes a release: it adds a <c>&lt;version&gt;.md</c> that lints clean, is newer than every published version and holds exactly entries that left <c>unreleased.md</c>.</summary>
    Released,

    /// <summary>Pass: a label or a <c>Release-Notes: none - reason</c> line says no notes are needed.</summary>
    OptedOut,

    /// <summary>Pass: every changed path matches the ignore patterns (or only release-notes files changed).</summary>
    NotRelevant,

    /// <summary>Fail: relevant changes without a notes change or an opt-out.</summary>
    NotesNotUpdated,

    /// <summary>Fail: a release-notes file changed by the range has errors at head.</summary>
    NotesInvalid,

    /// <summary>Fail: the range removes (or rewrites) pending entries it did not add, without the edit label.</summary>
    PendingEntriesRemoved,

    /// <summary>Fail: the range modifies, deletes or moves a published release file, or adds one that is not a release, without the edit label.</summary>
    PublishedHistoryChanged,

    /// <summary>Fail: the merge request changes the check's own rules (its <c>config.json</c>) without the edit label, or breaks them.</summary>
    ConfigurationChanged,

    /// <summary>Fail: <c>unreleased.md</c> at head holds entries already in a published file (a merge brought them back; <c>lint --fix</c> removes them).</summary>
    EntriesAlreadyPublished,

    /// <summary>Fail: in a monorepo, entries were added to a project's notes although the merge request changes none of its paths, only other projects'.</summary>
    EntriesInWrongProject,

    /// <summary>Cannot decide (exit 2): the base or head is not in the clone, not a repository, bad configuration.</summary>
    CannotDecide,
}
