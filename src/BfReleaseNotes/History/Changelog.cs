using System.Collections.Immutable;
using System.Text;
using BfReleaseNotes.Model;

namespace BfReleaseNotes.History;

/// <summary>What <see cref="ChangelogWriter.Write"/> produced.</summary>
/// <param name="Text">The whole <c>CHANGELOG.md</c>; null when a published file has errors (nothing is written then).</param>
/// <param name="Diagnostics">The diagnostics of every published file.</param>
/// <param name="Warnings">What is kept but worth a look (a link label two releases define differently).</param>
/// <param name="ReleaseCount">How many releases the changelog holds.</param>
public sealed record Changelog(string? Text, ImmutableArray<Diagnostic> Diagnostics, ImmutableArray<string> Warnings, int ReleaseCount)
{
    /// <summary>True when every published file is valid and <see cref="Text"/> is the changelog.</summary>
    public bool IsValid => Text is not null;

    /// <summary>The changelog as UTF-8 bytes (no byte-order mark, LF line endings).</summary>
    /// <exception cref="InvalidOperationException">The changelog is not valid.</exception>
    public byte[] ToBytes() => Encoding.UTF8.GetBytes(Text ?? throw new InvalidOperationException("A published file has errors; there is no changelog to write."));

    /// <summary>True when <paramref name="existing"/> (a file's bytes, null when there is no file) is exactly this changelog.</summary>
    public bool IsCurrent(byte[]? existing) => IsValid && existing is not null && existing.AsSpan().SequenceEqual(ToBytes());
}
