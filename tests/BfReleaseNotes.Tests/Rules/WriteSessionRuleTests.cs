using System.Globalization;
using BfReleaseNotes.Workspace;

namespace BfReleaseNotes.Tests.Rules;

/// <summary>
/// What opening a write session does besides locking, on real files: which leftovers it removes (only the names a
/// transaction makes), what it says about them, and how it treats a missing folder, a file in its place, or a
/// journal that read-only commands must mention.
/// </summary>
public sealed class WriteSessionRuleTests : IDisposable
{
    private readonly TempFolder _temp = new();

    private string Folder => _temp.Combine("release-notes");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Only_the_temporary_files_a_transaction_names_are_removed_and_counted()
    {
        Directory.CreateDirectory(Folder);
        var leftovers = new[] { "unreleased.md.bfrn-123-0123456789abcdef0123456789abcdef.tmp", "1.0.0.md.bfrn-9-fedcba9876543210fedcba9876543210.bak" };
        var kept = new[] { "notes.bfrn-backup.md", "unreleased.md.bfrn-123-0123456789ABCDEF0123456789ABCDEF.tmp", "unreleased.md.bfrn-x-0123456789abcdef0123456789abcdef.tmp", "a.bfrn-1-0123456789abcdef0123456789abcdef.tmp.old" };
        foreach (var name in leftovers.Concat(kept))
        {
            File.WriteAllText(Path.Combine(Folder, name), "x\n");
        }

        using var session = WriteSession.Open(Folder, "add");

        Assert.Equal([$"removed 2 temporary file(s) that interrupted runs left in '{Folder}'"], session.Notices.ToArray());
        Assert.Equal(
            [FolderLock.FileName, .. kept.Order(StringComparer.Ordinal)],
            Directory.EnumerateFiles(Folder).Select(path => Path.GetFileName(path)!).Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void A_clean_folder_opens_without_a_notice_and_the_lock_goes_with_the_session()
    {
        Directory.CreateDirectory(Folder);

        using (var session = WriteSession.Open(Folder, "add"))
        {
            Assert.Empty(session.Notices);
            Assert.Equal("add", session.Command);
            Assert.True(File.Exists(Path.Combine(Folder, FolderLock.FileName)));
        }

        Assert.Empty(Directory.EnumerateFileSystemEntries(Folder));
    }

    [Fact]
    public void A_missing_folder_is_created_only_when_asked_and_a_file_in_its_place_is_refused()
    {
        var missing = Assert.Throws<EnvironmentException>(() => WriteSession.Open(Folder, "add"));
        Assert.Equal($"the release-notes folder '{Folder}' does not exist; run 'bf-release-notes init --dir {Folder}' or pass --dir", missing.Message);
        Assert.False(Directory.Exists(Folder));

        using (WriteSession.Open(Folder, "init", create: true))
        {
            Assert.True(Directory.Exists(Folder));
        }

        var file = _temp.Combine("a-file");
        File.WriteAllText(file, "not a folder\n");
        var refused = Assert.Throws<EnvironmentException>(() => WriteSession.Open(file, "init", create: true));
        Assert.Equal($"'{file}' is a file, not a folder; pass --dir the release-notes folder (the one holding unreleased.md)", refused.Message);
        Assert.Equal("not a folder\n", File.ReadAllText(file));
    }

    [Fact]
    public void A_read_only_command_hears_of_an_interrupted_write_only_while_its_journal_exists()
    {
        Directory.CreateDirectory(Folder);
        Assert.Null(WriteSession.InterruptedWrite(Folder));

        File.WriteAllText(TransactionJournal.PathIn(Folder), "{}");

        Assert.Equal(
            $"'{Folder}' holds an interrupted write (a run was killed mid-way); its files may show it half done until the next command that writes there (add, promote, ...) finishes or undoes it",
            WriteSession.InterruptedWrite(Folder));
    }

    [Fact]
    public void The_lock_timeout_given_is_the_one_waited_for()
    {
        Directory.CreateDirectory(Folder);
        using var holder = LiveProcess.Start();
        var lockFile = Path.Combine(Folder, FolderLock.FileName);
        File.WriteAllText(lockFile, string.Create(CultureInfo.InvariantCulture,
            $"pid={holder.Id}\nhost={Environment.MachineName}\nstarted=2026-11-25T10:00:00Z\nprocessStart={holder.StartTime:O}\ncommand=promote\n"));

        var exception = HangLimit.Run(() => Assert.Throws<EnvironmentException>(() => WriteSession.Open(Folder, "add", TimeSpan.FromMilliseconds(200))));

        Assert.Equal(
            string.Create(CultureInfo.InvariantCulture, $"another bf-release-notes run holds the lock on '{Folder}' (process {holder.Id} on host '{Environment.MachineName}' (bf-release-notes promote, since 2026-11-25T10:00:00Z)) and did not finish within 0 s; ") +
            $"wait for it and run again. If no such run is going on (the process named is something else now), delete '{lockFile}' and run again. No file was changed.",
            exception.Message);
    }

    [Fact]
    public void A_folder_that_cannot_be_created_is_refused_with_the_reason()
    {
        var file = _temp.Combine("a-file");
        File.WriteAllText(file, "not a folder\n");
        var folder = Path.Combine(file, "release-notes");

        var exception = Assert.Throws<EnvironmentException>(() => WriteSession.Open(folder, "init", create: true));

        Assert.Equal($"cannot create the folder '{folder}': {exception.InnerException!.Message}", exception.Message);
        Assert.IsAssignableFrom<IOException>(exception.InnerException);
        Assert.Equal("not a folder\n", File.ReadAllText(file));
    }

    [Fact]
    public void Every_folder_command_and_path_is_required_and_nothing_is_created_without_them()
    {
        Directory.CreateDirectory(Folder);
        var created = _temp.Combine("created");

        Assert.Equal("folder", Assert.Throws<ArgumentNullException>(() => WriteSession.Open(null!, "add")).ParamName);
        Assert.Equal("command", Assert.Throws<ArgumentNullException>(() => WriteSession.Open(created, null!, create: true)).ParamName);
        Assert.Equal("folder", Assert.Throws<ArgumentNullException>(() => WriteSession.InterruptedWrite(null!)).ParamName);
        using (var session = WriteSession.Open(Folder, "add"))
        {
            Assert.Equal("path", Assert.Throws<ArgumentNullException>(() => session.Read(null!)).ParamName);
            Assert.Equal("path", Assert.Throws<ArgumentNullException>(() => session.ExpectAbsent(null!)).ParamName);
        }

        Assert.False(Directory.Exists(created));
    }
}
