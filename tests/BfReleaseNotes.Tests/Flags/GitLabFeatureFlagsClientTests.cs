using System.Collections.Concurrent;
using BfReleaseNotes.Flags;
using BfReleaseNotes.GitLab;
using BfReleaseNotes.Workspace;
using static BfReleaseNotes.Tests.Flags.GitLabStub;

namespace BfReleaseNotes.Tests.Flags;

/// <summary>The GitLab client against a real local HTTP server answering like GitLab's feature flags API.</summary>
public sealed class GitLabFeatureFlagsClientTests
{
    private const string Secret = "glpat-TOPSECRET-0123456789";

    private readonly ConcurrentQueue<TimeSpan> _waits = new();

    private static Dictionary<string, string> Next(string page) => new() { ["X-Next-Page"] = page };

    private GitLabFeatureFlagsClient Client(GitLabStub stub, string variable = GitLabCiEnvironment.TokenVariable, string project = "42", TimeSpan? timeout = null, int attempts = 4)
    {
        var gitlab = GitLabCiEnvironment.FromVariables(new Dictionary<string, string>
        {
            [GitLabCiEnvironment.ApiUrlVariable] = stub.ApiUrl,
            [GitLabCiEnvironment.ProjectIdVariable] = project,
            [variable] = Secret,
        });
        return new GitLabFeatureFlagsClient(gitlab, new GitLabClientOptions { Wait = _waits.Enqueue, Timeout = timeout ?? TimeSpan.FromSeconds(30), MaxAttempts = attempts });
    }

    [Fact]
    public void Every_page_is_read_following_x_next_page_with_the_private_token_header()
    {
        using var stub = new GitLabStub(request => request.Page switch
        {
            1 => new StubResponse(200, Page(Flag("a", true), Flag("b", true)), Next("2")),
            2 => new StubResponse(200, Page(Flag("c", false)), Next("3")),
            _ => new StubResponse(200, Page(Flag("d", true)), Next("")),
        });

        var flags = Client(stub).ListAll();

        Assert.Equal(["a", "b", "c", "d"], flags.Select(flag => flag.Name));
        Assert.Equal([1, 2, 3], stub.Requests.Select(request => request.Page));
        Assert.All(stub.Requests, request =>
        {
            Assert.Equal("/api/v4/projects/42/feature_flags", request.Path);
            Assert.Contains("per_page=100", request.Query, StringComparison.Ordinal);
            Assert.Equal(Secret, request.Headers["PRIVATE-TOKEN"]);
            Assert.False(request.Headers.ContainsKey("JOB-TOKEN"));
        });
    }

    [Fact]
    public void Without_x_next_page_a_link_header_with_rel_next_leads_to_the_next_page()
    {
        using var stub = new GitLabStub(request => request.Page == 1
            ? new StubResponse(200, Page(Flag("a", true)), new Dictionary<string, string> { ["Link"] = "<http://x/api/v4/projects/42/feature_flags?page=2>; rel=\"next\"" })
            : new StubResponse(200, Page(Flag("b", true))));

        var flags = Client(stub).ListAll();

        Assert.Equal(["a", "b"], flags.Select(flag => flag.Name));
    }

    [Fact]
    public void The_job_token_goes_in_the_job_token_header_and_a_project_path_is_url_encoded()
    {
        using var stub = new GitLabStub(_ => new StubResponse(200, Page()));

        Client(stub, GitLabCiEnvironment.JobTokenVariable, "group/app").ListAll();

        var request = Assert.Single(stub.Requests);
        Assert.Equal(Secret, request.Headers["JOB-TOKEN"]);
        Assert.False(request.Headers.ContainsKey("PRIVATE-TOKEN"));
        Assert.Equal("/api/v4/projects/group%2Fapp/feature_flags", request.Path);
    }

    [Fact]
    public void Strategies_scopes_parameters_and_user_lists_are_read_as_gitlab_documents_them()
    {
        using var stub = new GitLabStub(_ => new StubResponse(200, Page(
            Flag("new-editor", true,
                Strategy("flexibleRollout", "\"groupId\":\"default\",\"rollout\":\"25\",\"stickiness\":\"default\"", ["production", "review/*"]),
                Strategy("gitlabUserList", "", ["*"], "beta-testers")))));

        var flag = Assert.Single(Client(stub).ListAll());

        Assert.True(flag.Active);
        Assert.Equal(2, flag.Strategies.Length);
        Assert.Equal("25", flag.Strategies[0].Parameters["rollout"]);
        Assert.Equal(["production", "review/*"], flag.Strategies[0].EnvironmentScopes.ToArray());
        Assert.Equal("beta-testers", flag.Strategies[1].UserListName);
    }

    [Fact]
    public void A_429_is_retried_after_the_seconds_of_retry_after()
    {
        var calls = 0;
        using var stub = new GitLabStub(_ => Interlocked.Increment(ref calls) == 1
            ? new StubResponse(429, "{\"message\":\"429 Too Many Requests\"}", new Dictionary<string, string> { ["Retry-After"] = "7" })
            : new StubResponse(200, Page(Flag("a", true))));

        var flags = Client(stub).ListAll();

        Assert.Single(flags);
        Assert.Equal([TimeSpan.FromSeconds(7)], _waits);
    }

    [Fact]
    public void A_retry_after_date_is_waited_for_from_the_clock()
    {
        var now = new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
        var calls = 0;
        using var stub = new GitLabStub(_ => Interlocked.Increment(ref calls) == 1
            ? new StubResponse(503, "{}", new Dictionary<string, string> { ["Retry-After"] = now.AddSeconds(20).ToString("R", System.Globalization.CultureInfo.InvariantCulture) })
            : new StubResponse(200, Page()));
        var gitlab = new GitLabCiEnvironment(stub.ApiUrl, "CI_API_V4_URL", "42", "CI_PROJECT_ID", new GitLabToken("PRIVATE-TOKEN", "GITLAB_TOKEN", Secret));

        new GitLabFeatureFlagsClient(gitlab, new GitLabClientOptions { Wait = _waits.Enqueue, Clock = new FixedClock(now) }).ListAll();

        Assert.Equal([TimeSpan.FromSeconds(20)], _waits);
    }

    [Fact]
    public void A_retry_after_beyond_the_longest_wait_is_cut_to_it()
    {
        var calls = 0;
        using var stub = new GitLabStub(_ => Interlocked.Increment(ref calls) == 1
            ? new StubResponse(429, "{}", new Dictionary<string, string> { ["Retry-After"] = "3600" })
            : new StubResponse(200, Page()));

        Client(stub).ListAll();

        Assert.Equal([TimeSpan.FromSeconds(60)], _waits);
    }

    [Fact]
    public void A_refused_connection_is_retried_and_then_named()
    {
        var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        var port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var gitlab = new GitLabCiEnvironment($"http://127.0.0.1:{port}/api/v4", "CI_API_V4_URL", "42", "CI_PROJECT_ID", new GitLabToken("PRIVATE-TOKEN", "GITLAB_TOKEN", Secret));

        var exception = Assert.Throws<EnvironmentException>(() => new GitLabFeatureFlagsClient(gitlab, new GitLabClientOptions { Wait = _waits.Enqueue, MaxAttempts = 3 }).ListAll());

        Assert.Contains("cannot reach GitLab", exception.Message, StringComparison.Ordinal);
        Assert.Contains("3 tries", exception.Message, StringComparison.Ordinal);
        Assert.Equal(2, _waits.Count);
    }

    [Fact]
    public void Server_errors_are_retried_with_doubling_waits_and_then_reported_with_exit_2()
    {
        using var stub = new GitLabStub(_ => new StubResponse(503, "{\"message\":\"unavailable\"}"));

        var exception = Assert.Throws<EnvironmentException>(() => Client(stub).ListAll());

        Assert.Equal(4, stub.Requests.Count);
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)], _waits);
        Assert.Contains("503", exception.Message, StringComparison.Ordinal);
        Assert.Contains("4 tries", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_502_then_a_good_answer_reads_the_flags()
    {
        var calls = 0;
        using var stub = new GitLabStub(_ => Interlocked.Increment(ref calls) == 1
            ? new StubResponse(502, "<html>Bad Gateway</html>")
            : new StubResponse(200, Page(Flag("a", true))));

        Assert.Single(Client(stub).ListAll());
        Assert.Equal([TimeSpan.FromSeconds(1)], _waits);
    }

    [Fact]
    public void A_slow_answer_times_out_and_the_retry_gets_the_flags()
    {
        var calls = 0;
        using var stub = new GitLabStub(_ => Interlocked.Increment(ref calls) == 1
            ? new StubResponse(200, Page(Flag("slow", true)), Delay: TimeSpan.FromSeconds(60))
            : new StubResponse(200, Page(Flag("fast", true))));

        var flags = Client(stub, timeout: TimeSpan.FromSeconds(2)).ListAll();

        Assert.Equal(["fast"], flags.Select(flag => flag.Name));
        Assert.Equal(2, stub.Requests.Count);
    }

    [Fact]
    public void An_answer_that_never_comes_ends_in_a_clear_error_naming_the_time_limit()
    {
        using var stub = new GitLabStub(_ => new StubResponse(200, Page(), Delay: TimeSpan.FromSeconds(60)));

        var exception = Assert.Throws<EnvironmentException>(() => Client(stub, timeout: TimeSpan.FromSeconds(1), attempts: 2).ListAll());

        Assert.Contains("did not answer within 1 s", exception.Message, StringComparison.Ordinal);
        Assert.Contains("2 tries", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(401, GitLabCiEnvironment.TokenVariable, "set GITLAB_TOKEN to a valid token")]
    [InlineData(401, GitLabCiEnvironment.JobTokenVariable, "set CI_JOB_TOKEN to a valid token")]
    [InlineData(403, GitLabCiEnvironment.TokenVariable, "read_api scope and its user at least the Developer role")]
    [InlineData(403, GitLabCiEnvironment.JobTokenVariable, "set GITLAB_TOKEN to a project access token")]
    [InlineData(404, GitLabCiEnvironment.TokenVariable, "check CI_PROJECT_ID")]
    public void Refusals_stop_at_once_with_what_to_fix_and_never_the_token(int status, string variable, string advice)
    {
        using var stub = new GitLabStub(_ => new StubResponse(status, "{\"message\":\"refused\"}"));

        var exception = Assert.Throws<EnvironmentException>(() => Client(stub, variable).ListAll());

        Assert.Single(stub.Requests);
        Assert.Empty(_waits);
        Assert.Contains(advice, exception.Message, StringComparison.Ordinal);
        Assert.Contains(status.ToString(System.Globalization.CultureInfo.InvariantCulture), exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_redirect_is_not_followed_so_the_token_stays_with_the_configured_host()
    {
        using var other = new GitLabStub(_ => new StubResponse(200, Page(Flag("a", true))));
        using var stub = new GitLabStub(_ => new StubResponse(302, string.Empty, new Dictionary<string, string> { ["Location"] = other.ApiUrl + "/projects/42/feature_flags" }));

        var exception = Assert.Throws<EnvironmentException>(() => Client(stub).ListAll());

        Assert.Empty(other.Requests);
        Assert.Contains("redirect", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_answer_that_is_not_a_flag_list_is_an_error_not_an_empty_registry()
    {
        using var stub = new GitLabStub(_ => new StubResponse(200, "<html>Sign in</html>"));

        var exception = Assert.Throws<EnvironmentException>(() => Client(stub).ListAll());

        Assert.Contains("is not the JSON list of feature flags", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pages_that_never_end_are_cut_off_with_an_error()
    {
        using var stub = new GitLabStub(request => new StubResponse(200, Page(Flag("a" + request.Page, true)), Next("1")));

        var exception = Assert.Throws<EnvironmentException>(() => Client(stub).ListAll());

        Assert.Contains("do not end", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "42", Secret, "set CI_API_V4_URL")]
    [InlineData("https://gitlab.example.com/api/v4", null, Secret, "set CI_PROJECT_ID")]
    [InlineData("https://gitlab.example.com/api/v4", "42", null, "set GITLAB_TOKEN")]
    [InlineData("http://gitlab.example.com/api/v4", "42", Secret, "over plain http to gitlab.example.com")]
    public void Missing_or_unsafe_settings_are_refused_before_any_request(string? url, string? project, string? token, string advice)
    {
        var variables = new Dictionary<string, string>();
        if (url is not null)
        {
            variables[GitLabCiEnvironment.ApiUrlVariable] = url;
        }

        if (project is not null)
        {
            variables[GitLabCiEnvironment.ProjectIdVariable] = project;
        }

        if (token is not null)
        {
            variables[GitLabCiEnvironment.TokenVariable] = token;
        }

        var exception = Assert.Throws<EnvironmentException>(() => new GitLabFeatureFlagsClient(GitLabCiEnvironment.FromVariables(variables)));

        Assert.Contains(advice, exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_token_records_name_their_variable_but_never_print_the_value()
    {
        var token = new GitLabToken(GitLabToken.PrivateTokenHeader, GitLabCiEnvironment.TokenVariable, Secret);
        var environment = new GitLabCiEnvironment("https://x/api/v4", "CI_API_V4_URL", "1", "CI_PROJECT_ID", token);

        Assert.DoesNotContain(Secret, token.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, environment.ToString(), StringComparison.Ordinal);
        Assert.Contains("GITLAB_TOKEN", token.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Gitlab_token_wins_over_the_job_token()
    {
        var gitlab = GitLabCiEnvironment.FromVariables(new Dictionary<string, string> { ["GITLAB_TOKEN"] = "a", ["CI_JOB_TOKEN"] = "b" });

        Assert.Equal(("PRIVATE-TOKEN", "GITLAB_TOKEN"), (gitlab.Token!.Header, gitlab.Token.Variable));
    }

    [Fact]
    public void A_registry_read_from_gitlab_resolves_every_flag_for_the_environment()
    {
        using var stub = new GitLabStub(request => request.Page == 1
            ? new StubResponse(200, Page(
                Flag("everyone", true, Strategy("default", "", ["*"])),
                Flag("beta-only", true, Strategy("gitlabUserList", "", ["production"], "beta-testers"))), Next("2"))
            : new StubResponse(200, Page(Flag("staging-only", true, Strategy("default", "", ["staging"]))), Next("")));
        var reader = new FlagRegistryReader
        {
            GitLab = GitLabCiEnvironment.FromVariables(new Dictionary<string, string> { ["CI_API_V4_URL"] = stub.ApiUrl, ["CI_PROJECT_ID"] = "42", ["CI_JOB_TOKEN"] = Secret }),
            ClientOptions = new GitLabClientOptions { Wait = _waits.Enqueue },
        };

        var registry = reader.Read("gitlab", "production", "beta-testers", _ => throw new InvalidOperationException("no file is read for gitlab"));

        Assert.Equal(
            [("everyone", FlagState.On), ("beta-only", FlagState.Beta), ("staging-only", FlagState.Off)],
            registry.Flags.Select(flag => (flag.Key, flag.State)));
        Assert.StartsWith("GitLab project 42 at http://127.0.0.1:", registry.Source, StringComparison.Ordinal);
    }

    /// <summary>A clock that always says the same time.</summary>
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
