using System.Collections.Immutable;
using System.Text.RegularExpressions;
using BfReleaseNotes.Workspace;

namespace BfReleaseNotes.Migration;

/// <summary>
/// Finds the mapping's columns in an export's header. Names match ignoring case and surrounding whitespace; an
/// alias without a field type (<c>Release</c>) also matches a custom field <c>Release (drop down)</c> when only one
/// column has that name (the type is the last parenthesised group). A date column's text twin is the column of
/// the same name followed by <c>Text</c> (<c>Date Created</c> / <c>Date Created Text</c>).
/// </summary>
internal sealed partial class ClickUpColumns
{
    private readonly ImmutableArray<string> _headers;
    private readonly ImmutableArray<string> _keys;
    private readonly string _file;

    public ClickUpColumns(IReadOnlyList<string> headers, string file)
    {
        _headers = [.. headers.Select(header => header.Trim().Trim('\uFEFF').Trim())];
        _keys = [.. _headers.Select(Key)];
        _file = file;
    }

    /// <summary>The header names, trimmed.</summary>
    public ImmutableArray<string> Headers => _headers;

    /// <summary>The index of the first alias the header has, -1 for no aliases.</summary>
    /// <exception cref="EnvironmentException">None of the aliases is in the header, or one is ambiguous.</exception>
    public int Find(ImmutableArray<string> aliases, string setting)
    {
        if (aliases.IsEmpty)
        {
            return -1;
        }

        foreach (var alias in aliases)
        {
            var key = Key(alias);
            var exact = Enumerable.Range(0, _keys.Length).Where(i => _keys[i] == key).ToList();
            if (exact.Count == 1)
            {
                return exact[0];
            }

            // Stryker disable once Equality : a count of exactly one has returned above, so '>= 1' meets the same counts
            if (exact.Count > 1)
            {
                throw new EnvironmentException($"{_file}: the column '{alias}' ({setting}) appears {exact.Count} times in the header; give it a field type, e.g. '{alias} (drop down)', or remove the duplicate");
            }

            if (FieldType().IsMatch(alias))
            {
                continue;
            }

            var byName = Enumerable.Range(0, _keys.Length).Where(i => NameKey(_keys[i]) == key).ToList();
            if (byName.Count == 1)
            {
                return byName[0];
            }

            // Stryker disable once Equality : a count of exactly one has returned above, so '>= 1' meets the same counts
            if (byName.Count > 1)
            {
                throw new EnvironmentException($"{_file}: '{alias}' ({setting}) matches {byName.Count} custom fields: {string.Join(", ", byName.Select(i => $"'{_headers[i]}'"))}; name the one to use with its type in the mapping");
            }
        }

        var closest = Closest(aliases);
        throw new EnvironmentException(
            $"{_file}: no column for {setting} ({string.Join(" or ", aliases.Select(alias => $"'{alias}'"))}); " +
            (closest is null ? string.Empty : $"the closest is '{closest}'; ") +
            $"the columns found are: {string.Join(", ", _headers.Select(header => $"'{header}'"))}. Add the right name to the mapping's aliases. Nothing was written.");
    }

    /// <summary>The text twin of a date column (<c>Date Created Text</c>), or -1.</summary>
    public int TextTwin(int column)
    {
        if (column < 0)
        {
            return -1;
        }

        var twin = _keys[column] + " text";
        return _keys.IndexOf(twin);
    }

    private string? Closest(ImmutableArray<string> aliases)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var alias in aliases)
        {
            foreach (var header in _headers)
            {
                var distance = Distance(Key(alias), NameKey(Key(header)));
                if (distance < bestDistance)
                {
                    bestDistance = distance;
                    best = header;
                }
            }
        }

        return best is not null && bestDistance <= Math.Max(3, aliases.Max(alias => alias.Length) / 2) ? best : null;
    }

    private static int Distance(string left, string right)
    {
        var previous = Enumerable.Range(0, right.Length + 1).ToArray();
        for (var i = 1; i <= left.Length; i++)
        {
            var current = new int[right.Length + 1];
            current[0] = i;
            for (var j = 1; j <= right.Length; j++)
            {
                var cost = left[i - 1] == right[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            previous = current;
        }

        return previous[right.Length];
    }

    private static string Key(string name) => string.Join(' ', name.Trim().Trim('\uFEFF').Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();

    /// <summary>A custom field's name without its type: <c>release (drop down)</c> gives <c>release</c>.</summary>
    private static string NameKey(string key)
    {
        var match = FieldType().Match(key);
        return match.Success ? key[..match.Index].TrimEnd() : key;
    }

    [GeneratedRegex(@"\s*\([^()]*\)$", RegexOptions.CultureInvariant)]
    private static partial Regex FieldType();
}
