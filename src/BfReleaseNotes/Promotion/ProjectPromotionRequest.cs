namespace BfReleaseNotes.Promotion;

/// <summary>What <c>promote --all</c> was asked for; each project's own version comes from its own published files.</summary>
/// <param name="Bump">The bump; null takes each project's configured default (<c>"promote.bump"</c>).</param>
/// <param name="Date">The release date of every project.</param>
public sealed record ProjectPromotionRequest(VersionBump? Bump, DateOnly Date)
{
    /// <summary>True to let each project's pending entries decide its bump (<c>--bump auto</c>); <see cref="Bump"/> is then ignored.</summary>
    public bool AutoBump { get; init; }

    /// <summary>True to plan only: nothing is written.</summary>
    public bool DryRun { get; init; }

    /// <summary>Accept a date earlier than a project's latest release.</summary>
    public bool AllowEarlierDate { get; init; }

    /// <summary>Commit each project's release; null takes the configuration's <c>"promote.commit"</c>.</summary>
    public bool? Commit { get; init; }

    /// <summary>Tag each project's release with its own prefix (implies a commit); null takes <c>"promote.tag"</c>.</summary>
    public bool? Tag { get; init; }
}
