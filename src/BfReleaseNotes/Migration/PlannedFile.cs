using Semver;

namespace BfReleaseNotes.Migration;

/// <summary>A file an import writes.</summary>
/// <param name="Path">Where it goes.</param>
/// <param name="Version">The release, or null for the rejects file.</param>
/// <param name="Date">The release date, or null for the rejects file.</param>
/// <param name="Entries">Entries in the release, or lines of the rejects file.</param>
/// <param name="Status">How it stands against the disk.</param>
/// <param name="Content">Its bytes.</param>
public sealed record PlannedFile(string Path, SemVersion? Version, DateOnly? Date, int Entries, FileStatus Status, byte[] Content);
