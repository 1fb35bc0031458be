using System.Text.Json.Serialization;
using BfReleaseNotes.Model;

namespace BfReleaseNotes.Cli.Commands;

/// <summary>A diagnostic as JSON (stable field names for scripts).</summary>
internal sealed record DiagnosticJson(string Code, string Severity, string File, int Line, int Column, string Message, bool Fixable)
{
    public static DiagnosticJson From(Diagnostic diagnostic) => new(
        diagnostic.Code,
        diagnostic.Severity == DiagnosticSeverity.Error ? "error" : "warning",
        diagnostic.File,
        Math.Max(diagnostic.Position.Line, 1),
        Math.Max(diagnostic.Position.Column, 1),
        diagnostic.Message,
        diagnostic.Fixable);
}

/// <summary>The report of <c>lint --format json</c>.</summary>
internal sealed record LintReportJson(int Files, int Errors, int Warnings, IReadOnlyList<string> Fixed, IReadOnlyList<DiagnosticJson> Diagnostics);

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(LintReportJson))]
internal sealed partial class LintJsonContext : JsonSerializerContext;
