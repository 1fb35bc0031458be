using System.Collections.Immutable;
using BfReleaseNotes.Model;
using Semver;

namespace BfReleaseNotes.Promotion;

/// <summary>
/// How <c>promote --bump auto</c> turns the pending Public and Beta entries into a bump: each change type has a
/// bump (by default <c>Removed</c> is major; <c>Added</c>, <c>Changed</c> and <c>Deprecated</c> minor;
/// <c>Fixed</c> and <c>Security</c> patch), an entry whose text starts with <see cref="BreakingMarker"/> is a
/// <see cref="BreakingBump"/> whatever its type, and the highest bump wins. While the latest version is 0.x.y, a
/// major bump becomes <see cref="MajorWhileZero"/> (SemVer: 0.x is initial development, anything may change).
/// Internal entries never count: they are not published.
/// </summary>
/// <example>
/// <code>
/// var decision = BumpRule.Default.Decide(folder.ReadUnreleased().Document!, latest: SemVersion.Parse("1.4.0"));
/// // decision.Bump == VersionBump.Major when an entry reads "- **Breaking:** the v1 API is gone."
/// </code>
/// </example>
public sealed record BumpRule
{
    /// <summary>The marker documented for breaking changes: an entry whose text starts with it.</summary>
    public const string DefaultBreakingMarker = "**Breaking:**";

    private readonly ImmutableArray<VersionBump> _byType;

    /// <summary>Creates a rule.</summary>
    /// <param name="byType">The bump of each change type; a type left out is a patch.</param>
    /// <param name="breakingMarker">The text a breaking entry starts with (after its bullet; case is ignored); empty turns the marker off.</param>
    /// <param name="breakingBump">What a breaking entry bumps.</param>
    /// <param name="majorWhileZero">What a major bump becomes while the latest version is 0.x.y.</param>
    public BumpRule(IReadOnlyDictionary<ChangeType, VersionBump> byType, string breakingMarker, VersionBump breakingBump, VersionBump majorWhileZero)
    {
        ArgumentNullException.ThrowIfNull(byType);
        ArgumentNullException.ThrowIfNull(breakingMarker);
        _byType = [.. Enum.GetValues<ChangeType>().Select(type => byType.TryGetValue(type, out var bump) ? bump : VersionBump.Patch)];
        BreakingMarker = breakingMarker.Trim();
        BreakingBump = breakingBump;
        MajorWhileZero = majorWhileZero;
    }

    /// <summary>Keep a Changelog's meaning of the change types, <c>**Breaking:**</c> as the marker, and minor for major while 0.x.</summary>
    public static BumpRule Default { get; } = new(
        new Dictionary<ChangeType, VersionBump>
        {
            [ChangeType.Added] = VersionBump.Minor,
            [ChangeType.Changed] = VersionBump.Minor,
            [ChangeType.Deprecated] = VersionBump.Minor,
            [ChangeType.Removed] = VersionBump.Major,
            [ChangeType.Fixed] = VersionBump.Patch,
            [ChangeType.Security] = VersionBump.Patch,
        },
        DefaultBreakingMarker,
        VersionBump.Major,
        VersionBump.Minor);

    /// <summary>The text a breaking entry starts with, right after its bullet; empty when the marker is off.</summary>
    public string BreakingMarker { get; }

    /// <summary>What an entry marked breaking bumps.</summary>
    public VersionBump BreakingBump { get; }

    /// <summary>What a major bump becomes while the latest published version is 0.x.y.</summary>
    public VersionBump MajorWhileZero { get; }

    /// <summary>The bump of a change type.</summary>
    public VersionBump BumpFor(ChangeType type) => _byType[(int)type];

    /// <summary>True when the entry is marked breaking: its markdown (after the bullet) starts with the marker, case ignored.</summary>
    public bool IsBreaking(Entry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return BreakingMarker.Length > 0 && entry.Markdown.StartsWith(BreakingMarker, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Decides the bump from the Public and Beta entries of <paramref name="unreleased"/>: the highest bump of any
    /// entry; among entries of that bump, the first in the file decides. Returns null when nothing is pending.
    /// </summary>
    /// <param name="unreleased">The parsed working file.</param>
    /// <param name="latest">The latest published version (null before the first release, which counts as 0.x).</param>
    /// <param name="file">The file named in the decision (its path, for messages).</param>
    public BumpDecision? Decide(ReleaseNotesDocument unreleased, SemVersion? latest, string file = "unreleased.md")
    {
        ArgumentNullException.ThrowIfNull(unreleased);
        ArgumentNullException.ThrowIfNull(file);
        BumpDecision? best = null;
        foreach (var section in unreleased.Sections.Where(section => section.Visibility is Visibility.Public or Visibility.Beta))
        {
            foreach (var changeType in section.ChangeTypes.Where(changeType => changeType.Type is not null))
            {
                foreach (var entry in changeType.DirectEntries)
                {
                    var breaking = IsBreaking(entry);
                    var wanted = breaking ? Highest(BreakingBump, BumpFor(changeType.Type!.Value)) : BumpFor(changeType.Type!.Value);
                    if (best is null || Rank(wanted) > Rank(best.Wanted))
                    {
                        best = new BumpDecision(wanted, wanted, entry, section.Visibility!.Value, changeType.Type!.Value, breaking, file, entry.Position.Line);
                    }
                }
            }
        }

        if (best is null)
        {
            return null;
        }

        var whileZero = (latest?.Major ?? 0) == 0 && best.Wanted == VersionBump.Major;
        return whileZero ? best with { Bump = MajorWhileZero } : best;
    }

    /// <summary>Compares the bumps of each change type, the marker and the two other settings.</summary>
    public bool Equals(BumpRule? other) =>
        other is not null && _byType.SequenceEqual(other._byType) && BreakingMarker == other.BreakingMarker
        && BreakingBump == other.BreakingBump && MajorWhileZero == other.MajorWhileZero;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(BumpFor(ChangeType.Added), BumpFor(ChangeType.Removed), BreakingMarker, BreakingBump, MajorWhileZero);

    /// <summary>Major above minor above patch.</summary>
    internal static int Rank(VersionBump bump) => bump switch
    {
        VersionBump.Major => 3,
        VersionBump.Minor => 2,
        _ => 1,
    };

    // Stryker disable once Equality : bumps of the same rank are the same bump, so either side may be returned
    private static VersionBump Highest(VersionBump left, VersionBump right) => Rank(left) >= Rank(right) ? left : right;
}
