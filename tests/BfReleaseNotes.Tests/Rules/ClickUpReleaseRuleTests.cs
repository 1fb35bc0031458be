using System.Text;
using BfReleaseNotes.Migration;
using BfReleaseNotes.Tests.Migration;

namespace BfReleaseNotes.Tests.Rules;

/// <summary>
/// The importer's release rules pinned with literal texts: what a release task's content reports (items under no
/// heading or an unknown one, Internal items withheld), which rows the lint of a written release rejects and with
/// which original fields, and the separator the mapping names. Real CSV files go through
/// <see cref="ClickUpImporter.Import"/>.
/// </summary>
public sealed class ClickUpReleaseRuleTests : IDisposable
{
    /// <summary>2024-11-15 02:00:00 UTC.</summary>
    private const string Nov15 = "1731636000000";

    /// <summary>A quote nested deeper than the lint allows, so the entry holding it does not lint.</summary>
    private static readonly string TooDeep = string.Concat(Enumerable.Repeat("> ", 300)) + "x";

    private static readonly string[] ReleaseHeader = ["Task ID", "Task Name", "Task Content", "Due Date"];
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Release_content_items_under_no_heading_or_an_unknown_one_are_warned_by_kind_with_their_shortened_first_line()
    {
        var intro = "Highlights: " + new string('h', 78);
        var path = Write(
            ReleaseHeader,
            ["86a", "1.0.0", $"{intro}\n\n## Other\n\n- Item under an unknown heading\n  with a second line\n\n## Fixed\n\n- Real fix", Nov15]);
        var warnings = new List<string>();

        var import = ClickUpImporter.Import(path, ReleaseMapping(), onWarning: warnings.Add);

        Assert.Equal(
            [
                $"row 1 (line 2, task 86a): '{intro[..77]}...' is under no heading; imported as Public Changed (add the heading to content.headings to change that)",
                "row 1 (line 2, task 86a): 'Item under an unknown heading' is under the heading 'Other', which the mapping does not know; imported as Public Changed (add the heading to content.headings to change that)",
            ],
            warnings);
        Assert.Equal(
            [("no-heading", warnings[0]), ("unknown-heading", warnings[1])],
            import.Warnings.Select(group => (group.Kind, Assert.Single(group.Examples))).OrderBy(group => group.Kind, StringComparer.Ordinal));
        Assert.Equal(3, Assert.Single(import.Releases).Entries);
    }

    [Fact]
    public void An_Internal_item_is_withheld_with_its_first_line_and_the_row_keeps_its_original_fields()
    {
        string[] row = ["86a", "1.0.0", "## Internal\n\n- Secret first line\n  second line\n\n## Fixed\n\n- Real fix", Nov15];
        var path = Write(ReleaseHeader, row);

        var import = ClickUpImporter.Import(path, ReleaseMapping());

        Assert.Equal([(1L, 2L, "86a", RejectReason.InternalItem, "Internal item not published: Secret first line")], Rejects(import));
        Assert.Equal(["1", "2", "86a", RejectReason.InternalItem, "Internal item not published: Secret first line", .. row], ClickUpImporterTests.ReadCsv(import.RejectsCsv)[1]);
        Assert.Equal((1L, 1L, 0L), (import.Rows, import.ImportedRows, import.RejectedRows));
    }

    [Fact]
    public void A_release_row_that_does_not_lint_is_one_lint_reject_and_other_rows_keep_their_withheld_items()
    {
        string[] kept = ["86a", "1.0.0", "## Internal\n\n- Kept secret\n\n## Fixed\n\n- Real fix", Nov15];
        string[] deep = ["86b", "2.0.0", $"## Internal\n\n- Lost secret\n\n## Fixed\n\n- Deep\n\n  {TooDeep}", Nov15];
        var path = Write(ReleaseHeader, kept, deep);

        var import = ClickUpImporter.Import(path, ReleaseMapping());

        var rejects = Rejects(import);
        Assert.Equal(
            [(1L, 2L, "86a", RejectReason.InternalItem), (2L, 9L, "86b", RejectReason.Lint)],
            rejects.Select(reject => (reject.Row, reject.Line, reject.TaskId, reject.Reason)).ToArray());
        Assert.StartsWith("the entry would not lint in 2.0.0.md: ", rejects[1].Detail, StringComparison.Ordinal);
        Assert.Equal(["1.0.0"], import.Releases.Select(release => release.Version.ToString()).ToArray());
        Assert.Equal((2L, 1L, 1L), (import.Rows, import.ImportedRows, import.RejectedRows));
    }

    [Fact]
    public void Rows_rejected_by_the_lint_each_get_their_own_original_fields_and_line_in_the_rejects_file()
    {
        string[] header = ["Task ID", "Task Name", "Task Content", "Tags", "Release", "Due Date"];
        string[] first = ["86b", "First deep", TooDeep, "[bug]", "1.0.0", Nov15];
        string[] second = ["86d", "Second deep", TooDeep + " again", "[bug]", "1.0.0", Nov15];
        var path = Write(
            header,
            ["86a", "Fine", string.Empty, "[bug]", "1.0.0", Nov15],
            first,
            ["86c", "Also fine", "Multi\nline", "[bug]", "1.0.0", Nov15],
            second);
        var mapping = ClickUpMapping.Parse(Encoding.UTF8.GetBytes("""
            { "shape": "entry-per-row", "columns": { "taskId": ["Task ID"] },
              "release": { "version": ["Release"], "date": ["Due Date"] },
              "entry": { "text": ["Task Name"], "details": ["Task Content"] },
              "types": { "from": ["Tags"], "values": { "bug": "Fixed" } } }
            """), "mapping.json");

        var import = ClickUpImporter.Import(path, mapping);

        var lines = ClickUpImporterTests.ReadCsv(import.RejectsCsv);
        Assert.Equal(3, lines.Count);
        Assert.Equal(["2", "3", "86b", RejectReason.Lint], lines[1][..4]);
        Assert.Equal(first, lines[1][5..]);
        Assert.Equal(["4", "6", "86d", RejectReason.Lint], lines[2][..4]);
        Assert.Equal(second, lines[2][5..]);
        Assert.Equal(2L, import.ImportedRows);
    }

    [Fact]
    public void The_mapping_separator_is_used_even_when_the_first_line_holds_more_of_another_one()
    {
        var path = Path.Combine(_temp.Path, "export.csv");
        File.WriteAllText(
            path,
            "Task ID;Task Name;Tags;Release;Due Date;Notes,links,and,so,on,and,on\n" +
            $"86a;Exports no longer time out;[bug];1.0.0;{Nov15};a,b,c,d,e,f,g\n");
        var mapping = ClickUpMapping.Parse(Encoding.UTF8.GetBytes("""
            { "shape": "entry-per-row", "separator": ";", "columns": { "taskId": ["Task ID"] },
              "release": { "version": ["Release"], "date": ["Due Date"] }, "entry": { "text": ["Task Name"] },
              "types": { "from": ["Tags"], "values": { "bug": "Fixed" } } }
            """), "mapping.json");

        var import = ClickUpImporter.Import(path, mapping);

        Assert.Contains("- Exports no longer time out ([CU-86a])\n", Assert.Single(import.Releases).Text, StringComparison.Ordinal);
    }

    private string Write(string[] header, params string[][] rows)
    {
        var path = Path.Combine(_temp.Path, $"export-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, ClickUpImporterTests.Line(header) + string.Concat(rows.Select(ClickUpImporterTests.Line)), new UTF8Encoding(false));
        return path;
    }

    private static (long Row, long Line, string TaskId, string Reason, string Detail)[] Rejects(ClickUpImport import) =>
        [.. import.Rejects.Select(reject => (reject.Row, reject.Line, reject.TaskId, reject.Reason, reject.Detail))];

    private static ClickUpMapping ReleaseMapping() => ClickUpMapping.Parse(Encoding.UTF8.GetBytes("""
        { "shape": "release-per-row", "columns": { "taskId": ["Task ID"] },
          "release": { "version": ["Task Name"], "date": ["Due Date"] }, "entry": { "text": ["Task Content"] },
          "content": { "headings": { "Fixed": { "type": "Fixed" }, "Internal": { "visibility": "Internal" } }, "defaultType": "Changed" } }
        """), "mapping.json");
}
