using LibGit2Sharp;

namespace BfReleaseNotes.Cli.Tests.Safety;

/// <summary>
/// Output options never destroy input: the rejects file and the check's reports refuse the export, the mapping,
/// the description file and any file of the release-notes folder whatever --force says, and an existing file
/// with other content unless --force.
/// </summary>
public sealed class OutputPathTests : IDisposable
{
    private readonly NotesFolder _folder = new();
    private readonly string _export;
    private readonly string _mapping;

    public OutputPathTests()
    {
        _export = Copy("samples/clickup-entries-old-layout.csv", "export.csv");
        _mapping = Copy("clickup-mapping.json", "mapping.json");
    }

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("export.csv", "is the export itself")]
    [InlineData("mapping.json", "is the mapping itself")]
    [InlineData("release-notes/unreleased.md", "is in the release-notes folder")]
    [InlineData("release-notes/rejects.csv", "is in the release-notes folder")]
    [InlineData("release-notes", "is a folder")]
    public void Rejects_never_replace_an_input_or_a_release_notes_file_even_with_force(string rejects, string reason)
    {
        var before = Snapshot();

        var run = CliProcess.Run(_folder.Root, "import-clickup", "export.csv", "--mapping", "mapping.json", "--rejects", rejects, "--force");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(reason, run.Error, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public void Rejects_through_a_symbolic_link_to_the_export_are_refused()
    {
        File.CreateSymbolicLink(Path.Combine(_folder.Root, "sneaky.csv"), _export);

        var run = CliProcess.Run(_folder.Root, "import-clickup", "export.csv", "--mapping", "mapping.json", "--rejects", "sneaky.csv", "--force");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("is the export itself", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_existing_rejects_file_with_other_content_is_replaced_only_with_force()
    {
        var other = Path.Combine(_folder.Root, "notes.txt");
        File.WriteAllText(other, "my notes\n");

        var refused = CliProcess.Run(_folder.Root, "import-clickup", "export.csv", "--mapping", "mapping.json", "--rejects", "notes.txt");
        var unchanged = File.ReadAllText(other);
        var publishedAfterRefusal = _folder.PublishedFiles();
        var forced = CliProcess.Run(_folder.Root, "import-clickup", "export.csv", "--mapping", "mapping.json", "--rejects", "notes.txt", "--force");

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("exists with other content", refused.Error, StringComparison.Ordinal);
        Assert.Equal("my notes\n", unchanged);
        Assert.Empty(publishedAfterRefusal);
        Assert.True(forced.ExitCode == 0, forced.Error);
        Assert.NotEqual("my notes\n", File.ReadAllText(other));
    }

    [Fact]
    public void Re_running_an_import_over_its_own_rejects_file_needs_no_force()
    {
        var first = CliProcess.Run(_folder.Root, "import-clickup", "export.csv", "--mapping", "mapping.json");
        var second = CliProcess.Run(_folder.Root, "import-clickup", "export.csv", "--mapping", "mapping.json");

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.True(second.ExitCode == 0, second.Error);
        Assert.Contains("unchanged in", second.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--report-codequality", "release-notes/unreleased.md", "is in the release-notes folder")]
    [InlineData("--report-junit", "description.md", "is the description file itself")]
    [InlineData("--report-junit", "README.md", "already exists with other content")]
    public void Check_reports_refuse_inputs_and_existing_files(string option, string path, string reason)
    {
        Repository.Init(_folder.Root);
        File.WriteAllText(Path.Combine(_folder.Root, "description.md"), "Release-Notes: none - tests only\n");
        File.WriteAllText(Path.Combine(_folder.Root, "README.md"), "# My project\n");
        var before = Snapshot();

        var run = CliProcess.Run(_folder.Root, "check", "--base", "HEAD", "--description-file", "description.md", option, path);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(reason, run.Error, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot());
    }

    private Dictionary<string, string> Snapshot() =>
        Directory.EnumerateFiles(_folder.Root, "*", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}.git{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToDictionary(path => path, path => Convert.ToBase64String(File.ReadAllBytes(path)), StringComparer.Ordinal);

    private string Copy(string sample, string name)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "BfReleaseNotes.sln")))
        {
            directory = directory.Parent;
        }

        var target = Path.Combine(_folder.Root, name);
        File.Copy(Path.Combine(directory!.FullName, "migration", sample), target);
        return target;
    }
}
