using System.Collections.Immutable;
using BfReleaseNotes.Model;

namespace BfReleaseNotes.Flags;

/// <summary>What <see cref="FlagRolloutChecker.Check"/> found: every flag of the notes with its registry state, and the findings.</summary>
/// <param name="Registry">The registry the notes were checked against.</param>
/// <param name="Flags">Every flag of the Internal section, in order of first appearance.</param>
public sealed record FlagCheckResult(FlagRegistry Registry, ImmutableArray<FlagVerdict> Flags)
{
    /// <summary>The findings, in the order of the flags (errors and warnings; warnings are errors with <c>--strict</c>).</summary>
    public ImmutableArray<Diagnostic> Findings => [.. Flags.Select(flag => flag.Finding).OfType<Diagnostic>()];

    /// <summary>True when a finding is an error (the command exits 1).</summary>
    public bool HasErrors => Findings.Any(finding => finding.Severity == DiagnosticSeverity.Error);

    /// <summary>Compares field by field (the flags by content).</summary>
    public bool Equals(FlagCheckResult? other) => other is not null && Registry == other.Registry && Flags.SequenceEqual(other.Flags);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Registry, Flags.Length);
}
