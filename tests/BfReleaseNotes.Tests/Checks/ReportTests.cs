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
        Assert.Equal("6", suite.Attribute("tests")!.Value);
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

    [Fact]
    public void Control_characters_anywhere_give_valid_reports_with_visible_escapes()
    {
        var hostile = "Fix \u001B[31mred\u001B[0m\u0000 and \u0007 bell \uD800 lone";
        var evidence = new CheckEvidence
        {
            ChangedPaths = ["src/App.cs"],
            UnreleasedChanged = true,
            BaseEntries = [new CheckedEntry(File, 3, "Public > Fixed", "- " + hostile)],
            HeadEntries = [],
            Description = "Release-Notes: none\n\n" + hostile,
            Commits = [new RangeCommit("3333333333333333333333333333333333333333", hostile + "\n\nRelease-Notes: none - <reason>")],
        };
        var result = CheckPolicy.Decide(evidence);

        var junit = Encoding.UTF8.GetString(JUnitReport.Create(result));
        var codeQuality = Encoding.UTF8.GetString(CodeQualityReport.Create(result));

        var document = XDocument.Parse(junit);
        using var json = JsonDocument.Parse(codeQuality);
        Assert.Contains("\\x1b[31mred", junit, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001B', junit);
        Assert.Contains("\\x1b[31mred", json.RootElement.EnumerateArray().Select(finding => finding.GetProperty("description").GetString()).First(text => text!.StartsWith("pending entry removed", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Equal("2", document.Root!.Element("testsuite")!.Attribute("failures")!.Value);
    }

    [Fact]
    public void Every_hint_of_the_job_log_is_in_the_code_quality_and_junit_messages()
    {
        var result = CheckPolicy.Decide(new CheckEvidence { ChangedPaths = ["src/App.cs"], Description = "Release-Notes: none", DescriptionTruncated = true });

        var codeQuality = Encoding.UTF8.GetString(CodeQualityReport.Create(result));
        var failure = XDocument.Parse(Encoding.UTF8.GetString(JUnitReport.Create(result))).Descendants("failure").Single();

        Assert.Equal(2, result.Hints.Length);
        using var json = JsonDocument.Parse(codeQuality);
        var description = json.RootElement.EnumerateArray().Single().GetProperty("description").GetString()!;
        Assert.All(result.Hints, hint =>
        {
            Assert.Contains(hint, description, StringComparison.Ordinal);
            Assert.Contains(hint, failure.Attribute("message")!.Value, StringComparison.Ordinal);
            Assert.Contains(hint, failure.Value, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Each_code_quality_finding_has_its_own_description()
    {
        var result = CheckPolicy.Decide(new CheckEvidence
        {
            ChangedPaths = [File, "release-notes/pending.md"],
            UnreleasedChanged = true,
            UnreleasedMissing = "release-notes/unreleased.md is renamed to release-notes/pending.md in this range, but every tool reads release-notes/unreleased.md: rename it back",
            ConfigurationChanges = ["\"ignore\" adds '**'"],
        });

        using var json = JsonDocument.Parse(CodeQualityReport.Create(result));
        var descriptions = json.RootElement.EnumerateArray().Select(finding => finding.GetProperty("description").GetString()).ToList();

        Assert.Equal(3, descriptions.Count);
        Assert.Equal(descriptions.Count, descriptions.Distinct().Count());
    }

    [Fact]
    public void Cannot_decide_because_of_the_configuration_is_reported_at_its_line()
    {
        var result = CheckResult.CannotDecide("cannot decide: bad configuration", "release-notes", "release-notes/config.json", 7);

        using var json = JsonDocument.Parse(CodeQualityReport.Create(result));
        var location = json.RootElement.EnumerateArray().Single().GetProperty("location");

        Assert.Equal("release-notes/config.json", location.GetProperty("path").GetString());
        Assert.Equal(7, location.GetProperty("lines").GetProperty("begin").GetInt32());
    }

    [Fact]
    public void A_report_recognises_what_it_wrote_so_a_re_run_may_replace_it()
    {
        var result = new CheckResult(CheckOutcome.NotesUpdated, "check passed (notes updated): ...");

        Assert.True(CodeQualityReport.IsReport(CodeQualityReport.Create(Invalid(3, 4))));
        Assert.True(CodeQualityReport.IsReport(CodeQualityReport.Create(result)));
        Assert.True(JUnitReport.IsReport(JUnitReport.Create(Invalid(3, 4))));
        Assert.True(JUnitReport.IsReport(JUnitReport.Create(result)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("{}")]
    [InlineData("[1]")]
    [InlineData("[{\"check_name\":\"eslint-no-unused\",\"fingerprint\":\"1\"}]")]
    [InlineData("[{\"check_name\":\"release-notes-not-updated\"}]")]
    [InlineData("[{\"check_name\":\"release-notes-not-updated\",\"fingerprint\":\"1\"},{\"check_name\":\"rubocop\",\"fingerprint\":\"2\"}]")]
    [InlineData("[{\"check_name\":\"BFRN1234\",\"fingerprint\":\"1\"}]")]
    [InlineData("[{\"check_name\":\"release-notes-not-updated\\n\",\"fingerprint\":\"1\"}]")]
    public void Any_other_file_is_not_a_code_quality_report_of_the_check(string text) =>
        Assert.False(CodeQualityReport.IsReport(Encoding.UTF8.GetBytes(text)));

    [Theory]
    [InlineData("")]
    [InlineData("# README")]
    [InlineData("<testsuites><testsuite name=\"jest\"/></testsuites>")]
    [InlineData("<testsuite name=\"release notes check\"/>")]
    [InlineData("<testsuites></testsuites>")]
    [InlineData("<!DOCTYPE x [<!ENTITY a \"release notes check\">]><testsuites><testsuite name=\"&a;\"/></testsuites>")]
    public void Any_other_file_is_not_a_junit_report_of_the_check(string text) =>
        Assert.False(JUnitReport.IsReport(Encoding.UTF8.GetBytes(text)));

    private static CheckResult Invalid(int firstLine, int secondLine) =>
        new(CheckOutcome.NotesInvalid, "check failed (notes invalid): ...")
        {
            Failures = [CheckOutcome.NotesInvalid],
            Findings = [new CheckFinding(CheckOutcome.NotesInvalid, "check failed (notes invalid): ...", File, firstLine)],
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
