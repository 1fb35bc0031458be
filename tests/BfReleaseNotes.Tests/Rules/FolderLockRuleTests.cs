using System.Diagnostics;
using System.Globalization;
using BfReleaseNotes.Workspace;

namespace BfReleaseNotes.Tests.Rules;

/// <summary>
/// The folder lock's rules on real files and real processes: what the lock file says, when a lock is stale and
/// taken over (and the notice that says so), how long a live holder is waited for and what the refusal says, and
/// that a release removes the file, its handle and this process's record so the next acquisition starts afresh.
/// </summary>
public sealed class FolderLockRuleTests : IDisposable
{
    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan Generous = TimeSpan.FromMinutes(2);
    private readonly TempFolder _temp = new();

    private string Folder => _temp.Path;

    private string LockFile => _temp.Combine(FolderLock.FileName);

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void The_lock_file_names_this_process_its_host_when_it_started_and_the_command()
    {
        var before = DateTimeOffset.UtcNow;
        using var folderLock = FolderLock.Acquire(Folder, "add", Short);
        var after = DateTimeOffset.UtcNow;

        var lines = ReadUnlocked(LockFile).Split('\n');

        using var self = Process.GetCurrentProcess();
        Assert.Equal(6, lines.Length);
        Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"pid={Environment.ProcessId}"), lines[0]);
        Assert.Equal($"host={Environment.MachineName}", lines[1]);
        var started = DateTimeOffset.Parse(lines[2]["started=".Length..], CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
        Assert.InRange(started, before, after);
        Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"processStart={self.StartTime.ToUniversalTime():O}"), lines[3]);
        Assert.Equal("command=add", lines[4]);
        Assert.Equal(string.Empty, lines[5]);
        Assert.Null(folderLock.Notice);
        Assert.Equal((Folder, LockFile), (folderLock.Folder, folderLock.LockPath));
    }

    [Fact]
    public void A_stale_lock_of_a_dead_process_is_taken_over_in_place_rewritten_and_named_in_the_notice()
    {
        var dead = DeadProcessId();
        File.WriteAllText(LockFile, string.Create(CultureInfo.InvariantCulture,
            $"pid={dead}\nhost={Environment.MachineName}\nstarted=2026-11-25T10:00:00Z\ncommand=promote\nnote={new string('x', 400)}\n"));

        using var folderLock = FolderLock.Acquire(Folder, "add", Short);

        Assert.Equal(
            string.Create(CultureInfo.InvariantCulture, $"took over the stale lock '{LockFile}' of process {dead} on host '{Environment.MachineName}' (bf-release-notes promote, since 2026-11-25T10:00:00Z), which is no longer running"),
            folderLock.Notice);
        var lines = ReadUnlocked(LockFile).Split('\n');
        Assert.Equal(6, lines.Length);
        Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"pid={Environment.ProcessId}"), lines[0]);
        Assert.Equal("command=add", lines[4]);
    }

    [Fact]
    public void A_lock_file_naming_no_process_is_taken_over_with_a_notice_that_no_running_process_held_it()
    {
        File.WriteAllText(LockFile, "half-written\n");

        using var folderLock = FolderLock.Acquire(Folder, "add", Short);

        Assert.Equal($"took over the lock '{LockFile}', which no running process held", folderLock.Notice);
        Assert.StartsWith(string.Create(CultureInfo.InvariantCulture, $"pid={Environment.ProcessId}\n"), ReadUnlocked(LockFile), StringComparison.Ordinal);
    }

    [Fact]
    public void A_lock_naming_a_running_process_is_waited_for_at_least_the_timeout_then_refused_with_how_to_clear_it()
    {
        using var holder = LiveProcess.Start();
        File.WriteAllText(LockFile, string.Create(CultureInfo.InvariantCulture,
            $"pid={holder.Id}\nhost={Environment.MachineName}\nstarted=2026-11-25T10:00:00Z\nprocessStart={holder.StartTime:O}\ncommand=promote\n"));
        var waited = Stopwatch.StartNew();

        var exception = Assert.Throws<EnvironmentException>(() => FolderLock.Acquire(Folder, "add", Short));

        Assert.True(waited.Elapsed >= Short, $"gave up after {waited.Elapsed}, before the timeout");
        Assert.Equal(
            string.Create(CultureInfo.InvariantCulture, $"another bf-release-notes run holds the lock on '{Folder}' (process {holder.Id} on host '{Environment.MachineName}' (bf-release-notes promote, since 2026-11-25T10:00:00Z)) and did not finish within 0 s; ") +
            $"wait for it and run again. If no such run is going on (the process named is something else now), delete '{LockFile}' and run again. No file was changed.",
            exception.Message);
        Assert.True(File.Exists(LockFile));
    }

    [Fact]
    public void A_lock_file_another_program_has_open_is_waited_for_and_the_refusal_names_whom_it_names()
    {
        File.WriteAllText(LockFile, "pid=77\nhost=ci-7\nstarted=2026-11-25T10:00:00Z\ncommand=promote\n");
        var named = WaitWhileOpenElsewhere();
        File.WriteAllText(LockFile, "\n");
        var unnamed = WaitWhileOpenElsewhere();

        Assert.StartsWith($"another bf-release-notes run holds the lock on '{Folder}' (process 77 on host 'ci-7' (bf-release-notes promote, since 2026-11-25T10:00:00Z)) and did not finish within 0 s; ", named.Message, StringComparison.Ordinal);
        Assert.StartsWith($"another bf-release-notes run holds the lock on '{Folder}' (an unnamed holder) and did not finish within 0 s; ", unnamed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_folder_is_refused_at_once_with_how_to_create_it()
    {
        var missing = _temp.Combine("release-notes");

        var exception = Assert.Throws<EnvironmentException>(() => FolderLock.Acquire(missing, "add", Short));

        Assert.Equal($"the release-notes folder '{missing}' does not exist; run 'bf-release-notes init --dir {missing}' or pass --dir", exception.Message);
        Assert.False(Directory.Exists(missing));
    }

    [Fact]
    public void A_folder_that_refuses_the_lock_file_is_reported_at_once_and_not_blamed_on_another_run()
    {
        // procfs refuses every new file, as a read-only mount does: no other run holds anything, so waiting cannot help.
        var exception = Assert.Throws<EnvironmentException>(() => FolderLock.Acquire("/proc", "add", TimeSpan.FromSeconds(10)));

        Assert.Equal($"cannot create the lock file '/proc/{FolderLock.FileName}': {exception.InnerException!.Message}; commands that write need write access to the folder", exception.Message);
    }

    [Fact]
    public void A_release_removes_the_file_its_handle_and_the_record_so_any_thread_acquires_afresh()
    {
        var first = FolderLock.Acquire(Folder, "add", Short);
        var openWhileHeld = OpenDescriptors.To(LockFile);
        first.Dispose();
        var openAfter = OpenDescriptors.To(LockFile);
        var existedAfter = File.Exists(LockFile);

        using (var again = FolderLock.Acquire(Folder, "add", Short))
        {
            Assert.NotSame(first, again);
            Assert.True(File.Exists(LockFile));
        }

        var fromAnotherThread = OnAnotherThread(() =>
        {
            using var other = FolderLock.Acquire(Folder, "fix", Short);
            return ReadUnlocked(LockFile).Split('\n')[4];
        });

        Assert.Equal(1, openWhileHeld);
        Assert.Equal(0, openAfter);
        Assert.False(existedAfter);
        Assert.Equal("command=fix", fromAnotherThread);
        Assert.False(File.Exists(LockFile));
    }

    [Fact]
    public void Releasing_a_released_lock_again_does_not_release_the_lock_taken_after_it()
    {
        var first = FolderLock.Acquire(Folder, "add", Short);
        first.Dispose();
        using var second = FolderLock.Acquire(Folder, "fix", Short);

        first.Dispose();

        Assert.True(File.Exists(LockFile));
        var fromAnotherThread = OnAnotherThread(() => Assert.Throws<EnvironmentException>(() => FolderLock.Acquire(Folder, "add", Short)));
        Assert.StartsWith($"another bf-release-notes run holds the lock on '{Folder}' (holder unknown)", fromAnotherThread.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Another_thread_waits_for_this_process_s_lock_even_when_its_file_was_deleted_under_it()
    {
        using var held = FolderLock.Acquire(Folder, "add", Short);
        File.Delete(LockFile);

        var fromAnotherThread = OnAnotherThread(() => Assert.Throws<EnvironmentException>(() => FolderLock.Acquire(Folder, "fix", Short)));

        Assert.StartsWith($"another bf-release-notes run holds the lock on '{Folder}' (holder unknown)", fromAnotherThread.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(LockFile));
    }

    [Fact]
    public void The_folder_and_command_are_required()
    {
        Assert.Equal("folder", Assert.Throws<ArgumentNullException>(() => FolderLock.Acquire(null!, "add", Short)).ParamName);
        Assert.Equal("command", Assert.Throws<ArgumentNullException>(() => FolderLock.Acquire(Folder, null!, Short)).ParamName);
        Assert.False(File.Exists(LockFile));
    }

    /// <summary>Another program reading the lock file holds a shared file lock: the lock cannot be taken over meanwhile.</summary>
    private EnvironmentException WaitWhileOpenElsewhere()
    {
        using var reader = new FileStream(LockFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        return Assert.Throws<EnvironmentException>(() => FolderLock.Acquire(Folder, "add", Short));
    }

    /// <summary>Runs <paramref name="work"/> on a thread of its own (the lock is per thread), failing only on a hang.</summary>
    private static T OnAnotherThread<T>(Func<T> work)
    {
        T result = default!;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                result = work();
            }
            catch (Exception exception)
            {
                failure = exception;
            }
        });
        thread.Start();
        Assert.True(thread.Join(Generous), "the other thread hung");
        return failure is null ? result : throw new InvalidOperationException("the other thread failed", failure);
    }

    /// <summary>A process id nobody uses any more: a process that was started and has ended.</summary>
    private static int DeadProcessId()
    {
        using var process = Process.Start(new ProcessStartInfo("true"))!;
        process.WaitForExit();
        return process.Id;
    }

    /// <summary>Reads a file through <c>cat</c>, which takes no file lock (the holder's lock keeps .NET readers out).</summary>
    private static string ReadUnlocked(string path)
    {
        using var cat = Process.Start(new ProcessStartInfo("cat", [path]) { RedirectStandardOutput = true })!;
        var text = cat.StandardOutput.ReadToEnd();
        cat.WaitForExit();
        return text;
    }
}
