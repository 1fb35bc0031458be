using System.Globalization;
using System.Text;
using System.Text.Json;
using BfReleaseNotes.Markdown;
using BfReleaseNotes.Model;

namespace BfReleaseNotes.Cli.Tests.ImportClickUp;

/// <summary>End to end through <see cref="CliApp.Run"/>, on the sample exports in migration/ copied to a temporary folder.</summary>
public sealed class ImportClickUpCommandTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "bfrn-import-" + Guid.NewGuid().ToString("N"));

    public ImportClickUpCommandTests()
    {
        var repository = RepositoryRoot();
        Directory.CreateDirectory(Path.Combine(_root, "migration"));
        foreach (var file in Directory.EnumerateFiles(Path.Combine(repository, "migration"), "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(_root, Path.GetRelativePath(repository, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private string Folder => Path.Combine(_root, "release-notes");

    private string Rejects => Path.Combine(_root, "migration", "samples", "clickup-entries-old-layout.rejects.csv");

    [Fact]
    public void Dry_run_writes_nothing_and_its_summary_agrees_with_the_real_run()
    {
        var dryRun = Run("import-clickup", "migration/samples/clickup-entries-old-layout.csv", "--dry-run");

        Assert.Equal(0, dryRun.Exit);
        Assert.False(Directory.Exists(Folder));
        Assert.False(File.Exists(Rejects));
        Assert.Contains("rows 15, imported 8, rejected 7", dryRun.Out, StringComparison.Ordinal);
        Assert.Contains("release 3.14.0 (2024-11-15): 3 entries would be written to", dryRun.Out, StringComparison.Ordinal);
        Assert.Contains("release 3.15.0 (2024-12-02): 5 entries would be written to", dryRun.Out, StringComparison.Ordinal);
        Assert.Contains("  rejected type: 2", dryRun.Out, StringComparison.Ordinal);

        var real = Run("import-clickup", "migration/samples/clickup-entries-old-layout.csv");

        Assert.Equal(0, real.Exit);
        var written = Directory.GetFiles(Folder, "*.md").Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["3.14.0.md", "3.15.0.md"], written.Select(path => Path.GetFileName(path)).ToArray());
        // What the dry run showed is what was written, byte for byte.
        foreach (var path in written)
        {
            Assert.Contains(File.ReadAllText(path), dryRun.Out, StringComparison.Ordinal);
        }

        var entries = written.Sum(path => File.ReadAllLines(path).Count(line => line.StartsWith("- ", StringComparison.Ordinal)));
        var rejectRows = ReadCsv(File.ReadAllText(Rejects)).Skip(1).ToList();
        Assert.Equal(8, entries);
        Assert.Equal(7, rejectRows.Count);
        Assert.Equal(15, entries + rejectRows.Count);
        Assert.Equal(2, rejectRows.Count(row => row[3] == "type"));
    }

    [Fact]
    public void Every_written_file_lints_clean_through_the_lint_command()
    {
        Assert.Equal(0, Run("import-clickup", "migration/samples/clickup-entries-old-layout.csv").Exit);
        Assert.Equal(0, Run("import-clickup", "migration/samples/clickup-entries-new-layout.csv").Exit);
        Assert.Equal(0, Run("import-clickup", "migration/samples/clickup-releases.csv", "--mapping", "migration/clickup-mapping-release-per-row.json").Exit);

        var lint = Run("lint", "--dir", "release-notes");

        Assert.Equal(0, lint.Exit);
        Assert.Equal(string.Empty, lint.Error);
        Assert.Contains("lint: 7 files, 0 errors, 0 warnings", lint.Out, StringComparison.Ordinal);
        foreach (var path in Directory.GetFiles(Folder, "*.md"))
        {
            var parsed = ReleaseNotesParser.Parse(File.ReadAllBytes(path), DocumentKind.Published, path);
            Assert.Empty(parsed.Diagnostics);
        }
    }

    [Fact]
    public void Re_running_on_the_same_export_changes_no_byte()
    {
        Assert.Equal(0, Run("import-clickup", "migration/samples/clickup-releases.csv", "--mapping", "migration/clickup-mapping-release-per-row.json").Exit);
        var before = Snapshot();

        var again = Run("import-clickup", "migration/samples/clickup-releases.csv", "--mapping", "migration/clickup-mapping-release-per-row.json");

        Assert.Equal(0, again.Exit);
        Assert.Equal(before, Snapshot());
        Assert.Contains("release 2.7.0 (2025-03-12): 7 entries unchanged in", again.Out, StringComparison.Ordinal);
        Assert.Contains("rejects: 5 line(s) unchanged in", again.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void An_existing_published_file_with_other_content_is_a_conflict_unless_forced()
    {
        Assert.Equal(0, Run("import-clickup", "migration/samples/clickup-entries-old-layout.csv").Exit);
        var edited = Path.Combine(Folder, "3.15.0.md");
        File.AppendAllText(edited, "\n[extra]: https://example.com\n");
        File.Delete(Path.Combine(Folder, "3.14.0.md"));
        File.Delete(Rejects);
        var before = Snapshot();

        var conflict = Run("import-clickup", "migration/samples/clickup-entries-old-layout.csv");

        Assert.Equal(1, conflict.Exit);
        Assert.Contains($"error: {edited} exists with other content", conflict.Error, StringComparison.Ordinal);
        Assert.Contains("1 conflict(s); no file was written", conflict.Error, StringComparison.Ordinal);
        Assert.Contains("in CONFLICT with", conflict.Out, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot()); // all or nothing: not even the missing 3.14.0.md or the rejects file

        var forced = Run("import-clickup", "migration/samples/clickup-entries-old-layout.csv", "--force");

        Assert.Equal(0, forced.Exit);
        Assert.DoesNotContain("[extra]", File.ReadAllText(edited), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(Folder, "3.14.0.md")));
        Assert.True(File.Exists(Rejects));
    }

    [Fact]
    public void Bad_input_exits_2_and_writes_nothing()
    {
        File.WriteAllBytes(Path.Combine(_root, "image.csv"), [0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0]);
        File.WriteAllText(Path.Combine(_root, "notes.csv"), "just some notes\nnot a table\n");
        File.WriteAllText(Path.Combine(_root, "bad-regex.json"), File.ReadAllText(Path.Combine(_root, "migration", "clickup-mapping.json"))
            .Replace("\"versionPattern\": \"^", "\"versionPattern\": \"(^", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(_root, "broken.json"), "{ \"shape\": \"entry-per-row\", ");
        File.WriteAllText(Path.Combine(_root, "renamed.csv"), File.ReadAllText(Path.Combine(_root, "migration", "samples", "clickup-entries-old-layout.csv"))
            .Replace("Version (short text)", "Versoin (short text)", StringComparison.Ordinal));

        var cases = new (string[] Args, string Message)[]
        {
            (["import-clickup", "image.csv"], "is binary (it holds NUL bytes): not a CSV"),
            (["import-clickup", "notes.csv"], "is not a CSV export: its first line ('just some notes') has no ','"),
            (["import-clickup", "missing.csv"], "missing.csv' does not exist"),
            (["import-clickup", "migration/samples/clickup-releases.csv", "--mapping", "bad-regex.json"], "'release.versionPattern' is not a valid regular expression"),
            (["import-clickup", "migration/samples/clickup-releases.csv", "--mapping", "broken.json"], "broken.json:1:"),
            (["import-clickup", "renamed.csv"], "the closest is 'Versoin (short text)'"),
        };
        foreach (var (args, message) in cases)
        {
            var result = Run(args);

            Assert.Equal(2, result.Exit);
            Assert.Contains(message, result.Error, StringComparison.Ordinal);
            Assert.Equal(string.Empty, result.Out);
        }

        Assert.False(Directory.Exists(Folder));
        Assert.Empty(Directory.GetFiles(_root, "*.rejects.csv", SearchOption.AllDirectories));
    }

    [Fact]
    public void The_json_report_counts_rows_by_reason_and_lists_the_files()
    {
        var result = Run("import-clickup", "migration/samples/clickup-entries-new-layout.csv", "--format", "json", "--dry-run", "--rejects", "out/rejects.csv");

        Assert.Equal(0, result.Exit);
        using var json = JsonDocument.Parse(result.Out);
        var report = json.RootElement;
        Assert.Equal((8, 5, 3), (report.GetProperty("rows").GetInt32(), report.GetProperty("imported").GetInt32(), report.GetProperty("rejected").GetInt32()));
        Assert.True(report.GetProperty("dryRun").GetBoolean());
        Assert.Equal(["date", "type", "version"], report.GetProperty("rejectedByReason").EnumerateArray().Select(item => item.GetProperty("reason").GetString()!).ToArray());
        Assert.Equal(["4.0.0", "4.1.0"], report.GetProperty("releases").EnumerateArray().Select(item => item.GetProperty("version").GetString()!).ToArray());
        Assert.Equal("new", report.GetProperty("releases")[0].GetProperty("status").GetString());
        Assert.EndsWith(Path.Combine("out", "rejects.csv"), report.GetProperty("rejects").GetProperty("path").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, report.GetProperty("written").GetArrayLength());
        Assert.False(Directory.Exists(Path.Combine(_root, "out")));
    }

    [Fact]
    public void Progress_goes_to_stderr_only_when_it_is_a_terminal()
    {
        var quiet = Run("import-clickup", "migration/samples/clickup-entries-new-layout.csv", "--dry-run");
        var terminal = Run(true, "import-clickup", "migration/samples/clickup-entries-new-layout.csv", "--dry-run");

        Assert.DoesNotContain("rows read", quiet.Error, StringComparison.Ordinal);
        Assert.Contains("\rimport-clickup: 8 rows read", terminal.Error, StringComparison.Ordinal);
        Assert.Equal(quiet.Out, terminal.Out);
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private (int Exit, string Out, string Error) Run(params string[] args) => Run(false, args);

    private (int Exit, string Out, string Error) Run(bool terminal, params string[] args)
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        var exit = CliApp.Run(args, new CliContext { Out = output, Error = error, CurrentDirectory = _root, ErrorIsTerminal = terminal });
        return (exit, output.ToString(), error.ToString());
    }

    private SortedDictionary<string, string> Snapshot() =>
        new(Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories)
            .ToDictionary(path => Path.GetRelativePath(_root, path), path => Convert.ToBase64String(File.ReadAllBytes(path))), StringComparer.Ordinal);

    private static List<string[]> ReadCsv(string text)
    {
        using var reader = CsvHelper.CsvReader.FromText(text, CsvHelper.CsvReaderOptions.Default with { HasHeader = false, Separator = ',' });
        var lines = new List<string[]>();
        while (reader.Read())
        {
            lines.Add([.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetString)]);
        }

        return lines;
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "BfReleaseNotes.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("the repository root (BfReleaseNotes.sln) was not found above the test folder");
    }
}
