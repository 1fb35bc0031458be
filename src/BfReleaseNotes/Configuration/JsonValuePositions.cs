using System.Globalization;
using System.Text;
using System.Text.Json;

namespace BfReleaseNotes.Configuration;

/// <summary>
/// Where each value of a JSON document starts, by its path (<c>folder</c>, <c>ignore[2]</c>,
/// <c>projects[1].paths[0]</c>): the deserializer keeps no positions, so a value it read but the configuration's rules
/// refuse is found here, and its error points at the line and column of that value.
/// </summary>
internal sealed class JsonValuePositions
{
    private readonly Dictionary<string, (int Line, int Column)> _positions;

    private JsonValuePositions(Dictionary<string, (int Line, int Column)> positions) => _positions = positions;

    /// <summary>Indexes <paramref name="json"/> (comments and trailing commas allowed, as the configuration reader allows them).</summary>
    public static JsonValuePositions Index(ReadOnlySpan<byte> json)
    {
        var positions = new Dictionary<string, (int Line, int Column)>(StringComparer.Ordinal);
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        // Each open container: its path, and for an array the index of its next element.
        var containers = new Stack<(string Path, bool IsArray, int Next)>();
        string? property = null;
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName)
                {
                    property = reader.GetString();
                    continue;
                }

                if (reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
                {
                    containers.Pop();
                    continue;
                }

                var path = PathOfValue(containers, property);
                positions.TryAdd(path, Position(json, reader.TokenStartIndex));
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    containers.Push((path, reader.TokenType == JsonTokenType.StartArray, 0));
                }
            }
        }
        catch (JsonException)
        {
            // A document the deserializer refused is reported from its exception; what was indexed is kept.
        }

        return new JsonValuePositions(positions);
    }

    /// <summary>
    /// The position of the value at <paramref name="path"/>, else of the nearest enclosing value that exists (a
    /// missing <c>projects[1].paths</c> points at <c>projects[1]</c>), else line 1, column 1.
    /// </summary>
    public (int Line, int Column) Of(string? path)
    {
        while (!string.IsNullOrEmpty(path))
        {
            if (_positions.TryGetValue(path, out var position))
            {
                return position;
            }

            var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
            path = cut > 0 ? path[..cut] : null;
        }

        return (1, 1);
    }

    private static string PathOfValue(Stack<(string Path, bool IsArray, int Next)> containers, string? property)
    {
        if (containers.Count == 0)
        {
            return string.Empty;
        }

        var (parent, isArray, next) = containers.Pop();
        containers.Push((parent, isArray, next + (isArray ? 1 : 0)));
        if (isArray)
        {
            return $"{parent}[{next.ToString(CultureInfo.InvariantCulture)}]";
        }

        return parent.Length == 0 ? property ?? string.Empty : $"{parent}.{property}";
    }

    /// <summary>1-based line, and column in characters, of the byte at <paramref name="offset"/>.</summary>
    private static (int Line, int Column) Position(ReadOnlySpan<byte> json, long offset)
    {
        var before = json[..(int)offset];
        var line = 1;
        var lineStart = 0;
        for (var index = 0; index < before.Length; index++)
        {
            if (before[index] == (byte)'\n')
            {
                line++;
                lineStart = index + 1;
            }
        }

        return (line, Encoding.UTF8.GetCharCount(before[lineStart..]) + 1);
    }
}
