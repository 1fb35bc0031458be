using System.Collections.Immutable;
using Semver;

namespace BfReleaseNotes.Checks;

/// <summary>A published file the range adds, with what decides whether it is a real release.</summary>
/// <param name="File">Its repository-relative path at head.</param>
/// <param name="Version">The version its name gives.</param>
public sealed record ReleaseCandidate(string File, SemVersion Version)
{
    /// <summary>True when it lints clean at head.</summary>
    public bool LintsClean { get; init; }

    /// <summary>The latest version published at base, or null when none was.</summary>
    public SemVersion? LatestAtBase { get; init; }

    /// <summary>Its entries.</summary>
    public ImmutableArray<CheckedEntry> Entries { get; init; } = [];
}
