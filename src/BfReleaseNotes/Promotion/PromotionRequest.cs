using Semver;

namespace BfReleaseNotes.Promotion;

/// <summary>What the release captain asked for.</summary>
/// <param name="Version">An explicit version, or null to bump the latest published one.</param>
/// <param name="Bump">The bump used when <paramref name="Version"/> is null.</param>
/// <param name="Date">The release date (UTC).</param>
public sealed record PromotionRequest(SemVersion? Version, VersionBump Bump, DateOnly Date)
{
    /// <summary>
    /// When set (and <see cref="Version"/> is null), the bump is decided from the pending entries by this rule
    /// (<c>--bump auto</c>) and <see cref="Bump"/> is ignored; the summary names the deciding entry.
    /// </summary>
    public BumpRule? AutoBump { get; init; }
}
