using System.Globalization;
using System.Text;
using ApprovalTests;
using BfReleaseNotes.Markdown;
using BfReleaseNotes.Migration;
using BfReleaseNotes.Model;
using BfReleaseNotes.Workspace;

namespace BfReleaseNotes.Tests.Migration;

public class ClickUpImporterTests
{
    private static readonly string[] ShortHeader = ["Task ID", "Task Name", "Task Content", "Status", "Date Created", "Due Date", "Tags", "Release (drop down)", "List", "Folder"];

    [Fact]
    public void The_old_layout_sample_accounts_for_every_row()
    {
        var import = ClickUpImporter.Import(MigrationFiles.Sample("clickup-entries-old-layout.csv"), ClickUpMapping.Load(MigrationFiles.DefaultMapping));

        Assert.Equal((15L, 8L, 7L), (import.Rows, import.ImportedRows, import.RejectedRows));
        Assert.True(import.IsBalanced);
        Assert.Equal(
            [(RejectReason.Date, 1), (RejectReason.DuplicateTask, 1), (RejectReason.Internal, 1), (RejectReason.Status, 1), (RejectReason.ChangeType, 2), (RejectReason.Version, 1)],
            import.RejectsByReason.ToArray());
        Assert.Equal(["3.14.0", "3.15.0"], import.Releases.Select(release => release.Version.ToString()).ToArray());
        Assert.Equal(import.ImportedRows, import.Releases.Sum(release => release.Entries));
        AssertLintClean(import);
    }

    [Fact]
    public void The_old_layout_sample_writes_these_files() =>
        Approvals.VerifyWithExtension(Snapshot(ClickUpImporter.Import(MigrationFiles.Sample("clickup-entries-old-layout.csv"), ClickUpMapping.Load(MigrationFiles.DefaultMapping))), ".md");

    [Fact]
    public void The_new_layout_sample_with_a_BOM_CRLF_view_dates_and_twin_custom_fields_writes_these_files()
    {
        var import = ClickUpImporter.Import(MigrationFiles.Sample("clickup-entries-new-layout.csv"), ClickUpMapping.Load(MigrationFiles.DefaultMapping));

        Assert.Equal((8L, 5L, 3L), (import.Rows, import.ImportedRows, import.RejectedRows));
        AssertLintClean(import);
        Approvals.VerifyWithExtension(Snapshot(import), ".md");
    }

    [Fact]
    public void The_release_per_row_sample_writes_these_files()
    {
        var import = ClickUpImporter.Import(MigrationFiles.Sample("clickup-releases.csv"), ClickUpMapping.Load(MigrationFiles.ReleaseMapping));

        Assert.Equal((7L, 3L, 4L), (import.Rows, import.ImportedRows, import.RejectedRows));
        Assert.Contains(import.Rejects, reject => reject.Reason == RejectReason.InternalItem && reject.Detail.Contains("Moved the job queue", StringComparison.Ordinal));
        Assert.Contains(import.Warnings.SelectMany(group => group.Examples), warning => warning.Contains("'Highlights of this release: faster everything.' is under no heading", StringComparison.Ordinal));
        Assert.Contains(import.Warnings.SelectMany(group => group.Examples), warning => warning.Contains("under the heading 'Other:'", StringComparison.Ordinal));
        AssertLintClean(import);
        Approvals.VerifyWithExtension(Snapshot(import), ".md");
    }

    [Fact]
    public void A_spreadsheet_mangled_export_reads_like_the_original_and_never_guesses_a_rounded_epoch()
    {
        var mapping = ClickUpMapping.Load(MigrationFiles.DefaultMapping);
        var original = ClickUpImporter.Import(MigrationFiles.Sample("clickup-entries-old-layout.csv"), mapping);

        var mangled = ClickUpImporter.Import(MigrationFiles.Sample("clickup-entries-spreadsheet.csv"), mapping);

        Assert.Equal((5L, 3L, 2L), (mangled.Rows, mangled.ImportedRows, mangled.RejectedRows));
        Assert.Equal(original.Releases[0].Text, mangled.Releases.Single().Text);
        var rounded = Assert.Single(mangled.Rejects, reject => reject.Reason == RejectReason.Date);
        Assert.Equal("86a1b2c06", rounded.TaskId);
        Assert.Contains("scientific notation", rounded.Detail, StringComparison.Ordinal);
        Assert.Contains(mangled.Warnings.SelectMany(group => group.Examples), warning => warning.Contains("the text twin '11/15/2024, 4:00:00 AM GMT+5:30' was used", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_reject_reason_is_reported_with_the_row_the_task_and_the_original_fields()
    {
        using var temp = new TempFolder();
        var mapping = WriteMapping(temp, """
            "statuses": ["complete"],
            "filter": { "lists": ["Release Notes"] },
            "visibility": { "from": ["Visibility"], "values": { "public": "Public", "beta": "Beta", "internal": "Internal" }, "default": "Public" },
            """, versionPattern: @"^(?<version>\\d+\\.\\d+\\.\\d+)$|^(a+)+$");
        var good = Row("86ok1", "A good entry", tags: "[feature]");
        var rows = new List<string>
        {
            Line([.. ShortHeader, "Visibility"]),
            Line([.. good, ""]),
            Line([.. Row("86r01", "Bad quoting", tags: "[bug]"), ""]).Replace("Bad quoting", "Bad \"quoting", StringComparison.Ordinal),
            Line([.. Row("86r02", "Too many fields", tags: "[bug]"), "", "extra"]),
            Line([.. Row("", "No id", tags: "[bug]"), ""]),
            Line([.. Row("86 r04", "Spaced id", tags: "[bug]"), ""]),
            Line([.. Row("86ok1", "Duplicate", tags: "[bug]"), ""]),
            Line([.. Row("86r06", "In progress", tags: "[bug]", status: "in progress"), ""]),
            Line([.. Row("86r07", "Other list", tags: "[bug]", list: "Backlog"), ""]),
            Line([.. Row("86r08", "Internal", tags: "[bug]"), "Internal"]),
            Line([.. Row("86r09", "Unknown visibility", tags: "[bug]"), "secret"]),
            Line([.. Row("86r10", "No type", tags: "[ui]"), ""]),
            Line([.. Row("86r11", "Bad version", tags: "[bug]", release: "soon"), ""]),
            Line([.. Row("86r12", "Bad date", tags: "[bug]", due: "32/1/2025"), ""]),
            Line([.. Row("86r13", "null", tags: "[bug]"), ""]),
            Line([.. Row("86r14", "Slow pattern", tags: "[bug]", release: new string('a', 40) + "!"), ""]),
            Line([.. Row("86r15", "Too deep", tags: "[bug]", content: string.Concat(Enumerable.Repeat("> ", 300)) + "x"), ""]),
        };
        var csv = temp.File("export.csv");
        var bytes = Encoding.UTF8.GetBytes(string.Concat(rows)).ToList();
        bytes.AddRange(Encoding.UTF8.GetBytes(Line([.. Row("86r16", "Broken byte", tags: "[bug]"), ""])));
        var broken = bytes.Count - 20;
        bytes[broken] = 0xFF;
        File.WriteAllBytes(csv, [.. bytes]);

        var import = ClickUpImporter.Import(csv, mapping);

        var expected = new Dictionary<string, string>
        {
            ["86r01"] = RejectReason.MalformedRow,
            ["86r02"] = RejectReason.FieldCount,
            [""] = RejectReason.BadTaskId,
            ["86 r04"] = RejectReason.BadTaskId,
            ["86ok1"] = RejectReason.DuplicateTask,
            ["86r06"] = RejectReason.Status,
            ["86r07"] = RejectReason.Filtered,
            ["86r08"] = RejectReason.Internal,
            ["86r09"] = RejectReason.Visibility,
            ["86r10"] = RejectReason.ChangeType,
            ["86r11"] = RejectReason.Version,
            ["86r12"] = RejectReason.Date,
            ["86r13"] = RejectReason.EmptyText,
            ["86r14"] = RejectReason.RegexTimeout,
            ["86r15"] = RejectReason.Lint,
            ["86r16"] = RejectReason.InvalidText,
        };
        Assert.Equal(expected.OrderBy(pair => pair.Key, StringComparer.Ordinal), import.Rejects.ToDictionary(reject => reject.TaskId, reject => reject.Reason).OrderBy(pair => pair.Key, StringComparer.Ordinal));
        Assert.Equal((17L, 1L, 16L), (import.Rows, import.ImportedRows, import.RejectedRows));
        Assert.Equal(Enumerable.Range(2, 16).Select(row => (long)row), import.Rejects.Select(reject => reject.Row));
        AssertLintClean(import);

        var rejectLines = ReadCsv(import.RejectsCsv);
        Assert.Equal(["Row", "Line", "Task ID", "Reason", "Detail", .. ShortHeader, "Visibility"], rejectLines[0]);
        var lint = rejectLines.Single(line => line[3] == RejectReason.Lint);
        Assert.Equal(("16", "17", "86r15", "Too deep"), (lint[0], lint[1], lint[2], lint[6]));
        var duplicate = rejectLines.Single(line => line[3] == RejectReason.DuplicateTask);
        Assert.Equal(("6", "task 86ok1 is already on row 1", "Duplicate"), (duplicate[0], duplicate[4], duplicate[6]));
    }

    [Fact]
    public void A_date_and_its_text_twin_that_disagree_reject_the_row()
    {
        using var temp = new TempFolder();
        var csv = temp.File("export.csv");
        File.WriteAllText(csv, Line(["Task ID", "Task Name", "Status", "Due Date", "Due Date Text", "Tags", "Release (drop down)"])
            + Line(["86a", "Agree", "complete", "1731643582000", "11/15/2024, 9:36:22 AM GMT+5:30", "[bug]", "1.0.0"])
            + Line(["86b", "Disagree", "complete", "1731643582000", "11/16/2024, 9:36:22 AM GMT+5:30", "[bug]", "1.0.0"]));
        var mapping = ClickUpMapping.Parse(Encoding.UTF8.GetBytes("""
            { "shape": "entry-per-row", "columns": { "taskId": ["Task ID"], "status": ["Status"] }, "statuses": ["complete"],
              "release": { "version": ["Release"], "date": ["Due Date"] }, "entry": { "text": ["Task Name"] },
              "types": { "from": ["Tags"], "values": { "bug": "Fixed" } } }
            """), "mapping.json");

        var import = ClickUpImporter.Import(csv, mapping);

        var reject = Assert.Single(import.Rejects);
        Assert.Equal(("86b", RejectReason.Date), (reject.TaskId, reject.Reason));
        Assert.Contains("disagree", reject.Detail, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2024, 11, 15), import.Releases.Single().Date);
    }

    [Fact]
    public void Entries_are_ordered_by_release_date_then_task_date_then_task_id_whatever_the_row_order()
    {
        using var temp = new TempFolder();
        var mapping = WriteMapping(temp, string.Empty);
        var csv = temp.File("export.csv");
        File.WriteAllText(csv, Line(ShortHeader)
            + Line(Row("86c", "Third", created: "1700000300000", tags: "[bug]"))
            + Line(Row("86b", "Second", created: "1700000200000", tags: "[bug]"))
            + Line(Row("86a", "Also second, lower id", created: "1700000200000", tags: "[bug]"))
            + Line(Row("86z", "First", created: "1700000100000", tags: "[bug]"))
            + Line(Row("86y", "Older release", created: "1700000900000", tags: "[bug]", release: "0.9.0", due: "1/2/2024")));

        var import = ClickUpImporter.Import(csv, mapping);

        Assert.Equal(["0.9.0", "1.0.0"], import.Releases.Select(release => release.Version.ToString()).ToArray());
        var lines = import.Releases[1].Text.Split('\n').Where(line => line.StartsWith("- ", StringComparison.Ordinal)).ToArray();
        Assert.Equal(["- First ([CU-86z])", "- Also second, lower id ([CU-86a])", "- Second ([CU-86b])", "- Third ([CU-86c])"], lines);
    }

    [Fact]
    public void A_custom_field_named_without_its_type_must_be_unique_in_the_header()
    {
        using var temp = new TempFolder();
        var csv = temp.File("export.csv");
        File.WriteAllText(csv, Line(["Task ID", "Task Name", "Due Date", "Release (drop down)", "Release (short text)"]) + Line(["86a", "x", "2025-01-01", "1.0.0", "1.0.0"]));
        var mapping = ClickUpMapping.Parse(Encoding.UTF8.GetBytes("""
            { "shape": "entry-per-row", "columns": { "taskId": ["Task ID"] }, "release": { "version": ["Release"], "date": ["Due Date"] },
              "entry": { "text": ["Task Name"] }, "types": { "default": "Changed" } }
            """), "mapping.json");

        var exception = Assert.Throws<EnvironmentException>(() => ClickUpImporter.Import(csv, mapping));

        Assert.Contains("'Release' (release.version) matches 2 custom fields: 'Release (drop down)', 'Release (short text)'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_column_names_the_columns_found_and_the_closest_match()
    {
        using var temp = new TempFolder();
        var csv = temp.File("export.csv");
        File.WriteAllText(csv, Line(["Task ID", "Task Nmae", "Task Content", "Status", "Date Created", "Due Date", "Tags", "Release"]) + Line(["86a", "x", "", "complete", "", "2025-01-01", "[bug]", "1.0.0"]));

        var exception = Assert.Throws<EnvironmentException>(() => ClickUpImporter.Import(csv, ClickUpMapping.Load(MigrationFiles.DefaultMapping)));

        Assert.Contains("no column for entry.text ('Task Name')", exception.Message, StringComparison.Ordinal);
        Assert.Contains("the closest is 'Task Nmae'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("the columns found are: 'Task ID', 'Task Nmae', 'Task Content', 'Status', 'Date Created', 'Due Date', 'Tags', 'Release'", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00 }, "binary")]
    [InlineData(new byte[] { 0x0A, 0x20, 0x0A }, "empty")]
    [InlineData(new byte[] { 0x7B, 0x22, 0x61, 0x22, 0x3A, 0x31, 0x7D, 0x0A }, "not a CSV export")]
    public void A_file_that_is_not_a_CSV_is_refused(byte[] content, string message)
    {
        using var temp = new TempFolder();
        var path = temp.File("export.csv");
        File.WriteAllBytes(path, content);

        var exception = Assert.Throws<EnvironmentException>(() => ClickUpImporter.Import(path, ClickUpMapping.Load(MigrationFiles.DefaultMapping)));

        Assert.Contains(message, exception.Message, StringComparison.Ordinal);
        Assert.Contains("Nothing was written", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Broken_quoting_across_lines_stops_the_run_instead_of_merging_rows()
    {
        using var temp = new TempFolder();
        var mapping = WriteMapping(temp, string.Empty);
        var csv = temp.File("export.csv");
        File.WriteAllText(csv, Line(ShortHeader) + Line(Row("86a", "Fine", tags: "[bug]")) + "86b,\"Never closed,,complete,,,[bug],1.0.0,x,y\n" + Line(Row("86c", "Swallowed", tags: "[bug]")));

        var exception = Assert.Throws<EnvironmentException>(() => ClickUpImporter.Import(csv, mapping));
        var unterminatedCsv = temp.File("unterminated.csv");
        File.WriteAllText(unterminatedCsv, Line(ShortHeader) + Line(Row("86a", "Fine", tags: "[bug]")) + Line(Row("86b", "Fine too", tags: "[bug]")) + "86d,\"Never closed at all,,complete\n");
        var unterminated = Assert.Throws<EnvironmentException>(() => ClickUpImporter.Import(unterminatedCsv, mapping));

        Assert.Contains("the quoting of row 3 (from line 4) is broken", unterminated.Message, StringComparison.Ordinal);
        Assert.Contains("the quoting of row 2 (from line 3) is broken across line breaks", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_spreadsheets_separator_line_and_semicolons_are_read()
    {
        using var temp = new TempFolder();
        var mapping = WriteMapping(temp, string.Empty);
        var csv = temp.File("export.csv");
        File.WriteAllText(csv, "sep=;\n" + string.Join(';', ShortHeader) + "\n86a;\"Semicolons; commas, too\";;complete;;2024-11-15;[bug];1.0.0;Release Notes;Product\n");

        var import = ClickUpImporter.Import(csv, mapping);

        Assert.Equal((1L, 1L), (import.Rows, import.ImportedRows));
        Assert.Contains("- Semicolons; commas, too ([CU-86a])", import.Releases.Single().Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, "3.14", null)]
    [InlineData(false, "3.14", "is a partial version; set release.completePartialVersions to true to read it as 3.14.0")]
    [InlineData(true, "3.014", "'3.014' ('Release (drop down)') is not a SemVer 2.0 version")]
    [InlineData(true, "3.14.0-rc.1", null)]
    public void Partial_versions_are_completed_only_when_the_mapping_allows_it(bool complete, string version, string? error)
    {
        using var temp = new TempFolder();
        var mapping = WriteMapping(temp, string.Empty, versionPattern: @"^(?<version>.+)$") with { CompletePartialVersions = complete };
        var csv = temp.File("export.csv");
        File.WriteAllText(csv, Line(ShortHeader) + Line(Row("86a", "Entry", tags: "[bug]", release: version)));

        var import = ClickUpImporter.Import(csv, mapping);

        if (error is null)
        {
            Assert.Equal(version.Length == 4 ? version + ".0" : version, import.Releases.Single().Version.ToString());
        }
        else
        {
            Assert.Contains(error, Assert.Single(import.Rejects).Detail, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_NUL_inside_a_field_is_invalid_text()
    {
        using var temp = new TempFolder();
        var mapping = WriteMapping(temp, string.Empty);
        var csv = temp.File("export.csv");
        File.WriteAllText(csv, Line(ShortHeader) + Line(Row("86a", "Fine", tags: "[bug]", content: new string('x', 70_000))) + Line(Row("86b", "Nul\0here", tags: "[bug]")));

        var import = ClickUpImporter.Import(csv, mapping);

        Assert.Equal(RejectReason.InvalidText, Assert.Single(import.Rejects).Reason);
    }

    [Fact]
    public void One_hundred_thousand_rows_are_streamed_and_every_row_is_accounted_for()
    {
        using var temp = new TempFolder();
        var mapping = WriteMapping(temp, "\"statuses\": [\"complete\"],");
        var csv = temp.File("big.csv");
        using (var writer = new StreamWriter(csv, false, new UTF8Encoding(false)))
        {
            writer.Write(Line(ShortHeader));
            for (var i = 0; i < 100_000; i++)
            {
                var status = i % 10 == 0 ? "in progress" : "complete";
                var release = $"1.{i % 47}.0";
                writer.Write(Line(Row($"86x{i:D6}", $"Entry number {i}, with \"quotes\"", content: i % 7 == 0 ? "line one\nline two" : "",
                    created: (1700000000000L + i).ToString(CultureInfo.InvariantCulture), tags: i % 3 == 0 ? "[bug]" : "[feature]", status: status, release: release)));
            }
        }

        var reported = new List<long>();
        var import = ClickUpImporter.Import(csv, mapping, reported.Add);

        Assert.Equal(100_000L, import.Rows);
        Assert.Equal(90_000L, import.ImportedRows);
        Assert.Equal(10_000L, import.RejectedRows);
        Assert.True(import.IsBalanced);
        Assert.Equal(47, import.Releases.Length);
        Assert.Equal(90_000, import.Releases.Sum(release => release.Entries));
        Assert.Equal(100_000L, reported[^1]);
        var rejects = ReadCsv(import.RejectsCsv);
        Assert.Equal(10_001, rejects.Count);
        Assert.All(rejects.Skip(1), line => Assert.Equal(RejectReason.Status, line[3]));
    }

    internal static void AssertLintClean(ClickUpImport import)
    {
        foreach (var release in import.Releases)
        {
            var parsed = ReleaseNotesParser.Parse(Encoding.UTF8.GetBytes(release.Text), DocumentKind.Published, $"{release.Version}.md");
            Assert.False(parsed.HasErrors, string.Join("\n", parsed.Diagnostics));
            Assert.Empty(parsed.Diagnostics);
        }
    }

    internal static string Snapshot(ClickUpImport import)
    {
        var builder = new StringBuilder();
        foreach (var release in import.Releases)
        {
            builder.Append("<!-- ").Append(release.Version).Append(".md -->\n").Append(release.Text).Append('\n');
        }

        builder.Append("<!-- rejects -->\n");
        foreach (var reject in import.Rejects)
        {
            builder.Append(CultureInfo.InvariantCulture, $"row {reject.Row} line {reject.Line} task {reject.TaskId}: {reject.Reason}: {reject.Detail}\n");
        }

        return builder.ToString();
    }

    private static ClickUpMapping WriteMapping(TempFolder temp, string extra, string versionPattern = @"^(?<version>\\d+\\.\\d+\\.\\d+)$")
    {
        var path = temp.File("mapping.json");
        File.WriteAllText(path, $$"""
            {
              "shape": "entry-per-row",
              "columns": { "taskId": ["Task ID"], "status": ["Status"], "list": ["List"], "folder": ["Folder"], "taskDate": ["Date Created"] },
              {{extra}}
              "release": { "version": ["Release"], "versionPattern": "{{versionPattern}}", "date": ["Due Date"] },
              "entry": { "text": ["Task Name"], "details": ["Task Content"] },
              "types": { "from": ["Tags"], "values": { "bug": "Fixed", "feature": "Added" } }
            }
            """);
        return ClickUpMapping.Load(path);
    }

    private static string[] Row(string id, string name, string tags, string content = "", string status = "complete", string created = "",
        string due = "11/15/2024, 9:36:22 AM GMT+5:30", string release = "1.0.0", string list = "Release Notes") =>
        [id, name, content, status, created, due, tags, release, list, "Product"];

    internal static string Line(IReadOnlyList<string> fields) =>
        string.Join(',', fields.Select(field => field.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field)) + "\n";

    internal static List<string[]> ReadCsv(string text)
    {
        using var reader = CsvHelper.CsvReader.FromText(text, CsvHelper.CsvReaderOptions.Default with { HasHeader = false, Separator = ',' });
        var lines = new List<string[]>();
        while (reader.Read())
        {
            var fields = new string[reader.FieldCount];
            for (var i = 0; i < fields.Length; i++)
            {
                fields[i] = reader.GetString(i);
            }

            lines.Add(fields);
        }

        return lines;
    }
}
