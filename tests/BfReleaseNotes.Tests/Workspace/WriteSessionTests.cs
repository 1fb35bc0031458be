using System.Diagnostics;
using System.Globalization;
using System.Text;
using BfReleaseNotes.Workspace;

namespace BfReleaseNotes.Tests.Workspace;

/// <summary>The folder lock, the journal and the transaction's checks, on real files in a temp folder.</summary>
public sealed class WriteSessionTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "bfrn-session-" + Guid.NewGuid().ToString("N"));

    public WriteSessionTests()
    {
        Directory.CreateDirectory(_folder);
        File.WriteAllText(Unreleased, "# Unreleased\n");
    }

    private string Unreleased => Path.Combine(_folder, "unreleased.md");

    private string LockFile => Path.Combine(_folder, FolderLock.FileName);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_lock_left_by_a_dead_process_is_taken_over_and_reported()
    {
        int deadPid;
        using (var process = Process.Start(new ProcessStartInfo("true"))!)
        {
            process.WaitForExit();
            deadPid = process.Id;
        }

        File.WriteAllText(LockFile, string.Create(CultureInfo.InvariantCulture, $"pid={deadPid}\nhost={Environment.MachineName}\nstarted=2026-11-25T10:00:00Z\ncommand=promote\n"));

        using (var session = WriteSession.Open(_folder, "add"))
        {
            Assert.Contains(session.Notices, notice => notice.Contains($"took over the stale lock '{LockFile}' of process {deadPid}", StringComparison.Ordinal));
            Assert.True(File.Exists(LockFile));
        }

        Assert.False(File.Exists(LockFile));
    }

    [Fact]
    public void A_lock_naming_a_running_process_is_waited_for_then_reported_with_how_to_clear_it()
    {
        using var self = Process.GetCurrentProcess();
        File.WriteAllText(LockFile, string.Create(CultureInfo.InvariantCulture,
            $"pid={Environment.ProcessId}\nhost={Environment.MachineName}\nstarted=2026-11-25T10:00:00Z\nprocessStart={self.StartTime.ToUniversalTime():O}\ncommand=promote\n"));

        var exception = Assert.Throws<EnvironmentException>(() => FolderLock.Acquire(_folder, "add", TimeSpan.FromMilliseconds(300)));

        Assert.Contains($"process {Environment.ProcessId}", exception.Message, StringComparison.Ordinal);
        Assert.Contains($"delete '{Path.Combine(_folder, FolderLock.FileName)}' and run again", exception.Message, StringComparison.Ordinal);
        Assert.True(File.Exists(LockFile));
    }

    [Fact]
    public void The_lock_is_reentrant_within_a_process_and_removed_by_the_outermost_release()
    {
        var outer = FolderLock.Acquire(_folder, "promote", TimeSpan.FromSeconds(5));
        var inner = FolderLock.Acquire(_folder, "promote", TimeSpan.FromSeconds(5));

        inner.Dispose();
        var heldAfterInner = File.Exists(LockFile);
        outer.Dispose();

        Assert.Same(outer, inner);
        Assert.True(heldAfterInner);
        Assert.False(File.Exists(LockFile));
    }

    [Fact]
    public void Another_thread_of_the_same_process_waits_for_the_lock()
    {
        using var held = FolderLock.Acquire(_folder, "add", TimeSpan.FromSeconds(5));

        Exception? seen = null;
        var other = new Thread(() =>
        {
            try
            {
                FolderLock.Acquire(_folder, "add", TimeSpan.FromMilliseconds(300)).Dispose();
            }
            catch (EnvironmentException exception)
            {
                seen = exception;
            }
        });
        other.Start();
        other.Join();

        Assert.Contains("another bf-release-notes run holds the lock", seen?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_changed_after_it_was_read_is_not_overwritten()
    {
        using var session = WriteSession.Open(_folder, "add");
        session.Read(Unreleased);
        File.WriteAllText(Unreleased, "# Unreleased\n\nAn editor saved this meanwhile.\n");

        var exception = Assert.Throws<EnvironmentException>(() => session.Transaction().Write(Unreleased, "# Unreleased\n\n- mine\n"u8.ToArray()).Commit());

        Assert.Contains("changed while this command was running", exception.Message, StringComparison.Ordinal);
        Assert.Equal("# Unreleased\n\nAn editor saved this meanwhile.\n", File.ReadAllText(Unreleased));
        Assert.Single(Directory.EnumerateFileSystemEntries(_folder), path => !path.EndsWith(FolderLock.FileName, StringComparison.Ordinal));
    }

    [Fact]
    public void Create_refuses_a_file_that_exists()
    {
        using var session = WriteSession.Open(_folder, "init");

        var exception = Assert.Throws<EnvironmentException>(() => session.Transaction().Create(Unreleased, "# Unreleased\n\n## Public\n"u8.ToArray()).Commit());

        Assert.Contains("appeared while this command was running", exception.Message, StringComparison.Ordinal);
        Assert.Equal("# Unreleased\n", File.ReadAllText(Unreleased));
    }

    [Fact]
    public void A_failure_between_renames_puts_every_file_back_and_leaves_no_copy()
    {
        var published = Path.Combine(_folder, "1.0.0.md");
        using var session = WriteSession.Open(_folder, "promote");
        var transaction = session.Transaction().Create(published, "# 1.0.0 - 2026-11-25\n"u8.ToArray()).Write(Unreleased, "# Unreleased\n\n## Public\n"u8.ToArray());
        transaction.AfterRename = renamed => throw new InjectedFailureException($"disk gone after {renamed}");

        Assert.Throws<EnvironmentException>(transaction.Commit);

        Assert.False(File.Exists(published));
        Assert.Equal("# Unreleased\n", File.ReadAllText(Unreleased));
        Assert.Equal([FolderLock.FileName, "unreleased.md"], Directory.EnumerateFileSystemEntries(_folder).Select(path => Path.GetFileName(path)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void An_interrupted_transaction_is_finished_by_the_next_session()
    {
        var published = Path.Combine(_folder, "1.0.0.md");
        WriteJournal(published, "# 1.0.0 - 2026-11-25\n", "# Unreleased\n\n## Public\n", renamedFirst: true);

        using var session = WriteSession.Open(_folder, "add");

        Assert.Contains(session.Notices, notice => notice.StartsWith("finished an interrupted 'bf-release-notes promote'", StringComparison.Ordinal));
        Assert.Equal("# 1.0.0 - 2026-11-25\n", File.ReadAllText(published));
        Assert.Equal("# Unreleased\n\n## Public\n", File.ReadAllText(Unreleased));
        Assert.False(File.Exists(TransactionJournal.PathIn(_folder)));
        Assert.Empty(Directory.EnumerateFiles(_folder, "*.bfrn-*"));
    }

    [Fact]
    public void An_interrupted_transaction_whose_file_changed_since_is_neither_finished_nor_undone()
    {
        var published = Path.Combine(_folder, "1.0.0.md");
        WriteJournal(published, "# 1.0.0 - 2026-11-25\n", "# Unreleased\n\n## Public\n", renamedFirst: true);
        File.WriteAllText(Unreleased, "# Unreleased\n\n- typed after the crash\n");

        var exception = Assert.Throws<EnvironmentException>(() => WriteSession.Open(_folder, "add"));

        Assert.Contains("changed since, so it can be neither finished nor undone safely", exception.Message, StringComparison.Ordinal);
        Assert.Equal("# Unreleased\n\n- typed after the crash\n", File.ReadAllText(Unreleased));
        Assert.True(File.Exists(TransactionJournal.PathIn(_folder)));
        Assert.False(File.Exists(LockFile));
    }

    /// <summary>The state a promote killed after its first rename leaves: the journal, one file in place, one temporary file.</summary>
    private void WriteJournal(string published, string publishedText, string unreleasedText, bool renamedFirst)
    {
        var stamp = $".bfrn-{Environment.ProcessId}-{Guid.NewGuid():N}";
        var oldUnreleased = File.ReadAllBytes(Unreleased);
        File.WriteAllBytes(Unreleased + stamp + ".tmp", Encoding.UTF8.GetBytes(unreleasedText));
        File.WriteAllBytes(Unreleased + stamp + ".bak", oldUnreleased);
        File.WriteAllText(renamedFirst ? published : published + stamp + ".tmp", publishedText);
        new TransactionJournal("promote", 4242, DateTimeOffset.UtcNow,
        [
            new JournalFile(published, published + stamp + ".tmp", null, null, Hash(publishedText)),
            new JournalFile(Unreleased, Unreleased + stamp + ".tmp", Unreleased + stamp + ".bak", Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(oldUnreleased)), Hash(unreleasedText)),
        ]).Save(_folder, stamp);
    }

    private static string Hash(string text) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
