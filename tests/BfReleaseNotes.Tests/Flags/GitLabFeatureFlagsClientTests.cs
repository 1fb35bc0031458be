using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
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

    private static GitLabFeatureFlagsClient Client(GitLabStub stub, GitLabClientOptions options, string variable = GitLabCiEnvironment.TokenVariable) =>
        new(GitLabCiEnvironment.FromVariables(new Dictionary<string, string>
        {
            [GitLabCiEnvironment.ApiUrlVariable] = stub.ApiUrl,
            [GitLabCiEnvironment.ProjectIdVariable] = "42",
            [variable] = Secret,
        }), options);

    /// <summary>How messages show the page asked for (project 42 on the stub).</summary>
    private static string Shown(GitLabStub stub, int page = 1) => $"http://127.0.0.1:{stub.Port}/api/v4/projects/42/feature_flags (page {page})";

    [Fact]
    public void Each_page_is_asked_for_as_json_with_per_page_and_page_in_the_query()
    {
        using var stub = new GitLabStub(request => new StubResponse(200, Page(Flag("a" + request.Page, true)), Next(request.Page == 1 ? "2" : "")));

        Client(stub, new GitLabClientOptions { Wait = _waits.Enqueue, PerPage = 20 }).ListAll();

        Assert.Equal(["?per_page=20&page=1", "?per_page=20&page=2"], stub.Requests.Select(request => request.Query));
        Assert.All(stub.Requests, request => Assert.Equal("application/json", request.Headers["Accept"]));
    }

    [Fact]
    public void A_cookie_gitlab_sets_is_never_sent_back()
    {
        using var stub = new GitLabStub(request => request.Page == 1
            ? new StubResponse(200, Page(Flag("a", true)), new Dictionary<string, string> { ["X-Next-Page"] = "2", ["Set-Cookie"] = "_gitlab_session=abc; path=/" })
            : new StubResponse(200, Page(Flag("b", true))));

        Client(stub).ListAll();

        Assert.Equal(2, stub.Requests.Count);
        Assert.All(stub.Requests, request => Assert.False(request.Headers.ContainsKey("Cookie")));
    }

    [Fact]
    public void A_link_header_without_rel_next_is_the_last_page()
    {
        using var stub = new GitLabStub(request => new StubResponse(200, Page(Flag("a" + request.Page, true)), new Dictionary<string, string>
        {
            ["Link"] = "<http://x/api/v4/projects/42/feature_flags?page=1>; rel=\"first\", <http://x/api/v4/projects/42/feature_flags?page=1>; rel=\"last\"",
        }));

        var flags = Client(stub).ListAll();

        Assert.Equal(["a1"], flags.Select(flag => flag.Name));
        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task Of_several_link_header_lines_the_one_with_rel_next_leads_on()
    {
        var (port, requests, server) = ServeRaw(2, (target, self) => target.EndsWith("page=1", StringComparison.Ordinal)
            ? ($"Link: <http://127.0.0.1:{self}/api/v4/projects/42/feature_flags?page=1>; rel=\"first\"\r\nLink: <http://127.0.0.1:{self}/api/v4/projects/42/feature_flags?page=2>; rel=\"next\"\r\n", Page(Flag("a", true)))
            : (string.Empty, Page(Flag("b", true))));

        var flags = RawClient(port).ListAll();

        await server.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(["a", "b"], flags.Select(flag => flag.Name));
        Assert.Equal(["/api/v4/projects/42/feature_flags?per_page=100&page=1", "/api/v4/projects/42/feature_flags?per_page=100&page=2"], requests);
    }

    [Fact]
    public async Task An_empty_x_next_page_is_the_last_page_even_with_a_link_to_the_next()
    {
        var (port, requests, server) = ServeRaw(1, (_, self) =>
            ($"X-Next-Page: \r\nLink: <http://127.0.0.1:{self}/api/v4/projects/42/feature_flags?page=2>; rel=\"next\"\r\n", Page(Flag("a", true))));

        var flags = RawClient(port).ListAll();

        await server.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(["a"], flags.Select(flag => flag.Name));
        Assert.Single(requests);
    }

    [Fact]
    public void An_x_next_page_that_is_not_a_number_is_an_error_not_the_last_page()
    {
        using var stub = new GitLabStub(_ => new StubResponse(200, Page(Flag("a", true)), Next("two")));

        var exception = Assert.Throws<EnvironmentException>(() => Client(stub).ListAll());

        Assert.Equal($"GitLab's answer at {Shown(stub)} has an X-Next-Page header that is not a page number; check CI_API_V4_URL points at GitLab's API", exception.Message);
    }

    [Theory]
    [InlineData("glpat-TOPSECRET\nX-Injected: yes")]
    [InlineData("glpat-TOPSECRET\r\nX-Injected: yes")]
    [InlineData("glpat-TOP\u0000SECRET")]
    public void A_token_with_a_line_break_is_refused_before_any_request_and_never_shown(string token)
    {
        using var stub = new GitLabStub(_ => new StubResponse(200, Page(Flag("a", true))));
        var gitlab = new GitLabCiEnvironment(stub.ApiUrl, "CI_API_V4_URL", "42", "CI_PROJECT_ID", new GitLabToken("PRIVATE-TOKEN", "GITLAB_TOKEN", token));

        var exception = Assert.Throws<EnvironmentException>(() => new GitLabFeatureFlagsClient(gitlab, new GitLabClientOptions { Wait = _waits.Enqueue }).ListAll());

        Assert.Equal("the token in GITLAB_TOKEN (sent as PRIVATE-TOKEN) holds a line break or another control character; set GITLAB_TOKEN again to the token alone", exception.Message);
        Assert.Empty(stub.Requests);
    }

    [Fact]
    public void Many_tries_never_overflow_the_doubling_wait()
    {
        using var stub = new GitLabStub(_ => new StubResponse(503, "{}"));

        var exception = Assert.Throws<EnvironmentException>(() => Client(stub, attempts: 50).ListAll());

        double[] seconds = [1, 2, 4, 8, 16, 32, .. Enumerable.Repeat(60.0, 43)];
        Assert.Equal(seconds, _waits.Select(wait => wait.TotalSeconds));
        Assert.EndsWith("(50 tries); try again later, or check CI_API_V4_URL", exception.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// A raw HTTP/1.1 server for what HttpListener cannot send (repeated or empty header lines): answers
    /// <paramref name="connections"/> requests, one per connection, with the extra header lines and body for the request target.
    /// </summary>
    private static (int Port, ConcurrentQueue<string> Requests, Task Server) ServeRaw(int connections, Func<string, int, (string Headers, string Body)> answer)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var requests = new ConcurrentQueue<string>();
        var server = Task.Run(() =>
        {
            try
            {
                Serve();
            }
            finally
            {
                listener.Stop();
            }
        });
        return (port, requests, server);

        void Serve()
        {
            for (var served = 0; served < connections; served++)
            {
                using var client = listener.AcceptTcpClient();
                using var stream = client.GetStream();
                var request = new StringBuilder();
                var buffer = new byte[4096];
                while (!request.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
                {
                    var read = stream.Read(buffer);
                    if (read == 0)
                    {
                        return;
                    }

                    request.Append(Encoding.ASCII.GetString(buffer, 0, read));
                }

                var target = request.ToString().Split(' ')[1];
                requests.Enqueue(target);
                var (headers, body) = answer(target, port);
                var bytes = Encoding.UTF8.GetBytes(body);
                stream.Write(Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n{headers}Content-Length: {bytes.Length}\r\nConnection: close\r\n\r\n"));
                stream.Write(bytes);
            }
        }
    }

    private GitLabFeatureFlagsClient RawClient(int port) =>
        new(new GitLabCiEnvironment($"http://127.0.0.1:{port}/api/v4", "CI_API_V4_URL", "42", "CI_PROJECT_ID", new GitLabToken("PRIVATE-TOKEN", "GITLAB_TOKEN", Secret)), new GitLabClientOptions { Wait = _waits.Enqueue, MaxAttempts = 1 });

    [Fact]
    public void Pages_stop_at_max_pages_with_the_pages_read_in_the_message()
    {
        // The stub ends on its own at page 10, so a client that ignores the limit returns instead of running forever.
        using var stub = new GitLabStub(request => new StubResponse(200, Page(Flag("a" + request.Page, true)), Next(request.Page < 10 ? (request.Page + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) : "")));

        var exception = Assert.Throws<EnvironmentException>(() => Client(stub, new GitLabClientOptions { Wait = _waits.Enqueue, MaxPages = 3 }).ListAll());

        Assert.Equal("GitLab's pages of feature flags do not end (page 3 points to page 4, 3 pages read); check CI_API_V4_URL points at GitLab's API", exception.Message);
        Assert.Equal([1, 2, 3], stub.Requests.Select(request => request.Page));
    }

    [Theory]
    [InlineData(1, 1, "page 1 points to page 1, 1 pages read")]
    [InlineData(2, 1, "page 2 points to page 1, 2 pages read")]
    public void A_page_pointing_back_stops_at_once(int last, int back, string detail)
    {
        using var stub = new GitLabStub(request => new StubResponse(200, Page(Flag("a" + request.Page, true)), Next((request.Page < last ? request.Page + 1 : back).ToString(System.Globalization.CultureInfo.InvariantCulture))));

        var exception = Assert.Throws<EnvironmentException>(() => Client(stub, new GitLabClientOptions { Wait = _waits.Enqueue, MaxPages = 5 }).ListAll());

        Assert.Equal($"GitLab's pages of feature flags do not end ({detail}); check CI_API_V4_URL points at GitLab's API", exception.Message);
        Assert.Equal(last, stub.Requests.Count);
    }

    [Fact]
    public void A_500_is_retried()
    {
        var calls = 0;
        using var stub = new GitLabStub(_ => Interlocked.Increment(ref calls) == 1
            ? new StubResponse(500, "{\"message\":\"500 Internal Server Error\"}")
            : new StubResponse(200, Page(Flag("a", true))));

        Assert.Single(Client(stub).ListAll());
        Assert.Equal(2, stub.Requests.Count);
        Assert.Equal([TimeSpan.FromSeconds(1)], _waits);
    }

    [Theory]
    [InlineData(499)]
    [InlineData(400)]
    public void A_4xx_other_than_429_is_not_retried(int status)
    {
        using var stub = new GitLabStub(_ => new StubResponse(status, "{\"message\":\"no\"}"));

        var exception = Assert.Throws<EnvironmentException>(() => Client(stub).ListAll());

        Assert.Equal($"GitLab answered {status} at {Shown(stub)}; the feature flags cannot be read.", exception.Message);
        Assert.Single(stub.Requests);
        Assert.Empty(_waits);
    }

    [Fact]
    public void A_retry_after_shorter_than_the_back_off_waits_the_back_off()
    {
        var calls = 0;
        using var stub = new GitLabStub(_ => Interlocked.Increment(ref calls) <= 2
            ? new StubResponse(503, "{}", new Dictionary<string, string> { ["Retry-After"] = "1" })
            : new StubResponse(200, Page()));

        Client(stub).ListAll();

        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)], _waits);
    }

    [Fact]
    public void The_longest_wait_also_caps_the_doubling_back_off()
    {
        using var stub = new GitLabStub(_ => new StubResponse(503, "{}"));

        Assert.Throws<EnvironmentException>(() => Client(stub, new GitLabClientOptions { Wait = _waits.Enqueue, FirstRetryDelay = TimeSpan.FromSeconds(2), MaxRetryDelay = TimeSpan.FromSeconds(3) }).ListAll());

        Assert.Equal([TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(3)], _waits);
    }

    [Fact]
    public void A_retry_after_date_already_past_never_makes_a_negative_wait()
    {
        var now = new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
        var calls = 0;
        using var stub = new GitLabStub(_ => Interlocked.Increment(ref calls) <= 2
            ? new StubResponse(503, "{}", new Dictionary<string, string> { ["Retry-After"] = now.AddSeconds(-20).ToString("R", System.Globalization.CultureInfo.InvariantCulture) })
            : new StubResponse(200, Page()));

        Client(stub, new GitLabClientOptions { Wait = _waits.Enqueue, Clock = new FixedClock(now), FirstRetryDelay = TimeSpan.Zero }).ListAll();

        Assert.Equal([TimeSpan.Zero, TimeSpan.Zero], _waits);
    }

    [Theory]
    [InlineData("options.FirstRetryDelay")]
    [InlineData("options.MaxRetryDelay")]
    public void A_negative_retry_delay_is_refused_when_the_client_is_made(string parameter)
    {
        var negative = TimeSpan.FromMilliseconds(-1);
        var options = parameter == "options.FirstRetryDelay" ? new GitLabClientOptions { FirstRetryDelay = negative } : new GitLabClientOptions { MaxRetryDelay = negative };
        var gitlab = new GitLabCiEnvironment("https://gitlab.example.com/api/v4", "CI_API_V4_URL", "42", "CI_PROJECT_ID", new GitLabToken("PRIVATE-TOKEN", "GITLAB_TOKEN", Secret));

        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => new GitLabFeatureFlagsClient(gitlab, options));

        Assert.Equal(parameter, exception.ParamName);
    }

    [Fact]
    public void The_time_limit_is_named_in_seconds_with_the_tries()
    {
        using var stub = new GitLabStub(_ => new StubResponse(200, Page(), Delay: TimeSpan.FromSeconds(60)));

        var exception = Assert.Throws<EnvironmentException>(() => Client(stub, timeout: TimeSpan.FromSeconds(0.25), attempts: 2).ListAll());

        Assert.Equal($"cannot read the feature flags from {Shown(stub)}: GitLab did not answer within 0.25 s (2 tries); try again later, or check CI_API_V4_URL", exception.Message);
        Assert.Equal([TimeSpan.FromSeconds(1)], _waits);
    }

    [Theory]
    [InlineData(300, null, "")]
    [InlineData(399, null, "")]
    [InlineData(302, "https://user:password@gitlab.example.com/api/v4/projects/42/feature_flags?page=1", " to https://gitlab.example.com/api/v4/projects/42/feature_flags")]
    [InlineData(301, "/users/sign_in", " to http://127.0.0.1:{port}/users/sign_in")]
    public void A_redirect_names_where_it_leads_and_the_variable_to_fix(int status, string? location, string to)
    {
        using var stub = new GitLabStub(_ => new StubResponse(status, string.Empty, location is null ? null : new Dictionary<string, string> { ["Location"] = location }));

        var exception = Assert.Throws<EnvironmentException>(() => Client(stub).ListAll());

        var expected = $"GitLab answered {status} (a redirect{to.Replace("{port}", stub.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)}) at {Shown(stub)}; the token is not sent on to another address, so set CI_API_V4_URL to the API's real address.";
        Assert.Equal(expected, exception.Message);
        Assert.Single(stub.Requests);
    }

    [Fact]
    public void A_401_for_a_personal_token_says_what_to_set_without_the_job_token_hint()
    {
        using var stub = new GitLabStub(_ => new StubResponse(401, "{\"message\":\"401 Unauthorized\"}"));

        var exception = Assert.Throws<EnvironmentException>(() => Client(stub).ListAll());

        Assert.Equal($"GitLab refused the token in GITLAB_TOKEN (sent as PRIVATE-TOKEN) with 401 Unauthorized at {Shown(stub)}: the token is missing, expired, revoked or mistyped; set GITLAB_TOKEN to a valid token with the read_api scope.", exception.Message);
    }

    [Fact]
    public void A_403_for_the_job_token_adds_the_job_token_hint()
    {
        using var stub = new GitLabStub(_ => new StubResponse(403, "{\"message\":\"403 Forbidden\"}"));

        var exception = Assert.Throws<EnvironmentException>(() => Client(stub, GitLabCiEnvironment.JobTokenVariable).ListAll());

        Assert.Equal(
            $"GitLab answered 403 Forbidden at {Shown(stub)}: the token in CI_JOB_TOKEN (sent as JOB-TOKEN) may not read the project's feature flags; it needs the read_api scope and its user at least the Developer role in project 42. " +
            "A CI job token can read only some API endpoints; set GITLAB_TOKEN to a project access token with the read_api scope and the Developer role.",
            exception.Message);
    }

    [Fact]
    public void A_404_names_the_project_its_source_and_the_address()
    {
        using var stub = new GitLabStub(_ => new StubResponse(404, "{\"message\":\"404 Project Not Found\"}"));

        var exception = Assert.Throws<EnvironmentException>(() => Client(stub).ListAll());

        Assert.Equal(
            $"GitLab answered 404 Not Found at {Shown(stub)}: project '42' (from CI_PROJECT_ID) does not exist at http://127.0.0.1:{stub.Port}/api/v4 or is hidden from the token in GITLAB_TOKEN (sent as PRIVATE-TOKEN); " +
            "check CI_PROJECT_ID (the project's id or full path), CI_API_V4_URL (the API root, ending in /api/v4), and that the token's user is a member of the project.",
            exception.Message);
    }

    [Fact]
    public void Without_a_gitlab_environment_the_client_cannot_be_made()
    {
        var exception = Assert.Throws<ArgumentNullException>(() => new GitLabFeatureFlagsClient(null!));

        Assert.Equal("gitlab", exception.ParamName);
    }

    [Theory]
    [InlineData("ftp://gitlab.example.com/api/v4")]
    [InlineData("gitlab.example.com/api/v4")]
    public void An_api_address_that_is_not_http_or_https_is_refused(string url)
    {
        var gitlab = GitLabCiEnvironment.FromVariables(new Dictionary<string, string> { ["CI_API_V4_URL"] = url, ["CI_PROJECT_ID"] = "42", ["GITLAB_TOKEN"] = Secret });

        var exception = Assert.Throws<EnvironmentException>(() => new GitLabFeatureFlagsClient(gitlab));

        Assert.Equal("the GitLab API address from CI_API_V4_URL is not an http(s) URL; set it to the API root, e.g. https://gitlab.example.com/api/v4", exception.Message);
    }

    [Fact]
    public void Without_a_token_the_message_names_both_token_variables()
    {
        var gitlab = GitLabCiEnvironment.FromVariables(new Dictionary<string, string> { ["CI_API_V4_URL"] = "https://gitlab.example.com/api/v4", ["CI_PROJECT_ID"] = "42" });

        var exception = Assert.Throws<EnvironmentException>(() => new GitLabFeatureFlagsClient(gitlab));

        Assert.Equal(
            "no GitLab token: set GITLAB_TOKEN to an access token with the read_api scope whose user has at least the Developer role in the project " +
            "(GitLab CI's CI_JOB_TOKEN is used when GITLAB_TOKEN is not set)",
            exception.Message);
    }

    [Fact]
    public void A_json_error_is_shown_with_its_line_and_column()
    {
        using var stub = new GitLabStub(_ => new StubResponse(200, "[\n  {\"name\": \"a\", \"active\": true},\n  {\"name\": oops}\n]"));

        var exception = Assert.Throws<EnvironmentException>(() => Client(stub).ListAll());

        Assert.Equal($"GitLab's answer at {Shown(stub)} is not the JSON list of feature flags the API documents (line 3, column 12): is {Shown(stub)} GitLab's API?", exception.Message);
    }

    [Theory]
    [InlineData("null", "is not a list of feature flags")]
    [InlineData("[{\"active\":true}]", "holds a feature flag without a name")]
    [InlineData("[{\"name\":\"\",\"active\":true}]", "holds a feature flag without a name")]
    [InlineData("[null]", "holds a feature flag without a name")]
    public void An_answer_without_flags_or_names_is_refused(string body, string problem)
    {
        using var stub = new GitLabStub(_ => new StubResponse(200, body));

        var exception = Assert.Throws<EnvironmentException>(() => Client(stub).ListAll());

        Assert.Equal($"GitLab's answer at {Shown(stub)} {problem}", exception.Message);
    }

    [Fact]
    public void Missing_fields_are_empty_and_a_parameter_that_is_not_a_string_keeps_its_json_text()
    {
        using var stub = new GitLabStub(_ => new StubResponse(200, """
            [
              {"name": "bare"},
              {"name": "full", "active": true, "strategies": [
                {"name": "default"},
                {"parameters": {"rollout": 25, "quoted": "say \"hi\"", "ids": [1, 2], "none": null}, "scopes": [{"environment_scope": "*"}, null, {}]},
                null
              ]}
            ]
            """));

        var flags = Client(stub).ListAll();

        Assert.Equal(2, flags.Length);
        Assert.Equal(("bare", false, 0), (flags[0].Name, flags[0].Active, flags[0].Strategies.Length));
        Assert.Equal(("full", true, 2), (flags[1].Name, flags[1].Active, flags[1].Strategies.Length));
        var bare = flags[1].Strategies[0];
        Assert.Equal(("default", 0, 0, (string?)null), (bare.Name, bare.Parameters.Count, bare.EnvironmentScopes.Length, bare.UserListName));
        var unnamed = flags[1].Strategies[1];
        Assert.Equal(string.Empty, unnamed.Name);
        Assert.Equal(
            [("ids", "[1, 2]"), ("none", "null"), ("quoted", "say \"hi\""), ("rollout", "25")],
            unnamed.Parameters.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => (pair.Key, pair.Value)));
        Assert.Equal(["*"], unnamed.EnvironmentScopes.ToArray());
    }

    /// <summary>A clock that always says the same time.</summary>
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
