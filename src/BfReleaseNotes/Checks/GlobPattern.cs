using System.Diagnostics.CodeAnalysis;

namespace BfReleaseNotes.Checks;

/// <summary>
/// A path pattern of the check's ignore list, matched against repository-relative paths written with <c>/</c>.
/// <c>*</c> matches any characters except <c>/</c>, <c>?</c> one character except <c>/</c>, and a whole
/// segment <c>**</c> matches zero or more folders. A pattern without <c>/</c> matches a file name in any
/// folder (<c>*.md</c>), as in <c>.gitignore</c>; a pattern with <c>/</c> is matched from the repository root
/// (a leading <c>/</c> is allowed); a trailing <c>/</c> matches everything under a folder (<c>docs/</c>).
/// Matching is case-sensitive, like git on Linux.
/// </summary>
/// <example>
/// <code>
/// GlobPattern.Parse("docs/**/*.png").IsMatch("docs/img/a.png"); // true
/// GlobPattern.Parse("*.md").IsMatch("src/README.md");           // true
/// </code>
/// </example>
public sealed class GlobPattern : IEquatable<GlobPattern>
{
    private readonly string[] _segments;

    private GlobPattern(string text, string[] segments)
    {
        Text = text;
        _segments = segments;
    }

    /// <summary>The pattern as written.</summary>
    public string Text { get; }

    /// <summary>Parses a pattern; throws when it is empty or uses <c>\</c> or <c>..</c>.</summary>
    /// <exception cref="FormatException">The pattern is not valid; the message says why.</exception>
    public static GlobPattern Parse(string text)
    {
        // TryParse refuses a null text with ArgumentNullException("text").
        return TryParse(text, out var pattern, out var error) ? pattern : throw new FormatException(error);
    }

    /// <summary>Parses a pattern, or explains why it is not valid.</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out GlobPattern? pattern, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        pattern = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "an ignore pattern is empty; remove it or write a path pattern such as 'docs/**'";
            return false;
        }

        if (text.Contains('\\', StringComparison.Ordinal))
        {
            error = $"the ignore pattern '{text}' holds '\\'; paths use '/' on every platform, e.g. '{text.Replace('\\', '/')}'";
            return false;
        }

        var body = text.Trim();
        var anchored = body.Contains('/', StringComparison.Ordinal);
        body = body.TrimStart('/');
        if (body.EndsWith('/'))
        {
            body += "**";
        }

        var segments = body.Split('/');
        if (segments.Any(segment => segment is "" or "." or ".."))
        {
            error = $"the ignore pattern '{text}' holds an empty, '.' or '..' folder; write it relative to the repository root, e.g. 'docs/**'";
            return false;
        }

        if (!anchored)
        {
            // Like .gitignore: a bare name matches in every folder.
            segments = ["**", .. segments];
        }

        pattern = new GlobPattern(text, segments);
        error = null;
        return true;
    }

    /// <summary>True when a repository-relative path (with <c>/</c>) matches the pattern.</summary>
    public bool IsMatch(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var parts = path.Split('/');
        // matches[i, j]: pattern segments from i match path segments from j. Filled backwards; no recursion, so
        // patterns with many '**' cannot blow up.
        var matches = new bool[_segments.Length + 1, parts.Length + 1];
        matches[_segments.Length, parts.Length] = true;
        for (var i = _segments.Length - 1; i >= 0; i--)
        {
            for (var j = parts.Length; j >= 0; j--)
            {
                if (_segments[i] == "**")
                {
                    matches[i, j] = matches[i + 1, j] || (j < parts.Length && matches[i, j + 1]);
                }
                else
                {
                    matches[i, j] = j < parts.Length && SegmentMatches(_segments[i], parts[j]) && matches[i + 1, j + 1];
                }
            }
        }

        return matches[0, 0];
    }

    /// <summary>
    /// True when the pattern matches every path below <paramref name="folder"/> (repository-relative, with <c>/</c>;
    /// <c>""</c> is the root): <c>apps/manage/**</c> covers <c>apps/manage/src</c>, not <c>apps</c>. It tells which
    /// project a command started in a folder works on.
    /// </summary>
    internal bool Covers(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        // The pattern positions reachable after the folder's segments (an NFA walk; '**' may stay or move on).
        var states = Closure([0]);
        foreach (var part in folder.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var next = new HashSet<int>();
            foreach (var state in states.Where(state => state < _segments.Length))
            {
                if (_segments[state] == "**")
                {
                    next.Add(state);
                }
                else if (SegmentMatches(_segments[state], part))
                {
                    next.Add(state + 1);
                }
            }

            states = Closure(next);
        }

        // Whatever follows the folder matches when all that is left of the pattern is '**'.
        return states.Any(state => state < _segments.Length && _segments[state..].All(segment => segment == "**"));
    }

    private HashSet<int> Closure(IEnumerable<int> states)
    {
        var result = new HashSet<int>(states);
        foreach (var state in result.ToList())
        {
            for (var next = state; next < _segments.Length && _segments[next] == "**"; next++)
            {
                result.Add(next + 1);
            }
        }

        return result;
    }

    /// <summary>Matches one path segment against one pattern segment with <c>*</c> and <c>?</c>.</summary>
    private static bool SegmentMatches(string pattern, string text)
    {
        int p = 0, t = 0, starPattern = -1, starText = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || pattern[p] == text[t]) && pattern[p] != '*')
            {
                p++;
                t++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                starPattern = p++;
                starText = t;
            }
            else if (starPattern >= 0)
            {
                p = starPattern + 1;
                t = ++starText;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }

    /// <inheritdoc />
    public bool Equals(GlobPattern? other) => other is not null && string.Equals(Text, other.Text, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as GlobPattern);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Text);

    /// <inheritdoc />
    public override string ToString() => Text;
}
