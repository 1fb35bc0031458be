using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace BfReleaseNotes.Flags;

/// <summary>
/// Reads a feature-flag registry file: a JSON object listing every flag the team has, and optionally its state
/// per environment (the format is in the README, section "Feature flags: checking rollout status", and in
/// <c>docs/flag-registry.schema.json</c>):
/// <code>
/// {
///   "flags": [
///     { "key": "new-editor", "environments": { "production": { "state": "on" }, "*": { "state": "internal" } } },
///     { "key": "fast-search", "environments": { "production": { "state": "percentage", "percentage": 25 } } },
///     { "key": "old-export", "removed": true },
///     { "key": "dark-mode" }
///   ]
/// }
/// </code>
/// An environment's own entry wins over <c>"*"</c>; a flag with neither is known but its state is unspecified.
/// Unknown keys are errors (a misspelt <c>"state"</c> must not pass silently).
/// </summary>
public static class FlagRegistryFile
{
    /// <summary>The state names of the file format, in order from closed to open.</summary>
    public static ImmutableArray<string> StateNames { get; } = ["off", "internal", "percentage", "beta", "on", "removed"];

    /// <summary>
    /// Parses a registry file's bytes and resolves every flag's state in <paramref name="environment"/>. Returns
    /// false with a message naming the file (with line and column for JSON errors) and what to do.
    /// </summary>
    /// <example><code>FlagRegistryFile.TryParse(File.ReadAllBytes(path), path, "production", out var registry, out var error);</code></example>
    public static bool TryParse(ReadOnlySpan<byte> json, string file, string environment, [NotNullWhen(true)] out FlagRegistry? registry, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(environment);
        registry = null;
        if (json.StartsWith(Encoding.UTF8.Preamble))
        {
            json = json[3..];
        }

        RegistryFileJson? parsed;
        try
        {
            parsed = JsonSerializer.Deserialize(json, FlagRegistryJsonContext.Default.RegistryFileJson);
        }
        catch (JsonException exception)
        {
            var line = (exception.LineNumber ?? 0) + 1;
            var column = (exception.BytePositionInLine ?? 0) + 1;
            // The parser's message ends with " Path: $.x | LineNumber: ..."; the path is given below in our words.
            var reason = exception.Message.Split(" Path:", 2)[0];

            error = $"{file}:{line}:{column}: {reason.TrimEnd('.')} (at '{exception.Path}'); {FormatHint}";
            return false;
        }

        if (parsed?.Flags is null)
        {
            error = $"{file}:1:1: the registry must be a JSON object with a \"flags\" array; {FormatHint}";
            return false;
        }

        var flags = ImmutableArray.CreateBuilder<RegisteredFlag>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var index = 0; index < parsed.Flags.Count; index++)
        {
            var where = $"{file}: flags[{index.ToString(CultureInfo.InvariantCulture)}]";
            var flag = parsed.Flags[index];
            if (flag is null || string.IsNullOrWhiteSpace(flag.Key))
            {
                error = $"{where} has no \"key\"; every flag needs its key, e.g. {{ \"key\": \"new-editor\" }}";
                return false;
            }

            if (!seen.Add(flag.Key))
            {
                error = $"{where}: the flag '{flag.Key}' is listed twice; keep one entry per flag";
                return false;
            }

            if (!TryResolve(flag, environment, $"{where} ('{flag.Key}')", out var registered, out error))
            {
                return false;
            }

            flags.Add(registered);
        }

        registry = new FlagRegistry(file, environment, flags.ToImmutable());
        error = null;
        return true;
    }

    private const string FormatHint =
        "the file holds { \"flags\": [ { \"key\": \"new-editor\", \"removed\": false, \"environments\": { \"production\": { \"state\": \"on\" } } } ] } " +
        "with states off, internal, percentage (with \"percentage\": 1-99), beta, on, removed";

    private static bool TryResolve(FlagJson flag, string environment, string where, [NotNullWhen(true)] out RegisteredFlag? registered, [NotNullWhen(false)] out string? error)
    {
        registered = null;
        var key = flag.Key!;
        foreach (var (name, state) in flag.Environments ?? new Dictionary<string, EnvironmentStateJson?>())
        {
            if (!TryState(state, $"{where} environment '{name}'", out _, out _, out error))
            {
                return false;
            }
        }

        if (flag.Removed == true)
        {
            registered = new RegisteredFlag(key, FlagState.Removed, null, "marked \"removed\" in the registry");
            error = null;
            return true;
        }

        string? scope = null;
        EnvironmentStateJson? chosen = null;
        if (flag.Environments is not null)
        {
            // Validation refused an environment written as null, so a value found here is a state.
            if (flag.Environments.TryGetValue(environment, out var own))
            {
                (scope, chosen) = (environment, own);
            }
            else if (flag.Environments.TryGetValue("*", out var any))
            {
                (scope, chosen) = ("*", any);
            }
        }

        if (chosen is null)
        {
            registered = new RegisteredFlag(key, FlagState.Unspecified, null, $"no state for '{environment}' or '*' in the registry");
            error = null;
            return true;
        }

        TryState(chosen, where, out var resolved, out var percentage, out _);
        error = null;
        registered = new RegisteredFlag(key, resolved, percentage, $"state '{chosen.State}'{(percentage is null ? string.Empty : $" {percentage}%")} for environment '{scope}' in the registry");
        return true;
    }

    private static bool TryState(EnvironmentStateJson? state, string where, out FlagState resolved, out int? percentage, [NotNullWhen(false)] out string? error)
    {
        resolved = FlagState.Unspecified;
        percentage = null;
        var name = state?.State;
        switch (name)
        {
            case "off": resolved = FlagState.Off; break;
            case "internal": resolved = FlagState.Internal; break;
            case "beta": resolved = FlagState.Beta; break;
            case "on": resolved = FlagState.On; break;
            case "removed": resolved = FlagState.Removed; break;
            case "percentage":
                if (state!.Percentage is not (>= 0 and <= 100))
                {
                    error = $"{where}: state 'percentage' needs \"percentage\": a whole number from 0 to 100";
                    return false;
                }

                // 100% is everyone and 0% nobody: the words say what a reader of the notes needs to know.
                resolved = state.Percentage switch { 100 => FlagState.On, 0 => FlagState.Off, _ => FlagState.Percentage };
                percentage = resolved == FlagState.Percentage ? state.Percentage : null;
                break;
            default:
                error = $"{where}: the state is '{name}'; write one of {string.Join(", ", StateNames)}";
                return false;
        }

        if (name != "percentage" && state!.Percentage is not null)
        {
            error = $"{where}: \"percentage\" goes with the state 'percentage' only, not '{name}'";
            return false;
        }

        error = null;
        return true;
    }
}

/// <summary>A registry file as JSON.</summary>
internal sealed class RegistryFileJson
{
    [JsonPropertyName("$schema")]
    public string? Schema { get; set; }

    public IReadOnlyList<FlagJson?>? Flags { get; set; }
}

/// <summary>One flag of a registry file.</summary>
internal sealed class FlagJson
{
    public string? Key { get; set; }

    public string? Description { get; set; }

    public bool? Removed { get; set; }

    public IReadOnlyDictionary<string, EnvironmentStateJson?>? Environments { get; set; }
}

/// <summary>A flag's state in one environment.</summary>
internal sealed class EnvironmentStateJson
{
    public string? State { get; set; }

    public int? Percentage { get; set; }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(RegistryFileJson))]
internal sealed partial class FlagRegistryJsonContext : JsonSerializerContext;
