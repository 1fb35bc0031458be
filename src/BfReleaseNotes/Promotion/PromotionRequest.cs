using Semver;

namespace BfReleaseNotes.Promotion;

/// <summary>What the release captain asked for.</summary>
/// <param name="Version">An explicit version, or null to bump the latest published one.</param>
/// <param name="Bump">The bump used when <paramref name="Version"/> is null.</param>
/// <param name="Date">The release date (UTC).</param>
public sealed record PromotionRequest(SemVersion? Version, VersionBump Bump, DateOnly Date);
