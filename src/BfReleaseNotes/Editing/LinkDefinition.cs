using System.Diagnostics.CodeAnalysis;
using BfReleaseNotes.Markdown;

namespace BfReleaseNotes.Editing;

/// <summary>
/// A link reference definition an entry uses, <c>[#123]: https://gitlab.example.com/app/-/merge_requests/123</c>,
/// kept at the end of <c>unreleased.md</c> (where <c>promote</c> finds it and copies it once into the release).
/// </summary>
/// <param name="Label">The label as written, without brackets (<c>#123</c>).</param>
/// <param name="Url">The destination.</param>
public sealed record LinkDefinition(string Label, string Url)
{
    /// <summary>The label as CommonMark compares it (case and inner whitespace ignored).</summary>
    public string NormalizedLabel => ReleaseNotesParser.NormalizeLabel(Label);

    /// <summary>The definition line, without a line ending.</summary>
    public override string ToString() => $"[{Label}]: {Url}";

    /// <summary>
    /// Reads <c>LABEL=URL</c> (the form of <c>add --link</c>). The label must not hold brackets or line breaks;
    /// the URL must not hold spaces or angle brackets, and its scheme, if any, must be http, https or mailto
    /// (a note must not carry a <c>javascript:</c> link into the app).
    /// </summary>
    /// <example><code>LinkDefinition.TryParse("#123=https://gitlab.example.com/app/-/merge_requests/123", out var link, out var error)</code></example>
    public static bool TryParse(string text, [NotNullWhen(true)] out LinkDefinition? definition, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        definition = null;
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            error = $"'{text}' is not LABEL=URL; write e.g. --link \"#123=https://gitlab.example.com/app/-/merge_requests/123\"";
            return false;
        }

        return TryCreate(text[..equals].Trim(), text[(equals + 1)..].Trim(), out definition, out error);
    }

    /// <summary>Checks a label and URL (see <see cref="TryParse"/>) and makes the definition.</summary>
    public static bool TryCreate(string label, string url, [NotNullWhen(true)] out LinkDefinition? definition, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(label);
        ArgumentNullException.ThrowIfNull(url);
        definition = null;
        if (label.Length == 0 || label.Length > 999 || label.Any(character => character is '[' or ']' || char.IsControl(character)))
        {
            error = $"the link label '{label}' must be 1 to 999 characters without '[', ']' or line breaks";
            return false;
        }

        if (url.Length == 0 || url.Any(character => char.IsWhiteSpace(character) || char.IsControl(character) || character is '<' or '>'))
        {
            error = $"the URL of [{label}] must be one word without spaces or '<' '>' (got '{url}')";
            return false;
        }

        // A colon before any '/', '?' or '#' ends a scheme; after one it is part of a relative path or query.
        var pathStart = url.IndexOfAny(['/', '?', '#']);
        var colon = url.AsSpan(0, pathStart < 0 ? url.Length : pathStart).IndexOf(':');
        if (colon > 0)
        {
            var scheme = url[..colon].ToLowerInvariant();
            if (scheme is not ("http" or "https" or "mailto"))
            {
                error = $"the URL of [{label}] uses the scheme '{scheme}:'; only http, https, mailto and relative URLs are allowed in release notes";
                return false;
            }
        }

        definition = new LinkDefinition(label, url);
        error = null;
        return true;
    }
}
