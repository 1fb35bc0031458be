using System.Text;

namespace BfReleaseNotes.Cli.Tests.ImportClickUp;

/// <summary>
/// An export with a warning on every row and many releases: the summary stays short (a line per kind of warning,
/// the first and last release lines), and <c>--verbose</c> shows everything.
/// </summary>
public sealed class ImportAtScaleTests : IDisposable
{
    private const int Rows = 3000;
    private const int Releases = 60;
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_large_import_prints_fewer_than_50_lines_and_verbose_prints_every_warning_and_release()
    {
        WriteExport();

        var quiet = Cli.Run(_temp.Path, ["import-clickup", "export.csv", "--mapping", "mapping.json", "--dry-run"]);
        var verbose = Cli.Run(_temp.Path, ["import-clickup", "export.csv", "--mapping", "mapping.json", "--dry-run", "--verbose"]);

        Assert.Equal(0, quiet.ExitCode);
        var summary = quiet.Out[..quiet.Out.IndexOf("\n--- ", StringComparison.Ordinal)];
        var lines = Lines(summary) + Lines(quiet.Error);
        Assert.True(lines < 50, $"{lines} lines:\n{summary}{quiet.Error}");
        Assert.Contains($"rows {Rows}, imported {Rows}, rejected 0", quiet.Out, StringComparison.Ordinal);
        Assert.Contains($"... {Releases - 10} more release files ({Releases - 10} new); --verbose lists every one", summary, StringComparison.Ordinal);
        Assert.Contains($"html-reduced: {Rows:N0} rows, such as row 1 (line 2, task 86a0)", quiet.Error, StringComparison.Ordinal);
        Assert.Contains($"(and {Rows - 3:N0} more like it; --verbose lists every one)", quiet.Error, StringComparison.Ordinal);
        Assert.Contains($"warnings: {Rows} (on stderr, one line per kind)", summary, StringComparison.Ordinal);

        Assert.Equal(0, verbose.ExitCode);
        Assert.Equal(Rows, verbose.Error.Split('\n').Count(line => line.StartsWith("warning: ", StringComparison.Ordinal)));
        Assert.Equal(Releases, verbose.Out.Split('\n').Count(line => line.StartsWith("release ", StringComparison.Ordinal)));
    }

    private static int Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;

    private void WriteExport()
    {
        var csv = new StringBuilder("Task ID,Task Name,Status,Due Date,Tags,Release\n");
        for (var i = 0; i < Rows; i++)
        {
            var release = i * Releases / Rows;
            var due = new DateTimeOffset(2024, 1, 5, 15, 0, 0, TimeSpan.Zero).AddDays(7 * release).ToUnixTimeMilliseconds();
            csv.Append($"86a{i},<b>Fix</b> number {i},complete,{due},[bug],1.{release}.0\n");
        }

        File.WriteAllText(_temp.Combine("export.csv"), csv.ToString(), new UTF8Encoding(false));
        File.WriteAllText(_temp.Combine("mapping.json"), """
            { "shape": "entry-per-row", "columns": { "taskId": ["Task ID"], "status": ["Status"] }, "statuses": ["complete"],
              "release": { "version": ["Release"], "date": ["Due Date"] }, "entry": { "text": ["Task Name"] },
              "types": { "from": ["Tags"], "values": { "bug": "Fixed" } } }
            """);
    }
}
