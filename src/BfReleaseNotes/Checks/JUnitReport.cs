using System.Globalization;
using System.Text;
using System.Xml;
using BfReleaseNotes.Safety;

namespace BfReleaseNotes.Checks;

/// <summary>
/// Writes a check result as a JUnit XML report (<c>artifacts:reports:junit</c>), so the MR widget shows it: one
/// test case per rule (notes updated or not needed, notes valid, no pending entry removed, published history
/// unchanged); a rule that failed carries a <c>failure</c>; "cannot decide" is a single test case with an <c>error</c>.
/// </summary>
public static class JUnitReport
{
    private const string ClassName = "bf-release-notes.check";

    /// <summary>The report's bytes (UTF-8 XML, no BOM).</summary>
    public static byte[] Create(CheckResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var cases = new List<(string Name, string? Failure, string? Error, string Detail)>();
        if (result.Outcome == CheckOutcome.CannotDecide)
        {
            cases.Add(("the check sees the base and head commits", null, result.Summary, result.Summary));
        }
        else
        {
            string? FailureOf(CheckOutcome outcome) => result.Failures.Contains(outcome) ? SentenceFor(result, outcome) : null;
            cases.Add(("release notes are updated, or not needed", FailureOf(CheckOutcome.NotesNotUpdated), null, Details(result, CheckOutcome.NotesNotUpdated)));
            cases.Add(("changed release-notes files are valid", FailureOf(CheckOutcome.NotesInvalid), null, Details(result, CheckOutcome.NotesInvalid)));
            cases.Add(("no pending entry is removed", FailureOf(CheckOutcome.PendingEntriesRemoved), null, Details(result, CheckOutcome.PendingEntriesRemoved)));
            cases.Add(("published history is unchanged", FailureOf(CheckOutcome.PublishedHistoryChanged), null, Details(result, CheckOutcome.PublishedHistoryChanged)));
        }

        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true };
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, settings))
        {
            var failures = cases.Count(item => item.Failure is not null);
            var errors = cases.Count(item => item.Error is not null);
            writer.WriteStartDocument();
            writer.WriteStartElement("testsuites");
            writer.WriteStartElement("testsuite");
            writer.WriteAttributeString("name", "release notes check");
            writer.WriteAttributeString("tests", cases.Count.ToString(CultureInfo.InvariantCulture));
            writer.WriteAttributeString("failures", failures.ToString(CultureInfo.InvariantCulture));
            writer.WriteAttributeString("errors", errors.ToString(CultureInfo.InvariantCulture));
            foreach (var item in cases)
            {
                writer.WriteStartElement("testcase");
                writer.WriteAttributeString("classname", ClassName);
                writer.WriteAttributeString("name", item.Name);
                if (item.Failure is not null || item.Error is not null)
                {
                    writer.WriteStartElement(item.Failure is not null ? "failure" : "error");
                    // XML 1.0 cannot hold most control characters (the writer would throw); quoted text may have them.
                    writer.WriteAttributeString("message", TerminalText.Escape(item.Failure ?? item.Error));
                    writer.WriteString(TerminalText.Escape(item.Detail));
                    writer.WriteEndElement();
                }

                writer.WriteEndElement();
            }

            writer.WriteElementString("system-out", TerminalText.Escape(string.Join('\n', [result.Summary, .. result.Details])));

            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteEndDocument();
        }

        return buffer.ToArray();
    }

    private static string SentenceFor(CheckResult result, CheckOutcome outcome) =>
        result.Outcome == outcome ? result.Summary : result.Details.FirstOrDefault(detail => detail.Contains(Marker(outcome), StringComparison.Ordinal)) ?? result.Summary;

    private static string Marker(CheckOutcome outcome) => $"({CheckResult.NameOf(outcome).Replace('-', ' ')})";

    private static string Details(CheckResult result, CheckOutcome outcome)
    {
        var lines = new List<string> { SentenceFor(result, outcome) };
        switch (outcome)
        {
            case CheckOutcome.NotesInvalid:
                lines.AddRange(result.Diagnostics.Select(diagnostic => diagnostic.ToString()));
                break;
            case CheckOutcome.PendingEntriesRemoved:
                lines.AddRange(result.RemovedEntries.Select(entry => $"{entry.File}:{entry.Line} ({entry.Place}): {entry.Content}"));
                break;
            case CheckOutcome.PublishedHistoryChanged:
                lines.AddRange(result.ChangedPublishedFiles.Select(change => $"{change.File}: {change.Kind.ToString().ToLowerInvariant()}"));
                break;
            default:
                break;
        }

        return string.Join('\n', lines);
    }
}
