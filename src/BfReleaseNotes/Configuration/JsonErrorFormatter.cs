using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using BfReleaseNotes.Text;

namespace BfReleaseNotes.Configuration;

/// <summary>
/// Words a <see cref="JsonException"/> from a source-generated, strict deserializer the way a user can act on:
/// <c>file:line:column</c>, what is wrong in plain words, and the keys valid at that place, read from the
/// generated metadata (so a new configuration section is described without touching this type).
/// </summary>
internal static partial class JsonErrorFormatter
{
    /// <summary>The message for <paramref name="exception"/>, thrown while reading <paramref name="file"/> as <paramref name="root"/>.</summary>
    public static string Format(JsonException exception, string file, JsonTypeInfo root)
    {
        var (line, column, message) = Describe(exception, root);
        return $"{file}:{line}:{column}: {message}";
    }

    /// <summary>Where <paramref name="exception"/> happened (1-based line and column) and what it means, without the file.</summary>
    public static (int Line, int Column, string Message) Describe(JsonException exception, JsonTypeInfo root)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var line = (int)(exception.LineNumber ?? 0) + 1;
        var column = (int)(exception.BytePositionInLine ?? 0) + 1;
        return (line, column, Explain(exception, root));
    }

    private static string Explain(JsonException exception, JsonTypeInfo root)
    {
        var (owner, ownerName, last) = Walk(root, Segments(exception.Path));
        var message = exception.Message;

        var unknown = UnknownProperty().Match(message);
        if (unknown.Success)
        {
            var key = unknown.Groups["key"].Value;
            var target = Described(owner, ownerName);
            var valid = Keys(target.Info);
            var closest = Suggestion.Closest(key, valid, 1);
            return $"unknown key \"{key}\" in {target.Name}{(closest.Count > 0 ? $"; did you mean \"{closest[0]}\"?" : string.Empty)} The valid keys there are {Suggestion.OrList(valid, "\"").Replace(" or ", " and ", StringComparison.Ordinal)}";
        }

        if (last is not null && message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal))
        {
            return $"\"{last.Name}\" must be {Expected(last.PropertyType, owner.Options)}";
        }

        // Malformed JSON: keep the reader's own reason, without the position suffix we already print.
        var reason = message;
        var cut = reason.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut < 0)
        {
            cut = reason.IndexOf(" LineNumber:", StringComparison.Ordinal);
        }

        if (cut > 0)
        {
            reason = reason[..cut];
        }

        return $"not valid JSON: {reason.TrimEnd('.', ' ')}; fix the syntax (comments and trailing commas are allowed)";
    }

    /// <summary>The JSON names of an object's keys, in declaration order.</summary>
    public static IReadOnlyList<string> Keys(JsonTypeInfo info) =>
        info.Kind == JsonTypeInfoKind.Object ? [.. info.Properties.Select(property => property.Name)] : [];

    private static (JsonTypeInfo Info, string Name) Described(JsonTypeInfo info, string? name) =>
        (info, name is null ? "the top level" : $"\"{name}\"");

    private static string Expected(Type type, JsonSerializerOptions options)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying == typeof(string))
        {
            return "a string (text in double quotes)";
        }

        if (underlying == typeof(bool))
        {
            return "true or false";
        }

        if (underlying == typeof(int) || underlying == typeof(long) || underlying == typeof(double))
        {
            return "a number";
        }

        var info = options.TypeInfoResolver?.GetTypeInfo(underlying, options);
        return info?.Kind switch
        {
            JsonTypeInfoKind.Enumerable => info.ElementType == typeof(string) ? "an array of strings, e.g. [\"a\", \"b\"]" : "an array",
            JsonTypeInfoKind.Object => $"an object with the keys {Suggestion.OrList(Keys(info), "\"").Replace(" or ", " and ", StringComparison.Ordinal)}",
            JsonTypeInfoKind.Dictionary => "an object",
            _ => "a value of another type",
        };
    }

    /// <summary>
    /// Follows the exception's JSON path through the metadata: the innermost object it reaches, that object's
    /// key name, and the last property matched (the one whose value was wrong).
    /// </summary>
    private static (JsonTypeInfo Owner, string? OwnerName, JsonPropertyInfo? Last) Walk(JsonTypeInfo root, IReadOnlyList<string> segments)
    {
        var owner = root;
        string? ownerName = null;
        JsonPropertyInfo? last = null;
        foreach (var segment in segments)
        {
            if (owner.Kind != JsonTypeInfoKind.Object)
            {
                break;
            }

            var property = owner.Properties.FirstOrDefault(candidate => candidate.Name == segment);
            if (property is null)
            {
                break;
            }

            last = property;
            var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            var next = owner.Options.TypeInfoResolver?.GetTypeInfo(type, owner.Options);
            if (next is null || next.Kind != JsonTypeInfoKind.Object)
            {
                break;
            }

            owner = next;
            ownerName = segment;
        }

        return (owner, ownerName, last);
    }

    /// <summary>The property names of a path such as <c>$.add.type</c>, <c>$['$schema']</c> or <c>$.ignore[0]</c> (indexes dropped).</summary>
    private static List<string> Segments(string? path)
    {
        var segments = new List<string>();
        if (string.IsNullOrEmpty(path))
        {
            return segments;
        }

        foreach (Match match in PathSegment().Matches(path))
        {
            var name = match.Groups["dotted"].Success ? match.Groups["dotted"].Value : match.Groups["quoted"].Value;
            if (name.Length > 0)
            {
                segments.Add(name);
            }
        }

        return segments;
    }

    [GeneratedRegex(@"The JSON property '(?<key>[^']*)' could not be mapped")]
    private static partial Regex UnknownProperty();

    [GeneratedRegex(@"\.(?<dotted>[^.\[]+)|\['(?<quoted>[^']*)'\]|\[\d+\]")]
    private static partial Regex PathSegment();
}
