using System.Text;
using BfReleaseNotes.Migration;
using BfReleaseNotes.Tests.Migration;
using BfReleaseNotes.Workspace;

namespace BfReleaseNotes.Tests.Rules;

/// <summary>
/// The importer's row rules pinned with literal texts, as a migration owner reads them: each reject reason with
/// its detail word for word, the warnings' kinds and texts with their "row N (line L, task T)" context, which
/// columns the mapping makes required, and how an export that is not a CSV is refused. Real CSV files in a
/// temporary folder go through <see cref="ClickUpImporter.Import"/>.
/// </summary>
public sealed class ClickUpRowRuleTests : IDisposable
{
    /// <summary>2024-11-15 02:00:00 UTC.</summary>
    private const string Nov15 = "1731636000000";
    private static readonly string[] Header = ["Task Name", "Task ID", "Tags", "Release", "Due Date"];
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_null_export_path_or_mapping_is_refused_by_its_parameter_name()
    {
        var csv = Write(Header, Row("86a", "Fix"));

        Assert.Equal("csvPath", Assert.Throws<ArgumentNullException>(() => Run(null!, Mapping())).ParamName);
        Assert.Equal("mapping", Assert.Throws<ArgumentNullException>(() => Run(csv, null!)).ParamName);
    }

    [Fact]
    public void A_folder_given_as_the_export_is_refused_as_a_folder()
    {
        var folder = TempFile("export.csv");
        Directory.CreateDirectory(folder);

        var error = Assert.Throws<EnvironmentException>(() => Run(folder, Mapping()));

        Assert.Equal($"the export '{folder}' is a folder, not a file; pass the path of a file", error.Message);
    }

    [Fact]
    public void An_export_that_starts_with_a_NUL_byte_is_refused_as_binary()
    {
        var path = TempFile("export.csv");
        File.WriteAllBytes(path, [0, .. Encoding.UTF8.GetBytes("Task ID,Task Name\n86a,Fix\n")]);

        var error = Assert.Throws<EnvironmentException>(() => Run(path, Mapping()));

        Assert.Equal($"'{path}' is binary (it holds NUL bytes): not a CSV. Export the tasks from ClickUp as CSV (or save the spreadsheet as 'CSV UTF-8'). Nothing was written.", error.Message);
    }

    [Fact]
    public void A_header_of_one_column_is_not_a_CSV_export_and_the_message_quotes_that_line()
    {
        var path = TempFile("export.csv");
        File.WriteAllText(path, "Task ID\n86a\n");

        var error = Assert.Throws<EnvironmentException>(() => Run(path, Mapping()));

        Assert.Equal(
            $"'{path}' is not a CSV export: its first line ('Task ID') has no ',' separating column names. " +
            "Export the tasks from ClickUp as CSV, or set 'separator' in the mapping. Nothing was written.",
            error.Message);
    }

    [Fact]
    public void A_separator_line_with_no_header_after_it_is_not_a_CSV_export_with_an_empty_first_line()
    {
        var path = TempFile("export.csv");
        File.WriteAllText(path, "sep=,\n");

        var error = Assert.Throws<EnvironmentException>(() => Run(path, Mapping()));

        Assert.Equal(
            $"'{path}' is not a CSV export: its first line ('') has no ',' separating column names. " +
            "Export the tasks from ClickUp as CSV, or set 'separator' in the mapping. Nothing was written.",
            error.Message);
    }

    [Fact]
    public void An_export_of_two_columns_is_a_CSV_export()
    {
        // The task id doubles as the release date and the name as the version and the text: two columns are enough.
        var path = Write(["Task ID", "Task Name"], [Nov15, "1.0.0"]);
        var mapping = ClickUpMapping.Parse(Encoding.UTF8.GetBytes("""
            { "shape": "entry-per-row", "columns": { "taskId": ["Task ID"] },
              "release": { "version": ["Task Name"], "date": ["Task ID"] }, "entry": { "text": ["Task Name"] },
              "types": { "default": "Fixed" } }
            """), "mapping.json");

        var import = ClickUpImporter.Import(path, mapping);

        var release = Assert.Single(import.Releases);
        Assert.Equal(("1.0.0", new DateOnly(2024, 11, 15), 1), (release.Version.ToString(), release.Date, release.Entries));
    }

    [Fact]
    public void Progress_is_reported_at_every_thousandth_row_and_once_with_the_total_at_the_end()
    {
        var rows = Enumerable.Range(0, 1001).Select(_ => Row(string.Empty, "No id")).ToArray();
        var path = Write(Header, rows);
        var progress = new List<long>();

        var import = ClickUpImporter.Import(path, Mapping(), progress.Add);

        Assert.Equal([1000L, 1001L], progress);
        Assert.Equal(1001L, import.RejectedRows);
    }

    [Fact]
    public void Each_row_reject_says_why_word_for_word_with_its_row_line_and_task()
    {
        var id80 = "86 " + new string('x', 77);
        var id81 = "86 " + new string('y', 78);
        var path = Write(
            Header,
            Row("86ok", "Kept"),
            Row(string.Empty, "No id"),
            Row(id80, "Spaced id of 80 characters"),
            Row(id81, "Spaced id of 81 characters"),
            Row("86empty", string.Empty),
            Row("86nodate", "No date", due: string.Empty),
            Row("86ok", "Twice"));

        var import = ClickUpImporter.Import(path, Mapping());

        Assert.Equal(
            [
                (2L, 3L, string.Empty, RejectReason.BadTaskId, "the row has no task id ('Task ID' is empty)"),
                (3L, 4L, id80, RejectReason.BadTaskId, $"the task id '{id80}' is not letters, digits, '-', '_' or '.'"),
                (4L, 5L, id81, RejectReason.BadTaskId, $"the task id '86 {new string('y', 74)}...' is not letters, digits, '-', '_' or '.'"),
                (5L, 6L, "86empty", RejectReason.EmptyText, "the entry text ('Task Name') is empty"),
                (6L, 7L, "86nodate", RejectReason.Date, "no release date ('Due Date' is empty)"),
                (7L, 8L, "86ok", RejectReason.DuplicateTask, "task 86ok is already on row 1"),
            ],
            Rejects(import));
        Assert.Equal(1L, import.ImportedRows);
    }

    [Fact]
    public void A_row_with_broken_quoting_on_one_line_is_rejected_with_the_kind_of_break()
    {
        var path = TempFile("export.csv");
        File.WriteAllText(path, Line(Header) + Line(Row("86ok", "Kept")) + $"Bad \"quoting,86bad,[bug],1.0.0,{Nov15}\n");

        var import = ClickUpImporter.Import(path, Mapping());

        Assert.Equal(
            [(2L, 3L, "86bad", RejectReason.MalformedRow, "the row's quoting is broken (StrayQuote); its fields cannot be trusted. Fix the quotes in the export")],
            Rejects(import));
    }

    [Fact]
    public void A_quote_left_open_across_line_breaks_stops_the_run_and_names_the_row_and_line()
    {
        var path = TempFile("export.csv");
        File.WriteAllText(path, Line(Header) + Line(Row("86ok", "Kept")) + $"\"Unclosed,86bad,[bug],1.0.0,{Nov15}\n" + Line(Row("86c", "After")));

        var error = Assert.Throws<EnvironmentException>(() => Run(path, Mapping()));

        Assert.Equal(
            $"'{path}' cannot be read as CSV: the quoting of row 2 (from line 3) is broken across line breaks, so the rows after it may be merged into it. " +
            "Fix the quotes there (a quote inside a field must be doubled) and run again. Nothing was written.",
            error.Message);
    }

    [Fact]
    public void A_record_larger_than_the_reader_takes_stops_the_run_and_names_its_line()
    {
        var path = TempFile("export.csv");
        using (var stream = File.Create(path))
        {
            stream.Write(Encoding.UTF8.GetBytes(Line(Header) + Line(Row("86ok", "Kept")) + "\"Unclosed "));
            var block = Encoding.UTF8.GetBytes(new string('a', 1024 * 1024));
            for (var i = 0; i < 65; i++)
            {
                stream.Write(block);
            }
        }

        var error = Assert.Throws<EnvironmentException>(() => Run(path, Mapping()));

        Assert.StartsWith($"'{path}' cannot be read as CSV at line 3: ", error.Message, StringComparison.Ordinal);
        Assert.EndsWith(". Fix the file (an unterminated quote often swallows the rest of it) and run again. Nothing was written.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_row_with_fewer_fields_than_the_header_is_rejected_even_when_the_task_id_is_the_missing_field()
    {
        var path = Write(["Task Name", "Tags", "Release", "Due Date", "Task ID"], ["Short", "[bug]", "1.0.0", Nov15]);

        var import = ClickUpImporter.Import(path, Mapping());

        Assert.Equal([(1L, 2L, string.Empty, RejectReason.FieldCount, "the row has 4 fields, the header 5")], Rejects(import));
    }

    [Fact]
    public void A_field_that_starts_with_a_NUL_byte_past_the_first_64_KiB_is_rejected_as_invalid_text_naming_its_column()
    {
        var path = TempFile("export.csv");
        File.WriteAllText(path, Line(Header) + Line(Row(string.Empty, new string('a', 70_000))) + Line(Row("86nul", "\0Hidden")));

        var import = ClickUpImporter.Import(path, Mapping());

        Assert.Equal(
            [
                (1L, 2L, string.Empty, RejectReason.BadTaskId, "the row has no task id ('Task ID' is empty)"),
                (2L, 3L, "86nul", RejectReason.InvalidText, "the column 'Task Name' is not valid UTF-8 text (bad bytes or NUL); save the export as UTF-8"),
            ],
            Rejects(import));
    }

    [Fact]
    public void Rows_outside_the_mapped_lists_and_folders_are_filtered_with_the_names_the_mapping_imports()
    {
        var path = Write(
            [.. Header, "List", "Folder"],
            [.. Row("86ok", "Kept"), "Docs", "Product"],
            [.. Row("86list", "Elsewhere"), "Backlog", "Product"],
            [.. Row("86folder", "Other folder"), "Docs", "Ops"]);
        var mapping = Mapping(columns: """, "list": ["List"], "folder": ["Folder"]""", more: """, "filter": { "lists": ["Release Notes", "Docs"], "folders": ["Product", "Platform"] }""");

        var import = ClickUpImporter.Import(path, mapping);

        Assert.Equal(
            [
                (2L, 3L, "86list", RejectReason.Filtered, "list 'Backlog' is not one the mapping imports (Release Notes, Docs)"),
                (3L, 4L, "86folder", RejectReason.Filtered, "folder 'Ops' is not one the mapping imports (Product, Platform)"),
            ],
            Rejects(import));
        Assert.Equal((1L, 2L), (import.ImportedRows, import.RejectedRows));
    }

    [Theory]
    [InlineData(""", "status": ["State"]""", """, "statuses": ["complete"]""", "columns.status ('State')")]
    [InlineData(""", "list": ["List"]""", """, "filter": { "lists": ["Docs"] }""", "columns.list ('List')")]
    [InlineData(""", "folder": ["Folder"]""", """, "filter": { "folders": ["Product"] }""", "columns.folder ('Folder')")]
    [InlineData(""", "taskDate": ["Date Created"]""", "", "columns.taskDate ('Date Created')")]
    [InlineData("", """, "visibility": { "from": ["Visibility"] }""", "visibility.from ('Visibility')")]
    public void A_column_the_mapping_names_must_be_in_the_header_and_the_message_names_its_setting(string columns, string more, string expected)
    {
        var path = Write(Header, Row("86a", "Fix"));

        var error = Assert.Throws<EnvironmentException>(() => Run(path, Mapping(columns: columns, more: more)));

        Assert.StartsWith($"{path}: no column for {expected}; ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_mandatory_columns_name_their_settings_when_missing()
    {
        var path = Write(["Task Name", "Tags", "Release", "Due Date"], ["Fix", "[bug]", "1.0.0", Nov15]);
        var error = Assert.Throws<EnvironmentException>(() => Run(path, Mapping()));
        Assert.StartsWith($"{path}: no column for columns.taskId ('Task ID'); ", error.Message, StringComparison.Ordinal);

        path = Write(["Task Name", "Task ID", "Tags", "Release"], ["Fix", "86a", "[bug]", "1.0.0"]);
        error = Assert.Throws<EnvironmentException>(() => Run(path, Mapping()));
        Assert.StartsWith($"{path}: no column for release.date ('Due Date'); ", error.Message, StringComparison.Ordinal);

        path = Write(Header, Row("86a", "Fix"));
        error = Assert.Throws<EnvironmentException>(() => Run(path, Mapping(entry: """, "details": ["Task Content"]""")));
        Assert.StartsWith($"{path}: no column for entry.details ('Task Content'); ", error.Message, StringComparison.Ordinal);

        path = Write(["Task Name", "Task ID", "Release", "Due Date"], ["Fix", "86a", "1.0.0", Nov15]);
        error = Assert.Throws<EnvironmentException>(() => Run(path, Mapping()));
        Assert.StartsWith($"{path}: no column for types.from ('Tags'); ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Filter_columns_are_not_required_while_their_filter_is_empty()
    {
        var path = Write(Header, Row("86a", "Fix"));

        var import = ClickUpImporter.Import(path, Mapping(columns: """, "status": ["State"], "list": ["List"], "folder": ["Folder"]"""));

        Assert.Equal((1L, 0L), (import.ImportedRows, import.RejectedRows));
    }

    [Fact]
    public void A_single_visibility_value_the_mapping_does_not_know_is_rejected_listing_the_known_values_in_order()
    {
        var path = Write([.. Header, "Visibility"], [.. Row("86a", "Fix"), "secret"], [.. Row("86b", "Hidden"), "internal"], [.. Row("86c", "Shown"), "beta"]);
        var mapping = Mapping(more: """, "visibility": { "from": ["Visibility"], "values": { "public": "Public", "internal": "Internal", "beta": "Beta" } }""");

        var import = ClickUpImporter.Import(path, mapping);

        Assert.Equal(
            [
                (1L, 2L, "86a", RejectReason.Visibility, "'Visibility' is 'secret', which visibility.values does not map (known: beta, internal, public)"),
                (2L, 3L, "86b", RejectReason.Internal, "the row is Internal ('Visibility' is 'internal'); Internal notes are not published"),
            ],
            Rejects(import));
    }

    [Fact]
    public void Without_a_type_column_or_a_default_type_every_row_is_rejected_saying_both_are_missing()
    {
        var path = Write(["Task Name", "Task ID", "Release", "Due Date"], ["Fix", "86a", "1.0.0", Nov15]);
        var mapping = ClickUpMapping.Parse(Encoding.UTF8.GetBytes("""
            { "shape": "entry-per-row", "columns": { "taskId": ["Task ID"] },
              "release": { "version": ["Release"], "date": ["Due Date"] }, "entry": { "text": ["Task Name"] } }
            """), "mapping.json");

        var import = ClickUpImporter.Import(path, mapping);

        Assert.Equal([(1L, 2L, "86a", RejectReason.ChangeType, "no types column and no types.default in the mapping")], Rejects(import));
    }

    [Fact]
    public void A_version_pattern_that_matches_without_its_version_group_rejects_the_row_quoting_the_pattern()
    {
        var path = Write(Header, Row("86a", "Fix", release: "next"), Row("86b", "Kept", release: "v1.2.3"));
        var mapping = Mapping(release: """, "versionPattern": "^(?:v(?<version>\\d+\\.\\d+\\.\\d+)|next)$" """);

        var import = ClickUpImporter.Import(path, mapping);

        Assert.Equal(
            [(1L, 2L, "86a", RejectReason.Version, @"'next' ('Release') does not match release.versionPattern '^(?:v(?<version>\d+\.\d+\.\d+)|next)$'")],
            Rejects(import));
        Assert.Equal("1.2.3", Assert.Single(import.Releases).Version.ToString());
    }

    [Fact]
    public void A_version_pattern_that_runs_out_of_time_rejects_the_row_naming_the_limit_and_the_shortened_value()
    {
        var value = new string('a', 90) + "!";
        var path = Write(Header, Row("86a", "Fix", release: value));
        var mapping = Mapping(release: """, "versionPattern": "^(?<version>(a+)+)$" """);

        var import = ClickUpImporter.Import(path, mapping);

        Assert.Equal(
            [(1L, 2L, "86a", RejectReason.RegexTimeout, $"release.versionPattern ran longer than {ClickUpMapping.RegexTimeout.TotalSeconds:0} s on '{new string('a', 77)}...'; simplify the pattern")],
            Rejects(import));
    }

    [Fact]
    public void A_date_and_its_text_twin_one_second_apart_disagree_and_a_twin_that_does_not_read_says_what_the_date_was()
    {
        const string Twin = "11/15/2024, 9:36:22 AM GMT+5:30";
        const string Bad = "'soon' is not a ClickUp date (Unix milliseconds, '11/15/2024, 9:36:22 AM GMT+5:30', 'Friday, April 10th 2026, 4:27:19 pm -04:00' or ISO 8601 with an offset)";
        const string Rounded = "'1.73164E+12' is a number in scientific notation (a spreadsheet rounded the epoch milliseconds); its precision is lost";
        var path = Write(
            [.. Header, "Due Date Text"],
            [.. Row("86a", "Second apart", due: "1731643583000"), Twin],
            [.. Row("86b", "Empty date", due: string.Empty), "soon"],
            [.. Row("86c", "Date read", due: "1731643582000"), "soon"],
            [.. Row("86d", "Date rounded", due: "1.73164E+12"), "soon"],
            [.. Row("86e", "Twin used", due: "1.73164E+12"), Twin],
            [.. Row("86f", "Same second", due: "1731643582000"), Twin]);
        var warnings = new List<string>();

        var import = ClickUpImporter.Import(path, Mapping(), onWarning: warnings.Add);

        Assert.Equal(
            [
                (1L, 2L, "86a", RejectReason.Date, $"'Due Date' is 2024-11-15 04:06:23 UTC but its text twin '{Twin}' is 2024-11-15 04:06:22 UTC; they disagree, so neither is taken"),
                (2L, 3L, "86b", RejectReason.Date, $"'Due Date': empty; its text twin: {Bad}"),
                (3L, 4L, "86c", RejectReason.Date, $"'Due Date': read; its text twin: {Bad}"),
                (4L, 5L, "86d", RejectReason.Date, $"'Due Date': {Rounded}; its text twin: {Bad}"),
            ],
            Rejects(import));
        Assert.Equal([$"row 5 (line 6, task 86e): 'Due Date': {Rounded}; the text twin '{Twin}' was used"], warnings);
        Assert.Equal([("date-text-twin", 1L)], import.Warnings.Select(group => (group.Kind, group.Count)));
        Assert.Equal(2L, import.ImportedRows);
    }

    [Fact]
    public void A_task_date_in_the_first_column_orders_the_entries_of_a_release()
    {
        var path = Write(
            ["Date Created", .. Header],
            ["1700000200000", .. Row("86a", "Created second")],
            ["1700000100000", .. Row("86b", "Created first")]);

        var import = ClickUpImporter.Import(path, Mapping(columns: """, "taskDate": ["Date Created"]"""));

        Assert.Equal(["86b", "86a"], EntryTasks(import));
    }

    [Fact]
    public void A_task_date_given_only_by_its_text_twin_orders_the_entries_of_a_release()
    {
        var path = Write(
            [.. Header, "Date Created", "Date Created Text"],
            [.. Row("86a", "Created second"), string.Empty, "11/16/2024, 9:36:22 AM GMT+5:30"],
            [.. Row("86b", "Created first"), string.Empty, "11/15/2024, 9:36:22 AM GMT+5:30"]);

        var import = ClickUpImporter.Import(path, Mapping(columns: """, "taskDate": ["Date Created"]"""));

        Assert.Equal(["86b", "86a"], EntryTasks(import));
    }

    [Fact]
    public void Without_a_details_column_an_entry_is_its_text_and_with_one_in_the_first_column_the_details_follow_as_a_paragraph()
    {
        var plain = ClickUpImporter.Import(Write(Header, Row("86a", "Exports no longer time out")), Mapping());
        var detailed = ClickUpImporter.Import(
            Write(["Task Content", .. Header], ["Large exports are streamed.", .. Row("86a", "Exports no longer time out")]),
            Mapping(entry: """, "details": ["Task Content"]"""));

        Assert.Equal(
            "# 1.0.0 - 2024-11-15\n\n## Public\n\n### Fixed\n\n- Exports no longer time out ([CU-86a])\n\n[CU-86a]: https://app.clickup.com/t/86a\n",
            Text(plain));
        Assert.Equal(
            "# 1.0.0 - 2024-11-15\n\n## Public\n\n### Fixed\n\n- Exports no longer time out ([CU-86a])\n\n  Large exports are streamed.\n\n[CU-86a]: https://app.clickup.com/t/86a\n",
            Text(detailed));
    }

    [Fact]
    public void Html_in_a_cell_is_reported_as_reduced_or_escaped_with_the_row_line_and_task()
    {
        var path = Write(Header, Row("86a", "<b>Bold</b> exports"), Row("86b", "<marquee>Moving</marquee> banner"));
        var warnings = new List<string>();

        var import = ClickUpImporter.Import(path, Mapping(), onWarning: warnings.Add);

        Assert.Equal(
            [
                "row 1 (line 2, task 86a): 'Task Name' held HTML; it was reduced to markdown",
                "row 2 (line 3, task 86b): 'Task Name' holds HTML tags with no markdown form (<marquee>); they were escaped so they show as text",
            ],
            warnings);
        Assert.Equal([("html-escaped", 1L), ("html-reduced", 1L)], import.Warnings.Select(group => (group.Kind, group.Count)).OrderBy(group => group.Kind, StringComparer.Ordinal));
    }

    private string Write(string[] header, params string[][] rows)
    {
        var path = TempFile($"export-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, Line(header) + string.Concat(rows.Select(Line)), new UTF8Encoding(false));
        return path;
    }

    /// <summary>Imports for a test that expects a refusal (a statement lambda, so the assertion is not taken for an async one).</summary>
    private static void Run(string path, ClickUpMapping mapping) => ClickUpImporter.Import(path, mapping);

    private string TempFile(string name) => Path.Combine(_temp.Path, name);

    private static string Line(IReadOnlyList<string> fields) => ClickUpImporterTests.Line(fields);

    private static string[] Row(string id, string name, string tags = "[bug]", string release = "1.0.0", string due = Nov15) => [name, id, tags, release, due];

    private static (long Row, long Line, string TaskId, string Reason, string Detail)[] Rejects(ClickUpImport import) =>
        [.. import.Rejects.Select(reject => (reject.Row, reject.Line, reject.TaskId, reject.Reason, reject.Detail))];

    private static string Text(ClickUpImport import) => Assert.Single(import.Releases).Text;

    private static string[] EntryTasks(ClickUpImport import) =>
        [.. Text(import).Split('\n').Where(line => line.StartsWith("- ", StringComparison.Ordinal)).Select(line => line[(line.LastIndexOf("[CU-", StringComparison.Ordinal) + 4)..line.LastIndexOf(']')])];

    /// <summary>An entry-per-row mapping over <see cref="Header"/>; the fragments extend its columns, release, entry and top level.</summary>
    private static ClickUpMapping Mapping(string columns = "", string release = "", string entry = "", string more = "") => ClickUpMapping.Parse(Encoding.UTF8.GetBytes($$"""
        { "shape": "entry-per-row", "columns": { "taskId": ["Task ID"]{{columns}} },
          "release": { "version": ["Release"], "date": ["Due Date"]{{release}} },
          "entry": { "text": ["Task Name"]{{entry}} },
          "types": { "from": ["Tags"], "values": { "bug": "Fixed", "feature": "Added" } }{{more}} }
        """), "mapping.json");
}
