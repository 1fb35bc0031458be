using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using BfReleaseNotes.Model;
using BfReleaseNotes.Workspace;

namespace BfReleaseNotes.Migration;

/// <summary>
/// How a ClickUp CSV export becomes release notes: which columns give the release, the entry text, the change
/// type and the visibility, which rows count, and (for the one-row-per-release shape) which headings of a
/// task's content mean what. Read from JSON (see <c>migration/README.md</c>) with <see cref="Load"/>, which
/// checks everything a run needs before a single row is read.
/// </summary>
/// <param name="Shape">How the history was kept: one row per entry, or one row per release.</param>
/// <param name="Separator">The CSV field separator (ClickUp writes <c>,</c>).</param>
/// <param name="TaskId">Aliases of the task-id column.</param>
/// <param name="Status">Aliases of the status column, or empty when every status counts.</param>
/// <param name="Statuses">Statuses that count (matched ignoring case and surrounding whitespace); empty: all.</param>
/// <param name="List">Aliases of the list column (needed only to filter by list).</param>
/// <param name="Folder">Aliases of the folder column (needed only to filter by folder).</param>
/// <param name="Lists">Lists whose rows count; empty: all.</param>
/// <param name="Folders">Folders whose rows count; empty: all.</param>
/// <param name="TaskDate">Aliases of the column that orders entries inside a release (e.g. Date Created), or empty.</param>
/// <param name="Version">Aliases of the column that gives the release version.</param>
/// <param name="VersionPattern">Finds the version in that column's value by its named group <c>version</c>; null: the value verbatim.</param>
/// <param name="CompletePartialVersions">Whether <c>3.14</c> becomes <c>3.14.0</c>.</param>
/// <param name="ReleaseDate">Aliases of the column that gives the release date.</param>
/// <param name="ExporterUtcOffset">The UTC offset of the person who exported, to recognise date-only epoch values (stored at 4:00 AM local); null when unknown.</param>
/// <param name="Text">Aliases of the column that gives the entry text (one-row-per-entry) or the whole note (one-row-per-release).</param>
/// <param name="Details">Aliases of a column appended to the entry as a nested paragraph, or empty.</param>
/// <param name="TypeFrom">Aliases of the column whose values give the change type, or empty.</param>
/// <param name="TypeValues">Column values (lower case) to change types.</param>
/// <param name="DefaultType">The change type when the column gives none; null: such a row is rejected.</param>
/// <param name="VisibilityFrom">Aliases of the column whose values give the visibility, or empty.</param>
/// <param name="VisibilityValues">Column values (lower case) to visibilities.</param>
/// <param name="DefaultVisibility">The visibility when the column gives none.</param>
/// <param name="Headings">One-row-per-release: content headings (lower case) to what they mean.</param>
/// <param name="TaskUrl">The address of a task, <c>{id}</c> standing for its id, for the reference link.</param>
public sealed record ClickUpMapping(
    HistoryShape Shape,
    char Separator,
    ImmutableArray<string> TaskId,
    ImmutableArray<string> Status,
    ImmutableArray<string> Statuses,
    ImmutableArray<string> List,
    ImmutableArray<string> Folder,
    ImmutableArray<string> Lists,
    ImmutableArray<string> Folders,
    ImmutableArray<string> TaskDate,
    ImmutableArray<string> Version,
    Regex? VersionPattern,
    bool CompletePartialVersions,
    ImmutableArray<string> ReleaseDate,
    TimeSpan? ExporterUtcOffset,
    ImmutableArray<string> Text,
    ImmutableArray<string> Details,
    ImmutableArray<string> TypeFrom,
    ImmutableDictionary<string, ChangeType> TypeValues,
    ChangeType? DefaultType,
    ImmutableArray<string> VisibilityFrom,
    ImmutableDictionary<string, Visibility> VisibilityValues,
    Visibility DefaultVisibility,
    ImmutableDictionary<string, HeadingMeaning> Headings,
    string TaskUrl)
{
    /// <summary>How long a user's regular expression may run on one value before the row is rejected.</summary>
    public static TimeSpan RegexTimeout { get; } = TimeSpan.FromSeconds(1);

    /// <summary>Reads and checks a mapping file.</summary>
    /// <exception cref="EnvironmentException">The file cannot be read, is not valid JSON, has an unknown or
    /// missing setting, an unknown change type or visibility, or an invalid regular expression.</exception>
    /// <example><code>var mapping = ClickUpMapping.Load("migration/clickup-mapping.json");</code></example>
    public static ClickUpMapping Load(string path) =>
        // A null path is refused by the reader as 'path', before anything is read.
        Parse(InputFile.ReadAllBytes(path, "the mapping", InputFile.MaxSettingsBytes), path);

    /// <summary>Parses and checks mapping JSON; <paramref name="file"/> names it in messages.</summary>
    /// <exception cref="EnvironmentException">See <see cref="Load"/>.</exception>
    public static ClickUpMapping Parse(ReadOnlySpan<byte> json, string file)
    {
        ArgumentNullException.ThrowIfNull(file);
        MappingJson? raw;
        try
        {
            raw = JsonSerializer.Deserialize(json, MappingJsonContext.Default.MappingJson);
        }
        catch (JsonException exception)
        {
            // The same wording as config.json: file:line:col, the key, the valid keys there.
            throw new EnvironmentException($"{Configuration.JsonErrorFormatter.Format(exception, file, MappingJsonContext.Default.MappingJson)}. The mapping is not valid; see migration/README.md for the format.", exception);
        }

        if (raw is null)
        {
            throw new EnvironmentException($"{file}: the mapping is empty (null); see migration/README.md for the format");
        }

        return new MappingChecker(file).Check(raw);
    }

    /// <summary>The address of a task.</summary>
    public string TaskAddress(string taskId) => TaskUrl.Replace("{id}", taskId, StringComparison.Ordinal);

    private sealed class MappingChecker(string file)
    {
        public ClickUpMapping Check(MappingJson raw)
        {
            var shape = raw.Shape?.Trim().ToLowerInvariant() switch
            {
                "entry-per-row" => HistoryShape.EntryPerRow,
                "release-per-row" => HistoryShape.ReleasePerRow,
                _ => throw Fail($"'shape' is '{raw.Shape}'; use \"entry-per-row\" or \"release-per-row\""),
            };
            var separator = raw.Separator ?? ",";
            if (separator.Length != 1 || separator[0] is '"' or '\r' or '\n' || separator[0] > 127)
            {
                throw Fail($"'separator' is '{separator}'; use one ASCII character such as \",\" or \";\"");
            }

            var columns = raw.Columns ?? new ColumnsJson(null, null, null, null, null);
            var release = raw.Release ?? throw Fail("'release' is missing; it says which columns give the version and the date");
            var entry = raw.Entry ?? throw Fail("'entry' is missing; it says which column gives the text");
            var statuses = Names(raw.Statuses);
            var filter = raw.Filter ?? new FilterJson(null, null);
            var lists = Names(filter.Lists);
            var folders = Names(filter.Folders);
            var status = Aliases(columns.Status);
            var list = Aliases(columns.List);
            var folder = Aliases(columns.Folder);
            Require(statuses.IsEmpty || !status.IsEmpty, "'statuses' is set but 'columns.status' is not; name the status column");
            Require(lists.IsEmpty || !list.IsEmpty, "'filter.lists' is set but 'columns.list' is not; name the list column");
            Require(folders.IsEmpty || !folder.IsEmpty, "'filter.folders' is set but 'columns.folder' is not; name the folder column");

            var types = raw.Types ?? new ValuesJson(null, null, null);
            var typeValues = types.Values ?? new Dictionary<string, string>();
            var visibility = raw.Visibility ?? new ValuesJson(null, null, null);
            var visibilityValues = visibility.Values ?? new Dictionary<string, string>();
            var headings = ImmutableDictionary.CreateBuilder<string, HeadingMeaning>(StringComparer.Ordinal);
            foreach (var (name, meaning) in raw.Content?.Headings ?? new Dictionary<string, HeadingJson>())
            {
                var key = HeadingKey(name);
                Require(key.Length > 0, "'content.headings' has an empty heading name");
                Require(!headings.ContainsKey(key), $"'content.headings' names '{name}' twice");
                headings[key] = new HeadingMeaning(
                    meaning.Type is null ? null : TypeOf(meaning.Type, $"content.headings.{name}.type"),
                    meaning.Visibility is null ? null : VisibilityOf(meaning.Visibility, $"content.headings.{name}.visibility"));
            }

            var defaultType = raw.Content?.DefaultType ?? types.Default;
            if (shape == HistoryShape.ReleasePerRow)
            {
                Require(defaultType is not null, "'content.defaultType' is missing; text under no known heading needs a change type");
            }

            var offset = release.ExporterUtcOffset is null ? (TimeSpan?)null : OffsetOf(release.ExporterUtcOffset);
            var taskUrl = raw.TaskUrl ?? "https://app.clickup.com/t/{id}";
            Require(taskUrl.Contains("{id}", StringComparison.Ordinal) && !taskUrl.Any(char.IsWhiteSpace),
                $"'taskUrl' is '{taskUrl}'; it must hold '{{id}}' and no spaces, e.g. \"https://app.clickup.com/t/{{id}}\"");

            return new ClickUpMapping(
                shape,
                separator[0],
                Aliases(columns.TaskId, required: "columns.taskId"),
                status,
                statuses,
                list,
                folder,
                lists,
                folders,
                Aliases(columns.TaskDate),
                Aliases(release.Version, required: "release.version"),
                release.VersionPattern is null ? null : PatternOf(release.VersionPattern),
                release.CompletePartialVersions ?? false,
                Aliases(release.Date, required: "release.date"),
                offset,
                Aliases(entry.Text, required: "entry.text"),
                Aliases(entry.Details),
                Aliases(types.From),
                typeValues.ToImmutableDictionary(pair => ValueKey(pair.Key), pair => TypeOf(pair.Value, $"types.values.{pair.Key}"), StringComparer.Ordinal),
                defaultType is null ? null : TypeOf(defaultType, "types.default"),
                Aliases(visibility.From),
                visibilityValues.ToImmutableDictionary(pair => ValueKey(pair.Key), pair => VisibilityOf(pair.Value, $"visibility.values.{pair.Key}"), StringComparer.Ordinal),
                visibility.Default is null ? Model.Visibility.Public : VisibilityOf(visibility.Default, "visibility.default"),
                headings.ToImmutable(),
                taskUrl);
        }

        private Regex PatternOf(string pattern)
        {
            Regex regex;
            try
            {
                regex = new Regex(pattern, RegexOptions.None, RegexTimeout);
            }
            catch (ArgumentException exception)
            {
                throw Fail($"'release.versionPattern' is not a valid regular expression: {exception.Message}");
            }

            Require(regex.GetGroupNames().Contains("version", StringComparer.Ordinal),
                $"'release.versionPattern' has no group named 'version'; write it as (?<version>...), e.g. \"v(?<version>\\\\d+\\\\.\\\\d+(\\\\.\\\\d+)?)\"");
            return regex;
        }

        private TimeSpan OffsetOf(string text)
        {
            Require(ClickUpDateParser.TryParseOffset(text.Trim(), out var offset),
                $"'release.exporterUtcOffset' is '{text}'; write it as +05:30 or -04:00");
            return offset;
        }

        private ChangeType TypeOf(string value, string where) =>
            Enum.TryParse<ChangeType>(value.Trim(), ignoreCase: true, out var type) && Enum.IsDefined(type) && !int.TryParse(value, out _)
                ? type
                : throw Fail($"'{where}' is '{value}'; use one of {string.Join(", ", Enum.GetNames<ChangeType>())}");

        private Visibility VisibilityOf(string value, string where) =>
            Enum.TryParse<Visibility>(value.Trim(), ignoreCase: true, out var visibility) && Enum.IsDefined(visibility) && !int.TryParse(value, out _)
                ? visibility
                : throw Fail($"'{where}' is '{value}'; use one of {string.Join(", ", Enum.GetNames<Visibility>())}");

        private ImmutableArray<string> Aliases(IReadOnlyList<string>? names, string? required = null)
        {
            var aliases = Names(names);
            if (required is not null && aliases.IsEmpty)
            {
                throw Fail($"'{required}' is missing; give the column name and its aliases, e.g. [\"Task ID\"]");
            }

            return aliases;
        }

        private ImmutableArray<string> Names(IReadOnlyList<string>? names)
        {
            if (names is null)
            {
                return [];
            }

            Require(names.All(name => !string.IsNullOrWhiteSpace(name)), "a list of names holds an empty name");
            return [.. names.Select(name => name.Trim())];
        }

        private void Require(bool condition, string message)
        {
            if (!condition)
            {
                throw Fail(message);
            }
        }

        private EnvironmentException Fail(string message) =>
            new($"{file}: the mapping is not valid: {message}. See migration/README.md for the format.");
    }

    /// <summary>A value of a type or visibility column as it is matched: trimmed, lower case.</summary>
    internal static string ValueKey(string value) => value.Trim().ToLowerInvariant();

    /// <summary>A content heading as it is matched: without markup, trailing colon, case or extra spaces.</summary>
    internal static string HeadingKey(string heading)
    {
        var key = heading.Trim().Trim('*', '_').Trim().TrimEnd(':').Trim().Trim('*', '_').Trim();
        return string.Join(' ', key.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
    }
}

internal sealed record MappingJson(
    string? Shape,
    string? Separator,
    ColumnsJson? Columns,
    ReleaseJson? Release,
    EntryJson? Entry,
    ValuesJson? Types,
    ValuesJson? Visibility,
    IReadOnlyList<string>? Statuses,
    FilterJson? Filter,
    ContentJson? Content,
    string? TaskUrl,
    [property: JsonPropertyName("$comment")] string? Comment);

internal sealed record ColumnsJson(
    IReadOnlyList<string>? TaskId,
    IReadOnlyList<string>? Status,
    IReadOnlyList<string>? List,
    IReadOnlyList<string>? Folder,
    IReadOnlyList<string>? TaskDate);

internal sealed record ReleaseJson(
    IReadOnlyList<string>? Version,
    string? VersionPattern,
    bool? CompletePartialVersions,
    IReadOnlyList<string>? Date,
    string? ExporterUtcOffset);

internal sealed record EntryJson(IReadOnlyList<string>? Text, IReadOnlyList<string>? Details);

internal sealed record ValuesJson(IReadOnlyList<string>? From, Dictionary<string, string>? Values, string? Default);

internal sealed record FilterJson(IReadOnlyList<string>? Lists, IReadOnlyList<string>? Folders);

internal sealed record ContentJson(Dictionary<string, HeadingJson>? Headings, string? DefaultType);

internal sealed record HeadingJson(string? Type, string? Visibility);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = true,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(MappingJson))]
internal sealed partial class MappingJsonContext : JsonSerializerContext;
