using System.Collections.Immutable;
using System.Text;
using BfReleaseNotes.Migration;
using BfReleaseNotes.Tests.Migration;
using BfReleaseNotes.Workspace;

namespace BfReleaseNotes.Tests.Rules;

/// <summary>
/// The import's files against the folder (new, unchanged, a conflict, or replaced with <c>--force</c>, the rejects file
/// as much as the releases), writing them all or none (nothing when one is in conflict; a file that appeared or changed
/// since is not overwritten; folders a failed write created are removed), the report's names and its guards, the
/// warnings' summary lines, the rejects file's escape undone, and the temporary spill file. Real files in a temp folder.
/// </summary>
public sealed class ImportFileRuleTests : IDisposable
{
    private const string OldRelease = "# 0.9.0 - 2023-11-14\n\n## Fixed\n\n- Someone's own words.\n";

    private readonly BfReleaseNotes.Tests.Migration.TempFolder _temp = new();
    private readonly ClickUpImport _import;
    private readonly ReleaseNotesFolder _folder;
    private readonly string _rejects;

    public ImportFileRuleTests()
    {
        var export = _temp.File("export.csv");
        File.WriteAllText(export, ClickUpImporterTests.Line(["Task ID", "Task Name", "Status", "Due Date", "Tags", "Release (drop down)"])
            + ClickUpImporterTests.Line(["86a", "Export to PDF", "complete", "1731643582000", "[feature]", "1.0.0"])
            + ClickUpImporterTests.Line(["86b", "An older fix", "complete", "1700000000000", "[bug]", "0.9.0"])
            + ClickUpImporterTests.Line(["86c", "Not finished", "in progress", "1731643582000", "[bug]", "1.0.0"]));
        var mapping = ClickUpMapping.Parse(Encoding.UTF8.GetBytes("""
            { "shape": "entry-per-row", "columns": { "taskId": ["Task ID"], "status": ["Status"] }, "statuses": ["complete"],
              "release": { "version": ["Release"], "date": ["Due Date"] }, "entry": { "text": ["Task Name"] },
              "types": { "from": ["Tags"], "values": { "bug": "Fixed", "feature": "Added" } } }
            """), "mapping.json");
        _import = ClickUpImporter.Import(export, mapping);
        _folder = new ReleaseNotesFolder(_temp.File("release-notes"));
        _rejects = _temp.File("export.rejects.csv");
    }

    private string Release090 => Path.Combine(_folder.Path, "0.9.0.md");

    private string Release100 => Path.Combine(_folder.Path, "1.0.0.md");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Files_that_are_not_there_are_new_and_the_same_bytes_are_unchanged_for_releases_and_the_rejects_file()
    {
        Assert.Equal([(Release090, FileStatus.New), (Release100, FileStatus.New), (_rejects, FileStatus.New)], Statuses(force: false));

        ImportFiles.Write(ImportFiles.Plan(_import, _folder, _rejects, force: false));

        Assert.Equal([(Release090, FileStatus.Unchanged), (Release100, FileStatus.Unchanged), (_rejects, FileStatus.Unchanged)], Statuses(force: false));
        Assert.Equal([(Release090, FileStatus.Unchanged), (Release100, FileStatus.Unchanged), (_rejects, FileStatus.Unchanged)], Statuses(force: true));
    }

    [Fact]
    public void Other_content_is_a_conflict_and_with_force_is_replaced_for_a_release_and_for_the_rejects_file()
    {
        Directory.CreateDirectory(_folder.Path);
        File.WriteAllText(Release090, OldRelease);
        File.WriteAllText(_rejects, "Row,Line\n");

        Assert.Equal([(Release090, FileStatus.Conflict), (Release100, FileStatus.New), (_rejects, FileStatus.Conflict)], Statuses(force: false));
        Assert.Equal([(Release090, FileStatus.Replaced), (Release100, FileStatus.New), (_rejects, FileStatus.Replaced)], Statuses(force: true));
    }

    [Fact]
    public void One_file_in_conflict_stops_the_write_and_the_new_files_are_not_written()
    {
        Directory.CreateDirectory(_folder.Path);
        File.WriteAllText(Release090, OldRelease);

        var written = ImportFiles.Write(ImportFiles.Plan(_import, _folder, _rejects, force: false));

        Assert.Empty(written);
        Assert.False(File.Exists(Release100));
        Assert.False(File.Exists(_rejects));
        Assert.Equal(OldRelease, File.ReadAllText(Release090));
    }

    [Fact]
    public void With_force_the_other_content_is_replaced_and_every_path_is_named_in_plan_order()
    {
        Directory.CreateDirectory(_folder.Path);
        File.WriteAllText(Release090, OldRelease);
        File.WriteAllText(_rejects, "Row,Line\n");
        var files = ImportFiles.Plan(_import, _folder, _rejects, force: true);

        var written = ImportFiles.Write(files);

        Assert.Equal([Release090, Release100, _rejects], written.ToArray());
        Assert.StartsWith("# 0.9.0 - 2023-11-14\n\n## Public\n\n### Fixed\n\n- An older fix", File.ReadAllText(Release090), StringComparison.Ordinal);
        Assert.Equal(files[0].Content, File.ReadAllBytes(Release090));
        Assert.Equal(files[2].Content, File.ReadAllBytes(_rejects));
    }

    [Fact]
    public void Nothing_to_write_writes_nothing_and_creates_no_folder()
    {
        var files = ImportFiles.Plan(_import, _folder, _rejects, force: false)
            .Select(file => file with { Status = FileStatus.Unchanged }).ToList();

        Assert.Empty(ImportFiles.Write(files));
        Assert.False(Directory.Exists(_folder.Path));
    }

    [Fact]
    public void A_file_that_appeared_after_the_plan_is_not_overwritten_and_no_file_is_written()
    {
        var files = ImportFiles.Plan(_import, _folder, _rejects, force: false);
        Directory.CreateDirectory(_folder.Path);
        File.WriteAllText(Release100, OldRelease);

        var exception = Assert.Throws<EnvironmentException>(() => ImportFiles.Write(files));

        Assert.Equal($"'{Release100}' appeared while this command was running (another program wrote it); nothing was written. Run the command again.", exception.Message);
        Assert.Equal(OldRelease, File.ReadAllText(Release100));
        Assert.False(File.Exists(Release090));
        Assert.False(File.Exists(_rejects));
    }

    [Fact]
    public void A_file_the_session_read_and_someone_changed_since_is_not_replaced()
    {
        Directory.CreateDirectory(_folder.Path);
        File.WriteAllText(_rejects, "Row,Line\n");
        using var session = WriteSession.Open(_folder.Path, "import-clickup");
        session.Read(_rejects);
        var files = ImportFiles.Plan(_import, _folder, _rejects, force: true);
        File.WriteAllText(_rejects, "Row,Line,Someone\n");

        var exception = Assert.Throws<EnvironmentException>(() => ImportFiles.Write(files, session));

        Assert.Equal($"'{_rejects}' changed while this command was running (another program wrote it); nothing was written. Run the command again.", exception.Message);

        Assert.Equal("Row,Line,Someone\n", File.ReadAllText(_rejects));
        Assert.False(File.Exists(Release090));
    }

    [Fact]
    public void A_write_that_fails_removes_the_folders_it_created_deepest_first_and_says_no_file_was_changed()
    {
        var blocker = _temp.File("blocker");
        File.WriteAllText(blocker, "a file where a folder should be");
        var content = Encoding.UTF8.GetBytes("x\n");
        PlannedFile[] files =
        [
            new(_temp.File("new/1.0.0.md"), null, null, 0, FileStatus.New, content),
            new(_temp.File("new/deeper/1.1.0.md"), null, null, 0, FileStatus.New, content),
            new(Path.Combine(blocker, "rejects.csv"), null, null, 0, FileStatus.New, content),
        ];

        var exception = Assert.Throws<EnvironmentException>(() => ImportFiles.Write(files));

        Assert.StartsWith("cannot write the import: ", exception.Message, StringComparison.Ordinal);
        Assert.EndsWith("; no file was changed", exception.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<IOException>(exception.InnerException);
        Assert.False(Directory.Exists(_temp.File("new")));
        Assert.Equal("a file where a folder should be", File.ReadAllText(blocker));
    }

    [Fact]
    public void Null_arguments_are_refused_by_name()
    {
        var files = ImportFiles.Plan(_import, _folder, _rejects, force: false);

        Assert.Equal("import", Assert.Throws<ArgumentNullException>(() => ImportFiles.Plan(null!, _folder, _rejects, force: false)).ParamName);
        Assert.Equal("folder", Assert.Throws<ArgumentNullException>(() => ImportFiles.Plan(_import, null!, _rejects, force: false)).ParamName);
        Assert.Equal("rejectsPath", Assert.Throws<ArgumentNullException>(() => ImportFiles.Plan(_import, _folder, null!, force: false)).ParamName);
        Assert.Equal("files", Assert.Throws<ArgumentNullException>(() => ImportFiles.Write(null!)).ParamName);
        Assert.Equal("export", Assert.Throws<ArgumentNullException>(() => ImportReportJson.Serialize(null!, _import, files, [], dryRun: true)).ParamName);
        Assert.Equal("import", Assert.Throws<ArgumentNullException>(() => ImportReportJson.Serialize("e.csv", null!, files, [], dryRun: true)).ParamName);
        Assert.Equal("files", Assert.Throws<ArgumentNullException>(() => ImportReportJson.Serialize("e.csv", _import, null!, [], dryRun: true)).ParamName);
        Assert.Equal("written", Assert.Throws<ArgumentNullException>(() => ImportReportJson.Serialize("e.csv", _import, files, null!, dryRun: true)).ParamName);
        var warnings = new ImportWarnings();
        Assert.Equal("kind", Assert.Throws<ArgumentNullException>(() => warnings.Add(null!, "row 2")).ParamName);
        Assert.Equal("message", Assert.Throws<ArgumentNullException>(() => warnings.Add("html-reduced", null!)).ParamName);
        Assert.Empty(warnings.Summaries());
        Assert.Equal("cell", Assert.Throws<ArgumentNullException>(() => RejectsWriter.Original(null!)).ParamName);
        Assert.False(Directory.Exists(_folder.Path));
    }

    [Fact]
    public void The_report_refuses_planned_files_without_exactly_one_rejects_file_counting_them()
    {
        var files = ImportFiles.Plan(_import, _folder, _rejects, force: false);

        var none = Assert.Throws<ArgumentException>(() => ImportReportJson.Serialize("e.csv", _import, [.. files.Where(file => file.Version is not null)], [], dryRun: true));
        var two = Assert.Throws<ArgumentException>(() => ImportReportJson.Serialize("e.csv", _import, [.. files, files[^1]], [], dryRun: true));

        Assert.Equal("the planned files hold 0 rejects files (files without a version); ImportFiles.Plan gives exactly one (Parameter 'files')", none.Message);
        Assert.Equal("the planned files hold 2 rejects files (files without a version); ImportFiles.Plan gives exactly one (Parameter 'files')", two.Message);
    }

    [Theory]
    [InlineData(FileStatus.New, "new")]
    [InlineData(FileStatus.Unchanged, "unchanged")]
    [InlineData(FileStatus.Replaced, "replaced")]
    [InlineData(FileStatus.Conflict, "conflict")]
    public void Each_file_status_has_its_report_name(FileStatus status, string name) =>
        Assert.Equal(name, ImportReportJson.StatusName(status));

    [Theory]
    [InlineData(HistoryShape.EntryPerRow, "entry-per-row")]
    [InlineData(HistoryShape.ReleasePerRow, "release-per-row")]
    public void Each_history_shape_has_its_report_name(HistoryShape shape, string name) =>
        Assert.Equal(name, ImportReportJson.ShapeName(shape));

    [Fact]
    public void A_warning_seen_once_is_its_one_example_and_more_are_counted_with_separators_and_three_examples()
    {
        var once = new ImportWarningGroup("unsafe-link", 1, ["row 4 (86d): a javascript: link was kept as text"]);
        var many = new ImportWarningGroup("date-text-twin", 30457, ["row 2 (86a)", "row 3 (86b)", "row 9 (86h)"]);

        Assert.Equal("unsafe-link: row 4 (86d): a javascript: link was kept as text", once.Summary);
        Assert.Equal("date-text-twin: 30,457 rows, such as row 2 (86a); row 3 (86b); row 9 (86h)", many.Summary);
    }

    [Fact]
    public void The_import_counts_every_warning_of_every_kind()
    {
        var import = _import with
        {
            Warnings = [new ImportWarningGroup("html-reduced", 2, ["a", "b"]), new ImportWarningGroup("no-heading", 3, ["c", "d", "e"])],
        };

        Assert.Equal(5, import.WarningCount);
    }

    [Theory]
    [InlineData("Plain text", "Plain text")]
    [InlineData("'=HYPERLINK(\"x\")", "=HYPERLINK(\"x\")")]
    [InlineData("''quoted", "'quoted")]
    [InlineData("it's", "it's")]
    public void A_rejects_cell_read_back_loses_only_its_first_escaping_quote(string cell, string original) =>
        Assert.Equal(original, RejectsWriter.Original(cell));

    [Fact]
    public void The_spill_file_sits_in_the_folder_it_is_given_reads_back_what_was_written_in_any_order_and_is_gone_when_disposed()
    {
        string path;
        using (var spill = new ImportSpill(_temp.Path))
        {
            path = spill.Path;
            Assert.Equal(_temp.Path, Path.GetDirectoryName(path));
            Assert.StartsWith($"bfrn-import-{Environment.ProcessId}-", Path.GetFileName(path), StringComparison.Ordinal);
            Assert.True(File.Exists(path));
            var first = spill.Write("first entry");
            var fields = spill.Write(["86a", "=1+1", string.Empty]);
            Assert.Equal("first entry", spill.ReadText(first));
            var last = spill.Write("written after a read");
            Assert.Equal(["86a", "=1+1", string.Empty], spill.ReadFields(fields));
            Assert.Equal("written after a read", spill.ReadText(last));
            Assert.Equal("first entry", spill.ReadText(first));
        }

        Assert.False(File.Exists(path));
    }

    [Fact]
    public void A_temporary_folder_that_cannot_hold_the_spill_file_is_named_with_what_to_do()
    {
        var missing = _temp.File("no-such-folder");

        var exception = Assert.Throws<EnvironmentException>(() => new ImportSpill(missing));

        Assert.StartsWith($"cannot create a temporary file for the import in '{missing}': ", exception.Message, StringComparison.Ordinal);
        Assert.EndsWith("; set TMPDIR to a writable folder", exception.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<IOException>(exception.InnerException);
    }

    private (string Path, FileStatus Status)[] Statuses(bool force) =>
        [.. ImportFiles.Plan(_import, _folder, _rejects, force).Select(file => (file.Path, file.Status))];
}
