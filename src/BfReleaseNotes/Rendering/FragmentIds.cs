using System.Security.Cryptography;
using System.Text;
using Semver;

namespace BfReleaseNotes.Rendering;

/// <summary>
/// The fragment identifiers of the rendered history: derived from the version and the entry's text only, so they
/// are the same on every run and on every machine, and made of <c>[A-Za-z0-9_-]</c> only.
/// </summary>
public static class FragmentIds
{
    private const int SlugWords = 6;
    private const int SlugLength = 48;

    /// <summary>
    /// The id of a release: <c>v</c> and the version with <c>.</c> as <c>_</c> and <c>+</c> as <c>__</c>. SemVer
    /// identifiers are never empty, so <c>__</c> only comes from <c>+</c> and two versions never share an id.
    /// </summary>
    public static string ForRelease(SemVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        return "v" + version.ToString().Replace("+", "__", StringComparison.Ordinal).Replace('.', '_');
    }

    /// <summary>
    /// The id of an entry before de-duplication: the release's id, up to six ASCII words of the entry and six hex
    /// digits of the SHA-256 of its text (line endings as LF).
    /// </summary>
    public static string ForEntry(string releaseId, string markdown)
    {
        ArgumentNullException.ThrowIfNull(releaseId);
        ArgumentNullException.ThrowIfNull(markdown);
        var normalised = markdown.Replace("\r\n", "\n", StringComparison.Ordinal);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalised)))[..6];
        var slug = Slug(normalised);
        return slug.Length == 0 ? $"{releaseId}-{hash}" : $"{releaseId}-{slug}-{hash}";
    }

    private static string Slug(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
                continue;
            }

            if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
                if (words.Count == SlugWords)
                {
                    break;
                }
            }
        }

        if (word.Length > 0 && words.Count < SlugWords)
        {
            words.Add(word.ToString());
        }

        var slug = string.Join('-', words);
        return slug.Length <= SlugLength ? slug : slug[..SlugLength].TrimEnd('-');
    }
}
