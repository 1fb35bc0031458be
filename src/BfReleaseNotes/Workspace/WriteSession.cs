using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace BfReleaseNotes.Workspace;

/// <summary>
/// The one way a command changes a release-notes folder: it locks the folder (<see cref="FolderLock"/>), first
/// finishes or undoes a transaction a crashed run left (saying so in <see cref="Notices"/>), removes temporary
/// files of dead runs, then reads what it needs through <see cref="Read"/> and writes through
/// <see cref="Transaction"/>, which refuses to write a file that changed since it was read. Serves add, promote,
/// fix, graduate, import and the merge driver alike. Disposing releases the lock.
/// </summary>
/// <example>
/// <code>
/// using var session = WriteSession.Open("release-notes", "add");
/// foreach (var notice in session.Notices) Console.Error.WriteLine("note: " + notice);
/// var parsed = session.ReadUnreleased();
/// session.Transaction().Write(session.Folder.UnreleasedPath, newBytes).Commit();
/// </code>
/// </example>
public sealed partial class WriteSession : IDisposable
{
    /// <summary>How long a command waits for another run to release the folder by default.</summary>
    public static readonly TimeSpan DefaultLockTimeout = TimeSpan.FromSeconds(60);

    private readonly FolderLock _lock;
    private readonly ConcurrentDictionary<string, string?> _reads = new(StringComparer.Ordinal);

    private WriteSession(ReleaseNotesFolder folder, string command, FolderLock folderLock, IReadOnlyList<string> notices)
    {
        NotesFolder = folder;
        Command = command;
        _lock = folderLock;
        Notices = notices;
    }

    /// <summary>The locked release-notes folder.</summary>
    public ReleaseNotesFolder NotesFolder { get; }

    /// <summary>What the session is for (<c>add</c>, <c>promote</c>), named in the lock and the journal.</summary>
    public string Command { get; }

    /// <summary>What opening the session did that the user should hear of: a stale lock taken over, an interrupted write finished or undone, leftovers removed.</summary>
    public IReadOnlyList<string> Notices { get; }

    internal string Folder => _lock.Folder;

    /// <summary>
    /// Locks <paramref name="folder"/> (waiting up to <paramref name="lockTimeout"/>, default
    /// <see cref="DefaultLockTimeout"/>, for another run), recovers an interrupted transaction and cleans leftovers.
    /// </summary>
    /// <param name="folder">The release-notes folder; created when <paramref name="create"/> is set.</param>
    /// <param name="command">The command, for the lock and journal.</param>
    /// <param name="lockTimeout">How long to wait for another run.</param>
    /// <param name="create">Whether a missing folder is created (init, import) instead of refused.</param>
    /// <exception cref="EnvironmentException">The folder is missing or not a folder, another run holds it, or an interrupted transaction cannot be recovered safely.</exception>
    public static WriteSession Open(string folder, string command, TimeSpan? lockTimeout = null, bool create = false)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(command);
        var notesFolder = new ReleaseNotesFolder(folder);
        if (create && !Directory.Exists(folder) && !File.Exists(folder))
        {
            try
            {
                Directory.CreateDirectory(folder);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                throw new EnvironmentException($"cannot create the folder '{folder}': {exception.Message}", exception);
            }
        }

        notesFolder.EnsureExists();
        var folderLock = FolderLock.Acquire(folder, command, lockTimeout ?? DefaultLockTimeout);
        try
        {
            var notices = new List<string>();
            if (folderLock.Notice is { } notice)
            {
                notices.Add(notice);
            }

            if (TransactionJournal.Load(folderLock.Folder) is { } journal)
            {
                notices.Add(journal.Recover(folderLock.Folder));
            }

            var removed = RemoveLeftovers(folderLock.Folder);
            if (removed > 0)
            {
                notices.Add($"removed {removed} temporary file(s) that interrupted runs left in '{folder}'");
            }

            return new WriteSession(notesFolder, command, folderLock, notices);
        }
        catch
        {
            folderLock.Dispose();
            throw;
        }
    }

    /// <summary>
    /// For read-only commands, which take no lock: a sentence when <paramref name="folder"/> holds the journal of an
    /// interrupted write (its files may show it half done until the next writing command recovers it), else null.
    /// </summary>
    public static string? InterruptedWrite(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        return File.Exists(TransactionJournal.PathIn(folder))
            ? $"'{folder}' holds an interrupted write (a run was killed mid-way); its files may show it half done until the next command that writes there (add, promote, ...) finishes or undoes it"
            : null;
    }

    /// <summary>
    /// Reads a file (at most <see cref="InputFile.MaxNotesBytes"/>) and remembers what it held, so a transaction of
    /// this session refuses to replace it if it changes before the commit.
    /// </summary>
    /// <exception cref="EnvironmentException">The file is missing, not a regular file, too large or unreadable.</exception>
    public byte[] Read(string path)
    {
        // Stryker disable once Statement : ReleaseNotesFolder.ReadBytes below throws the same ArgumentNullException for a null path
        ArgumentNullException.ThrowIfNull(path);
        var bytes = ReleaseNotesFolder.ReadBytes(path);
        _reads[Path.GetFullPath(path)] = DurableIo.HashOf(bytes);
        return bytes;
    }

    /// <summary>Reads and parses <c>unreleased.md</c>, remembering its content (see <see cref="Read"/>).</summary>
    /// <exception cref="EnvironmentException">The file does not exist or cannot be read.</exception>
    public Model.ParsedFile ReadUnreleased() =>
        Markdown.ReleaseNotesParser.Parse(Read(NotesFolder.UnreleasedPath), Model.DocumentKind.Unreleased, NotesFolder.UnreleasedPath);

    /// <summary>Records that <paramref name="path"/> was found absent; a transaction then refuses to write it if it appears.</summary>
    public void ExpectAbsent(string path)
    {
        // Stryker disable once Statement : Path.GetFullPath below throws the same ArgumentNullException for a null path
        ArgumentNullException.ThrowIfNull(path);
        _reads[Path.GetFullPath(path)] = null;
    }

    /// <summary>A new transaction that journals in this folder and checks what this session read.</summary>
    public FileTransaction Transaction() => new(this);

    /// <summary>Releases the lock.</summary>
    public void Dispose() => _lock.Dispose();

    /// <summary>The expected hash of a file this session read; null when it was not read.</summary>
    internal string? ExpectedHashOf(string fullPath) =>
        _reads.TryGetValue(fullPath, out var hash) ? hash ?? AbsentMarker : null;

    /// <summary>Never the hash of any content: a file that must not exist.</summary>
    internal const string AbsentMarker = "absent";

    private static int RemoveLeftovers(string folder)
    {
        var removed = 0;
        // Stryker disable once String : the name check below accepts only what a transaction names, so the pattern only narrows what is listed
        foreach (var file in Directory.EnumerateFiles(folder, "*.bfrn-*"))
        {
            if (!Leftover().IsMatch(Path.GetFileName(file)))
            {
                continue;
            }

            try
            {
                File.Delete(file);
                removed++;
            }
            // Stryker disable once Equality : only a file system that refuses root a delete (a read-only mount) makes it fail, which no test here can set up
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // Left for the next run; it is never read as a release file (its name is not <version>.md).
            }
        }

        return removed;
    }

    // <name>.bfrn-<pid>-<guid>.tmp|.bak: only what FileTransaction names, never a user's file.
    [GeneratedRegex(@"\.bfrn-[0-9]+-[0-9a-f]{32}\.(tmp|bak)\z", RegexOptions.CultureInvariant)]
    private static partial Regex Leftover();
}
