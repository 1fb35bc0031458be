namespace BfReleaseNotes.Text;

/// <summary>
/// "Did you mean": the known names closest to a mistyped one. One definition of "close" for every place that
/// suggests (headings, flags, commands, options, configuration keys), so a far-off name is never offered.
/// </summary>
public static class Suggestion
{
    /// <summary>
    /// The candidates close to <paramref name="value"/> (ignoring case), closest first, at most
    /// <paramref name="limit"/>. A candidate is close when at most about a third of its letters differ
    /// (at least 2 edits allowed) or when one name starts with the other.
    /// </summary>
    /// <example><code>Suggestion.Closest("promot", ["promote", "render"]) // ["promote"]</code></example>
    public static IReadOnlyList<string> Closest(string value, IEnumerable<string> candidates, int limit = 3)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(candidates);
        var typed = value.ToUpperInvariant();
        return [.. candidates
            .Distinct(StringComparer.Ordinal)
            .Select(candidate => (Candidate: candidate, Distance: Distance(typed, candidate.ToUpperInvariant())))
            .Where(item => item.Distance <= Math.Max(2, item.Candidate.Length / 3) ||
                (typed.Length >= 3 && item.Candidate.StartsWith(value, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(item => item.Distance)
            .ThenBy(item => item.Candidate, StringComparer.Ordinal)
            .Take(limit)
            .Select(item => item.Candidate)];
    }

    /// <summary>Levenshtein distance; names here are short, so the quadratic table is fine.</summary>
    public static int Distance(string left, string right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        var previous = new int[right.Length + 1];
        var current = new int[right.Length + 1];
        for (var j = 0; j <= right.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= left.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= right.Length; j++)
            {
                var cost = left[i - 1] == right[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[right.Length];
    }

    /// <summary>Names as a sentence lists them: <c>'a'</c>, <c>'a' or 'b'</c>, <c>'a', 'b' or 'c'</c>.</summary>
    public static string OrList(IReadOnlyList<string> names, string quote = "'")
    {
        ArgumentNullException.ThrowIfNull(names);
        var quoted = names.Select(name => quote + name + quote).ToList();
        return quoted.Count <= 1 ? string.Concat(quoted) : string.Join(", ", quoted.Take(quoted.Count - 1)) + " or " + quoted[^1];
    }
}
