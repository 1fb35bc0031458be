using System.Diagnostics;
using System.Globalization;

namespace BfReleaseNotes.Workspace;

/// <summary>Who a lock file says holds it.</summary>
internal sealed record LockOwner(int? ProcessId, string? Host, DateTimeOffset? Started, DateTimeOffset? ProcessStart, string? Command)
{
    public static LockOwner Parse(string text)
    {
        var values = text.Split('\n')
            .Select(line => line.Split('=', 2))
            .Where(parts => parts.Length == 2)
            .GroupBy(parts => parts[0], StringComparer.Ordinal)
            // Stryker disable once Linq : a group is never empty, so First and FirstOrDefault find the same line
            .ToDictionary(group => group.Key, group => group.First()[1].Trim(), StringComparer.Ordinal);
        return new LockOwner(
            values.TryGetValue("pid", out var pid) && int.TryParse(pid, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null,
            values.GetValueOrDefault("host"),
            Time(values.GetValueOrDefault("started")),
            Time(values.GetValueOrDefault("processStart")),
            values.GetValueOrDefault("command"));
    }

    /// <summary>For messages: <c>process 1234 on host 'ci-7' (bf-release-notes add, since 2026-11-25T10:00:00Z)</c>.</summary>
    public string Describe() =>
        ProcessId is null
            ? "an unnamed holder"
            : string.Create(CultureInfo.InvariantCulture, $"process {ProcessId} on host '{Host}' (bf-release-notes {Command}, since {Started:yyyy-MM-ddTHH:mm:ssZ})");

    /// <summary>
    /// True when the named process runs on this host and is the one that wrote the file (same start time, so a
    /// reused process id does not count). A holder on another host cannot be asked, so only the file lock judges it.
    /// </summary>
    public bool IsAliveHere()
    {
        if (ProcessId is not { } id)
        {
            return false;
        }

        if (!string.Equals(Host, Environment.MachineName, StringComparison.Ordinal))
        {
            return false;
        }

        try
        {
            using var process = Process.GetProcessById(id);
            if (process.HasExited)
            {
                // Stryker disable once Boolean : GetProcessById finds only a running process, so it ends here only if it exits in between, a race no test can time
                return false;
            }

            return ProcessStart is not { } start || Math.Abs((process.StartTime.ToUniversalTime() - start.UtcDateTime).TotalSeconds) < 2;
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            return false;
        }
    }

    private static DateTimeOffset? Time(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var time) ? time : null;
}
