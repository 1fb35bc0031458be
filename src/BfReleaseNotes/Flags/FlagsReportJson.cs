using System.Text.Json;
using System.Text.Json.Serialization;

namespace BfReleaseNotes.Flags;

/// <summary>
/// The feature flags of the Internal section as JSON, the report of <c>flags --format json</c>: <c>flags</c>, one
/// object per flag in file order with its <c>key</c>, <c>total</c> (entries) and <c>counts</c> (entries per change
/// type, e.g. <c>{"Added": 2, "Fixed": 1}</c>, in the order of the change types).
/// </summary>
/// <example>
/// <code>
/// Console.WriteLine(FlagsReportJson.Serialize(FlagInventory.Collect(document)));
/// </code>
/// </example>
public static class FlagsReportJson
{
    /// <summary>The report as indented JSON (no trailing line break).</summary>
    /// <param name="flags">What <see cref="FlagInventory.Collect"/> found.</param>
    /// <exception cref="ArgumentNullException"><paramref name="flags"/> is null.</exception>
    public static string Serialize(IEnumerable<FlagStatus> flags)
    {
        ArgumentNullException.ThrowIfNull(flags);
        var report = new FlagListJson([.. flags.Select(flag => new FlagCountsJson(
            flag.Key,
            flag.Total,
            flag.Counts.ToDictionary(pair => pair.Key.ToString(), pair => pair.Value, StringComparer.Ordinal)))]);
        return JsonSerializer.Serialize(report, FlagsReportJsonContext.Default.FlagListJson);
    }
}

/// <summary>One flag and its entry counts.</summary>
internal sealed record FlagCountsJson(string Key, int Total, IReadOnlyDictionary<string, int> Counts);

/// <summary>The whole report.</summary>
internal sealed record FlagListJson(IReadOnlyList<FlagCountsJson> Flags);

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(FlagListJson))]
internal sealed partial class FlagsReportJsonContext : JsonSerializerContext;
