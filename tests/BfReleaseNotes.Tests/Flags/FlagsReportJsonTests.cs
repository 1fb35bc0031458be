using BfReleaseNotes.Flags;
using BfReleaseNotes.Model;
using BfReleaseNotes.Workspace;

namespace BfReleaseNotes.Tests.Flags;

/// <summary>The JSON report of <c>flags</c>, pinned with the expected text written out here, from a real file.</summary>
public sealed class FlagsReportJsonTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Each_flag_reports_its_total_and_its_counts_in_change_type_order()
    {
        var path = _temp.Combine("unreleased.md");
        File.WriteAllText(path,
            "# Unreleased\n\n## Internal\n\n### Added\n\n#### Flag: `new-editor`\n\n- Drafts.\n- Autosave.\n\n#### Flag: `search.v2`\n\n- Accents.\n\n" +
            "### Fixed\n\n#### Flag: `new-editor`\n\n- A draft fix.\n\n### Changed\n\n#### Flag: `new-editor`\n\n- Faster.\n");
        var document = ReleaseNotesFolder.Read(path, DocumentKind.Unreleased).Document!;

        var json = FlagsReportJson.Serialize(FlagInventory.Collect(document));


        Assert.Equal(
            """
            {
              "flags": [
                {
                  "key": "new-editor",
                  "total": 4,
                  "counts": {
                    "Added": 2,
                    "Changed": 1,
                    "Fixed": 1
                  }
                },
                {
                  "key": "search.v2",
                  "total": 1,
                  "counts": {
                    "Added": 1
                  }
                }
              ]
            }
            """,
            json);
    }

    [Fact]
    public void No_flags_is_an_empty_list() =>
        Assert.Equal("{\n  \"flags\": []\n}", FlagsReportJson.Serialize([]));
}
