using System.Collections.Immutable;
using System.Globalization;

namespace BfReleaseNotes.Flags;

/// <summary>
/// Reads a GitLab feature flag's rollout in one environment. GitLab applies every strategy whose scopes match the
/// environment, so the most open one decides: inactive is off; <c>default</c> (all users) or a 100% rollout is on
/// for everyone; a <c>gitlabUserList</c> strategy aimed at the beta audience's user list is beta; a rollout below
/// 100% is a percentage; user ids and other user lists are internal; no matching strategy is off.
/// </summary>
public static class GitLabRollout
{
    /// <summary>The registry of every flag, each resolved in <paramref name="environment"/>.</summary>
    /// <param name="flags">The flags as GitLab lists them.</param>
    /// <param name="source">Where they were read, for messages.</param>
    /// <param name="environment">The environment, e.g. <c>production</c>.</param>
    /// <param name="betaAudience">The name of the user list that is the beta audience; null when there is none.</param>
    public static FlagRegistry ToRegistry(IEnumerable<GitLabFeatureFlag> flags, string source, string environment, string? betaAudience)
    {
        ArgumentNullException.ThrowIfNull(flags);

        // Stryker disable once Linq : a group holds at least one flag, so First and FirstOrDefault give the same one
        var resolved = flags
            .GroupBy(flag => flag.Name, StringComparer.Ordinal)
            .Select(group => Resolve(group.First(), environment, betaAudience))
            .ToImmutableArray();
        return new FlagRegistry(source, environment, resolved);
    }

    /// <summary>One flag's state in <paramref name="environment"/>, with the strategy that decided it.</summary>
    public static RegisteredFlag Resolve(GitLabFeatureFlag flag, string environment, string? betaAudience)
    {
        ArgumentNullException.ThrowIfNull(flag);
        ArgumentNullException.ThrowIfNull(environment);
        if (!flag.Active)
        {
            return new RegisteredFlag(flag.Name, FlagState.Off, null, "the flag is inactive in GitLab");
        }

        // The first matching strategy is the start, so a strategy at 0% is the reason a flag is off, not "no strategy".
        RegisteredFlag? best = null;
        foreach (var strategy in flag.Strategies.Where(strategy => strategy.AppliesTo(environment)))
        {
            var candidate = Judge(flag.Name, strategy, environment, betaAudience);
            var better = best is null || candidate.State > best.State ||
                         (candidate.State == best.State && candidate.State == FlagState.Percentage && candidate.Percentage > best.Percentage);
            if (better)
            {
                best = candidate;
            }
        }

        return best ?? new RegisteredFlag(flag.Name, FlagState.Off, null, $"no strategy of the flag applies to '{environment}'");
    }

    private static RegisteredFlag Judge(string key, GitLabFlagStrategy strategy, string environment, string? betaAudience)
    {
        // Stryker disable once Linq : only strategies that apply are judged, and a strategy applies when one of its scopes matches
        var scope = strategy.EnvironmentScopes.First(scope => GitLabFlagStrategy.ScopeMatches(scope, environment));
        var where = $"in scope '{scope}'";
        switch (strategy.Name)
        {
            case GitLabFlagStrategy.AllUsers:
                return new RegisteredFlag(key, FlagState.On, null, $"strategy 'All users' {where}");
            case GitLabFlagStrategy.PercentOfUsers:
            case GitLabFlagStrategy.PercentRollout:
                var parameter = strategy.Name == GitLabFlagStrategy.PercentOfUsers ? "percentage" : "rollout";
                var label = strategy.Name == GitLabFlagStrategy.PercentOfUsers ? "Percent of users" : "Percent rollout";
                if (!strategy.Parameters.TryGetValue(parameter, out var text) ||
                    !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var percentage) || percentage > 100)
                {
                    // A rollout we cannot read is not "everyone": claiming so would ask to publish too early.
                    return new RegisteredFlag(key, FlagState.Internal, null, $"strategy '{label}' {where} with an unreadable {parameter} '{text}'");
                }

                return percentage switch
                {
                    100 => new RegisteredFlag(key, FlagState.On, null, $"strategy '{label}' at 100% {where}"),
                    0 => new RegisteredFlag(key, FlagState.Off, null, $"strategy '{label}' at 0% {where}"),
                    _ => new RegisteredFlag(key, FlagState.Percentage, percentage, $"strategy '{label}' at {percentage.ToString(CultureInfo.InvariantCulture)}% {where}"),
                };
            case GitLabFlagStrategy.UserList:
                var list = strategy.UserListName ?? "(unnamed)";
                return betaAudience is not null && string.Equals(strategy.UserListName, betaAudience, StringComparison.OrdinalIgnoreCase)
                    ? new RegisteredFlag(key, FlagState.Beta, null, $"strategy 'User list' with the beta audience '{list}' {where}")
                    : new RegisteredFlag(key, FlagState.Internal, null, $"strategy 'User list' '{list}' {where}");
            case GitLabFlagStrategy.UserIds:
                return new RegisteredFlag(key, FlagState.Internal, null, $"strategy 'User IDs' {where}");
            default:
                return new RegisteredFlag(key, FlagState.Internal, null, $"strategy '{strategy.Name}' {where}, which this tool does not know (counted as chosen users only)");
        }
    }
}
