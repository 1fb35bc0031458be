using System.Text.Json;
using System.Text.Json.Serialization;
using BfReleaseNotes.Model;

namespace BfReleaseNotes.Linting;

/// <summary>
/// A lint run as JSON, the report of <c>lint --format json</c>: <c>files</c> (how many were checked), <c>errors</c>,
/// <c>warnings</c>, <c>fixed</c> (the files <c>--fix</c> wrote) and <c>diagnostics</c>, each with <c>code</c>,
/// <c>severity</c> (<c>error</c> or <c>warning</c>), <c>file</c>, <c>line</c>, <c>column</c>, <c>message</c> and
/// <c>fixable</c>.
/// </summary>
/// <remarks>
/// Text is escaped as <see cref="JsonSerializer"/> does by default (<c>'</c> as <c>\u0027</c>, non-ASCII as
/// <c>\u00E9</c>), which every JSON reader decodes.
/// </remarks>
/// <example>
/// <code>
/// var parsed = ReleaseNotesFolder.Read(path, ReleaseNotesFolder.KindOf(path));
/// Console.WriteLine(LintReportJson.Serialize(1, parsed.Diagnostics, fixedFiles: []));
/// </code>
/// </example>
public static class LintReportJson
{
    /// <summary>The report as indented JSON (no trailing line break); errors and warnings are counted from <paramref name="diagnostics"/>.</summary>
    /// <param name="files">How many files were checked.</param>
    /// <param name="diagnostics">The diagnostics of every file checked, in the order to report them.</param>
    /// <param name="fixedFiles">The files a fix wrote.</param>
    /// <exception cref="ArgumentNullException"><paramref name="diagnostics"/> or <paramref name="fixedFiles"/> is null.</exception>
    public static string Serialize(int files, IEnumerable<Diagnostic> diagnostics, IEnumerable<string> fixedFiles)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        ArgumentNullException.ThrowIfNull(fixedFiles);
        var reported = diagnostics.Select(DiagnosticJson.From).ToList();
        var errors = reported.Count(diagnostic => diagnostic.Severity == "error");
        var report = new LintJson(files, errors, reported.Count - errors, [.. fixedFiles], reported);
        return JsonSerializer.Serialize(report, LintReportJsonContext.Default.LintJson);
    }
}

/// <summary>The whole report.</summary>
internal sealed record LintJson(int Files, int Errors, int Warnings, IReadOnlyList<string> Fixed, IReadOnlyList<DiagnosticJson> Diagnostics);

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(LintJson))]
internal sealed partial class LintReportJsonContext : JsonSerializerContext;
