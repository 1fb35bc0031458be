using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using BfReleaseNotes.Model;

namespace BfReleaseNotes.Flags;

/// <summary>
/// The JSON report of <c>flags check --format json</c>, with stable field names for scripts:
/// <c>registry</c>, <c>environment</c>, <c>passed</c>, <c>errors</c>, <c>warnings</c>, and per flag its
/// <c>key</c>, <c>entries</c>, <c>line</c>, <c>known</c>, <c>state</c> (off, internal, percentage, beta, on, removed,
/// unspecified; null when unknown), <c>percentage</c>, <c>reason</c> and <c>finding</c> (code, severity, message).
/// </summary>
public static class FlagCheckReport
{
    /// <summary>Keeps ' and &gt; as they are in messages instead of \u0027 and \u003E; control characters are already gone.</summary>
    private static readonly FlagCheckReportJsonContext Readable = new(new JsonSerializerOptions(FlagCheckReportJsonContext.Default.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    /// <summary>The report as indented JSON.</summary>
    public static string ToJson(FlagCheckResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var findings = result.Findings;
        var report = new FlagCheckReportJson(
            FlagRolloutChecker.Printable(result.Registry.Source),
            result.Registry.Environment,
            !result.HasErrors,
            findings.Count(finding => finding.Severity == DiagnosticSeverity.Error),
            findings.Count(finding => finding.Severity == DiagnosticSeverity.Warning),
            [.. result.Flags.Select(flag => new FlagReportJson(
                flag.Key,
                flag.Entries,
                flag.Position.Line,
                flag.Registered is not null,
                flag.Registered is { } registered ? StateName(registered.State) : null,
                flag.Registered?.Percentage,
                flag.Registered is { } known ? FlagRolloutChecker.Printable(known.Reason) : null,
                flag.Finding is { } finding
                    ? new FindingJson(finding.Code, finding.Severity == DiagnosticSeverity.Error ? "error" : "warning", finding.File, finding.Position.Line, finding.Position.Column, finding.Message)
                    : null))]);
        return JsonSerializer.Serialize(report, Readable.FlagCheckReportJson);
    }

    /// <summary>The state's name in reports and registry files, e.g. <c>percentage</c>.</summary>
    public static string StateName(FlagState state) => state.ToString().ToLowerInvariant();
}

/// <summary>The whole report.</summary>
internal sealed record FlagCheckReportJson(string Registry, string Environment, bool Passed, int Errors, int Warnings, IReadOnlyList<FlagReportJson> Flags);

/// <summary>One flag of the notes.</summary>
internal sealed record FlagReportJson(string Key, int Entries, int Line, bool Known, string? State, int? Percentage, string? Reason, FindingJson? Finding);

/// <summary>A finding.</summary>
internal sealed record FindingJson(string Code, string Severity, string File, int Line, int Column, string Message);

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(FlagCheckReportJson))]
internal sealed partial class FlagCheckReportJsonContext : JsonSerializerContext;
