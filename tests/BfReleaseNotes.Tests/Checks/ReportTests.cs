using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using BfReleaseNotes.Checks;
using BfReleaseNotes.Model;

namespace BfReleaseNotes.Tests.Checks;

public class ReportTests
{
    private const string File = "release-notes/unreleased.md";

    [Fact]
    public void Code_quality_fingerprints_are_unique_and_do_not_move_with_lines()
    {
        var first = Invalid(10, 20);
        var shifted = Invalid(12, 25);

        var firstFindings = Findings(CodeQualityReport.Create(first));
        var shiftedFindings = Findings(CodeQualityReport.Create(shifted));

        Assert.Equal(2, firstFindings.Select(finding => finding.Fingerprint).Distinct().Count());
        Assert.Equal(firstFindings.Select(finding => finding.Fingerprint), shiftedFindings.Select(finding => finding.Fingerprint));
        Assert.Equal([10, 20], firstFindings.Select(finding => finding.Line));
    }

    [Fact]
    public void Code_quality_reports_have_no_byte_order_mark_and_keep_quotes_readable()
    {
        var bytes = CodeQualityReport.Create(Invalid(1, 2));

        Assert.False(bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble));
        Assert.Contains("'### Fixd'", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public void A_pass_is_an_empty_code_quality_array_and_a_junit_suite_without_failures()
    {
        var result = new CheckResult(CheckOutcome.NotesUpdated, "check passed (notes updated): ...");

        var codeQuality = Encoding.UTF8.GetString(CodeQualityReport.Create(result));
        var suite = XDocument.Parse(Encoding.UTF8.GetString(JUnitReport.Create(result))).Root!.Element("testsuite")!;

        Assert.Equal("[]", codeQuality);
        Assert.Equal("4", suite.Attribute("tests")!.Value);
        Assert.Equal("0", suite.Attribute("failures")!.Value);
        Assert.All(suite.Elements("testcase"), testCase => Assert.Null(testCase.Element("failure")));
    }

    [Fact]
    public void Junit_lists_the_diagnostics_of_invalid_notes_in_the_failure()
    {
        var suite = XDocument.Parse(Encoding.UTF8.GetString(JUnitReport.Create(Invalid(3, 4)))).Root!.Element("testsuite")!;

        var failure = suite.Elements("testcase").Single(testCase => testCase.Element("failure") is not null).Element("failure")!;
        Assert.Contains("release-notes/unreleased.md:3:1: error BFRN102: unknown section '### Fixd'", failure.Value, StringComparison.Ordinal);
    }

    private static CheckResult Invalid(int firstLine, int secondLine) =>
        new(CheckOutcome.NotesInvalid, "check failed (notes invalid): ...")
        {
            Failures = [CheckOutcome.NotesInvalid],
            Diagnostics =
            [
                new Diagnostic(DiagnosticCodes.UnknownHeading, DiagnosticSeverity.Error, File, new SourcePosition(firstLine, 1), "unknown section '### Fixd'"),
                new Diagnostic(DiagnosticCodes.UnknownHeading, DiagnosticSeverity.Error, File, new SourcePosition(secondLine, 1), "unknown section '### Fixd'"),
            ],
        };

    private static List<(string Fingerprint, int Line)> Findings(byte[] report)
    {
        using var json = JsonDocument.Parse(report);
        return [.. json.RootElement.EnumerateArray().Select(finding => (
            finding.GetProperty("fingerprint").GetString()!,
            finding.GetProperty("location").GetProperty("lines").GetProperty("begin").GetInt32()))];
    }
}
