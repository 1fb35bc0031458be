using System.Globalization;
using System.Text;
using System.Xml;
using BfReleaseNotes.Model;
using BfReleaseNotes.Safety;

namespace BfReleaseNotes.Checks;

/// <summary>
/// Writes a check result as a JUnit XML report (<c>artifacts:reports:junit</c>), so the MR widget shows it: one
/// test case per rule (notes updated or not needed, notes valid, no pending entry removed, published history
/// unchanged, configuration unchanged, and any rule another step added); a rule that failed carries a
/// <c>failure</c> with its own sentence and hints; "cannot decide" is a single test case with an <c>error</c>.
/// Any text is written safely: control characters become visible escapes.
/// </summary>
public static class JUnitReport
{
    private const string ClassName = "bf-release-notes.check";
    private const string SuiteName = "release notes check";

    private static readonly (CheckOutcome Outcome, string Name)[] Rules =
    [
        (CheckOutcome.NotesNotUpdated, "release notes are updated, or not needed"),
        (CheckOutcome.NotesInvalid, "changed release-notes files are valid"),
        (CheckOutcome.PendingEntriesRemoved, "no pending entry is removed"),
        (CheckOutcome.PublishedHistoryChanged, "published history is unchanged"),
        (CheckOutcome.ConfigurationChanged, "the check's configuration is unchanged"),
        (CheckOutcome.EntriesAlreadyPublished, "no pending entry is already published"),
    ];

    /// <summary>
    /// Whether <paramref name="bytes"/> are a report this class wrote (a <c>testsuites</c> root whose first suite is the
    /// release notes check), so a re-run may replace it; anything else, XML or not, is somebody else's file.
    /// </summary>
    public static bool IsReport(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        try
        {
            // Stryker disable once Initializer : both are XmlReaderSettings' defaults on .NET; stated so no reader wonders whether a DTD or entity is resolved
            using var reader = XmlReader.Create(new MemoryStream(bytes), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            reader.MoveToContent();
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "testsuites" || !reader.ReadToDescendant("testsuite"))
            {
                return false;
            }

            return reader.GetAttribute("name") == SuiteName;
        }
        catch (XmlException)
        {
            return false;
        }
    }

    /// <summary>The report's bytes (UTF-8 XML, no BOM).</summary>
    public static byte[] Create(CheckResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var cases = new List<(string Name, string? Failure, string? Error, string? Detail)>();
        if (result.Outcome == CheckOutcome.CannotDecide)
        {
            cases.Add(("the check sees the base and head commits", null, result.Summary, Lines([result.Summary, .. result.Details])));
        }
        else if (result.Projects.IsEmpty)
        {
            AddRules(cases, result, Rules, string.Empty);
        }
        else
        {
            // A monorepo: the repository-wide rules, then every rule once per project, named after it.
            var own = result with { Findings = [.. result.Findings.Where(finding => finding.Project is null)] };
            AddRules(cases, own, RepositoryRules, string.Empty);
            foreach (var project in result.Projects)
            {
                AddRules(cases, project.Result, Rules, $"{project.Project}: ");
            }
        }

        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true };
        using var buffer = new MemoryStream();
        // The XML declaration comes with ConformanceLevel.Document, and disposing the writer ends the open elements
        // and the document (WriteEndDocumentOnClose): no explicit start or end of the document that could be left out.
        using (var writer = XmlWriter.Create(buffer, settings))
        {
            var failures = cases.Count(item => item.Failure is not null);
            var errors = cases.Count(item => item.Error is not null);
            writer.WriteStartElement("testsuites");
            writer.WriteStartElement("testsuite");
            writer.WriteAttributeString("name", SuiteName);
            writer.WriteAttributeString("tests", cases.Count.ToString(CultureInfo.InvariantCulture));
            writer.WriteAttributeString("failures", failures.ToString(CultureInfo.InvariantCulture));
            writer.WriteAttributeString("errors", errors.ToString(CultureInfo.InvariantCulture));
            foreach (var item in cases)
            {
                writer.WriteStartElement("testcase");
                writer.WriteAttributeString("classname", ClassName);
                writer.WriteAttributeString("name", Safety.TerminalText.Escape(item.Name));
                if (item.Failure is not null || item.Error is not null)
                {
                    writer.WriteStartElement(item.Failure is not null ? "failure" : "error");
                    writer.WriteAttributeString("message", Safety.TerminalText.Escape(item.Failure ?? item.Error!));
                    writer.WriteString(Safety.TerminalText.Escape(item.Detail));
                    writer.WriteEndElement();
                }

                writer.WriteEndElement();
            }

            writer.WriteElementString("system-out", Safety.TerminalText.Escape(Lines([result.Summary, .. result.Details])));
        }

        return buffer.ToArray();
    }

    private static readonly (CheckOutcome Outcome, string Name)[] RepositoryRules =
    [
        (CheckOutcome.NotesNotUpdated, "every changed path that needs notes belongs to a project"),
        (CheckOutcome.ConfigurationChanged, "the check's configuration is unchanged"),
    ];

    private static void AddRules(List<(string Name, string? Failure, string? Error, string? Detail)> cases, CheckResult result, (CheckOutcome Outcome, string Name)[] rules, string prefix)
    {
        foreach (var (outcome, name) in rules)
        {
            var finding = result.Findings.FirstOrDefault(item => item.Outcome == outcome && item.CheckName == CheckFinding.DefaultCheckName(outcome));
            // A passing rule has no detail: only a failure or an error carries one.
            cases.Add((prefix + name, finding is null ? null : Message(finding), null, finding is null ? null : Details(result, finding)));
        }

        if (result.Findings.FirstOrDefault(item => item.Outcome == CheckOutcome.EntriesInWrongProject) is { } wrongProject)
        {
            cases.Add((prefix + "new entries belong to a project the merge request changes", Message(wrongProject), null, Details(result, wrongProject)));
        }

        foreach (var finding in result.Findings.Where(item => item.CheckName != CheckFinding.DefaultCheckName(item.Outcome)))
        {
            cases.Add((prefix + finding.CheckName, Message(finding), null, Details(result, finding)));
        }
    }

    private static string Message(CheckFinding finding) => finding.Hints.IsEmpty ? finding.Message : $"{finding.Message} {string.Join(' ', finding.Hints)}";

    private static string Lines(IEnumerable<string> lines) => string.Join('\n', lines);

    private static string Details(CheckResult result, CheckFinding finding)
    {
        var lines = new List<string> { finding.Message };
        lines.AddRange(finding.Hints);
        switch (finding.Outcome)
        {
            case CheckOutcome.NotesInvalid:
                lines.AddRange(result.Diagnostics.Select(diagnostic => diagnostic.ToString()));
                break;
            case CheckOutcome.PendingEntriesRemoved:
                lines.AddRange(result.RemovedEntries.Select(entry => $"{entry.File}:{entry.Line} ({entry.Place}): {entry.Content}"));
                break;
            case CheckOutcome.PublishedHistoryChanged:
                lines.AddRange(result.ChangedPublishedFiles.Select(change => change.ToString()));
                break;
            case CheckOutcome.ConfigurationChanged:
                lines.AddRange(result.ConfigurationChanges);
                break;
            case CheckOutcome.EntriesInWrongProject:
                lines.AddRange(result.AddedEntries.Select(entry => $"{entry.File}:{entry.Line} ({entry.Place}): {entry.Content}"));
                break;
            case CheckOutcome.EntriesAlreadyPublished:
                lines.AddRange(result.Diagnostics.Where(diagnostic => diagnostic.Code == DiagnosticCodes.AlreadyPublished).Select(diagnostic => diagnostic.ToString()));
                break;
            default:
                break;
        }

        return Lines(lines);
    }
}
