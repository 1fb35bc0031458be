namespace BfReleaseNotes.Tests.Rules;

/// <summary>The texts the merge rule tests start from, written out once: a base, ours with one addition, the conflict note's end.</summary>
internal static class MergeTexts
{
    public const string UnreleasedPath = "release-notes/unreleased.md";

    public const string Base = "# Unreleased\n\n## Public\n\n### Added\n\n- Alpha entry one.\n- Beta entry two.\n- Gamma entry three.\n\n### Fixed\n\n- Search no longer ignores accented letters.\n\n## Internal\n\n### Added\n\n#### Flag: `new-editor`\n\n- The new editor saves drafts.\n";

    /// <summary>Ours adds an entry under Fixed, so neither side's text can be taken as it is.</summary>
    public const string OursAddsFix = "# Unreleased\n\n## Public\n\n### Added\n\n- Alpha entry one.\n- Beta entry two.\n- Gamma entry three.\n\n### Fixed\n\n- Search no longer ignores accented letters.\n- Ours fixed the export.\n\n## Internal\n\n### Added\n\n#### Flag: `new-editor`\n\n- The new editor saves drafts.\n";

    public const string ConflictNoteEnd = "' was changed differently by both sides (or changed by one and deleted by the other); keep one version between the markers and delete the marker lines";
}
