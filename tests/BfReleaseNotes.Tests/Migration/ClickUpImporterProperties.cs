using System.Text;
using BfReleaseNotes.Markdown;
using BfReleaseNotes.Migration;
using BfReleaseNotes.Model;
using FsCheck;
using FsCheck.Xunit;

namespace BfReleaseNotes.Tests.Migration;

public class ClickUpImporterProperties
{
    private static readonly string[] Fragments =
    [
        "plain words", "with, a comma", "a \"quoted\" word", "line\nbreak", "literal \\n break", "<b>bold</b>", "<span>odd tag</span>",
        "# looks like a heading", "> a quote", "- a list", "1. ordered", "```", "[a link](https://example.com)", "**", "  leading spaces",
        "tab\tinside", "é ü 日本", "", "null", "<!-- comment", "\\", "| a | b |", "---", "===", "[CU-x]: https://example.com/y", "*", "<https://x.example>",
        "\r\nCRLF", "trailing spaces   ", "## Bug fixes", "Beta:", "    indented code", "&amp;", "[ref]", "~~~",
    ];

    private static readonly string[] Statuses = ["complete", "Closed", "in progress", " complete ", "null"];
    private static readonly string[] Tags = ["[bug]", "[feature]", "[improvement, beta]", "[feature, internal]", "[]", "[ui]", "[bug,feature]", "Security", "null"];
    private static readonly string[] Versions = ["1.0.0", "1.1", "v2.0.0", "2.0.0-rc.1", "next", "", "null", "01.2.3"];
    private static readonly string[] Dates = ["1731643582000", "11/15/2024, 4:00:00 AM GMT+5:30", "Friday, April 10th 2026, 4:27:19 pm -04:00", "2025-01-01", "1.73164E+12", "", "2024-02-30"];

    [Property(MaxTest = 40)]
    public bool Any_export_is_accounted_for_row_by_row_and_every_written_file_lints_clean(PositiveInt seed, bool releasePerRow)
    {
        var random = new Random(seed.Get);
        using var temp = new TempFolder();
        var csv = temp.File("export.csv");
        var rows = random.Next(0, 40);
        var text = new StringBuilder("Task ID,Task Name,Task Content,Status,Date Created,Due Date,Tags,Release (drop down)\n");
        for (var i = 0; i < rows; i++)
        {
            string Pick(string[] values) => values[random.Next(values.Length)];
            // Mostly values that import, so that many entries reach the written files; the rest are rejects.
            string Usually(string[] values, int valid) => random.Next(5) == 0 ? Pick(values) : values[random.Next(valid)];
            string Text() => string.Join(random.Next(2) == 0 ? " " : "\n", Enumerable.Range(0, random.Next(0, 5)).Select(_ => Pick(Fragments)));
            var id = random.Next(20) == 0 ? string.Empty : $"86p{random.Next(0, rows * 4):D3}";
            var version = releasePerRow ? $"Release {Usually(Versions, 4)}" : Usually(Versions, 4);
            var content = releasePerRow ? string.Join('\n', Enumerable.Range(0, random.Next(0, 6)).Select(_ => random.Next(3) == 0 ? "## " + Pick(["New features", "Bug fixes", "Beta", "Internal", "Misc"]) : "- " + Text())) : Text();
            string[] fields = [id, Text(), content, Usually(Statuses, 2), Usually(Dates, 3), Usually(Dates, 3), Usually(Tags, 3), version];
            text.Append(ClickUpImporterTests.Line(fields));
        }

        File.WriteAllText(csv, text.ToString());
        var mapping = ClickUpMapping.Load(releasePerRow ? MigrationFiles.ReleaseMapping : MigrationFiles.DefaultMapping) with
        {
            Statuses = ["complete", "closed"],
            TaskDate = ["Date Created"],
            ReleaseDate = ["Due Date"],
            Text = [releasePerRow ? "Task Content" : "Task Name"],
            Version = [releasePerRow ? "Release (drop down)" : "Release"],
        };

        var import = ClickUpImporter.Import(csv, mapping);

        var entries = import.Releases.Sum(release => release.Entries);
        var lintClean = import.Releases.All(release =>
            !ReleaseNotesParser.Parse(Encoding.UTF8.GetBytes(release.Text), DocumentKind.Published, $"{release.Version}.md").HasErrors);
        var again = ClickUpImporter.Import(csv, mapping);
        return import.Rows == rows
            && import.IsBalanced
            && (releasePerRow ? entries >= import.ImportedRows : entries == import.ImportedRows)
            && lintClean
            && again.Releases.Select(release => release.Text).SequenceEqual(import.Releases.Select(release => release.Text))
            && again.RejectsCsv == import.RejectsCsv
            && ClickUpImporterTests.ReadCsv(import.RejectsCsv).Count == import.Rejects.Length + 1;
    }
}
