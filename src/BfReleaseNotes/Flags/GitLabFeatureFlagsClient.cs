using System.Collections.Immutable;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization;
using BfReleaseNotes.GitLab;
using BfReleaseNotes.Workspace;

namespace BfReleaseNotes.Flags;

/// <summary>
/// Reads every feature flag of a GitLab project (<c>GET /projects/:id/feature_flags</c>, all pages). A CI job can
/// rely on it: each request has a time limit; 429, 5xx, timeouts and connection failures are retried with
/// exponential back-off (honouring <c>Retry-After</c>); 401, 403 and 404 stop at once with a message naming the
/// variable or permission to fix; redirects are not followed (the token must not travel to another host); the
/// token is only ever sent in its header and no message contains it. Anything it cannot read is an
/// <see cref="EnvironmentException"/> (exit 2): never a guess.
/// </summary>
/// <example>
/// <code>
/// var client = new GitLabFeatureFlagsClient(GitLabCiEnvironment.FromVariables(variables));
/// var registry = GitLabRollout.ToRegistry(client.ListAll(), client.Source, "production", "beta-testers");
/// </code>
/// </example>
public sealed class GitLabFeatureFlagsClient
{
    private readonly GitLabClientOptions _options;
    private readonly Uri _apiUrl;
    private readonly string _projectId;
    private readonly string _projectSource;
    private readonly string _apiUrlSource;
    private readonly GitLabToken _token;

    /// <summary>Prepares a client; checks that the address, the project and a token are known.</summary>
    /// <exception cref="EnvironmentException">A value is missing or the address is not usable; the message says which variable to set.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A retry delay of <paramref name="options"/> is negative.</exception>
    public GitLabFeatureFlagsClient(GitLabCiEnvironment gitlab, GitLabClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(gitlab);
        _options = options ?? new GitLabClientOptions();

        // A negative wait cannot be slept: refused here rather than failing between two tries of a CI job.
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.FirstRetryDelay, TimeSpan.Zero, "options.FirstRetryDelay");
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MaxRetryDelay, TimeSpan.Zero, "options.MaxRetryDelay");
        if (gitlab.ApiUrl is null)
        {
            throw new EnvironmentException($"the GitLab API address is unknown: set {GitLabCiEnvironment.ApiUrlVariable} (GitLab CI sets it in every job, e.g. https://gitlab.example.com/api/v4) or pass --api-url");
        }

        if (!Uri.TryCreate(gitlab.ApiUrl.TrimEnd('/'), UriKind.Absolute, out var apiUrl) || (apiUrl.Scheme != Uri.UriSchemeHttps && apiUrl.Scheme != Uri.UriSchemeHttp))
        {
            throw new EnvironmentException($"the GitLab API address from {gitlab.ApiUrlSource} is not an http(s) URL; set it to the API root, e.g. https://gitlab.example.com/api/v4");
        }

        if (gitlab.ProjectId is null)
        {
            throw new EnvironmentException($"the GitLab project is unknown: set {GitLabCiEnvironment.ProjectIdVariable} (GitLab CI sets it in every job) or pass --project with the project's id or full path");
        }

        if (gitlab.Token is null)
        {
            throw new EnvironmentException(
                $"no GitLab token: set {GitLabCiEnvironment.TokenVariable} to an access token with the read_api scope whose user has at least the Developer role in the project " +
                $"(GitLab CI's {GitLabCiEnvironment.JobTokenVariable} is used when {GitLabCiEnvironment.TokenVariable} is not set)");
        }

        // The token goes into a header as it is: a line break in it would start another header (and is never a token).
        if (gitlab.Token.Value.Any(char.IsControl))
        {
            throw new EnvironmentException($"{gitlab.Token} holds a line break or another control character; set {gitlab.Token.Variable} again to the token alone");
        }

        // A token sent over plain http can be read on the way; only the machine itself is exempt (tests, tunnels).
        if (apiUrl.Scheme == Uri.UriSchemeHttp && !apiUrl.IsLoopback)
        {
            throw new EnvironmentException($"refusing to send {gitlab.Token} over plain http to {apiUrl.Host}; set {gitlab.ApiUrlSource} to the https address of the API");
        }

        _apiUrl = apiUrl;
        _apiUrlSource = gitlab.ApiUrlSource;
        _projectId = gitlab.ProjectId;
        _projectSource = gitlab.ProjectIdSource;
        _token = gitlab.Token;
    }

    /// <summary>Where the flags come from, for messages: <c>GitLab project 42 at https://gitlab.example.com/api/v4</c>.</summary>
    public string Source => $"GitLab project {_projectId} at {Printable(_apiUrl)}";

    /// <summary>Every feature flag of the project, all pages, in GitLab's order.</summary>
    /// <exception cref="EnvironmentException">GitLab could not be read; the message says why and what to do.</exception>
    public ImmutableArray<GitLabFeatureFlag> ListAll()
    {
        using var handler = new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false };

        // Stryker disable once Boolean : the handler's own using disposes it either way, and disposing it twice does nothing
        using var http = new HttpClient(handler, disposeHandler: false)
        {
            Timeout = _options.Timeout,
            MaxResponseContentBufferSize = 16 * 1024 * 1024,
        };
        var flags = ImmutableArray.CreateBuilder<GitLabFeatureFlag>();
        var page = 1;
        for (var count = 1; ; count++)
        {
            var (items, next) = ReadPage(http, page);
            flags.AddRange(items);
            if (next is null)
            {
                return flags.ToImmutable();
            }

            if (next <= page || count >= _options.MaxPages)
            {
                throw new EnvironmentException($"GitLab's pages of feature flags do not end (page {page.ToString(CultureInfo.InvariantCulture)} points to page {next.Value.ToString(CultureInfo.InvariantCulture)}, {count.ToString(CultureInfo.InvariantCulture)} pages read); check {_apiUrlSource} points at GitLab's API");
            }

            page = next.Value;
        }
    }

    private (List<GitLabFeatureFlag> Items, int? Next) ReadPage(HttpClient http, int page)
    {
        var projectPath = Uri.EscapeDataString(_projectId);
        var url = new Uri($"{_apiUrl.AbsoluteUri.TrimEnd('/')}/projects/{projectPath}/feature_flags?per_page={_options.PerPage.ToString(CultureInfo.InvariantCulture)}&page={page.ToString(CultureInfo.InvariantCulture)}");
        var shown = $"{Printable(_apiUrl)}/projects/{projectPath}/feature_flags (page {page.ToString(CultureInfo.InvariantCulture)})";
        string? lastProblem = null;
        for (var attempt = 1; ; attempt++)
        {
            TimeSpan? retryAfter = null;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, url);
                request.Headers.TryAddWithoutValidation(_token.Header, _token.Value);
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
                using var response = http.Send(request);
                var status = (int)response.StatusCode;
                if (response.IsSuccessStatusCode)
                {
                    return (Parse(response, shown), NextPage(response, page, shown));
                }

                if (status == 429 || status >= 500)
                {
                    lastProblem = $"GitLab answered {status.ToString(CultureInfo.InvariantCulture)} {response.ReasonPhrase}";
                    retryAfter = RetryAfter(response.Headers.RetryAfter);
                }
                else
                {
                    throw new EnvironmentException(Refusal(response.StatusCode, status, shown, url, response.Headers.Location));
                }
            }
            catch (TaskCanceledException)
            {
                lastProblem = $"GitLab did not answer within {_options.Timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s";
            }
            catch (HttpRequestException exception)
            {
                lastProblem = $"cannot reach GitLab ({exception.HttpRequestError}: {exception.Message})";
            }

            if (attempt >= _options.MaxAttempts)
            {
                throw new EnvironmentException($"cannot read the feature flags from {shown}: {lastProblem} ({attempt.ToString(CultureInfo.InvariantCulture)} tries); try again later, or check {_apiUrlSource}");
            }

            // Doubled in floating point and cut to the longest wait first: a TimeSpan doubled 40 times overflows.
            var backOff = TimeSpan.FromTicks((long)Math.Min(_options.FirstRetryDelay.Ticks * Math.Pow(2, attempt - 1), _options.MaxRetryDelay.Ticks));

            // Stryker disable once Equality : when Retry-After equals the back-off, either one is the same wait
            var wait = retryAfter is { } asked && asked > backOff ? asked : backOff;

            // Stryker disable once Equality : when the wait equals the longest wait, either one is the same wait
            _options.Wait(wait > _options.MaxRetryDelay ? _options.MaxRetryDelay : wait);
        }
    }

    private TimeSpan? RetryAfter(RetryConditionHeaderValue? header)
    {
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        // A date already past gives a negative wait, which never beats the back-off (never negative, see the constructor).
        if (header?.Date is { } date)
        {
            return date - _options.Clock.GetUtcNow();
        }

        return null;
    }

    private string Refusal(HttpStatusCode code, int status, string shown, Uri url, Uri? location)
    {
        var jobTokenHint = _token.IsJobToken
            ? $" A CI job token can read only some API endpoints; set {GitLabCiEnvironment.TokenVariable} to a project access token with the read_api scope and the Developer role."
            : string.Empty;
        return code switch
        {
            HttpStatusCode.Unauthorized =>
                $"GitLab refused {_token} with 401 Unauthorized at {shown}: the token is missing, expired, revoked or mistyped; set {_token.Variable} to a valid token with the read_api scope.{jobTokenHint}",
            HttpStatusCode.Forbidden =>
                $"GitLab answered 403 Forbidden at {shown}: {_token} may not read the project's feature flags; it needs the read_api scope and its user at least the Developer role in project {_projectId}.{jobTokenHint}",
            HttpStatusCode.NotFound =>
                $"GitLab answered 404 Not Found at {shown}: project '{_projectId}' (from {_projectSource}) does not exist at {Printable(_apiUrl)} or is hidden from {_token}; " +
                $"check {_projectSource} (the project's id or full path), {_apiUrlSource} (the API root, ending in /api/v4), and that the token's user is a member of the project.",
            _ when status is >= 300 and < 400 =>
                $"GitLab answered {status.ToString(CultureInfo.InvariantCulture)} (a redirect{(location is null ? string.Empty : " to " + Printable(new Uri(url, location)))}) at {shown}; the token is not sent on to another address, so set {_apiUrlSource} to the API's real address.",
            _ => $"GitLab answered {status.ToString(CultureInfo.InvariantCulture)} at {shown}; the feature flags cannot be read.",
        };
    }

    private static List<GitLabFeatureFlag> Parse(HttpResponseMessage response, string shown)
    {
        List<FeatureFlagJson?>? items;
        try
        {
            using var stream = response.Content.ReadAsStream();
            items = JsonSerializer.Deserialize(stream, GitLabJsonContext.Default.ListFeatureFlagJson);
        }
        catch (JsonException exception)
        {
            throw new EnvironmentException($"GitLab's answer at {shown} is not the JSON list of feature flags the API documents (line {(exception.LineNumber ?? 0) + 1}, column {(exception.BytePositionInLine ?? 0) + 1}): is {shown} GitLab's API?", exception);
        }

        if (items is null)
        {
            throw new EnvironmentException($"GitLab's answer at {shown} is not a list of feature flags");
        }

        var flags = new List<GitLabFeatureFlag>();
        foreach (var item in items)
        {
            if (item?.Name is not { Length: > 0 } name)
            {
                throw new EnvironmentException($"GitLab's answer at {shown} holds a feature flag without a name");
            }

            var strategies = (item.Strategies ?? [])
                .Where(strategy => strategy is not null)
                .Select(strategy => new GitLabFlagStrategy(
                    strategy!.Name ?? string.Empty,
                    (strategy.Parameters ?? []).ToImmutableDictionary(pair => pair.Key, pair => pair.Value.ValueKind == JsonValueKind.String ? pair.Value.GetString()! : pair.Value.GetRawText(), StringComparer.Ordinal),
                    [.. (strategy.Scopes ?? []).Select(scope => scope?.EnvironmentScope).OfType<string>()],
                    strategy.UserList?.Name))
                .ToImmutableArray();
            flags.Add(new GitLabFeatureFlag(name, item.Active ?? false, strategies));
        }

        return flags;
    }

    /// <summary>GitLab's <c>X-Next-Page</c> (empty on the last page); without it, a <c>Link</c> with <c>rel="next"</c>.</summary>
    private int? NextPage(HttpResponseMessage response, int page, string shown)
    {
        if (response.Headers.TryGetValues("X-Next-Page", out var values))
        {
            // Stryker disable once Linq : TryGetValues answers true only with at least one value (an empty header is one empty value)
            var text = values.FirstOrDefault()?.Trim();
            if (string.IsNullOrEmpty(text))
            {
                return null;
            }

            // Taking a page number we cannot read for the last page would drop the flags after it without a word.
            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var next)
                ? next
                : throw new EnvironmentException($"GitLab's answer at {shown} has an X-Next-Page header that is not a page number; check {_apiUrlSource} points at GitLab's API");
        }

        if (response.Headers.TryGetValues("Link", out var links) && links.Any(link => link.Contains("rel=\"next\"", StringComparison.Ordinal)))
        {
            return page + 1;
        }

        return null;
    }

    /// <summary>An address as it may be shown: scheme, host, port and path; never a user name or password in it.</summary>
    private static string Printable(Uri uri) => $"{uri.Scheme}://{uri.Authority}{uri.AbsolutePath.TrimEnd('/')}";
}

/// <summary>A feature flag as GitLab's API returns it (only the fields used; others are ignored).</summary>
internal sealed class FeatureFlagJson
{
    public string? Name { get; set; }

    public bool? Active { get; set; }

    public List<StrategyJson?>? Strategies { get; set; }
}

/// <summary>A strategy of a GitLab feature flag.</summary>
internal sealed class StrategyJson
{
    public string? Name { get; set; }

    public Dictionary<string, JsonElement>? Parameters { get; set; }

    public List<ScopeJson?>? Scopes { get; set; }

    public UserListJson? UserList { get; set; }
}

/// <summary>An environment scope of a strategy.</summary>
internal sealed class ScopeJson
{
    public string? EnvironmentScope { get; set; }
}

/// <summary>The user list of a <c>gitlabUserList</c> strategy.</summary>
internal sealed class UserListJson
{
    public string? Name { get; set; }
}

// GitLab adds fields over time: unknown ones are ignored here, unlike in files people write.
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(List<FeatureFlagJson?>))]
internal sealed partial class GitLabJsonContext : JsonSerializerContext;
