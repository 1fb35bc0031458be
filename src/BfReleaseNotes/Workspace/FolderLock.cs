using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace BfReleaseNotes.Workspace;

/// <summary>
/// An exclusive lock on a release-notes folder, held by every command that writes there, so two runs never
/// read the same file and both write it (which lost entries). The lock file <c>.bfrn.lock</c> is created
/// atomically (<c>O_EXCL</c>), names its holder (process, host, start time, command) and is removed on release.
/// While held it is also open with <see cref="FileShare.None"/> (an <c>flock</c> on Unix), which the kernel drops
/// when the holder dies: a lock file nobody holds open, whose process is gone, is stale and is taken over in place
/// (the notice says so). A lock file whose process still runs is waited for, then reported with how to clear it.
/// Re-entrant on one thread: nested acquisitions of the same folder share one lock; other threads wait.
/// </summary>
public sealed class FolderLock : IDisposable
{
    /// <summary>The lock file's name inside the folder.</summary>
    public const string FileName = ".bfrn.lock";

    private static readonly Dictionary<string, (FolderLock Lock, int Count, int Thread)> Held = new(StringComparer.Ordinal);
    private static readonly Lock HeldGate = new();

    // The HResult of the IOException that creating a file which exists throws: errno EEXIST on Linux and macOS, ERROR_FILE_EXISTS on Windows.
    private const int FileExistsErrno = 17;
    private const int FileExistsWindows = unchecked((int)0x80070050);

    private readonly FileStream _handle;
    private bool _disposed;

    private FolderLock(string folder, string path, FileStream handle, string? notice)
    {
        Folder = folder;
        LockPath = path;
        _handle = handle;
        Notice = notice;
    }

    /// <summary>The folder (full path).</summary>
    public string Folder { get; }

    /// <summary>The lock file.</summary>
    public string LockPath { get; }

    /// <summary>Set when a stale lock of a dead run was taken over: what happened, for the user.</summary>
    public string? Notice { get; }

    /// <summary>
    /// Takes the lock on <paramref name="folder"/>, waiting up to <paramref name="timeout"/> for a running holder.
    /// </summary>
    /// <param name="folder">The folder; it must exist.</param>
    /// <param name="command">What the holder is doing (shown to a waiting run), e.g. <c>add</c>.</param>
    /// <param name="timeout">How long to wait for another run to finish.</param>
    /// <exception cref="EnvironmentException">Another run still holds the lock after the wait, or the lock file cannot be created.</exception>
    public static FolderLock Acquire(string folder, string command, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(command);
        var full = Path.GetFullPath(folder);
        var path = Path.Combine(full, FileName);
        var stopwatch = Stopwatch.StartNew();
        var delay = 5;
        string? lastHolder = null;
        while (true)
        {
            bool heldByOtherThread;
            lock (HeldGate)
            {
                heldByOtherThread = Held.TryGetValue(full, out var held);
                if (heldByOtherThread && held.Thread == Environment.CurrentManagedThreadId)
                {
                    // Nested use on the same thread (a command calling a library method that locks too) shares the lock.
                    Held[full] = (held.Lock, held.Count + 1, held.Thread);
                    return held.Lock;
                }
            }

            // Another thread of this process holds it: wait as for another process.
            var attempt = heldByOtherThread ? null : TryAcquire(full, path, command, out lastHolder);
            if (attempt is not null)
            {
                lock (HeldGate)
                {
                    Held[full] = (attempt, 1, Environment.CurrentManagedThreadId);
                }

                return attempt;
            }

            if (stopwatch.Elapsed > timeout)
            {
                throw new EnvironmentException(
                    $"another bf-release-notes run holds the lock on '{folder}' ({lastHolder ?? "holder unknown"}) and did not finish within {timeout.TotalSeconds:0} s; " +
                    $"wait for it and run again. If no such run is going on (the process named is something else now), delete '{Path.Combine(folder, FileName)}' and run again. No file was changed.");
            }

            // Random back-off so two waiting runs do not retry in lock step.
            // Stryker disable once Statement,Arithmetic : only how often a waiting run retries; the stopwatch alone ends the wait
            Thread.Sleep(delay + Random.Shared.Next(delay));
            // Stryker disable once Linq,Arithmetic : as above, only the pace of the retries
            delay = Math.Min(delay * 2, 100);
        }
    }

    /// <summary>Releases the lock (the outermost release of a re-entrant lock removes the lock file).</summary>
    public void Dispose()
    {
        lock (HeldGate)
        {
            if (_disposed)
            {
                return;
            }

            if (Held.TryGetValue(Folder, out var held) && held.Count > 1)
            {
                Held[Folder] = (held.Lock, held.Count - 1, held.Thread);
                return;
            }

            Held.Remove(Folder);
            _disposed = true;
        }

        // Deleted while still held open, so no other run can take the old file for a free one in between.
        try
        {
            File.Delete(LockPath);
        }
        // Stryker disable once Equality : only a file system that refuses root a delete (a read-only mount) makes it fail, which no test here can set up
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // The next run finds it unheld and takes it over; nothing is lost.
        }

        _handle.Dispose();
    }

    private static FolderLock? TryAcquire(string folder, string path, string command, out string? holder)
    {
        holder = null;
        FileStream handle;
        try
        {
            handle = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException) when (File.Exists(path))
        {
            return TakeOverIfStale(folder, path, command, out holder);
        }
        // Only "it exists" may be a race; any other refusal (a read-only mount) would repeat until the timeout and be blamed on another run.
        // Stryker disable once Logical : with '&&' no error matches, which differs only when the holder releases between our attempt and our look, a race no test can time
        catch (IOException exception) when (exception.HResult == FileExistsErrno || exception.HResult == FileExistsWindows)
        {
            // The holder released it between our attempt and our look: not acquired this time; the caller tries again.
            return null;
        }
        catch (DirectoryNotFoundException exception)
        {
            throw new EnvironmentException($"the release-notes folder '{folder}' does not exist; run 'bf-release-notes init --dir {folder}' or pass --dir", exception);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new EnvironmentException($"cannot create the lock file '{path}': {exception.Message}; commands that write need write access to the folder", exception);
        }

        WriteOwner(handle, command);
        return new FolderLock(folder, path, handle, notice: null);
    }

    private static FolderLock? TakeOverIfStale(string folder, string path, string command, out string? holder)
    {
        holder = null;
        FileStream handle;
        try
        {
            handle = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Held open by a running holder (or deleted just now): wait.
            holder = ReadOwnerQuietly(path);
            return null;
        }

        var owner = ReadOwner(handle);
        holder = owner.Describe();
        if (owner.IsAliveHere())
        {
            // File locking may be off (DOTNET_SYSTEM_IO_DISABLEFILELOCKING) or the process may still be starting to write:
            // a live process named in the file keeps the lock.
            handle.Dispose();
            return null;
        }

        WriteOwner(handle, command);
        // Taken over in place; make sure the path still names the file we hold (a releasing run deletes it).
        // Stryker disable once Logical : each look differs from the others only when another run deletes or replaces the file in between, a race no test can time
        if (!File.Exists(path) || File.GetLastWriteTimeUtc(path) != File.GetLastWriteTimeUtc(handle.SafeFileHandle) || new FileInfo(path).Length != handle.Length)
        {
            // Stryker disable once Statement : as above, reached only in that race
            handle.Dispose();
            return null;
        }

        var notice = owner.ProcessId is null
            ? $"took over the lock '{path}', which no running process held"
            : $"took over the stale lock '{path}' of {holder}, which is no longer running";
        return new FolderLock(folder, path, handle, notice);
    }

    private static void WriteOwner(FileStream handle, string command)
    {
        using var self = Process.GetCurrentProcess();
        var text = string.Create(CultureInfo.InvariantCulture,
            $"pid={Environment.ProcessId}\nhost={Environment.MachineName}\nstarted={DateTimeOffset.UtcNow:O}\nprocessStart={self.StartTime.ToUniversalTime():O}\ncommand={command}\n");
        var bytes = Encoding.UTF8.GetBytes(text);
        handle.SetLength(0);
        handle.Position = 0;
        handle.Write(bytes);
        // Stryker disable once Boolean : flushing to the disk shows only across a power cut, which no test can cause
        handle.Flush(flushToDisk: true);
    }

    private static LockOwner ReadOwner(FileStream handle)
    {
        handle.Position = 0;
        // Stryker disable once Boolean : the lock file is written here in UTF-8 without a byte order mark; only a hand-made UTF-16 file would read differently
        using var reader = new StreamReader(handle, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 1024, leaveOpen: true);
        return LockOwner.Parse(reader.ReadToEnd());
    }

    private static string? ReadOwnerQuietly(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream, Encoding.UTF8);
            return LockOwner.Parse(reader.ReadToEnd()).Describe();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null; // Locked against readers too (Unix flock): the holder is running.
        }
    }
}
