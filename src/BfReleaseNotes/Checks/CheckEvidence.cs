using System.Collections.Immutable;
using BfReleaseNotes.Model;

namespace BfReleaseNotes.Checks;

/// <summary>
/// Everything the check read from git for one range, before any rule is applied: the base's configuration,
/// the entries of <c>unreleased.md</c> at both ends, the published files the range adds, changes or moves, the
/// commit messages, labels and description. <see cref="CheckPolicy.Decide"/> turns it into a decision without
/// any I/O, so the rules can be pinned by tests that build evidence by hand.
/// </summary>
public sealed record CheckEvidence
{
    /// <summary>The configuration that decides the rules: the base's, never the merge request's own.</summary>
    public CheckConfiguration Configuration { get; init; } = CheckConfiguration.Default;

    /// <summary>The repository-relative path of the configuration file.</summary>
    public string ConfigPath { get; init; } = "release-notes/config.json";

    /// <summary>The release-notes folder at base.</summary>
    public string Folder { get; init; } = Workspace.ReleaseNotesFolder.DefaultPath;

    /// <summary>The release-notes folder at head (differs from <see cref="Folder"/> when the merge request moves it).</summary>
    public string HeadFolder { get; init; } = Workspace.ReleaseNotesFolder.DefaultPath;

    /// <summary>The commits compared; null in hand-built evidence.</summary>
    public CheckRange? Range { get; init; }

    /// <summary>Every path the range changes (both sides of a rename), sorted.</summary>
    public ImmutableArray<string> ChangedPaths { get; init; } = [];

    /// <summary>The release-notes files at either end (<c>unreleased.md</c> and published files, both folders): they never need notes themselves.</summary>
    public ImmutableArray<string> NotesFiles { get; init; } = [];

    /// <summary>True when <c>unreleased.md</c> differs between base (old folder) and head (new folder).</summary>
    public bool UnreleasedChanged { get; init; }

    /// <summary>Why <c>unreleased.md</c> is missing at head (deleted, renamed away), or null.</summary>
    public string? UnreleasedMissing { get; init; }

    /// <summary>
    /// Published files of the old folder still there at head while the merge request moves the notes folder: every
    /// tool reads the new folder only, so those releases would drop out of the history and their versions could be
    /// published again.
    /// </summary>
    public ImmutableArray<string> LeftBehind { get; init; } = [];

    /// <summary>The pending entries at base; empty when there was no <c>unreleased.md</c>.</summary>
    public ImmutableArray<CheckedEntry> BaseEntries { get; init; } = [];

    /// <summary>The pending entries at head; null when <c>unreleased.md</c> is unchanged, missing or could not be parsed.</summary>
    public ImmutableArray<CheckedEntry>? HeadEntries { get; init; }

    /// <summary>Diagnostics of the release-notes files the range changed or added, read at head.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; init; } = [];

    /// <summary>Published files the range adds: each may be a release, if <see cref="CheckPolicy"/> accepts it.</summary>
    public ImmutableArray<ReleaseCandidate> AddedPublishedFiles { get; init; } = [];

    /// <summary>Published files of base that the range modifies, deletes or moves.</summary>
    public ImmutableArray<PublishedFileChange> ChangedPublishedFiles { get; init; } = [];

    /// <summary>The rules the merge request's own configuration would change (compared with the base's).</summary>
    public ImmutableArray<string> ConfigurationChanges { get; init; } = [];

    /// <summary>Why the head's configuration file is not valid, or null.</summary>
    public ConfigurationError? HeadConfigurationError { get; init; }

    /// <summary>The merge request's labels.</summary>
    public ImmutableArray<string> Labels { get; init; } = [];

    /// <summary>The merge request's description, or null when unknown.</summary>
    public string? Description { get; init; }

    /// <summary>True when GitLab cut the description.</summary>
    public bool DescriptionTruncated { get; init; }

    /// <summary>The commits of the range, oldest first (opt-out lines are searched in their messages).</summary>
    public ImmutableArray<RangeCommit> Commits { get; init; } = [];

    /// <summary>
    /// Findings other steps add (for example unknown feature flags when a registry is configured): each is a failure
    /// of its own, reported with the others. The check itself adds none.
    /// </summary>
    public ImmutableArray<CheckFinding> ExtraFindings { get; init; } = [];

    /// <summary>
    /// The monorepo project this evidence is about (its notes, and only the changed paths it owns); null for a
    /// repository with one notes folder, and for the repository-wide part of a monorepo check (configuration changes,
    /// paths no project owns).
    /// </summary>
    public Configuration.ReleaseNotesProject? Project { get; init; }

    /// <summary>The other projects whose paths the range changes: an entry added to this project's notes while only they are touched is in the wrong project.</summary>
    public ImmutableArray<string> OtherTouchedProjects { get; init; } = [];

    /// <summary><c>unreleased.md</c> at base.</summary>
    public string UnreleasedPath => CheckPaths.Join(Folder, Markdown.ReleaseNotesParser.UnreleasedFileName);

    /// <summary><c>unreleased.md</c> at head.</summary>
    public string HeadUnreleasedPath => CheckPaths.Join(HeadFolder, Markdown.ReleaseNotesParser.UnreleasedFileName);
}
