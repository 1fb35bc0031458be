using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using BfReleaseNotes.Model;

namespace BfReleaseNotes.Checks;

/// <summary>
/// The merge-request check's result as JSON, the report of <c>check --format json</c>, with stable field names for
/// scripts: <c>outcome</c>, <c>passed</c>, <c>exitCode</c>, <c>summary</c>, <c>failures</c>, <c>details</c>,
/// <c>hints</c>, <c>findings</c>, <c>configurationChanges</c>, <c>range</c>, <c>folder</c>, <c>headFolder</c>,
/// <c>optOut</c>, <c>editAllowed</c>, the entries and files behind the decision, <c>diagnostics</c> and, in a
/// monorepo, <c>projects</c>.
/// </summary>
/// <remarks>
/// Quotes, <c>&gt;</c> and accented letters stay as they are (<c>Public &gt; Fixed</c>, <c>it's</c>, <c>é</c>) so a
/// person can read the report in a CI log; control characters are escaped (<c>\u001B</c>), so no entry or commit
/// subject can drive a terminal that prints it. Do not paste the report into HTML unescaped.
/// </remarks>
/// <example>
/// <code>
/// var result = MergeRequestChecker.Check(GitLabPipeline.FromEnvironment(variables).ToCheckRequest("."));
/// File.WriteAllText("check.json", CheckReportJson.Serialize(result));
/// </code>
/// </example>
public static class CheckReportJson
{
    /// <summary>Keeps ' and &gt; as they are in messages and entries instead of \u0027 and \u003E.</summary>
    private static readonly CheckReportJsonContext Readable = new(new JsonSerializerOptions(CheckReportJsonContext.Default.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    /// <summary>The report as indented JSON (no trailing line break).</summary>
    /// <param name="result">What <see cref="MergeRequestChecker"/> decided.</param>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is null.</exception>
    public static string Serialize(CheckResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return JsonSerializer.Serialize(From(result), Readable.CheckJson);
    }

    private static CheckJson From(CheckResult result) => new(
        CheckResult.NameOf(result.Outcome),
        result.Passed,
        result.ExitCode,
        result.Summary,
        [.. result.Failures.Select(CheckResult.NameOf)],
        result.Details,
        result.Hints,
        [.. result.Findings.Select(finding => new CheckFindingJson(finding.CheckName, CheckResult.NameOf(finding.Outcome), finding.Message, finding.File, finding.Line, finding.Hints, finding.Project))],
        result.ConfigurationChanges,
        result.Range is { } range
            ? new CheckRangeJson(range.Base.Revision, range.Base.Source, range.BaseCommit, range.MergeBaseCommit, range.Head.Revision, range.Head.Source, range.HeadCommit)
            : null,
        result.Folder,
        result.HeadFolder,
        result.OptOut is { } optOut ? new CheckOptOutJson(SourceName(optOut.Source), optOut.Where, optOut.Reason, optOut.Line) : null,
        result.EditAllowed,
        result.AddedEntries,
        result.RemovedEntries,
        result.PublishedEntries,
        result.AddedPublishedFiles,
        [.. result.ChangedPublishedFiles.Select(change => new CheckPublishedChangeJson(change.File, change.Kind.ToString().ToLowerInvariant(), change.Detail))],
        result.ChangedPaths,
        result.RelevantPaths,
        [.. result.Diagnostics.Select(DiagnosticJson.From)],
        [.. result.Projects.Select(project => new CheckProjectJson(project.Project, project.Folder, project.Touched, CheckResult.NameOf(project.Result.Outcome), project.Result.Passed, project.Result.Summary))]);

    private static string SourceName(OptOutSource source) => source switch
    {
        OptOutSource.Label => "label",
        OptOutSource.Description => "description",
        _ => "commit-message",
    };
}

/// <summary>The whole report.</summary>
internal sealed record CheckJson(
    string Outcome,
    bool Passed,
    int ExitCode,
    string Summary,
    IReadOnlyList<string> Failures,
    IReadOnlyList<string> Details,
    IReadOnlyList<string> Hints,
    IReadOnlyList<CheckFindingJson> Findings,
    IReadOnlyList<string> ConfigurationChanges,
    CheckRangeJson? Range,
    string Folder,
    string HeadFolder,
    CheckOptOutJson? OptOut,
    bool EditAllowed,
    IReadOnlyList<CheckedEntry> AddedEntries,
    IReadOnlyList<CheckedEntry> RemovedEntries,
    IReadOnlyList<CheckedEntry> PublishedEntries,
    IReadOnlyList<string> AddedPublishedFiles,
    IReadOnlyList<CheckPublishedChangeJson> ChangedPublishedFiles,
    IReadOnlyList<string> ChangedPaths,
    IReadOnlyList<string> RelevantPaths,
    IReadOnlyList<DiagnosticJson> Diagnostics,
    IReadOnlyList<CheckProjectJson> Projects);

/// <summary>One monorepo project's own result.</summary>
internal sealed record CheckProjectJson(string Name, string Folder, bool Touched, string Outcome, bool Passed, string Summary);

/// <summary>The compared commits.</summary>
internal sealed record CheckRangeJson(string Base, string BaseSource, string BaseCommit, string MergeBase, string Head, string HeadSource, string HeadCommit);

/// <summary>An opt-out.</summary>
internal sealed record CheckOptOutJson(string Source, string Where, string? Reason, string? Line);

/// <summary>A finding: its rule, outcome, sentence, place and hints; the project only in a monorepo.</summary>
internal sealed record CheckFindingJson(string CheckName, string Outcome, string Message, string File, int Line, IReadOnlyList<string> Hints, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Project);

/// <summary>A changed published file.</summary>
internal sealed record CheckPublishedChangeJson(string File, string Change, string? Detail);

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(CheckJson))]
internal sealed partial class CheckReportJsonContext : JsonSerializerContext;
