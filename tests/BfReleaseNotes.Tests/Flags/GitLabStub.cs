using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace BfReleaseNotes.Tests.Flags;

/// <summary>A request the stub received: path, query, page and headers.</summary>
public sealed record StubRequest(string Path, string Query, int Page, IReadOnlyDictionary<string, string> Headers);

/// <summary>What the stub answers: status, JSON body, headers, and an optional delay before answering.</summary>
public sealed record StubResponse(int Status, string Body, IReadOnlyDictionary<string, string>? Headers = null, TimeSpan Delay = default);

/// <summary>
/// A real HTTP server on 127.0.0.1 (HttpListener on a free port) that answers like GitLab's API, one response per
/// request from the test's function; every request is recorded. Requests are answered concurrently, so a slow
/// answer does not hold up the next try.
/// </summary>
public sealed class GitLabStub : IDisposable
{
    private readonly HttpListener _listener;
    private readonly Func<StubRequest, StubResponse> _respond;
    private readonly CancellationTokenSource _stop = new();

    public GitLabStub(Func<StubRequest, StubResponse> respond)
    {
        _respond = respond;
        (_listener, Port) = Start();
        _ = Task.Run(AcceptLoop);
    }

    public int Port { get; }

    /// <summary>What a job's <c>CI_API_V4_URL</c> would hold.</summary>
    public string ApiUrl => $"http://127.0.0.1:{Port}/api/v4";

    public ConcurrentQueue<StubRequest> Requests { get; } = new();

    /// <summary>A GitLab-shaped page of flags, as the API documents it (extra fields included).</summary>
    public static string Page(params string[] flags) => "[" + string.Join(",", flags) + "]";

    /// <summary>A flag as GitLab's API returns it.</summary>
    public static string Flag(string name, bool active, params string[] strategies) =>
        $$"""{"name":"{{name}}","description":"","active":{{(active ? "true" : "false")}},"version":"new_version_flag","created_at":"2026-11-04T08:13:51.423Z","updated_at":"2026-11-04T08:13:51.423Z","scopes":[],"strategies":[{{string.Join(",", strategies)}}]}""";

    /// <summary>A strategy as GitLab's API returns it.</summary>
    public static string Strategy(string name, string parameters, string[] scopes, string? userList = null) =>
        $$"""{"id":1,"name":"{{name}}","parameters":{{{parameters}}},"scopes":[{{string.Join(",", scopes.Select((scope, i) => $$"""{"id":{{i + 1}},"environment_scope":"{{scope}}"}"""))}}],"user_list":{{(userList is null ? "null" : $$"""{"id":7,"iid":1,"name":"{{userList}}","user_xids":"user1,user2"}""")}}}""";

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Close();
        _stop.Dispose();
    }

    private static (HttpListener Listener, int Port) Start()
    {
        // A port the system says is free; another process may take it before the listener does, so try again.
        for (var attempt = 0; ; attempt++)
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                listener.Start();
                return (listener, port);
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                listener.Close();
            }
        }
    }

    private async Task AcceptLoop()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => Answer(context));
        }
    }

    private async Task Answer(HttpListenerContext context)
    {
        try
        {
            var headers = context.Request.Headers.AllKeys.OfType<string>().ToDictionary(key => key, key => context.Request.Headers[key] ?? string.Empty, StringComparer.OrdinalIgnoreCase);
            var page = int.TryParse(context.Request.QueryString["page"], out var number) ? number : 1;
            var request = new StubRequest(context.Request.Url!.AbsolutePath, context.Request.Url.Query, page, headers);
            Requests.Enqueue(request);
            var response = _respond(request);
            if (response.Delay > TimeSpan.Zero)
            {
                await Task.Delay(response.Delay, _stop.Token);
            }

            context.Response.StatusCode = response.Status;
            context.Response.ContentType = "application/json";
            foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>())
            {
                context.Response.Headers[name] = value;
            }

            var body = Encoding.UTF8.GetBytes(response.Body);
            context.Response.ContentLength64 = body.Length;
            await context.Response.OutputStream.WriteAsync(body, _stop.Token);
            context.Response.Close();
        }
#pragma warning disable CA1031 // The client may have given up (a timeout test) or the stub is stopping: nothing to report.
        catch (Exception)
#pragma warning restore CA1031
        {
            context.Response.Abort();
        }
    }
}
