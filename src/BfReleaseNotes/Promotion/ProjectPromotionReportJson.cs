using System.Text.Json;
using System.Text.Json.Serialization;

namespace BfReleaseNotes.Promotion;

/// <summary>
/// A monorepo's promotion as JSON, the report of <c>promote --all --format json</c>: <c>projects</c>, one object per
/// project in the configuration's order with <c>project</c>, <c>status</c> (<c>promoted</c>, <c>dry-run</c>,
/// <c>nothing-to-promote</c>, <c>invalid</c>, <c>refused</c>, <c>could-not-run</c>), <c>files</c>, <c>published</c>
/// (the number of entries) and, when they apply, <c>version</c>, <c>commit</c>, <c>tag</c> and <c>message</c>.
/// Absent values are left out.
/// </summary>
/// <example>
/// <code>
/// var results = ProjectPromotion.PromoteAll(ReleaseNotesLocator.LocateAll("."), new ProjectPromotionRequest(null, today) { DryRun = true });
/// Console.WriteLine(ProjectPromotionReportJson.Serialize(results));
/// </code>
/// </example>
public static class ProjectPromotionReportJson
{
    /// <summary>The report as indented JSON (no trailing line break).</summary>
    /// <param name="results">What <see cref="ProjectPromotion.PromoteAll"/> did with each project.</param>
    /// <exception cref="ArgumentNullException"><paramref name="results"/> is null.</exception>
    public static string Serialize(IEnumerable<ProjectPromotionResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var report = new ProjectPromotionsJson([.. results.Select(result =>
        {
            // Only a plan (applied or not) has a version and files to report; a refusal may have a summary but wrote nothing.
            var planned = result.Status is ProjectPromotionStatus.Promoted or ProjectPromotionStatus.DryRun ? result.Outcome?.Summary : null;
            return new ProjectPromotionJson(
                result.Project,
                StatusName(result.Status),
                planned?.Version.ToString(),
                planned is null ? [] : [.. planned.Files],
                result.Outcome?.Summary?.PublishedTotal ?? 0,
                result.Commit,
                result.Tag,
                result.Message);
        })]);
        return JsonSerializer.Serialize(report, ProjectPromotionReportJsonContext.Default.ProjectPromotionsJson);
    }

    private static string StatusName(ProjectPromotionStatus status) => status switch
    {
        ProjectPromotionStatus.Promoted => "promoted",
        ProjectPromotionStatus.DryRun => "dry-run",
        ProjectPromotionStatus.NothingToPromote => "nothing-to-promote",
        ProjectPromotionStatus.Invalid => "invalid",
        ProjectPromotionStatus.Refused => "refused",
        _ => "could-not-run",
    };
}

/// <summary>The whole report.</summary>
internal sealed record ProjectPromotionsJson(IReadOnlyList<ProjectPromotionJson> Projects);

/// <summary>One project's part.</summary>
internal sealed record ProjectPromotionJson(string Project, string Status, string? Version, IReadOnlyList<string> Files, int Published, string? Commit, string? Tag, string? Message);

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ProjectPromotionsJson))]
internal sealed partial class ProjectPromotionReportJsonContext : JsonSerializerContext;
