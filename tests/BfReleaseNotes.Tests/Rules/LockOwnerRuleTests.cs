using System.Diagnostics;
using System.Globalization;
using BfReleaseNotes.Workspace;

namespace BfReleaseNotes.Tests.Rules;

/// <summary>
/// Who a lock file names and whether that holder still runs, against real processes: only a process on this host,
/// still running, that started when the file says (a reused process id does not count) holds the lock.
/// </summary>
public sealed class LockOwnerRuleTests
{
    [Fact]
    public void Every_field_of_the_lock_file_is_read_and_the_first_of_a_repeated_one_wins()
    {
        var owner = LockOwner.Parse("pid=4242\nhost=ci-7\nstarted=2026-11-25T10:00:00Z\nprocessStart=2026-11-25T09:59:58.5000000Z\ncommand=promote\npid=1\nnot a field\n");

        Assert.Equal(
            new LockOwner(4242, "ci-7", new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 25, 9, 59, 58, 500, TimeSpan.Zero), "promote"),
            owner);
        Assert.Equal("process 4242 on host 'ci-7' (bf-release-notes promote, since 2026-11-25T10:00:00Z)", owner.Describe());
    }

    [Fact]
    public void A_lock_file_without_a_process_id_names_an_unnamed_holder_who_is_not_alive()
    {
        var owner = LockOwner.Parse($"host={Environment.MachineName}\ncommand=add\n");

        Assert.Equal("an unnamed holder", owner.Describe());
        Assert.False(owner.IsAliveHere());
    }

    [Fact]
    public void A_running_process_holds_the_lock_only_on_this_host_and_with_the_start_time_it_wrote()
    {
        using var live = LiveProcess.Start();
        var host = Environment.MachineName;

        Assert.True(new LockOwner(live.Id, host, null, live.StartTime, "add").IsAliveHere());
        Assert.True(new LockOwner(live.Id, host, null, null, "add").IsAliveHere());
        Assert.False(new LockOwner(live.Id, host + "-elsewhere", null, live.StartTime, "add").IsAliveHere());
        Assert.False(new LockOwner(live.Id, host, null, live.StartTime.AddHours(-1), "add").IsAliveHere());

        // The start time is compared to the second, loosely for clock rounding: 2 s off is another process with a reused id.
        Assert.True(new LockOwner(live.Id, host, null, live.StartTime.AddSeconds(-1.9), "add").IsAliveHere());
        Assert.False(new LockOwner(live.Id, host, null, live.StartTime.AddSeconds(-2), "add").IsAliveHere());
    }

    [Fact]
    public void A_process_that_ended_holds_nothing()
    {
        int dead;
        using (var process = Process.Start(new ProcessStartInfo("true"))!)
        {
            process.WaitForExit();
            dead = process.Id;
        }

        Assert.False(LockOwner.Parse(string.Create(CultureInfo.InvariantCulture, $"pid={dead}\nhost={Environment.MachineName}\n")).IsAliveHere());
    }
}
