using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace BfReleaseNotes.Promotion;

/// <summary>
/// A promotion as JSON, the report of <c>promote --format json</c>, with stable field names for scripts:
/// <c>status</c> (<c>promoted</c>, <c>dry-run</c>, <c>nothing-to-promote</c>), <c>version</c>, <c>date</c>,
/// <c>files</c>, <c>published</c> (entries per visibility and change type), <c>internalLeftBehind</c> (entries per
/// flag), and when they apply <c>bump</c> (what <c>--bump auto</c> decided and the entry that decided it),
/// <c>commit</c>, <c>tag</c>, <c>publishedText</c> (on a dry run) and <c>message</c>. Absent values are left out.
/// </summary>
/// <remarks>
/// Text is escaped as <see cref="JsonSerializer"/> does by default (<c>'</c> as <c>\u0027</c>, non-ASCII as
/// <c>\u00E9</c>), which every JSON reader decodes.
/// </remarks>
/// <example>
/// <code>
/// var outcome = Promoter.Plan(parsed, publishedVersions, new PromotionRequest(null, VersionBump.Minor, today), folder);
/// if (outcome.Status == PromotionStatus.Planned || outcome.Status == PromotionStatus.NothingToPromote)
/// {
///     Console.WriteLine(PromotionReportJson.Serialize(outcome, dryRun: true));
/// }
/// </code>
/// </example>
public static class PromotionReportJson
{
    /// <summary>The report as indented JSON (no trailing line break).</summary>
    /// <param name="outcome">
    /// A <see cref="PromotionStatus.Planned"/> outcome (applied, or not on a dry run) or
    /// <see cref="PromotionStatus.NothingToPromote"/>; the others have no summary to report.
    /// </param>
    /// <param name="dryRun">True when the plan was not applied: the status is <c>dry-run</c> and the report holds the note that would be published.</param>
    /// <param name="commit">The release commit's id, when the promotion was committed.</param>
    /// <param name="tag">The release tag's name, when the promotion was tagged.</param>
    /// <exception cref="ArgumentNullException"><paramref name="outcome"/> is null.</exception>
    /// <exception cref="ArgumentException">The outcome is invalid, refused or failed (it has no summary).</exception>
    public static string Serialize(PromotionOutcome outcome, bool dryRun, string? commit = null, string? tag = null)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.Status is not (PromotionStatus.Planned or PromotionStatus.NothingToPromote) || outcome.Summary is not { } summary)
        {
            throw new ArgumentException($"a promotion that is {outcome.Status} has no report; report its message and diagnostics instead", nameof(outcome));
        }

        var nothing = outcome.Status == PromotionStatus.NothingToPromote;
        var report = new PromotionJson(
            nothing ? "nothing-to-promote" : dryRun ? "dry-run" : "promoted",
            summary.Version.ToString(),
            summary.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            nothing ? [] : [.. summary.Files],
            [.. summary.Published.Select(count => new EntryCountJson(count.Visibility.ToString(), count.Type.ToString(), count.Count))],
            [.. summary.InternalLeftBehind.Select(count => new FlagCountJson(count.Flag, count.Count))],
            summary.Decision is { } decided
                ? new BumpDecisionJson(decided.Bump.ToString().ToLowerInvariant(), decided.Wanted.ToString().ToLowerInvariant(), decided.Breaking, decided.File, decided.Line, decided.Visibility.ToString(), decided.Type.ToString(), decided.Entry.Content)
                : null,
            commit,
            tag,
            dryRun ? outcome.Plan?.PublishedText : null,
            outcome.Message);
        return JsonSerializer.Serialize(report, PromotionReportJsonContext.Default.PromotionJson);
    }
}

/// <summary>Entries published of one visibility and change type.</summary>
internal sealed record EntryCountJson(string Visibility, string Type, int Count);

/// <summary>Internal entries one flag keeps in unreleased.md.</summary>
internal sealed record FlagCountJson(string Flag, int Count);

/// <summary>What <c>--bump auto</c> decided, and the entry that decided it.</summary>
internal sealed record BumpDecisionJson(string Bump, string Wanted, bool Breaking, string File, int Line, string Visibility, string Type, string Entry);

/// <summary>The whole report.</summary>
internal sealed record PromotionJson(
    string Status,
    string Version,
    string Date,
    IReadOnlyList<string> Files,
    IReadOnlyList<EntryCountJson> Published,
    IReadOnlyList<FlagCountJson> InternalLeftBehind,
    BumpDecisionJson? Bump,
    string? Commit,
    string? Tag,
    string? PublishedText,
    string? Message);

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PromotionJson))]
internal sealed partial class PromotionReportJsonContext : JsonSerializerContext;
