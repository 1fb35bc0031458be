using System.Diagnostics;
using System.Text;
using LibGit2Sharp;

namespace BfReleaseNotes.Cli.Tests.Safety;

/// <summary>
/// Inputs that are not regular files are refused before they are opened (a FIFO would wait forever, /dev/zero
/// never ends), and the messages that misled users now say what is actually wrong.
/// </summary>
public sealed class InputTests : IDisposable
{
    private readonly NotesFolder _folder = new();

    public InputTests()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "BfReleaseNotes.sln")))
        {
            directory = directory.Parent;
        }

        // The default mapping, so the import gets as far as its export.
        Directory.CreateDirectory(Path.Combine(_folder.Root, "migration"));
        File.Copy(Path.Combine(directory!.FullName, "migration", "clickup-mapping.json"), Path.Combine(_folder.Root, "migration", "clickup-mapping.json"));
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Lint_of_a_device_is_refused_up_front()
    {
        var run = CliProcess.Run(_folder.Root, "lint", "/dev/zero");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("'/dev/zero' is a device, not a regular file", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_device_as_mapping_as_export_or_as_description_is_refused_up_front()
    {
        File.WriteAllText(Path.Combine(_folder.Root, "export.csv"), "Task ID,Task Name\n1,x\n");

        var mapping = CliProcess.Run(_folder.Root, "import-clickup", "export.csv", "--mapping", "/dev/zero");
        var export = CliProcess.Run(_folder.Root, "import-clickup", "/dev/zero");
        var description = CliProcess.Run(_folder.Root, "check", "--description-file", "/dev/zero");

        Assert.Equal(2, mapping.ExitCode);
        Assert.Contains("the mapping '/dev/zero' is a device", mapping.Error, StringComparison.Ordinal);
        Assert.Equal(2, export.ExitCode);
        Assert.Contains("the export '/dev/zero' is a device", export.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("empty", export.Error, StringComparison.Ordinal);
        Assert.Equal(2, description.ExitCode);
        Assert.Contains("the description file '/dev/zero' is a device", description.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fifo_as_mapping_export_or_notes_file_is_refused_instead_of_waiting_forever()
    {
        var fifo = Path.Combine(_folder.Root, "pipe.csv");
        using (var mkfifo = Process.Start("mkfifo", [fifo]))
        {
            mkfifo.WaitForExit();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        File.WriteAllText(Path.Combine(_folder.Root, "export.csv"), "Task ID,Task Name\n1,x\n");
        var mapping = CliProcess.Run(_folder.Root, "import-clickup", "export.csv", "--mapping", "pipe.csv");
        var export = CliProcess.Run(_folder.Root, "import-clickup", "pipe.csv");
        var lint = CliProcess.Run(_folder.Root, "lint", "pipe.csv");

        Assert.Equal(2, mapping.ExitCode);
        Assert.Contains("is a named pipe (FIFO)", mapping.Error, StringComparison.Ordinal);
        Assert.Equal(2, export.ExitCode);
        Assert.Contains("is a named pipe (FIFO)", export.Error, StringComparison.Ordinal);
        Assert.Equal(2, lint.ExitCode);
        Assert.Contains("is a named pipe (FIFO)", lint.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_export_that_is_a_folder_says_so()
    {
        var run = CliProcess.Run(_folder.Root, "import-clickup", "release-notes");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("the export 'release-notes' is a folder, not a file", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("denied", run.Error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_notes_file_over_the_size_cap_is_refused_without_reading_it_all()
    {
        var big = Path.Combine(_folder.Root, "big.md");
        using (var stream = File.Create(big))
        {
            stream.SetLength(65L * 1024 * 1024);
        }

        var run = CliProcess.Run(_folder.Root, "lint", "big.md");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("is larger than 64 MiB", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_version_equal_in_precedence_to_the_latest_is_called_not_greater()
    {
        File.WriteAllText(Path.Combine(_folder.Notes, "1.0.0-rc.1.md"), "# 1.0.0-rc.1 - 2026-11-01\n\n## Public\n\n### Added\n\n- Old.\n");
        CliProcess.Run(_folder.Root, "add", "--section", "public", "--type", "added", "New.");

        var run = CliProcess.Run(_folder.Root, "promote", "--version", "1.0.0-rc.1+zzz");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("is not greater than the published 1.0.0-rc.1", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("already exists", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_option_is_called_unknown_and_init_is_never_suggested()
    {
        var lint = CliProcess.Run(_folder.Root, "lint", "--frobnicate");
        var add = CliProcess.Run(_folder.Root, "add", "--section", "public", "--type", "added", "--frobnicate");

        Assert.Equal(2, lint.ExitCode);
        Assert.Contains("unknown option '--frobnicate' for 'bf-release-notes lint'", lint.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("init", lint.Error, StringComparison.Ordinal);
        Assert.Equal(2, add.ExitCode);
        Assert.Contains("unknown option '--frobnicate' for 'bf-release-notes add'", add.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(_folder.Entries(), entry => entry.Entry == "--frobnicate");
    }

    [Fact]
    public void A_dir_that_is_a_file_is_called_a_file_and_init_is_never_suggested()
    {
        var lint = CliProcess.Run(_folder.Root, "lint", "--dir", "/etc/passwd");
        var flags = CliProcess.Run(_folder.Root, "flags", "--dir", "/etc/passwd");

        Assert.Equal(2, lint.ExitCode);
        Assert.Contains("'/etc/passwd' is a file, not a folder", lint.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("init", lint.Error, StringComparison.Ordinal);
        Assert.Equal(2, flags.ExitCode);
        Assert.Contains("'/etc/passwd' is a file, not a folder", flags.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_utf16_file_is_called_utf16_not_binary()
    {
        File.WriteAllBytes(_folder.Unreleased, [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(File.ReadAllText(_folder.Unreleased))]);

        var run = CliProcess.Run(_folder.Root, "lint");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("BFRN001: the file is UTF-16LE text, not UTF-8", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("binary", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("init", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_committed_symbolic_link_as_unreleased_md_is_reported_as_a_link()
    {
        Repository.Init(_folder.Root);
        var baseSha = _folder.CommitAll("Notes");
        File.Move(_folder.Unreleased, Path.Combine(_folder.Root, "real-unreleased.md"));
        File.CreateSymbolicLink(_folder.Unreleased, "../real-unreleased.md");
        // LibGit2Sharp cannot stage a file that became a link; git itself is the subject here.
        Git("add", "-A");
        Git("-c", "user.name=Dev", "-c", "user.email=dev@example.com", "commit", "-q", "-m", "Notes as a link");

        var run = CliProcess.Run(_folder.Root, "check", "--base", baseSha);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("is committed as a symbolic link (to '../real-unreleased.md')", run.Error, StringComparison.Ordinal);
    }

    private void Git(params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = _folder.Root };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var git = Process.Start(start)!;
        git.WaitForExit();
        Assert.Equal(0, git.ExitCode);
    }
}
