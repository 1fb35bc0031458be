namespace BfReleaseNotes.Workspace;

/// <summary>
/// Writes several files so that either all of them change or none does, even across a crash. Each new content
/// goes to a temporary file beside its target and is flushed to the disk; each original is copied to a flushed
/// backup; every file read for this change is checked to be unchanged; then, in a transaction of a
/// <see cref="WriteSession"/>, an intent journal is written before the first rename, so the next command that
/// locks the folder finishes or undoes a transaction a crash interrupted. A failure part-way puts every replaced
/// file back; the backups are removed only once nothing needs them.
/// A symbolic link among the targets is written through: its target file gets the new content and the link stays.
/// </summary>
/// <example>
/// <code>
/// using var session = WriteSession.Open("release-notes", "add");
/// var bytes = session.Read("release-notes/unreleased.md");
/// session.Transaction().Write("release-notes/unreleased.md", Change(bytes)).Commit(); // refused if it changed since the read
/// </code>
/// </example>
public sealed class FileTransaction
{
    private readonly List<Planned> _writes = [];
    private readonly WriteSession? _session;

    /// <summary>A transaction without a journal (for files outside any release-notes folder, such as CI reports).</summary>
    public FileTransaction()
    {
    }

    internal FileTransaction(WriteSession session) => _session = session;

    /// <summary>
    /// Called after each rename with the number of files already in place. Tests use it to inject a failure
    /// between two renames; production code leaves it null.
    /// </summary>
    internal Action<int>? AfterRename { get; set; }

    /// <summary>
    /// Queues a file to write. Nothing touches the disk until <see cref="Commit"/>. In a session, a file the
    /// session read must still hold what was read when the transaction commits.
    /// </summary>
    public FileTransaction Write(string path, byte[] content)
    {
        // Stryker disable once Statement : Path.GetFullPath below throws the same ArgumentNullException for a null path
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(content);
        var full = Path.GetFullPath(path);
        _writes.Add(new Planned(full, content, _session?.ExpectedHashOf(full), MustNotExist: false));
        return this;
    }

    /// <summary>Queues a file that must not exist when the transaction commits (a new published release).</summary>
    public FileTransaction Create(string path, byte[] content)
    {
        // Stryker disable once Statement : Path.GetFullPath below throws the same ArgumentNullException for a null path
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(content);
        _writes.Add(new Planned(Path.GetFullPath(path), content, ExpectedHash: null, MustNotExist: true));
        return this;
    }

    /// <summary>
    /// Queues a file that must still hold <paramref name="original"/> (what the caller read) when the transaction
    /// commits; otherwise nothing is written.
    /// </summary>
    public FileTransaction Replace(string path, byte[] content, ReadOnlySpan<byte> original)
    {
        // Stryker disable once Statement : Path.GetFullPath below throws the same ArgumentNullException for a null path
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(content);
        _writes.Add(new Planned(Path.GetFullPath(path), content, DurableIo.HashOf(original), MustNotExist: false));
        return this;
    }

    /// <summary>
    /// Queues a file to delete, which must still hold <paramref name="original"/> when the transaction commits
    /// (used to take back a file a failed later step made obsolete).
    /// </summary>
    public FileTransaction Delete(string path, ReadOnlySpan<byte> original)
    {
        // Stryker disable once Statement : Path.GetFullPath below throws the same ArgumentNullException for a null path
        ArgumentNullException.ThrowIfNull(path);
        _writes.Add(new Planned(Path.GetFullPath(path), null, DurableIo.HashOf(original), MustNotExist: false));
        return this;
    }

    /// <summary>The files queued so far, in order.</summary>
    public IReadOnlyList<string> Paths => [.. _writes.Select(write => write.Path)];

    /// <summary>Writes every queued file, or none.</summary>
    /// <exception cref="EnvironmentException">
    /// A file could not be written, or changed since it was read; every file is as it was. If even putting the files
    /// back failed, the message says so and the next command that writes to the folder finishes the job.
    /// </exception>
    public void Commit()
    {
        // Stryker disable once Statement,Block : with nothing queued the rest leaves nothing behind (at most a journal written and removed); the return only skips that work
        if (_writes.Count == 0)
        {
            return;
        }

        var stamp = $".bfrn-{Environment.ProcessId}-{Guid.NewGuid():N}";
        var staged = _writes.Select(write => Stage(write, stamp)).ToList();
        var renamed = 0;
        var journalled = false;
        try
        {
            foreach (var file in staged)
            {
                if (file.Content is not null)
                {
                    DurableIo.WriteFile(file.Temp, file.Content);
                    CopyMode(file.Target, file.Temp);
                }

                if (file.OldHash is not null)
                {
                    File.Copy(file.Target, file.Backup!);
                    // Stryker disable once all : flushing to the disk shows only across a power cut, which no test can cause
                    using (var backup = new FileStream(file.Backup!, FileMode.Open, FileAccess.ReadWrite))
                    {
                        // Stryker disable once all : as above
                        backup.Flush(flushToDisk: true);
                    }
                }
            }

            FaultInjection.At("transaction:staged");
            CheckUnchanged(staged);
            if (_session is not null)
            {
                new TransactionJournal(_session.Command, Environment.ProcessId, DateTimeOffset.UtcNow,
                    [.. staged.Select(file => new JournalFile(file.Target, file.Temp, file.Backup, file.OldHash, file.Content is null ? null : DurableIo.HashOf(file.Content)))])
                    .Save(_session.Folder, stamp);
                journalled = true;
                FaultInjection.At("transaction:journal");
            }

            foreach (var file in staged)
            {
                if (file.Content is null)
                {
                    File.Delete(file.Target);
                }
                else
                {
                    File.Move(file.Temp, file.Target, overwrite: true);
                }

                renamed++;
                AfterRename?.Invoke(renamed);
                FaultInjection.At($"transaction:rename-{renamed}");
            }

            // Stryker disable once all : flushing the folders shows only across a power cut, which no test can cause
            foreach (var directory in staged.Select(file => Path.GetDirectoryName(file.Target)!).Distinct(StringComparer.Ordinal))
            {
                DurableIo.FlushFolder(directory);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or EnvironmentException)
        {
            RollBack(staged, renamed, journalled, exception);
            throw exception as EnvironmentException
                ?? new EnvironmentException($"could not write {string.Join(", ", staged.Select(file => file.Target))}: {exception.Message}; no file was changed", exception);
        }

        if (journalled)
        {
            TransactionJournal.Delete(_session!.Folder);
            FaultInjection.At("transaction:done");
        }

        foreach (var file in staged.Where(file => file.Backup is not null))
        {
            File.Delete(file.Backup!);
        }
    }

    private static Staged Stage(Planned write, string stamp)
    {
        var target = WriteTarget(write.Path);
        var oldHash = DurableIo.HashOf(target);
        return new Staged(write.Path, target, write.Content, target + stamp + ".tmp", oldHash is null ? null : target + stamp + ".bak", oldHash, write.ExpectedHash, write.MustNotExist);
    }

    /// <summary>The file a write lands in: the path itself, or the final target of a symbolic link.</summary>
    private static string WriteTarget(string path)
    {
        if (new FileInfo(path).LinkTarget is null)
        {
            return path;
        }

        FileSystemInfo? target;
        try
        {
            target = File.ResolveLinkTarget(path, returnFinalTarget: true);
        }
        catch (IOException exception)
        {
            throw new EnvironmentException($"'{path}' is a symbolic link that cannot be followed ({exception.Message}); point it at a file, or replace it with the file. No file was changed.", exception);
        }

        if (target is null)
        {
            return path;
        }

        if (!target.Exists || target is DirectoryInfo)
        {
            throw new EnvironmentException($"'{path}' is a symbolic link to '{target.FullName}', which is not a file; point the link at the real file (or replace the link with it). No file was changed.");
        }

        return target.FullName;
    }

    private static void CheckUnchanged(List<Staged> staged)
    {
        foreach (var file in staged)
        {
            var current = DurableIo.HashOf(file.Target);
            var mustBeAbsent = file.MustNotExist || file.ExpectedHash == WriteSession.AbsentMarker;
            if (mustBeAbsent && current is not null)
            {
                throw new EnvironmentException($"'{file.Path}' appeared while this command was running (another program wrote it); nothing was written. Run the command again.");
            }

            if (current != file.OldHash || (!mustBeAbsent && file.ExpectedHash is not null && current != file.ExpectedHash))
            {
                throw new EnvironmentException($"'{file.Path}' changed while this command was running (another program wrote it); nothing was written. Run the command again.");
            }
        }
    }

    private void RollBack(List<Staged> staged, int renamed, bool journalled, Exception cause)
    {
        try
        {
            for (var i = renamed - 1; i >= 0; i--)
            {
                var file = staged[i];
                if (file.Backup is not null)
                {
                    File.Copy(file.Backup, file.Target, overwrite: true);
                }
                else
                {
                    File.Delete(file.Target);
                }
            }

            // Stryker disable once all : flushing the folders shows only across a power cut, which no test can cause
            foreach (var directory in staged.Select(file => Path.GetDirectoryName(file.Target)!).Distinct(StringComparer.Ordinal))
            {
                DurableIo.FlushFolder(directory);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // The backups are now the only copies of the originals: keep them, and the journal that names them.
            throw new EnvironmentException(
                $"could not write {string.Join(", ", staged.Select(file => file.Target))} ({cause.Message}), and putting the originals back failed too ({exception.Message}). " +
                (journalled
                    ? "The originals are kept beside each file as '.bfrn-*.bak'; the next bf-release-notes command that writes to this folder finishes or undoes the write and says which."
                    : $"The originals are kept beside each file as '.bfrn-*.bak' copies: {string.Join(", ", staged.Where(file => file.Backup is not null).Select(file => file.Backup))}; copy them back."),
                exception);
        }

        foreach (var file in staged)
        {
            TryDelete(file.Temp);
            if (file.Backup is not null)
            {
                TryDelete(file.Backup);
            }
        }

        if (journalled)
        {
            TransactionJournal.Delete(_session!.Folder);
        }
    }

    private static void CopyMode(string from, string to)
    {
        if (OperatingSystem.IsWindows() || !File.Exists(from))
        {
            return;
        }

        // A rename replaces the file with the temporary one: keep the original's permissions.
        File.SetUnixFileMode(to, File.GetUnixFileMode(from));
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        // Stryker disable once Equality : only a file system that refuses root a delete (a read-only mount) makes it fail, which no test here can set up
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // A leftover temporary file is cleaned by the next session that locks the folder.
        }
    }

    private sealed record Planned(string Path, byte[]? Content, string? ExpectedHash, bool MustNotExist);

    private sealed record Staged(string Path, string Target, byte[]? Content, string Temp, string? Backup, string? OldHash, string? ExpectedHash, bool MustNotExist);
}
