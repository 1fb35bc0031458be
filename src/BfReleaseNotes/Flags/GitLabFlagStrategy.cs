using System.Collections.Immutable;

namespace BfReleaseNotes.Flags;

/// <summary>
/// One strategy of a GitLab feature flag: <c>default</c> (all users), <c>gradualRolloutUserId</c> (parameter
/// <c>percentage</c>), <c>flexibleRollout</c> (parameter <c>rollout</c>), <c>userWithId</c> (parameter
/// <c>userIds</c>) or <c>gitlabUserList</c> (a user list).
/// </summary>
/// <param name="Name">The strategy's name as GitLab spells it.</param>
/// <param name="Parameters">Its parameters, as text.</param>
/// <param name="EnvironmentScopes">The environment scopes it applies to: <c>*</c>, a name, or a pattern such as <c>review/*</c>.</param>
/// <param name="UserListName">The name of its user list, for <c>gitlabUserList</c>; else null.</param>
public sealed record GitLabFlagStrategy(string Name, ImmutableDictionary<string, string> Parameters, ImmutableArray<string> EnvironmentScopes, string? UserListName)
{
    /// <summary>All users.</summary>
    public const string AllUsers = "default";

    /// <summary>A percentage of logged-in users (legacy "percent of users").</summary>
    public const string PercentOfUsers = "gradualRolloutUserId";

    /// <summary>A percentage rollout with a stickiness.</summary>
    public const string PercentRollout = "flexibleRollout";

    /// <summary>Listed user ids.</summary>
    public const string UserIds = "userWithId";

    /// <summary>A named user list.</summary>
    public const string UserList = "gitlabUserList";

    /// <summary>True when one of its scopes matches the environment (<c>*</c> is a wildcard, as in GitLab).</summary>
    public bool AppliesTo(string environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return EnvironmentScopes.Any(scope => ScopeMatches(scope, environment));
    }

    /// <summary>GitLab's environment scope matching: exact, with <c>*</c> standing for any characters.</summary>
    internal static bool ScopeMatches(string scope, string environment)
    {
        var parts = scope.Split('*');
        if (parts.Length == 1)
        {
            return string.Equals(scope, environment, StringComparison.Ordinal);
        }

        if (!environment.StartsWith(parts[0], StringComparison.Ordinal) || !environment.EndsWith(parts[^1], StringComparison.Ordinal) ||
            environment.Length < parts[0].Length + parts[^1].Length)
        {
            return false;
        }

        var position = parts[0].Length;
        var end = environment.Length - parts[^1].Length;
        for (var i = 1; i < parts.Length - 1; i++)
        {
            var found = environment.IndexOf(parts[i], position, end - position, StringComparison.Ordinal);
            if (found < 0)
            {
                return false;
            }

            position = found + parts[i].Length;
        }

        return true;
    }

    /// <summary>Compares field by field (collections by content).</summary>
    public bool Equals(GitLabFlagStrategy? other) =>
        other is not null && Name == other.Name && UserListName == other.UserListName && EnvironmentScopes.SequenceEqual(other.EnvironmentScopes) &&
        Parameters.Count == other.Parameters.Count && Parameters.All(pair => other.Parameters.TryGetValue(pair.Key, out var value) && value == pair.Value);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Name, UserListName, EnvironmentScopes.Length, Parameters.Count);
}
