using System.Text;
using BfReleaseNotes.Migration;
using BfReleaseNotes.Workspace;

namespace BfReleaseNotes.Tests.Migration;

/// <summary>
/// The JSON report of <c>import-clickup</c>, pinned with the expected text written out here, from a real import of a
/// small export into a real folder.
/// </summary>
public sealed class ImportReportJsonTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly string _export;
    private readonly ClickUpMapping _mapping;
    private readonly ReleaseNotesFolder _folder;

    public ImportReportJsonTests()
    {
        _export = _temp.File("export.csv");
        File.WriteAllText(_export, ClickUpImporterTests.Line(["Task ID", "Task Name", "Task Content", "Status", "Due Date", "Tags", "Release (drop down)"])
            + ClickUpImporterTests.Line(["86a", "Export to PDF, it's café", "", "complete", "1731643582000", "[feature]", "1.0.0"])
            + ClickUpImporterTests.Line(["86b", "Login works again", "<p>Also with <b>SSO</b></p>", "complete", "1731643582000", "[bug]", "1.0.0"])
            + ClickUpImporterTests.Line(["86c", "An older fix", "", "complete", "1700000000000", "[bug]", "0.9.0"])
            + ClickUpImporterTests.Line(["86d", "Not finished", "", "in progress", "1731643582000", "[bug]", "1.0.0"]));
        _mapping = ClickUpMapping.Parse(Encoding.UTF8.GetBytes("""
            { "shape": "entry-per-row", "columns": { "taskId": ["Task ID"], "status": ["Status"] }, "statuses": ["complete"],
              "release": { "version": ["Release"], "date": ["Due Date"] }, "entry": { "text": ["Task Name"], "details": ["Task Content"] },
              "types": { "from": ["Tags"], "values": { "bug": "Fixed", "feature": "Added" } } }
            """), "mapping.json");
        _folder = new ReleaseNotesFolder(_temp.File("release-notes"));
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_dry_run_reports_the_counts_each_release_file_and_the_rejects_file()
    {
        var import = ClickUpImporter.Import(_export, _mapping);
        var files = ImportFiles.Plan(import, _folder, _temp.File("export.rejects.csv"), force: false);

        var json = ImportReportJson.Serialize("export.csv", import, files, [], dryRun: true);


        Assert.Equal(
            $$"""
            {
              "export": "export.csv",
              "shape": "entry-per-row",
              "dryRun": true,
              "rows": 4,
              "imported": 3,
              "rejected": 1,
              "rejectedByReason": [
                {
                  "reason": "status",
                  "count": 1
                }
              ],
              "releases": [
                {
                  "path": "{{_folder.Path}}/0.9.0.md",
                  "version": "0.9.0",
                  "date": "2023-11-14",
                  "entries": 1,
                  "status": "new"
                },
                {
                  "path": "{{_folder.Path}}/1.0.0.md",
                  "version": "1.0.0",
                  "date": "2024-11-15",
                  "entries": 2,
                  "status": "new"
                }
              ],
              "rejects": {
                "path": "{{_temp.Path}}/export.rejects.csv",
                "version": null,
                "date": null,
                "entries": 1,
                "status": "new"
              },
              "written": [],
              "conflicts": [],
              "warnings": [
                {
                  "kind": "html-reduced",
                  "count": 1,
                  "examples": [
                    "row 2 (line 3, task 86b): \u0027Task Content\u0027 held HTML; it was reduced to markdown"
                  ]
                }
              ]
            }
            """,
            json);
    }

    [Fact]
    public void After_a_write_a_changed_release_file_is_a_conflict_and_the_others_are_unchanged()
    {
        var import = ClickUpImporter.Import(_export, _mapping);
        var rejects = _temp.File("export.rejects.csv");
        ImportFiles.Write(ImportFiles.Plan(import, _folder, rejects, force: false));
        File.AppendAllText(_folder.PublishedPath(Semver.SemVersion.Parse("1.0.0")), "- Edited by hand.\n");
        var files = ImportFiles.Plan(import, _folder, rejects, force: false);

        var json = ImportReportJson.Serialize(_export, import, files, [], dryRun: false);


        Assert.Equal(
            $$"""
            {
              "export": "{{_export}}",
              "shape": "entry-per-row",
              "dryRun": false,
              "rows": 4,
              "imported": 3,
              "rejected": 1,
              "rejectedByReason": [
                {
                  "reason": "status",
                  "count": 1
                }
              ],
              "releases": [
                {
                  "path": "{{_folder.Path}}/0.9.0.md",
                  "version": "0.9.0",
                  "date": "2023-11-14",
                  "entries": 1,
                  "status": "unchanged"
                },
                {
                  "path": "{{_folder.Path}}/1.0.0.md",
                  "version": "1.0.0",
                  "date": "2024-11-15",
                  "entries": 2,
                  "status": "conflict"
                }
              ],
              "rejects": {
                "path": "{{_temp.Path}}/export.rejects.csv",
                "version": null,
                "date": null,
                "entries": 1,
                "status": "unchanged"
              },
              "written": [],
              "conflicts": [
                "{{_folder.Path}}/1.0.0.md"
              ],
              "warnings": [
                {
                  "kind": "html-reduced",
                  "count": 1,
                  "examples": [
                    "row 2 (line 3, task 86b): \u0027Task Content\u0027 held HTML; it was reduced to markdown"
                  ]
                }
              ]
            }
            """,
            json);
    }

    [Fact]
    public void Planned_files_without_their_rejects_file_are_refused()
    {
        var import = ClickUpImporter.Import(_export, _mapping);
        var releasesOnly = ImportFiles.Plan(import, _folder, _temp.File("export.rejects.csv"), force: false).Where(file => file.Version is not null).ToList();

        Assert.Throws<ArgumentException>(() => ImportReportJson.Serialize("export.csv", import, releasesOnly, [], dryRun: true));
    }
}
