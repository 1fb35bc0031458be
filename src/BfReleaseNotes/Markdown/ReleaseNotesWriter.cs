using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using BfReleaseNotes.Model;
using Semver;

namespace BfReleaseNotes.Markdown;

/// <summary>
/// Writes release-notes text: a parsed document back to its exact text, the empty template, and new
/// published files in the canonical layout.
/// </summary>
public static class ReleaseNotesWriter
{
    /// <summary>The change types of the empty template, in order.</summary>
    public static ImmutableArray<ChangeType> TemplateChangeTypes { get; } = [ChangeType.Added, ChangeType.Changed, ChangeType.Fixed];

    /// <summary>The exact text of a document (a parsed, unchanged document gives back its source).</summary>
    public static string Write(ReleaseNotesDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document.ToText();
    }

    /// <summary>The empty <c>unreleased.md</c>: title, then Public, Beta and Internal with Added, Changed and Fixed.</summary>
    public static string EmptyUnreleased(string lineEnding = "\n")
    {
        var builder = new StringBuilder();
        builder.Append("# Unreleased").Append(lineEnding);
        foreach (var visibility in Enum.GetValues<Visibility>())
        {
            builder.Append(lineEnding).Append("## ").Append(visibility).Append(lineEnding);
            foreach (var type in TemplateChangeTypes)
            {
                builder.Append(lineEnding).Append("### ").Append(type).Append(lineEnding);
            }
        }

        return builder.ToString();
    }

    /// <summary>The canonical heading line of a visibility section, line ending included.</summary>
    public static string HeadingLine(Visibility visibility, string lineEnding) => $"## {visibility}{lineEnding}";

    /// <summary>The canonical heading line of a change-type section, line ending included.</summary>
    public static string HeadingLine(ChangeType type, string lineEnding) => $"### {type}{lineEnding}";

    /// <summary>The canonical heading line of a flag group, line ending included.</summary>
    public static string FlagHeadingLine(string key, string lineEnding) => $"#### Flag: `{key}`{lineEnding}";

    /// <summary>The title line of a published file, without line ending: <c># 1.42.0 - 2026-11-25</c>.</summary>
    public static string PublishedTitle(SemVersion version, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(version);
        return $"# {version} - {date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
    }

    /// <summary>
    /// A published file: the title, <c>## Public</c> then <c>## Beta</c>, each with its change types in canonical
    /// order; empty sections are left out. Entries keep their exact text and order. The link reference
    /// definitions given are appended at the end, each on its own line.
    /// </summary>
    /// <param name="version">The release version.</param>
    /// <param name="date">The release date.</param>
    /// <param name="entries">Entries by visibility and change type. Internal entries are refused.</param>
    /// <param name="linkReferenceDefinitions">Definition lines the entries use, written verbatim.</param>
    /// <param name="lineEnding">The line ending for the lines this writer creates.</param>
    /// <exception cref="ArgumentException">An Internal entry was given.</exception>
    public static string Published(
        SemVersion version,
        DateOnly date,
        IEnumerable<PublishedEntry> entries,
        IEnumerable<string> linkReferenceDefinitions,
        string lineEnding = "\n")
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(linkReferenceDefinitions);
        var all = entries.ToList();
        if (all.Any(entry => entry.Visibility == Visibility.Internal))
        {
            throw new ArgumentException("Internal entries are never published.", nameof(entries));
        }

        var builder = new StringBuilder();
        builder.Append(PublishedTitle(version, date)).Append(lineEnding);
        foreach (var visibility in (Visibility[])[Visibility.Public, Visibility.Beta])
        {
            var inSection = all.Where(entry => entry.Visibility == visibility).ToList();
            if (inSection.Count == 0)
            {
                continue;
            }

            builder.Append(lineEnding).Append(HeadingLine(visibility, lineEnding));
            foreach (var type in Enum.GetValues<ChangeType>())
            {
                var ofType = inSection.Where(entry => entry.Type == type).ToList();
                if (ofType.Count == 0)
                {
                    continue;
                }

                builder.Append(lineEnding).Append(HeadingLine(type, lineEnding)).Append(lineEnding);
                foreach (var entry in ofType)
                {
                    AppendLine(builder, entry.Text, lineEnding);
                }
            }
        }

        var definitions = linkReferenceDefinitions.ToList();
        if (definitions.Count > 0)
        {
            builder.Append(lineEnding);
            foreach (var definition in definitions)
            {
                AppendLine(builder, definition.TrimEnd('\r', '\n'), lineEnding);
            }
        }

        return builder.ToString();
    }

    /// <summary>Turns free text into an entry's markdown: <c>- </c> before the first line, later lines indented.</summary>
    public static string EntryText(string text, string lineEnding)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n');
        var builder = new StringBuilder();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd();
            if (i == 0)
            {
                builder.Append("- ").Append(line.TrimStart());
            }
            else if (line.Length > 0)
            {
                builder.Append("  ").Append(line);
            }

            builder.Append(lineEnding);
        }

        return builder.ToString();
    }

    private static void AppendLine(StringBuilder builder, string text, string lineEnding)
    {
        builder.Append(text);
        if (!text.EndsWith('\n'))
        {
            builder.Append(lineEnding);
        }
    }
}
