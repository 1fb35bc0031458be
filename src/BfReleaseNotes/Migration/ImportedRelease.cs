using System.Collections.Immutable;
using System.Text;
using Semver;

namespace BfReleaseNotes.Migration;

/// <summary>One published file of an import.</summary>
/// <param name="Version">The release version (the file name).</param>
/// <param name="Date">The release date: the latest date of its rows, in UTC.</param>
/// <param name="Entries">The entries written.</param>
/// <param name="Content">The file's exact bytes (UTF-8, LF), as <c>promote</c> writes it; held as bytes, half the size of the text.</param>
public sealed record ImportedRelease(SemVersion Version, DateOnly Date, int Entries, ImmutableArray<byte> Content)
{
    /// <summary>The file's exact text.</summary>
    public string Text => Encoding.UTF8.GetString(Content.AsSpan());
}
