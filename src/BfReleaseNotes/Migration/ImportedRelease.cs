using Semver;

namespace BfReleaseNotes.Migration;

/// <summary>One published file of an import.</summary>
/// <param name="Version">The release version (the file name).</param>
/// <param name="Date">The release date: the latest date of its rows, in UTC.</param>
/// <param name="Entries">The entries written.</param>
/// <param name="Text">The file's exact text, as <c>promote</c> writes it.</param>
public sealed record ImportedRelease(SemVersion Version, DateOnly Date, int Entries, string Text);
