using System.Text;
using BfReleaseNotes.Migration;
using BfReleaseNotes.Tests.Migration;

namespace BfReleaseNotes.Tests.Rules;

/// <summary>
/// Import rules pinned with literal texts: how the rejects CSV quotes a field (read back field by field, not
/// counted), and which date a release gets when its rows disagree.
/// </summary>
public sealed class ClickUpImportRuleTests : IDisposable
{
    private const string Nov15 = "1731672000000";
    private const string Nov18 = "1731931200000";
    private const string Nov20 = "1732104000000";
    private static readonly string[] Header = ["Task ID", "Task Name", "Status", "Due Date", "Tags", "Release"];
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Rejected_fields_with_commas_quotes_line_breaks_and_edge_spaces_are_quoted_and_read_back_exactly()
    {
        string[] fields = ["86a", "Say \"hi\", then\nleave", "open", Nov15, " [bug] ", "1.0.0"];

        var import = ClickUpImporter.Import(Write(fields), Mapping());

        Assert.Equal(
            "Row,Line,Task ID,Reason,Detail,Task ID,Task Name,Status,Due Date,Tags,Release\n" +
            "1,2,86a,status,status 'open' is not imported (the mapping imports complete),86a,\"Say \"\"hi\"\", then\nleave\",open,1731672000000,\" [bug] \",1.0.0\n",
            import.RejectsCsv);
        Assert.Equal(["1", "2", "86a", "status", "status 'open' is not imported (the mapping imports complete)", .. fields], ClickUpImporterTests.ReadCsv(import.RejectsCsv)[1]);
    }

    [Fact]
    public void A_release_whose_rows_disagree_on_the_date_gets_the_latest_and_releases_follow_their_dates()
    {
        var csv = Write(
            ["86a", "Exports no longer time out", "complete", Nov15, "[bug]", "1.0.0"],
            ["86b", "Search ignores accents", "complete", Nov20, "[bug]", "1.0.0"],
            ["86c", "Older fix", "complete", Nov18, "[bug]", "0.9.0"]);

        var import = ClickUpImporter.Import(csv, Mapping());

        Assert.Equal(
            [("0.9.0", new DateOnly(2024, 11, 18)), ("1.0.0", new DateOnly(2024, 11, 20))],
            import.Releases.Select(release => (release.Version.ToString(), release.Date)).ToArray());
        Assert.StartsWith("# 1.0.0 - 2024-11-20\n\n## Public\n\n### Fixed\n\n- Exports no longer time out", import.Releases[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_later_version_released_earlier_comes_first_and_the_same_date_orders_by_version()
    {
        var csv = Write(
            ["86a", "Hotfix", "complete", Nov15, "[bug]", "2.0.1"],
            ["86b", "Big release", "complete", Nov20, "[bug]", "2.0.0"],
            ["86c", "Same day, higher", "complete", Nov20, "[bug]", "2.1.0"],
            ["86d", "Same day, lower", "complete", Nov20, "[bug]", "1.9.0"]);

        var import = ClickUpImporter.Import(csv, Mapping());

        Assert.Equal(["2.0.1", "1.9.0", "2.0.0", "2.1.0"], import.Releases.Select(release => release.Version.ToString()).ToArray());
    }

    private string Write(params string[][] rows)
    {
        var path = Path.Combine(_temp.Path, "export.csv");
        File.WriteAllText(path, ClickUpImporterTests.Line(Header) + string.Concat(rows.Select(ClickUpImporterTests.Line)), new UTF8Encoding(false));
        return path;
    }

    private static ClickUpMapping Mapping() => ClickUpMapping.Parse(Encoding.UTF8.GetBytes("""
        { "shape": "entry-per-row", "columns": { "taskId": ["Task ID"], "status": ["Status"] }, "statuses": ["complete"],
          "release": { "version": ["Release"], "date": ["Due Date"] },
          "entry": { "text": ["Task Name"] }, "types": { "from": ["Tags"], "values": { "bug": "Fixed" } } }
        """), "mapping.json");
}
