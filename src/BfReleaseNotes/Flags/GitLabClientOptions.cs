namespace BfReleaseNotes.Flags;

/// <summary>
/// How <see cref="GitLabFeatureFlagsClient"/> behaves on the network: a time limit per request, and retries with
/// exponential back-off on 429, 5xx, timeouts and connection failures (honouring <c>Retry-After</c>).
/// </summary>
public sealed class GitLabClientOptions
{
    /// <summary>The limit for one request, answer included (default 30 s).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Tries per page before giving up (default 4: the first and three retries).</summary>
    public int MaxAttempts { get; init; } = 4;

    /// <summary>The wait before the first retry; it doubles for each further one (default 1 s; not negative).</summary>
    public TimeSpan FirstRetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between tries, also for a longer <c>Retry-After</c> (default 60 s; not negative).</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Flags asked for per page (GitLab's maximum is 100).</summary>
    public int PerPage { get; init; } = 100;

    /// <summary>A limit on pages, so a server that always announces a next page cannot keep the job running.</summary>
    public int MaxPages { get; init; } = 1000;

    /// <summary>How the client waits between tries; tests record the waits instead of sleeping.</summary>
    public Action<TimeSpan> Wait { get; init; } = Thread.Sleep;

    /// <summary>The clock, for a <c>Retry-After</c> given as a date.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}
