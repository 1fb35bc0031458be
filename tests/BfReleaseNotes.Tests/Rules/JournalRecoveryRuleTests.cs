using System.Security.Cryptography;
using System.Text;
using BfReleaseNotes.Workspace;

namespace BfReleaseNotes.Tests.Rules;

/// <summary>
/// Recovering the journal an interrupted transaction left, on real files: it is finished when every new content is
/// in place or staged, else undone when every old content is in place or backed up, else refused without touching
/// anything when a file changed since; each way says so in a sentence, and a recovered journal leaves no copy.
/// </summary>
public sealed class JournalRecoveryRuleTests : IDisposable
{
    private const string OldUnreleased = "# Unreleased\n\n## Public\n\n### Fixed\n\n- Exports no longer time out.\n";
    private const string NewUnreleased = "# Unreleased\n\n## Public\n\n### Fixed\n";
    private const string NewRelease = "# 1.1.0 - 2026-11-25\n\n## Public\n\n### Fixed\n\n- Exports no longer time out.\n";
    private const string OldRelease = "# 1.0.0 - 2026-11-18\n\n## Public\n\n### Fixed\n\n- The first fix.\n";
    private const string Who = "an interrupted 'bf-release-notes promote' (process 4242, started 2026-11-25T10:00:00Z)";
    private readonly TempFolder _temp = new();
    private readonly string _stamp = ".bfrn-4242-" + Guid.NewGuid().ToString("N");

    private string Unreleased => _temp.Combine("unreleased.md");

    private string Created => _temp.Combine("1.1.0.md");

    private string Old => _temp.Combine("1.0.0.md");

    private string Earlier => _temp.Combine("0.9.0.md");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_journal_whose_new_contents_are_in_place_or_staged_is_finished_and_leaves_no_copy()
    {
        // unreleased.md still old with its new content staged, 1.1.0.md already renamed in, 1.0.0.md still to delete.
        Put(Unreleased, OldUnreleased);
        Put(Unreleased + _stamp + ".tmp", NewUnreleased);
        Put(Unreleased + _stamp + ".bak", OldUnreleased);
        Put(Created, NewRelease);
        Put(Old, OldRelease);
        Put(Old + _stamp + ".bak", OldRelease);
        Journal(Replaced(Unreleased, OldUnreleased, NewUnreleased), Added(Created, NewRelease), Deleted(Old, OldRelease)).Save(_temp.Path, _stamp);

        var notice = TransactionJournal.Load(_temp.Path)!.Recover(_temp.Path);

        Assert.Equal($"finished {Who}: {Unreleased}, {Created}, {Old} now hold what it wrote", notice);
        Assert.Equal(NewUnreleased, File.ReadAllText(Unreleased));
        Assert.Equal(NewRelease, File.ReadAllText(Created));
        Assert.Equal(["1.1.0.md", "unreleased.md"], Names());
    }

    [Fact]
    public void A_journal_that_cannot_be_finished_is_undone_from_its_backups_and_leaves_no_copy()
    {
        // unreleased.md already replaced (backup kept), 1.1.0.md already created, 0.9.0.md not yet replaced (its new
        // content still staged), but 1.0.0.md's new content is lost.
        Put(Unreleased, NewUnreleased);
        Put(Unreleased + _stamp + ".bak", OldUnreleased);
        Put(Created, NewRelease);
        Put(Earlier, OldRelease);
        Put(Earlier + _stamp + ".tmp", NewRelease);
        Put(Earlier + _stamp + ".bak", OldRelease);
        Put(Old, OldRelease);
        Put(Old + _stamp + ".bak", OldRelease);
        Journal(Replaced(Unreleased, OldUnreleased, NewUnreleased), Added(Created, NewRelease), Replaced(Earlier, OldRelease, NewRelease), Replaced(Old, OldRelease, "# 1.0.0 - 2026-11-18\n\nReworded.\n")).Save(_temp.Path, _stamp);

        var notice = TransactionJournal.Load(_temp.Path)!.Recover(_temp.Path);

        Assert.Equal($"undid {Who}: {Unreleased}, {Created}, {Earlier}, {Old} are as they were before it", notice);
        Assert.Equal(OldUnreleased, File.ReadAllText(Unreleased));
        Assert.Equal(OldRelease, File.ReadAllText(Earlier));
        Assert.Equal(OldRelease, File.ReadAllText(Old));
        Assert.Equal(["0.9.0.md", "1.0.0.md", "unreleased.md"], Names());
    }

    [Fact]
    public void Undoing_leaves_a_file_that_still_holds_its_old_content_alone_even_when_its_copies_are_gone()
    {
        // unreleased.md was replaced (backup kept); 1.0.0.md was never replaced, and someone deleted both its copies,
        // so the write cannot be finished, but undoing needs nothing from them.
        Put(Unreleased, NewUnreleased);
        Put(Unreleased + _stamp + ".bak", OldUnreleased);
        Put(Old, OldRelease);
        Journal(Replaced(Unreleased, OldUnreleased, NewUnreleased), Replaced(Old, OldRelease, "# 1.0.0 - 2026-11-18\n\nReworded.\n")).Save(_temp.Path, _stamp);

        var notice = TransactionJournal.Load(_temp.Path)!.Recover(_temp.Path);

        Assert.Equal($"undid {Who}: {Unreleased}, {Old} are as they were before it", notice);
        Assert.Equal(OldUnreleased, File.ReadAllText(Unreleased));
        Assert.Equal(OldRelease, File.ReadAllText(Old));
        Assert.Equal(["1.0.0.md", "unreleased.md"], Names());
    }

    [Fact]
    public void A_journal_whose_files_changed_since_is_neither_finished_nor_undone_and_says_what_to_compare()
    {
        // 1.1.0.md holds its new content and 1.0.0.md its old one; only unreleased.md was edited after the crash.
        const string Edited = "# Unreleased\n\n- typed after the crash\n";
        Put(Unreleased, Edited);
        Put(Unreleased + _stamp + ".tmp", NewUnreleased);
        Put(Unreleased + _stamp + ".bak", OldUnreleased);
        Put(Created, NewRelease);
        Put(Old, OldRelease);
        Journal(Replaced(Unreleased, OldUnreleased, NewUnreleased), Added(Created, NewRelease), Replaced(Old, OldRelease, "# 1.0.0 - 2026-11-18\n\nReworded.\n")).Save(_temp.Path, _stamp);
        var before = Names();

        var exception = Assert.Throws<EnvironmentException>(() => TransactionJournal.Load(_temp.Path)!.Recover(_temp.Path));

        Assert.Equal(
            $"{Who} left a half-done write, and {Unreleased} changed since, so it can be neither finished nor undone safely. " +
            $"Compare each file with its '.bfrn-*.tmp' (new) and '.bfrn-*.bak' (old) copy beside it, keep what is right, then delete '{TransactionJournal.PathIn(_temp.Path)}' and the copies. No file was changed.",
            exception.Message);
        Assert.Equal(Edited, File.ReadAllText(Unreleased));
        Assert.Equal(NewRelease, File.ReadAllText(Created));
        Assert.Equal(OldRelease, File.ReadAllText(Old));
        Assert.Equal(before, Names());
        Assert.Contains(TransactionJournal.FileName, before);
    }

    [Fact]
    public void A_journal_that_is_not_a_record_is_refused_with_what_to_compare()
    {
        File.WriteAllText(TransactionJournal.PathIn(_temp.Path), "null");

        var exception = Assert.Throws<EnvironmentException>(() => TransactionJournal.Load(_temp.Path));

        Assert.Equal(
            $"'{TransactionJournal.PathIn(_temp.Path)}' (the record of an interrupted write) cannot be read: empty journal; compare the files in '{_temp.Path}' with their '.bfrn-*.tmp' and '.bfrn-*.bak' copies, keep the right ones, then delete the record and the copies",
            exception.Message);
        Assert.Equal("null", File.ReadAllText(TransactionJournal.PathIn(_temp.Path)));
    }

    [Fact]
    public void No_journal_means_nothing_to_recover()
    {
        Assert.Null(TransactionJournal.Load(_temp.Path));
    }

    [Fact]
    public void Saving_a_journal_replaces_an_earlier_one_and_leaves_no_staging_copy()
    {
        Journal(Added(Created, OldRelease)).Save(_temp.Path, _stamp);
        var second = ".bfrn-4242-" + Guid.NewGuid().ToString("N");

        (Journal(Added(Created, NewRelease)) with { Command = "fix" }).Save(_temp.Path, second);

        var saved = TransactionJournal.Load(_temp.Path)!;
        Assert.Equal(("fix", Hash(NewRelease)), (saved.Command, saved.Files[0].NewHash));
        Assert.Equal([TransactionJournal.FileName], Names());
    }

    [Fact]
    public void The_journal_is_first_written_under_its_name_with_the_stamp_and_tmp_appended()
    {
        // A crash between writing and renaming leaves this name, which the next session's leftover cleanup removes.
        var staging = TransactionJournal.PathIn(_temp.Path) + _stamp + ".tmp";
        Directory.CreateDirectory(staging);

        var exception = Assert.ThrowsAny<IOException>(() => Journal(Added(Created, NewRelease)).Save(_temp.Path, _stamp));

        Assert.Contains(staging, exception.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(TransactionJournal.PathIn(_temp.Path)));
    }

    private static TransactionJournal Journal(params JournalFile[] files) =>
        new("promote", 4242, new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero), files);

    private JournalFile Replaced(string target, string oldText, string newText) =>
        new(target, target + _stamp + ".tmp", target + _stamp + ".bak", Hash(oldText), Hash(newText));

    private JournalFile Added(string target, string newText) => new(target, target + _stamp + ".tmp", null, null, Hash(newText));

    private JournalFile Deleted(string target, string oldText) => new(target, target + _stamp + ".tmp", target + _stamp + ".bak", Hash(oldText), null);

    private static void Put(string path, string text) => File.WriteAllBytes(path, Encoding.UTF8.GetBytes(text));

    private string[] Names() => [.. Directory.EnumerateFileSystemEntries(_temp.Path).Select(path => Path.GetFileName(path)!).Order(StringComparer.Ordinal)];

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
