using System.Text;
using BfReleaseNotes.Workspace;

namespace BfReleaseNotes.Tests.Rules;

/// <summary>
/// The transaction's rules on real files: an existing file already overwritten is put back from its backup, a
/// deleted one comes back, the backups go once nothing needs them, the mode of a file survives, and when even
/// putting back fails the backups and the journal stay with a message that says how to recover.
/// </summary>
public sealed class TransactionRuleTests : IDisposable
{
    private const string Pending = "# Unreleased\n\n## Public\n\n### Fixed\n\n- Exports no longer time out.\n";
    private const string Emptied = "# Unreleased\n\n## Public\n\n### Fixed\n";
    private const string Release = "# 1.1.0 - 2026-11-25\n\n## Public\n\n### Fixed\n\n- Exports no longer time out.\n";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "bfrn-transaction-" + Guid.NewGuid().ToString("N"));

    public TransactionRuleTests()
    {
        Directory.CreateDirectory(_folder);
        File.WriteAllText(Unreleased, Pending);
    }

    private string Unreleased => Path.Combine(_folder, "unreleased.md");

    private string Published => Path.Combine(_folder, "1.1.0.md");

    private string Journal => TransactionJournal.PathIn(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void An_existing_file_already_overwritten_is_put_back_from_its_backup_when_a_later_rename_fails()
    {
        using var session = WriteSession.Open(_folder, "promote");
        session.Read(Unreleased);
        var transaction = session.Transaction().Write(Unreleased, Bytes(Emptied)).Create(Published, Bytes(Release));
        string? midway = null;
        var journalled = false;
        transaction.AfterRename = renamed =>
        {
            midway = File.ReadAllText(Unreleased);
            journalled = File.Exists(Journal);
            throw new InjectedFailureException($"disk full after {renamed} rename");
        };

        var exception = Assert.Throws<EnvironmentException>(transaction.Commit);

        Assert.Equal(Emptied, midway);
        Assert.True(journalled);
        Assert.Equal($"could not write {Unreleased}, {Published}: disk full after 1 rename; no file was changed", exception.Message);
        Assert.Equal(Pending, File.ReadAllText(Unreleased));
        Assert.False(File.Exists(Published));
        Assert.Equal([FolderLock.FileName, "unreleased.md"], Names());
    }

    [Fact]
    public void Without_a_session_the_rollback_needs_no_journal_and_restores_the_same_way()
    {
        var transaction = new FileTransaction().Write(Unreleased, Bytes(Emptied)).Write(Published, Bytes(Release));
        var journalled = true;
        transaction.AfterRename = renamed =>
        {
            journalled = File.Exists(Journal);
            if (renamed == 2)
            {
                throw new InjectedFailureException("disk full");
            }
        };

        Assert.Throws<EnvironmentException>(transaction.Commit);

        Assert.False(journalled);
        Assert.Equal(Pending, File.ReadAllText(Unreleased));
        Assert.False(File.Exists(Published));
        Assert.Equal(["unreleased.md"], Names());
    }

    [Fact]
    public void A_deleted_file_comes_back_when_a_later_step_fails()
    {
        File.WriteAllText(Published, Release);
        using var session = WriteSession.Open(_folder, "fix");
        var transaction = session.Transaction().Delete(Published, Bytes(Release)).Write(Unreleased, Bytes(Emptied));
        transaction.AfterRename = renamed =>
        {
            if (renamed == 2)
            {
                throw new InjectedFailureException("disk full");
            }
        };

        Assert.Throws<EnvironmentException>(transaction.Commit);

        Assert.Equal(Release, File.ReadAllText(Published));
        Assert.Equal(Pending, File.ReadAllText(Unreleased));
        Assert.Equal([FolderLock.FileName, "1.1.0.md", "unreleased.md"], Names());
    }

    [Fact]
    public void A_committed_transaction_leaves_only_its_files_with_their_modes()
    {
        File.WriteAllText(Published, "# 1.1.0 - 2026-11-24\n");
        const UnixFileMode Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Unreleased, Mode);
        }

        using var session = WriteSession.Open(_folder, "promote");
        var old = session.Read(Published);

        session.Transaction().Write(Unreleased, Bytes(Emptied)).Replace(Published, Bytes(Release), old).Commit();

        Assert.Equal(Emptied, File.ReadAllText(Unreleased));
        Assert.Equal(Release, File.ReadAllText(Published));
        if (!OperatingSystem.IsWindows())
        {
            // The new content arrives by renaming a temporary file: it must take the original's permissions with it.
            Assert.Equal(Mode, File.GetUnixFileMode(Unreleased));
        }

        Assert.Equal([FolderLock.FileName, "1.1.0.md", "unreleased.md"], Names());
    }

    [Fact]
    public void A_file_that_no_longer_holds_what_the_caller_read_is_neither_replaced_nor_deleted()
    {
        var stale = Bytes("# Unreleased\n");

        var replace = Assert.Throws<EnvironmentException>(new FileTransaction().Replace(Unreleased, Bytes(Emptied), stale).Commit);
        var delete = Assert.Throws<EnvironmentException>(new FileTransaction().Delete(Unreleased, stale).Commit);

        Assert.Equal($"'{Unreleased}' changed while this command was running (another program wrote it); nothing was written. Run the command again.", replace.Message);
        Assert.Equal(replace.Message, delete.Message);
        Assert.Equal(Pending, File.ReadAllText(Unreleased));
        Assert.Equal(["unreleased.md"], Names());
    }

    [Fact]
    public void A_file_found_absent_that_appears_before_the_commit_is_not_overwritten()
    {
        using var session = WriteSession.Open(_folder, "promote");
        session.ExpectAbsent(Published);
        File.WriteAllText(Published, "written by someone else\n");

        var exception = Assert.Throws<EnvironmentException>(session.Transaction().Write(Published, Bytes(Release)).Commit);

        Assert.Equal($"'{Published}' appeared while this command was running (another program wrote it); nothing was written. Run the command again.", exception.Message);
        Assert.Equal("written by someone else\n", File.ReadAllText(Published));
    }

    [Fact]
    public void When_putting_back_fails_too_the_backups_and_the_journal_stay_and_the_message_says_the_next_run_recovers()
    {
        using var session = WriteSession.Open(_folder, "promote");
        var transaction = session.Transaction().Write(Unreleased, Bytes(Emptied)).Create(Published, Bytes(Release));
        transaction.AfterRename = _ => BlockRestore();

        var exception = Assert.Throws<EnvironmentException>(transaction.Commit);

        var backup = Assert.Single(Directory.EnumerateFiles(_folder, "unreleased.md.bfrn-*.bak"));
        Assert.Equal(Pending, File.ReadAllText(backup));
        Assert.Equal(Release, File.ReadAllText(Assert.Single(Directory.EnumerateFiles(_folder, "1.1.0.md.bfrn-*.tmp"))));
        Assert.True(File.Exists(Journal));
        Assert.StartsWith($"could not write {Unreleased}, {Published} (disk full), and putting the originals back failed too (", exception.Message, StringComparison.Ordinal);
        Assert.EndsWith(
            "). The originals are kept beside each file as '.bfrn-*.bak'; the next bf-release-notes command that writes to this folder finishes or undoes the write and says which.",
            exception.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void When_putting_back_fails_without_a_journal_the_message_lists_the_backups_to_copy_back()
    {
        File.WriteAllText(Published, "# 1.1.0 - 2026-11-24\n");
        var transaction = new FileTransaction().Write(Published, Bytes(Release)).Write(Unreleased, Bytes(Emptied));
        transaction.AfterRename = renamed =>
        {
            if (renamed == 2)
            {
                BlockRestore();
            }
        };

        var exception = Assert.Throws<EnvironmentException>(transaction.Commit);

        var unreleasedBackup = Assert.Single(Directory.EnumerateFiles(_folder, "unreleased.md.bfrn-*.bak"));
        var publishedBackup = Assert.Single(Directory.EnumerateFiles(_folder, "1.1.0.md.bfrn-*.bak"));
        Assert.Equal(Pending, File.ReadAllText(unreleasedBackup));
        Assert.Equal("# 1.1.0 - 2026-11-24\n", File.ReadAllText(publishedBackup));
        Assert.EndsWith($"). The originals are kept beside each file as '.bfrn-*.bak' copies: {publishedBackup}, {unreleasedBackup}; copy them back.", exception.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Journal));
    }

    [Fact]
    public void Every_queued_path_and_content_is_required()
    {
        var transaction = new FileTransaction();

        Assert.Throws<ArgumentNullException>(() => transaction.Write(null!, []));
        Assert.Throws<ArgumentNullException>(() => transaction.Write(Unreleased, null!));
        Assert.Throws<ArgumentNullException>(() => transaction.Create(null!, []));
        Assert.Throws<ArgumentNullException>(() => transaction.Create(Published, null!));
        Assert.Throws<ArgumentNullException>(() => transaction.Replace(null!, [], []));
        Assert.Throws<ArgumentNullException>(() => transaction.Replace(Unreleased, null!, []));
        Assert.Throws<ArgumentNullException>(() => transaction.Delete(null!, []));
        Assert.Empty(transaction.Paths);
    }

    [Fact]
    public void A_queued_deletion_removes_the_file_and_its_backup()
    {
        File.WriteAllText(Published, Release);
        using var session = WriteSession.Open(_folder, "fix");

        session.Transaction().Delete(Published, Bytes(Release)).Commit();

        Assert.False(File.Exists(Published));
        Assert.Equal([FolderLock.FileName, "unreleased.md"], Names());
    }

    [Fact]
    public void The_journal_names_the_new_content_of_each_file_and_none_for_a_deletion()
    {
        File.WriteAllText(Published, Release);
        using var session = WriteSession.Open(_folder, "fix");
        var transaction = session.Transaction().Delete(Published, Bytes(Release)).Write(Unreleased, Bytes(Emptied));
        TransactionJournal? journal = null;
        transaction.AfterRename = renamed => journal ??= TransactionJournal.Load(_folder);

        transaction.Commit();

        Assert.Equal(
            [(Published, (string?)null), (Unreleased, Hash(Emptied))],
            journal!.Files.Select(file => (file.Target, file.NewHash)).ToArray());
        Assert.Equal((Hash(Release), Hash(Pending)), (journal.Files[0].OldHash, journal.Files[1].OldHash));
        Assert.Equal("fix", journal.Command);
    }

    [Fact]
    public void A_symbolic_link_is_written_through_and_stays_a_link()
    {
        var real = Path.Combine(_folder, "real-unreleased.md");
        File.Move(Unreleased, real);
        File.CreateSymbolicLink(Unreleased, real);

        new FileTransaction().Write(Unreleased, Bytes(Emptied)).Commit();

        Assert.Equal(Emptied, File.ReadAllText(real));
        Assert.Equal(real, new FileInfo(Unreleased).LinkTarget);
    }

    [Fact]
    public void A_link_to_nothing_or_to_a_folder_is_refused_and_nothing_is_written()
    {
        var dangling = Path.Combine(_folder, "dangling.md");
        File.CreateSymbolicLink(dangling, Path.Combine(_folder, "missing.md"));
        var folderLink = Path.Combine(_folder, "folder.md");
        Directory.CreateDirectory(Path.Combine(_folder, "sub"));
        File.CreateSymbolicLink(folderLink, Path.Combine(_folder, "sub"));

        var toNothing = Assert.Throws<EnvironmentException>(new FileTransaction().Write(dangling, Bytes(Emptied)).Write(Unreleased, Bytes(Emptied)).Commit);
        var toFolder = Assert.Throws<EnvironmentException>(new FileTransaction().Write(folderLink, Bytes(Emptied)).Commit);

        Assert.Equal($"'{dangling}' is a symbolic link to '{Path.Combine(_folder, "missing.md")}', which is not a file; point the link at the real file (or replace the link with it). No file was changed.", toNothing.Message);
        Assert.Equal($"'{folderLink}' is a symbolic link to '{Path.Combine(_folder, "sub")}', which is not a file; point the link at the real file (or replace the link with it). No file was changed.", toFolder.Message);
        Assert.Equal(Pending, File.ReadAllText(Unreleased));
        Assert.False(File.Exists(Path.Combine(_folder, "missing.md")));
    }

    [Fact]
    public void A_link_loop_cannot_be_followed_and_nothing_is_written()
    {
        var first = Path.Combine(_folder, "a.md");
        var second = Path.Combine(_folder, "b.md");
        File.CreateSymbolicLink(first, second);
        File.CreateSymbolicLink(second, first);

        var exception = Assert.Throws<EnvironmentException>(new FileTransaction().Write(first, Bytes(Emptied)).Commit);

        Assert.StartsWith($"'{first}' is a symbolic link that cannot be followed (", exception.Message, StringComparison.Ordinal);
        Assert.EndsWith("); point it at a file, or replace it with the file. No file was changed.", exception.Message, StringComparison.Ordinal);
    }

    /// <summary>Puts a folder where the overwritten file was, so copying the backup back fails, then fails the write.</summary>
    private void BlockRestore()
    {
        File.Delete(Unreleased);
        Directory.CreateDirectory(Unreleased);
        File.WriteAllText(Path.Combine(Unreleased, "keep"), "a folder the copy cannot replace\n");
        throw new InjectedFailureException("disk full");
    }

    private string[] Names() => [.. Directory.EnumerateFileSystemEntries(_folder).Select(path => Path.GetFileName(path)!).Order(StringComparer.Ordinal)];

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    private static string Hash(string text) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
