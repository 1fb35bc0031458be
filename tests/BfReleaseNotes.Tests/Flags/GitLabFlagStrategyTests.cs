using System.Collections.Immutable;
using BfReleaseNotes.Flags;

namespace BfReleaseNotes.Tests.Flags;

/// <summary>GitLab's environment scopes with <c>*</c> wildcards, and the equality of strategies and flags by content.</summary>
public sealed class GitLabFlagStrategyTests
{
    private static GitLabFlagStrategy Strategy(string name, string[] scopes, string? userList, params (string Key, string Value)[] parameters) =>
        new(name, parameters.ToImmutableDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal), [.. scopes], userList);

    private static GitLabFlagStrategy Rollout() => Strategy("flexibleRollout", ["production", "review/*"], null, ("rollout", "25"), ("stickiness", "default"));

    [Theory]
    [InlineData("ab*ba", "abba", true)]
    [InlineData("ab*ba", "aba", false)]
    [InlineData("ab*ba", "abxba", true)]
    [InlineData("review/*-*", "review/feature-1", true)]
    [InlineData("review/*-*", "review/feature", false)]
    [InlineData("*-eu*-eu", "prod-eu-eu", true)]
    [InlineData("*-eu*-eu", "prod-eu", false)]
    [InlineData("*a*", "abc", true)]
    [InlineData("*a*", "xyz", false)]
    [InlineData("a*b*c", "abc", true)]
    [InlineData("a*b*c", "ac", false)]
    [InlineData("*ab*ab*", "xabx", false)]
    [InlineData("*ab*ab*", "xabab", true)]
    [InlineData("*", "", true)]
    public void A_wildcard_stands_for_any_characters_and_parts_may_not_overlap(string scope, string environment, bool applies)
    {
        Assert.Equal(applies, Strategy("default", [scope], null).AppliesTo(environment));
    }

    [Fact]
    public void One_matching_scope_is_enough()
    {
        var strategy = Strategy("default", ["staging", "production"], null);

        Assert.True(strategy.AppliesTo("production"));
        Assert.True(strategy.AppliesTo("staging"));
        Assert.False(strategy.AppliesTo("review/x"));
    }

    [Fact]
    public void A_strategy_without_scopes_applies_nowhere()
    {
        Assert.False(Strategy("default", [], null).AppliesTo("production"));
    }

    [Fact]
    public void The_environment_is_required()
    {
        var exception = Assert.Throws<ArgumentNullException>(() => Strategy("default", ["*"], null).AppliesTo(null!));

        Assert.Equal("environment", exception.ParamName);
    }

    [Fact]
    public void Strategies_built_apart_with_the_same_content_are_equal()
    {
        Assert.Equal(Rollout(), Rollout());
        Assert.Equal(Rollout().GetHashCode(), Rollout().GetHashCode());
        Assert.True(Strategy("gitlabUserList", ["*"], "beta").Equals(Strategy("gitlabUserList", ["*"], "beta")));
    }

    public static TheoryData<string, GitLabFlagStrategy> Changed() => new()
    {
        { "name", Strategy("gradualRolloutUserId", ["production", "review/*"], null, ("rollout", "25"), ("stickiness", "default")) },
        { "user list", Strategy("flexibleRollout", ["production", "review/*"], "beta", ("rollout", "25"), ("stickiness", "default")) },
        { "scopes", Strategy("flexibleRollout", ["production"], null, ("rollout", "25"), ("stickiness", "default")) },
        { "scope order", Strategy("flexibleRollout", ["review/*", "production"], null, ("rollout", "25"), ("stickiness", "default")) },
        { "one parameter's value", Strategy("flexibleRollout", ["production", "review/*"], null, ("rollout", "25"), ("stickiness", "userId")) },
        { "one parameter's key", Strategy("flexibleRollout", ["production", "review/*"], null, ("rollout", "25"), ("groupId", "default")) },
        { "one parameter more", Strategy("flexibleRollout", ["production", "review/*"], null, ("rollout", "25"), ("stickiness", "default"), ("groupId", "default")) },
        { "one parameter less", Strategy("flexibleRollout", ["production", "review/*"], null, ("rollout", "25")) },
    };

    [Theory]
    [MemberData(nameof(Changed))]
    public void A_strategy_differing_in_one_field_is_not_equal(string field, GitLabFlagStrategy other)
    {
        Assert.False(Rollout().Equals(other), field);
        Assert.False(other.Equals(Rollout()), field);
    }

    [Fact]
    public void A_strategy_is_not_equal_to_null()
    {
        Assert.False(Rollout().Equals(null));
    }

    [Fact]
    public void Flags_built_apart_with_the_same_content_are_equal()
    {
        var flag = new GitLabFeatureFlag("new-editor", true, [Rollout(), Strategy("default", ["staging"], null)]);
        var same = new GitLabFeatureFlag("new-editor", true, [Rollout(), Strategy("default", ["staging"], null)]);

        Assert.True(flag.Equals(same));
        Assert.Equal(flag.GetHashCode(), same.GetHashCode());
    }

    [Fact]
    public void A_flag_differing_in_one_field_is_not_equal()
    {
        var flag = new GitLabFeatureFlag("new-editor", true, [Rollout()]);

        Assert.False(flag.Equals(new GitLabFeatureFlag("old-editor", true, [Rollout()])), "name");
        Assert.False(flag.Equals(new GitLabFeatureFlag("new-editor", false, [Rollout()])), "active");
        Assert.False(flag.Equals(new GitLabFeatureFlag("new-editor", true, [Strategy("default", ["*"], null)])), "strategies");
        Assert.False(flag.Equals(new GitLabFeatureFlag("new-editor", true, [])), "no strategies");
        Assert.False(flag.Equals(null), "null");
    }
}
