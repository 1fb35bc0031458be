using System.Collections.Immutable;
using BfReleaseNotes.Flags;

namespace BfReleaseNotes.Tests.Flags;

/// <summary>How a GitLab flag's strategies and scopes become a state in one environment.</summary>
public sealed class GitLabRolloutTests
{
    private static GitLabFlagStrategy Strategy(string name, string[] scopes, string? userList = null, params (string Key, string Value)[] parameters) =>
        new(name, parameters.ToImmutableDictionary(pair => pair.Key, pair => pair.Value), [.. scopes], userList);

    private static RegisteredFlag Resolve(bool active, string environment, params GitLabFlagStrategy[] strategies) =>
        GitLabRollout.Resolve(new GitLabFeatureFlag("f", active, [.. strategies]), environment, "beta-testers");

    public static TheoryData<string, GitLabFlagStrategy, FlagState, int?> Strategies() => new()
    {
        { "all users", Strategy("default", ["*"]), FlagState.On, null },
        { "percent of users 100", Strategy("gradualRolloutUserId", ["*"], null, ("percentage", "100"), ("groupId", "default")), FlagState.On, null },
        { "percent rollout 100", Strategy("flexibleRollout", ["*"], null, ("rollout", "100"), ("stickiness", "default")), FlagState.On, null },
        { "percent of users 30", Strategy("gradualRolloutUserId", ["*"], null, ("percentage", "30")), FlagState.Percentage, 30 },
        { "percent rollout 5", Strategy("flexibleRollout", ["*"], null, ("rollout", "5")), FlagState.Percentage, 5 },
        { "percent rollout 0", Strategy("flexibleRollout", ["*"], null, ("rollout", "0")), FlagState.Off, null },
        { "unreadable rollout", Strategy("flexibleRollout", ["*"], null, ("rollout", "all")), FlagState.Internal, null },
        { "beta audience list", Strategy("gitlabUserList", ["*"], "Beta-Testers"), FlagState.Beta, null },
        { "another user list", Strategy("gitlabUserList", ["*"], "qa-team"), FlagState.Internal, null },
        { "user ids", Strategy("userWithId", ["*"], null, ("userIds", "1,2")), FlagState.Internal, null },
        { "unknown strategy", Strategy("remoteAddress", ["*"]), FlagState.Internal, null },
    };

    [Theory]
    [MemberData(nameof(Strategies))]
    public void Each_strategy_kind_gives_its_state(string kind, GitLabFlagStrategy strategy, FlagState state, int? percentage)
    {
        var flag = Resolve(true, "production", strategy);

        Assert.True((state, percentage) == (flag.State, flag.Percentage), $"{kind}: {flag}");
        Assert.False(string.IsNullOrWhiteSpace(flag.Reason));
    }

    [Theory]
    [InlineData("*", "production", true)]
    [InlineData("production", "production", true)]
    [InlineData("production", "production-eu", false)]
    [InlineData("review/*", "review/feature-1", true)]
    [InlineData("review/*", "production", false)]
    [InlineData("*-eu", "production-eu", true)]
    [InlineData("prod*tion", "production", true)]
    [InlineData("Production", "production", false)]
    public void Scopes_match_like_gitlab_environment_scopes(string scope, string environment, bool applies)
    {
        Assert.Equal(applies, Strategy("default", [scope]).AppliesTo(environment));
    }

    [Fact]
    public void An_inactive_flag_is_off_whatever_its_strategies()
    {
        Assert.Equal(FlagState.Off, Resolve(false, "production", Strategy("default", ["*"])).State);
    }

    [Fact]
    public void Strategies_for_other_environments_do_not_count()
    {
        var flag = Resolve(true, "production", Strategy("default", ["staging", "review/*"]));

        Assert.Equal(FlagState.Off, flag.State);
        Assert.Contains("no strategy", flag.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_most_open_matching_strategy_decides()
    {
        var flag = Resolve(true, "production",
            Strategy("userWithId", ["*"], null, ("userIds", "1")),
            Strategy("flexibleRollout", ["production"], null, ("rollout", "10")),
            Strategy("flexibleRollout", ["*"], null, ("rollout", "40")),
            Strategy("gitlabUserList", ["production"], "beta-testers"),
            Strategy("default", ["staging"]));

        Assert.Equal(FlagState.Beta, flag.State);
    }

    [Fact]
    public void Of_two_percentages_the_larger_counts()
    {
        var flag = Resolve(true, "production",
            Strategy("flexibleRollout", ["production"], null, ("rollout", "10")),
            Strategy("gradualRolloutUserId", ["*"], null, ("percentage", "40")));

        Assert.Equal((FlagState.Percentage, (int?)40), (flag.State, flag.Percentage));
    }

    [Fact]
    public void Without_a_beta_audience_no_user_list_is_beta()
    {
        var flag = GitLabRollout.Resolve(new GitLabFeatureFlag("f", true, [Strategy("gitlabUserList", ["*"], "beta-testers")]), "production", null);

        Assert.Equal(FlagState.Internal, flag.State);
    }

    public static TheoryData<GitLabFlagStrategy, string> Reasons() => new()
    {
        { Strategy("default", ["staging", "prod*"]), "strategy 'All users' in scope 'prod*'" },
        { Strategy("gradualRolloutUserId", ["*"], null, ("percentage", "30")), "strategy 'Percent of users' at 30% in scope '*'" },
        { Strategy("gradualRolloutUserId", ["*"], null, ("percentage", "0")), "strategy 'Percent of users' at 0% in scope '*'" },
        { Strategy("gradualRolloutUserId", ["*"], null, ("percentage", "100")), "strategy 'Percent of users' at 100% in scope '*'" },
        { Strategy("flexibleRollout", ["*"], null, ("rollout", "5")), "strategy 'Percent rollout' at 5% in scope '*'" },
        { Strategy("flexibleRollout", ["*"], null, ("rollout", "0")), "strategy 'Percent rollout' at 0% in scope '*'" },
        { Strategy("flexibleRollout", ["*"], null, ("rollout", "all")), "strategy 'Percent rollout' in scope '*' with an unreadable rollout 'all'" },
        { Strategy("gradualRolloutUserId", ["*"], null, ("rollout", "30")), "strategy 'Percent of users' in scope '*' with an unreadable percentage ''" },
        { Strategy("gitlabUserList", ["*"], "Beta-Testers"), "strategy 'User list' with the beta audience 'Beta-Testers' in scope '*'" },
        { Strategy("gitlabUserList", ["*"], "qa-team"), "strategy 'User list' 'qa-team' in scope '*'" },
        { Strategy("gitlabUserList", ["*"]), "strategy 'User list' '(unnamed)' in scope '*'" },
        { Strategy("userWithId", ["*"], null, ("userIds", "1,2")), "strategy 'User IDs' in scope '*'" },
        { Strategy("remoteAddress", ["*"]), "strategy 'remoteAddress' in scope '*', which this tool does not know (counted as chosen users only)" },
    };

    [Theory]
    [MemberData(nameof(Reasons))]
    public void Each_strategy_kind_gives_its_reason_word_for_word(GitLabFlagStrategy strategy, string reason)
    {
        Assert.Equal(reason, Resolve(true, "production", strategy).Reason);
    }

    [Fact]
    public void An_inactive_flag_says_so_word_for_word()
    {
        Assert.Equal("the flag is inactive in GitLab", Resolve(false, "production", Strategy("default", ["*"])).Reason);
    }

    [Fact]
    public void Without_a_matching_strategy_the_reason_names_the_environment()
    {
        Assert.Equal("no strategy of the flag applies to 'production'", Resolve(true, "production", Strategy("default", ["staging"])).Reason);
    }

    [Fact]
    public void Of_two_equal_percentages_the_first_strategy_is_the_reason()
    {
        var flag = Resolve(true, "production",
            Strategy("flexibleRollout", ["production"], null, ("rollout", "40")),
            Strategy("gradualRolloutUserId", ["*"], null, ("percentage", "40")));

        Assert.Equal((FlagState.Percentage, (int?)40, "strategy 'Percent rollout' at 40% in scope 'production'"), (flag.State, flag.Percentage, flag.Reason));
    }

    [Fact]
    public void Of_two_flags_with_one_name_the_first_decides()
    {
        var registry = GitLabRollout.ToRegistry(
            [
                new GitLabFeatureFlag("f", false, [Strategy("default", ["*"])]),
                new GitLabFeatureFlag("g", true, [Strategy("default", ["*"])]),
                new GitLabFeatureFlag("f", true, [Strategy("default", ["*"])]),
            ],
            "GitLab project 42",
            "production",
            null);

        Assert.Equal(
            [("f", FlagState.Off, "the flag is inactive in GitLab"), ("g", FlagState.On, "strategy 'All users' in scope '*'")],
            registry.Flags.Select(flag => (flag.Key, flag.State, flag.Reason)));
        Assert.Equal(("GitLab project 42", "production"), (registry.Source, registry.Environment));
    }

    [Fact]
    public void A_registry_needs_the_flags()
    {
        var exception = Assert.Throws<ArgumentNullException>(() => GitLabRollout.ToRegistry(null!, "GitLab", "production", null));

        Assert.Equal("flags", exception.ParamName);
    }

    [Fact]
    public void Of_two_strategies_with_the_same_state_the_first_is_the_reason()
    {
        var flag = Resolve(true, "production",
            Strategy("default", ["production"]),
            Strategy("default", ["*"]));

        Assert.Equal((FlagState.On, "strategy 'All users' in scope 'production'"), (flag.State, flag.Reason));
    }

    [Fact]
    public void Resolving_a_flag_names_the_argument_it_was_not_given()
    {
        var flag = new GitLabFeatureFlag("f", true, [Strategy("default", ["*"])]);

        Assert.Equal("flag", Assert.Throws<ArgumentNullException>(() => GitLabRollout.Resolve(null!, "production", null)).ParamName);
        Assert.Equal("environment", Assert.Throws<ArgumentNullException>(() => GitLabRollout.Resolve(flag, null!, null)).ParamName);
    }
}
