using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using BfReleaseNotes.Model;

namespace BfReleaseNotes.Checks;

/// <summary>
/// Writes a check result as a GitLab Code Quality report (<c>artifacts:reports:codequality</c>): a JSON array of
/// findings, each with <c>description</c>, <c>check_name</c>, a stable <c>fingerprint</c>, <c>severity</c> and
/// <c>location.path</c>/<c>location.lines.begin</c>. A pass is an empty array. UTF-8 without a byte-order mark.
/// </summary>
public static partial class CodeQualityReport
{
    /// <summary>The report's bytes (UTF-8, no BOM).</summary>
    public static byte[] Create(CheckResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var unreleased = result.Folder.Length == 0 ? "unreleased.md" : $"{result.Folder}/unreleased.md";
        var findings = new List<CodeQualityFinding>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);

        void Add(string checkName, string description, string severity, string path, int line, string identity)
        {
            // The fingerprint must not move when lines shift, and must differ for two equal findings in one file.
            var key = $"{checkName}\n{path}\n{identity}";
            var occurrence = seen[key] = seen.GetValueOrDefault(key) + 1;
            var fingerprint = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{key}\n{occurrence}")));
            findings.Add(new CodeQualityFinding(description, checkName, fingerprint, severity, new CodeQualityLocation(path, new CodeQualityLines(Math.Max(line, 1)))));
        }

        if (result.Outcome == CheckOutcome.CannotDecide)
        {
            var reason = result.Findings.FirstOrDefault();
            Add("release-notes-cannot-decide", result.Summary, "blocker", reason?.File ?? unreleased, reason?.Line ?? 1, "cannot-decide");
            return Serialize(findings);
        }

        if (result.Projects.IsEmpty)
        {
            AddFindings(result, null, Add);
        }
        else
        {
            // A monorepo: each project's findings are its own (named, and fingerprinted apart from the same rule elsewhere).
            AddFindings(result with { Diagnostics = [], Findings = [.. result.Findings.Where(finding => finding.Project is null)] }, null, Add);
            foreach (var project in result.Projects)
            {
                AddFindings(project.Result, project.Project, Add);
            }
        }

        return Serialize(findings);
    }

    private static void AddFindings(CheckResult result, string? project, Action<string, string, string, string, int, string> add)
    {
        var prefix = project is null ? string.Empty : $"[{project}] ";
        void Add(string checkName, string description, string severity, string path, int line, string identity) =>
            add(checkName, prefix + description, severity, path, line, project is null ? identity : $"{project}\n{identity}");

        foreach (var diagnostic in result.Diagnostics)
        {
            Add(diagnostic.Code, diagnostic.Message, diagnostic.Severity == DiagnosticSeverity.Error ? "major" : "minor", diagnostic.File, diagnostic.Position.Line,
                $"{diagnostic.Code}\n{diagnostic.Message}");
        }

        foreach (var finding in result.Findings)
        {
            var description = finding.Hints.IsEmpty ? finding.Message : $"{finding.Message} {string.Join(' ', finding.Hints)}";
            switch (finding.Outcome)
            {
                case CheckOutcome.NotesInvalid when result.Diagnostics.Any(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error):
                    // The diagnostics above are the findings, each at its own line.
                    break;
                case CheckOutcome.PendingEntriesRemoved:
                    foreach (var entry in result.RemovedEntries)
                    {
                        Add(finding.CheckName, $"pending entry removed ({entry.Place}): {entry.Content}", "major", entry.File, entry.Line, entry.Content);
                    }

                    break;
                case CheckOutcome.PublishedHistoryChanged:
                    foreach (var change in result.ChangedPublishedFiles)
                    {
                        Add(finding.CheckName, $"published release file {change}; published releases must not change", "major", change.File, 1, change.Kind.ToString());
                    }

                    break;
                default:
                    Add(finding.CheckName, description, "major", finding.File, finding.Line, finding.CheckName);
                    break;
            }
        }
    }

    /// <summary>
    /// Whether <paramref name="bytes"/> are a report this class wrote: a JSON array (empty after a passing check) whose
    /// every finding has a fingerprint and one of the check's names (<c>release-notes-...</c> or a diagnostic code
    /// <c>BFRNnnn</c>), so a re-run may replace it; anything else is somebody else's file.
    /// </summary>
    public static bool IsReport(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(bytes);
            return document.RootElement.ValueKind == System.Text.Json.JsonValueKind.Array && document.RootElement.EnumerateArray().All(finding =>
                finding.ValueKind == System.Text.Json.JsonValueKind.Object &&
                finding.TryGetProperty("fingerprint", out var fingerprint) && fingerprint.ValueKind == System.Text.Json.JsonValueKind.String &&
                finding.TryGetProperty("check_name", out var name) && name.GetString() is { } checkName && OwnCheckName().IsMatch(checkName));
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(release-notes-[a-z-]+|BFRN[0-9]{3})\z")]
    private static partial System.Text.RegularExpressions.Regex OwnCheckName();

    // Messages quote with ' and name sections with >: keep them readable instead of \u0027 and \u003E.
    private static readonly CodeQualityJsonContext Context = new(new JsonSerializerOptions(CodeQualityJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    // JSON escapes control characters itself; escaping first keeps them visible in GitLab's widget too.
    private static byte[] Serialize(List<CodeQualityFinding> findings) =>
        JsonSerializer.SerializeToUtf8Bytes([.. findings.Select(finding => finding with { Description = Safety.TerminalText.Escape(finding.Description) })], Context.ListCodeQualityFinding);
}

/// <summary>One finding of a Code Quality report.</summary>
internal sealed record CodeQualityFinding(
    string Description,
    [property: JsonPropertyName("check_name")] string CheckName,
    string Fingerprint,
    string Severity,
    CodeQualityLocation Location);

/// <summary>Where a finding is.</summary>
internal sealed record CodeQualityLocation(string Path, CodeQualityLines Lines);

/// <summary>The finding's first line.</summary>
internal sealed record CodeQualityLines(int Begin);

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(List<CodeQualityFinding>))]
internal sealed partial class CodeQualityJsonContext : JsonSerializerContext;
