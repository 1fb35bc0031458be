using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using BfReleaseNotes.Flags;

namespace BfReleaseNotes.Checks;

/// <summary>
/// The check's settings, from the optional <c>release-notes/config.json</c> of the base commit (a merge request
/// is judged by the rules of the branch it targets, never by its own):
/// <code>
/// {
///   "folder": "release-notes",
///   "ignore": ["docs/**", "*.md", ".gitlab-ci.yml"],
///   "labels": { "none": "release-notes::none", "edit": "release-notes::edit" },
///   "flags": { "registry": "gitlab", "environment": "production", "betaAudience": "beta-testers" }
/// }
/// </code>
/// Every key is optional; unknown keys are errors (a misspelt key must not be ignored silently).
/// </summary>
/// <param name="Folder">The release-notes folder, relative to the repository root; null keeps the default or <c>--dir</c>.</param>
/// <param name="Ignore">Paths that never need release notes: when every changed path matches one, the check passes as not relevant.</param>
/// <param name="NoneLabel">The merge-request label that opts out of release notes.</param>
/// <param name="EditLabel">The merge-request label that allows removing pending entries and changing published files.</param>
public sealed record CheckConfiguration(string? Folder, ImmutableArray<GlobPattern> Ignore, string NoneLabel, string EditLabel)
{
    /// <summary>The feature-flag registry settings (<c>"flags"</c>); null when the file has none.</summary>
    public FlagsConfiguration? Flags { get; init; }

    /// <summary>The file name of the configuration, inside the release-notes folder.</summary>
    public const string FileName = "config.json";

    /// <summary>The default opt-out label.</summary>
    public const string DefaultNoneLabel = "release-notes::none";

    /// <summary>The default label that allows removing pending entries and editing published files.</summary>
    public const string DefaultEditLabel = "release-notes::edit";

    /// <summary>The settings when there is no configuration file: nothing ignored, the default labels.</summary>
    public static CheckConfiguration Default { get; } = new(null, [], DefaultNoneLabel, DefaultEditLabel);

    /// <summary>
    /// Reads a configuration file's bytes. Returns false with a message that names the file, line and column
    /// and says what to do, when the JSON is malformed, a key is unknown or a value is not valid.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> json, string file, [NotNullWhen(true)] out CheckConfiguration? configuration, [NotNullWhen(false)] out string? error)
    {
        var parsed = TryRead(json, file, out configuration, out var located);
        error = located?.ToString();
        return parsed;
    }

    /// <summary>
    /// Reads a configuration file's bytes (for example a blob of the base commit). Returns false with the file, line
    /// and column of the problem when the JSON is malformed, a key is unknown or a value is not valid.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> json, string file, [NotNullWhen(true)] out CheckConfiguration? configuration, [NotNullWhen(false)] out ConfigurationError? error)
    {
        ArgumentNullException.ThrowIfNull(file);
        configuration = null;
        if (json.StartsWith(Encoding.UTF8.Preamble))
        {
            json = json[3..];
        }

        var text = Encoding.UTF8.GetString(json);
        ConfigurationFile? parsed;
        try
        {
            parsed = JsonSerializer.Deserialize(json, CheckConfigurationJsonContext.Default.ConfigurationFile);
        }
        catch (JsonException exception)
        {
            var line = (int)(exception.LineNumber ?? 0) + 1;
            var column = (int)(exception.BytePositionInLine ?? 0) + 1;
            var reason = exception.Message;
            var cut = reason.IndexOf(" Path:", StringComparison.Ordinal);
            if (cut > 0)
            {
                reason = reason[..cut];
            }

            error = new ConfigurationError(file, line, column, $"{reason.TrimEnd('.')} (at '{exception.Path}'); the file holds an object with the optional keys \"folder\" (string), \"ignore\" (array of path patterns) , \"labels\" (object with \"none\" and \"edit\"), \"release\" (object with the bump rules of promote --bump auto) and \"flags\" (object with \"registry\", \"environment\" and \"betaAudience\")");
            return false;
        }

        if (parsed is null)
        {
            error = new ConfigurationError(file, 1, 1, "the configuration must be a JSON object such as { \"ignore\": [\"docs/**\"] }");
            return false;
        }

        var ignore = ImmutableArray.CreateBuilder<GlobPattern>();
        foreach (var pattern in parsed.Ignore ?? [])
        {
            if (!GlobPattern.TryParse(pattern ?? string.Empty, out var glob, out var patternError))
            {
                error = At(file, text, pattern, patternError);
                return false;
            }

            ignore.Add(glob);
        }

        string? folder = null;
        if (parsed.Folder is not null)
        {
            folder = NormalizeFolder(parsed.Folder);
            if (folder is null)
            {
                error = At(file, text, parsed.Folder, $"\"folder\" is '{parsed.Folder}'; write a folder relative to the repository root with '/', e.g. \"release-notes\"");
                return false;
            }
        }

        var none = parsed.Labels?.None ?? DefaultNoneLabel;
        var edit = parsed.Labels?.Edit ?? DefaultEditLabel;
        if (string.IsNullOrWhiteSpace(none) || string.IsNullOrWhiteSpace(edit) || none.Contains(',', StringComparison.Ordinal) || edit.Contains(',', StringComparison.Ordinal))
        {
            var bad = string.IsNullOrWhiteSpace(none) || none.Contains(',', StringComparison.Ordinal) ? parsed.Labels?.None : parsed.Labels?.Edit;
            error = At(file, text, bad, $"the labels \"none\" ('{none}') and \"edit\" ('{edit}') must be GitLab label names: not empty, without ','");
            return false;
        }

        FlagsConfiguration? flags = null;
        if (parsed.Flags is not null && !FlagsConfiguration.TryCreate(parsed.Flags, file, out flags, out var flagsError))
        {
            // Point at the "flags" object: its message names the key that is wrong.
            error = At(file, text, "flags", flagsError.StartsWith(file + ": ", StringComparison.Ordinal) ? flagsError[(file.Length + 2)..] : flagsError);
            return false;
        }

        configuration = new CheckConfiguration(folder, ignore.ToImmutable(), none.Trim(), edit.Trim()) { Flags = flags };
        error = null;
        return true;
    }

    /// <summary>
    /// The rules that differ from <paramref name="other"/>, one sentence each (e.g. <c>folder 'release-notes' -&gt;
    /// 'changelog'</c>); empty when both decide alike (formatting and comments do not count).
    /// </summary>
    public ImmutableArray<string> DifferencesFrom(CheckConfiguration other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var differences = ImmutableArray.CreateBuilder<string>();
        if (Folder != other.Folder)
        {
            differences.Add($"\"folder\" '{other.Folder ?? "(default)"}' -> '{Folder ?? "(default)"}'");
        }

        var added = Ignore.Where(pattern => !other.Ignore.Contains(pattern)).Select(pattern => pattern.Text).ToList();
        var removed = other.Ignore.Where(pattern => !Ignore.Contains(pattern)).Select(pattern => pattern.Text).ToList();
        if (added.Count > 0)
        {
            differences.Add($"\"ignore\" adds {string.Join(", ", added.Select(pattern => $"'{pattern}'"))}");
        }

        if (removed.Count > 0)
        {
            differences.Add($"\"ignore\" drops {string.Join(", ", removed.Select(pattern => $"'{pattern}'"))}");
        }

        if (!string.Equals(NoneLabel, other.NoneLabel, StringComparison.Ordinal))
        {
            differences.Add($"\"labels.none\" '{other.NoneLabel}' -> '{NoneLabel}'");
        }

        if (!string.Equals(EditLabel, other.EditLabel, StringComparison.Ordinal))
        {
            differences.Add($"\"labels.edit\" '{other.EditLabel}' -> '{EditLabel}'");
        }

        return differences.ToImmutable();
    }

    /// <summary>An error at the first line that holds <paramref name="value"/> as a JSON string (line 1 when not found).</summary>
    private static ConfigurationError At(string file, string text, string? value, string message)
    {
        var quoted = JsonSerializer.Serialize(value ?? string.Empty, CheckConfigurationJsonContext.Default.String);
        var lines = text.Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            var column = lines[index].IndexOf(quoted, StringComparison.Ordinal);
            if (column < 0 && value is not null)
            {
                column = lines[index].IndexOf(value, StringComparison.Ordinal);
            }

            if (column >= 0)
            {
                return new ConfigurationError(file, index + 1, column + 1, message);
            }
        }

        return new ConfigurationError(file, 1, 1, message);
    }

    /// <summary>
    /// A folder as the repository tree names it: relative, <c>/</c>-separated, without <c>./</c> or a trailing
    /// <c>/</c> (<c>""</c> for the root); null when it leaves the repository or uses <c>\</c>.
    /// </summary>
    public static string? NormalizeFolder(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (folder.Contains('\\', StringComparison.Ordinal) || Path.IsPathRooted(folder))
        {
            return null;
        }

        var parts = folder.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(part => part != ".").ToArray();
        return parts.Contains("..") ? null : string.Join('/', parts);
    }

    /// <summary>True when the path matches one of the ignore patterns.</summary>
    public bool IsIgnored(string path) => Ignore.Any(pattern => pattern.IsMatch(path));

    /// <summary>Compares field by field (the ignore list by content).</summary>
    public bool Equals(CheckConfiguration? other) =>
        other is not null && Folder == other.Folder && Ignore.SequenceEqual(other.Ignore) && NoneLabel == other.NoneLabel && EditLabel == other.EditLabel && Flags == other.Flags;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Folder, Ignore.Length, NoneLabel, EditLabel);
}

/// <summary>The configuration file as JSON: every member optional.</summary>
internal sealed class ConfigurationFile
{
    public string? Folder { get; set; }

    public IReadOnlyList<string?>? Ignore { get; set; }

    public LabelsFile? Labels { get; set; }

    /// <summary>The release settings (<c>promote --bump auto</c>), read by <see cref="Promotion.ReleaseSettings"/>.</summary>
    public Promotion.ReleaseConfigurationFile? Release { get; set; }

    /// <summary>The feature-flag registry settings, owned by <see cref="FlagsConfiguration"/>.</summary>
    public FlagsConfigurationFile? Flags { get; set; }
}

/// <summary>The <c>labels</c> object of the configuration file.</summary>
internal sealed class LabelsFile
{
    public string? None { get; set; }

    public string? Edit { get; set; }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(ConfigurationFile))]
[JsonSerializable(typeof(string))]
internal sealed partial class CheckConfigurationJsonContext : JsonSerializerContext;
