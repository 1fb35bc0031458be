using System.Collections.Immutable;

namespace BfReleaseNotes.Flags;

/// <summary>
/// A feature flag as GitLab's API describes it (<c>GET /projects/:id/feature_flags</c>): its name, whether it is
/// active, and its strategies, each aimed at some environments.
/// </summary>
/// <param name="Name">The flag's name.</param>
/// <param name="Active">False when the flag is switched off everywhere.</param>
/// <param name="Strategies">Its strategies, in GitLab's order.</param>
public sealed record GitLabFeatureFlag(string Name, bool Active, ImmutableArray<GitLabFlagStrategy> Strategies)
{
    /// <summary>Compares field by field (the strategies by content).</summary>
    public bool Equals(GitLabFeatureFlag? other) =>
        other is not null && Name == other.Name && Active == other.Active && Strategies.SequenceEqual(other.Strategies);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Name, Active, Strategies.Length);
}
