using BfReleaseNotes.Linting;
using BfReleaseNotes.Model;
using BfReleaseNotes.Workspace;

namespace BfReleaseNotes.Tests.Linting;

/// <summary>The JSON report of <c>lint</c>, pinned with the expected text written out here, from real files.</summary>
public sealed class LintReportJsonTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Errors_and_warnings_are_counted_and_each_diagnostic_has_its_place_and_whether_fix_can_mend_it()
    {
        var path = _temp.Combine("unreleased.md");
        File.WriteAllText(path, "# Unreleased\n\n## Public\n\n### Fixd\n\n- a\n\n### Added\n\n- it's <x> é\n- it's <x> é\n");
        var parsed = ReleaseNotesFolder.Read(path, DocumentKind.Unreleased);

        var json = LintReportJson.Serialize(2, parsed.Diagnostics, []);


        Assert.Equal(
            $$"""
            {
              "files": 2,
              "errors": 1,
              "warnings": 1,
              "fixed": [],
              "diagnostics": [
                {
                  "code": "BFRN102",
                  "severity": "error",
                  "file": "{{path}}",
                  "line": 5,
                  "column": 1,
                  "message": "unknown section \u0027### Fixd\u0027; did you mean \u0027### Fixed\u0027?",
                  "fixable": false
                },
                {
                  "code": "BFRN117",
                  "severity": "warning",
                  "file": "{{path}}",
                  "line": 12,
                  "column": 1,
                  "message": "the same entry is already at line 11 (\u0027it\u0027s \u003Cx\u003E \u00E9\u0027); two merge requests probably added the same text; \u0027bf-release-notes lint --fix\u0027 keeps the first",
                  "fixable": true
                }
              ]
            }
            """,
            json);
    }

    [Fact]
    public void A_fix_that_mended_everything_lists_the_file_and_no_diagnostics()
    {
        var path = _temp.Combine("unreleased.md");
        File.WriteAllText(path, "# Unreleased\n\n## Public\n\n### added\n\n- it's\n- it's\n");
        var fix = LintFixer.Fix(ReleaseNotesFolder.Read(path, DocumentKind.Unreleased));

        var json = LintReportJson.Serialize(1, fix.Result.Diagnostics, [path]);


        Assert.Equal(
            $$"""
            {
              "files": 1,
              "errors": 0,
              "warnings": 0,
              "fixed": [
                "{{path}}"
              ],
              "diagnostics": []
            }
            """,
            json);
    }
}
