namespace BfReleaseNotes.Cli.Tests.Safety;

/// <summary>
/// A command killed (SIGKILL, through the test-only BFRN_TEST_FAULT hook) or failing at each step of its write, on
/// real files: the next command finishes or undoes the interrupted write and says so, and no entry is lost or
/// published twice.
/// </summary>
public sealed class CrashRecoveryTests : IDisposable
{
    private readonly NotesFolder _folder = new();

    public CrashRecoveryTests()
    {
        foreach (var text in new[] { "Exports of large projects no longer time out.", "Search ignores accents." })
        {
            var add = CliProcess.Run(_folder.Root, "add", "--section", "public", "--type", "fixed", text);
            Assert.True(add.ExitCode == 0, add.Error);
        }
    }

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("transaction:staged", false)]
    [InlineData("transaction:journal", true)]
    [InlineData("transaction:rename-1", true)]
    [InlineData("transaction:rename-2", true)]
    [InlineData("transaction:done", true)]
    public void A_promote_killed_at_any_step_is_finished_or_undone_by_the_next_command(string step, bool released)
    {
        var crashed = CliProcess.Run(_folder.Root, CliProcess.Fault(step + ":crash"), "promote");
        var lint = CliProcess.Run(_folder.Root, "lint");

        var next = CliProcess.Run(_folder.Root, "add", "--section", "beta", "--type", "added", "Dark mode.");

        Assert.NotEqual(0, crashed.ExitCode);
        Assert.True(next.ExitCode == 0, next.Error);
        Assert.Contains("note: took over the stale lock", next.Error, StringComparison.Ordinal);
        if (step is "transaction:journal" or "transaction:rename-1" or "transaction:rename-2")
        {
            Assert.Contains("note: finished an interrupted 'bf-release-notes promote'", next.Error, StringComparison.Ordinal);
            Assert.Contains("holds an interrupted write", lint.Error, StringComparison.Ordinal);
        }

        var entries = _folder.Entries();
        Assert.Equal(3, entries.Count);
        Assert.Equal(3, entries.Select(entry => entry.Entry).Distinct().Count());
        var expectedHome = released ? "0.1.0.md" : "unreleased.md";
        Assert.All(entries.Where(entry => entry.Entry != "Dark mode."), entry => Assert.Equal(expectedHome, entry.File));
        Assert.Empty(_folder.Leftovers());
    }

    [Theory]
    [InlineData("transaction:staged")]
    [InlineData("transaction:journal")]
    [InlineData("transaction:rename-1")]
    [InlineData("transaction:rename-2")]
    public void A_promote_failing_at_any_step_leaves_every_file_as_it_was(string step)
    {
        var before = Snapshot();

        var failed = CliProcess.Run(_folder.Root, CliProcess.Fault(step), "promote");

        Assert.Equal(2, failed.ExitCode);
        Assert.Contains("no file was changed", failed.Error, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot());
        Assert.Empty(_folder.Leftovers());
    }

    [Fact]
    public void A_promote_after_a_killed_promote_publishes_the_entries_once()
    {
        CliProcess.Run(_folder.Root, CliProcess.Fault("transaction:rename-1:crash"), "promote");

        var again = CliProcess.Run(_folder.Root, "promote");

        Assert.True(again.ExitCode == 0, again.Error);
        Assert.Contains("finished an interrupted", again.Error, StringComparison.Ordinal);
        Assert.Contains("nothing to promote", again.Out, StringComparison.Ordinal);
        Assert.Equal(["0.1.0.md"], _folder.PublishedFiles());
    }

    [Fact]
    public void An_import_killed_between_its_renames_is_finished_by_the_next_command()
    {
        var export = CopySample("clickup-entries-old-layout.csv");
        var mapping = CopySample("../clickup-mapping.json");
        File.Delete(_folder.Unreleased);

        var crashed = CliProcess.Run(_folder.Root, CliProcess.Fault("transaction:rename-1:crash"), "import-clickup", export, "--mapping", mapping);
        var half = _folder.PublishedFiles();
        var next = CliProcess.Run(_folder.Root, "import-clickup", export, "--mapping", mapping);

        Assert.NotEqual(0, crashed.ExitCode);
        Assert.Single(half);
        Assert.True(next.ExitCode == 0, next.Error);
        Assert.Contains("finished an interrupted 'bf-release-notes import-clickup'", next.Error, StringComparison.Ordinal);
        Assert.Equal(["3.14.0.md", "3.15.0.md"], _folder.PublishedFiles());
        Assert.Contains("unchanged in", next.Out, StringComparison.Ordinal);
        Assert.Empty(_folder.Leftovers());
    }

    [Fact]
    public void Temporary_files_of_a_run_killed_before_its_journal_are_removed_by_the_next_command()
    {
        CliProcess.Run(_folder.Root, CliProcess.Fault("transaction:staged:crash"), "add", "--section", "public", "--type", "added", "Lost?");
        Assert.NotEmpty(Directory.EnumerateFiles(_folder.Notes, "*.tmp"));

        var next = CliProcess.Run(_folder.Root, "add", "--section", "public", "--type", "added", "Kept.");

        Assert.True(next.ExitCode == 0, next.Error);
        Assert.Contains("temporary file(s) that interrupted runs left", next.Error, StringComparison.Ordinal);
        Assert.Empty(_folder.Leftovers());
        Assert.DoesNotContain(_folder.Entries(), entry => entry.Entry == "Lost?");
    }

    private Dictionary<string, string> Snapshot() =>
        Directory.EnumerateFileSystemEntries(_folder.Notes).ToDictionary(path => Path.GetFileName(path), path => Convert.ToBase64String(File.ReadAllBytes(path)), StringComparer.Ordinal);

    private string CopySample(string name)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "BfReleaseNotes.sln")))
        {
            directory = directory.Parent;
        }

        var source = Path.GetFullPath(Path.Combine(directory!.FullName, "migration", "samples", name));
        var target = Path.Combine(_folder.Root, Path.GetFileName(source));
        File.Copy(source, target);
        return target;
    }
}
