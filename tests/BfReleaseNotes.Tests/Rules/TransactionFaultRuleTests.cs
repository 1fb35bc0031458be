using System.Text;
using BfReleaseNotes.Tests.Workspace;
using BfReleaseNotes.Workspace;

namespace BfReleaseNotes.Tests.Rules;

/// <summary>
/// The transaction failing at each step named by the test-only <c>BFRN_TEST_FAULT</c> hook, on real files: every
/// file is as it was, and no temporary file, backup or journal is left.
/// </summary>
[Collection(FaultVariableSerial.Name)]
public sealed class TransactionFaultRuleTests : IDisposable
{
    private const string Pending = "# Unreleased\n\n## Public\n\n### Fixed\n\n- Exports no longer time out.\n";
    private const string OldRelease = "# 1.0.0 - 2026-11-18\n\n## Public\n\n### Fixed\n\n- The first fix.\n";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "bfrn-fault-" + Guid.NewGuid().ToString("N"));

    public TransactionFaultRuleTests()
    {
        Directory.CreateDirectory(_folder);
        File.WriteAllText(Path.Combine(_folder, "unreleased.md"), Pending);
        File.WriteAllText(Path.Combine(_folder, "1.0.0.md"), OldRelease);
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("BFRN_TEST_FAULT", null);
        Directory.Delete(_folder, recursive: true);
    }

    [Theory]
    [InlineData("transaction:staged")]
    [InlineData("transaction:journal")]
    [InlineData("transaction:rename-1")]
    [InlineData("transaction:rename-2")]
    [InlineData("transaction:rename-3")]
    public void A_failure_at_any_step_leaves_every_file_as_it_was_and_no_copy(string step)
    {
        var unreleased = Path.Combine(_folder, "unreleased.md");
        var old = Path.Combine(_folder, "1.0.0.md");
        var created = Path.Combine(_folder, "1.1.0.md");
        using var session = WriteSession.Open(_folder, "promote");
        var transaction = session.Transaction()
            .Write(unreleased, "# Unreleased\n"u8.ToArray())
            .Replace(old, "# 1.0.0 - 2026-11-18\n\nReworded.\n"u8.ToArray(), Encoding.UTF8.GetBytes(OldRelease))
            .Create(created, "# 1.1.0 - 2026-11-25\n"u8.ToArray());

        Environment.SetEnvironmentVariable("BFRN_TEST_FAULT", step);
        EnvironmentException exception;
        try
        {
            exception = Assert.Throws<EnvironmentException>(transaction.Commit);
        }
        finally
        {
            Environment.SetEnvironmentVariable("BFRN_TEST_FAULT", null);
        }

        Assert.Equal($"could not write {unreleased}, {old}, {created}: injected failure at {step}; no file was changed", exception.Message);
        Assert.Equal(Pending, File.ReadAllText(unreleased));
        Assert.Equal(OldRelease, File.ReadAllText(old));
        Assert.False(File.Exists(created));
        Assert.Equal([FolderLock.FileName, "1.0.0.md", "unreleased.md"], Directory.EnumerateFileSystemEntries(_folder).Select(path => Path.GetFileName(path)!).Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void A_failure_after_the_journal_is_gone_leaves_the_new_files_and_only_copies_for_the_next_session_to_remove()
    {
        var unreleased = Path.Combine(_folder, "unreleased.md");
        using (var session = WriteSession.Open(_folder, "add"))
        {
            var transaction = session.Transaction().Write(unreleased, "# Unreleased\n"u8.ToArray());
            Environment.SetEnvironmentVariable("BFRN_TEST_FAULT", "transaction:done");
            try
            {
                var exception = Assert.Throws<InjectedFailureException>(transaction.Commit);
                Assert.Equal("injected failure at transaction:done", exception.Message);
            }
            finally
            {
                Environment.SetEnvironmentVariable("BFRN_TEST_FAULT", null);
            }
        }

        Assert.Equal("# Unreleased\n", File.ReadAllText(unreleased));
        Assert.False(File.Exists(TransactionJournal.PathIn(_folder)));
        Assert.Equal(Pending, File.ReadAllText(Assert.Single(Directory.EnumerateFiles(_folder, "unreleased.md.bfrn-*.bak"))));
        using var next = WriteSession.Open(_folder, "add");
        Assert.Equal([$"removed 1 temporary file(s) that interrupted runs left in '{_folder}'"], next.Notices.ToArray());
    }

    [Fact]
    public void A_step_the_variable_does_not_name_does_not_fail()
    {
        var unreleased = Path.Combine(_folder, "unreleased.md");
        Environment.SetEnvironmentVariable("BFRN_TEST_FAULT", "transaction:rename-9");
        try
        {
            new FileTransaction().Write(unreleased, "# Unreleased\n"u8.ToArray()).Commit();
        }
        finally
        {
            Environment.SetEnvironmentVariable("BFRN_TEST_FAULT", null);
        }

        Assert.Equal("# Unreleased\n", File.ReadAllText(unreleased));
    }
}
