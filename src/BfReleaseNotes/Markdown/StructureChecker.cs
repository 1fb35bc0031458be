using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using BfReleaseNotes.Model;
using Semver;

namespace BfReleaseNotes.Markdown;

/// <summary>
/// Gives meaning to the headings the parser placed (visibility, change type, flag key) and reports every
/// rule of the format that the content breaks.
/// </summary>
internal sealed partial class StructureChecker(DocumentKind kind, string file, List<Diagnostic> diagnostics)
{
    /// <summary>Flag keys: letters, digits, '.', '_' and '-', starting with a letter or digit; at most 100 characters.</summary>
    public static bool IsValidFlagKey(string key) => key.Length <= 100 && FlagKeyPattern().IsMatch(key);

    public ReleaseNotesDocument Check(ReleaseNotesDocument document)
    {
        document = CheckTitle(document);
        var sections = document.Sections.Select(CheckSection).ToImmutableArray();
        CheckOrder(sections.Select(section => (section.Visibility.HasValue ? (int?)section.Visibility.Value : null, section.Heading)),
            index => "## " + (Visibility)index);
        return document with { Sections = sections };
    }

    private ReleaseNotesDocument CheckTitle(ReleaseNotesDocument document)
    {
        var title = document.Preamble.OfType<Heading>().FirstOrDefault();
        if (kind == DocumentKind.Unreleased)
        {
            if (title is null)
            {
                Report(DiagnosticCodes.BadTitle, new SourcePosition(1, 1),
                    "the file has no title; its first heading must be '# Unreleased'");
            }
            else if (!string.Equals(title.Title, "Unreleased", StringComparison.Ordinal))
            {
                if (string.Equals(title.Title, "Unreleased", StringComparison.OrdinalIgnoreCase))
                {
                    Report(DiagnosticCodes.HeadingCase, title.Position, $"write '# Unreleased', not '# {title.Title}'", DiagnosticSeverity.Warning, fixable: true);
                }
                else
                {
                    Report(DiagnosticCodes.BadTitle, title.Position, $"the title is '# {title.Title}'; the working file's title must be '# Unreleased'");
                }
            }

            return document;
        }

        if (title is null)
        {
            Report(DiagnosticCodes.BadPublishedTitle, new SourcePosition(1, 1),
                "the published file has no title; its first heading must be '# X.Y.Z - YYYY-MM-DD', e.g. '# 1.42.0 - 2026-11-25'");
            return document;
        }

        var match = PublishedTitlePattern().Match(title.Title);
        if (!match.Success)
        {
            Report(DiagnosticCodes.BadPublishedTitle, title.Position,
                $"the title '# {title.Title}' is not '# X.Y.Z - YYYY-MM-DD' (e.g. '# 1.42.0 - 2026-11-25')");
            return document;
        }

        SemVersion? version = null;
        DateOnly? date = null;
        var versionText = match.Groups["version"].Value;
        if (!SemVersion.TryParse(versionText, SemVersionStyles.Strict, out var parsedVersion))
        {
            Report(DiagnosticCodes.BadVersion, title.Position,
                $"'{versionText}' is not a SemVer 2.0 version (MAJOR.MINOR.PATCH, e.g. '1.42.0', no leading 'v' or zeros)");
        }
        else
        {
            version = parsedVersion;
            // Stryker disable once Logical : the file name gives a version exactly when it parses, so && and || decide alike
            if (ReleaseNotesParser.TryParsePublishedFileName(file, out var fileVersion) && fileVersion is not null && fileVersion != parsedVersion)
            {
                Report(DiagnosticCodes.VersionMismatch, title.Position,
                    $"the title says '{parsedVersion}' but the file is named '{Path.GetFileName(file)}'; make them agree");
            }
        }

        var dateText = match.Groups["date"].Value;
        if (DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsedDate))
        {
            date = parsedDate;
        }
        else
        {
            Report(DiagnosticCodes.BadDate, title.Position, $"'{dateText}' is not a date in the form YYYY-MM-DD (e.g. 2026-11-25)");
        }

        return document with { Version = version, Date = date };
    }

    private VisibilitySection CheckSection(VisibilitySection section)
    {
        var visibility = Resolve<Visibility>(section.Heading, 2);
        if (visibility == Visibility.Internal && kind == DocumentKind.Published)
        {
            Report(DiagnosticCodes.InternalInPublished, section.Heading.Position,
                "a published file has no Internal section; Internal entries stay in unreleased.md until their flag graduates");
        }

        CheckEntries(section.Leading);
        var changeTypes = section.ChangeTypes.Select(changeType => CheckChangeType(changeType, visibility)).ToImmutableArray();
        CheckOrder(changeTypes.Select(changeType => (changeType.Type.HasValue ? (int?)changeType.Type.Value : null, changeType.Heading)),
            index => "### " + (ChangeType)index);
        return section with { Visibility = visibility, ChangeTypes = changeTypes };
    }

    private ChangeTypeSection CheckChangeType(ChangeTypeSection section, Visibility? visibility)
    {
        var type = Resolve<ChangeType>(section.Heading, 3);
        CheckEntries(section.Body);
        if (visibility == Visibility.Internal)
        {
            foreach (var entry in section.DirectEntries)
            {
                Report(DiagnosticCodes.InternalEntryWithoutFlag, entry.Position,
                    "Internal entry outside a flag group; put it under a '#### Flag: `flag-key`' heading naming the flag that hides it");
            }
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var groups = ImmutableArray.CreateBuilder<FlagGroup>(section.FlagGroups.Length);
        foreach (var group in section.FlagGroups)
        {
            var key = ReadFlagKey(group.Heading);
            if (key is not null && visibility != Visibility.Internal)
            {
                if (kind == DocumentKind.Published)
                {
                    Report(DiagnosticCodes.FlagGroupInPublished, group.Heading.Position,
                        $"flag group '{key}' in a published file; published notes have no flag groups, so list its entries directly under the change type");
                }
                else
                {
                    Report(DiagnosticCodes.FlagGroupOutsideInternal, group.Heading.Position,
                        $"flag group '{key}' outside '## Internal'; flag groups belong under Internal (use 'bf-release-notes flags graduate' to move a flag's entries out)");
                }
            }

            if (key is not null && !seen.Add(key))
            {
                Report(DiagnosticCodes.DuplicateFlagGroup, group.Heading.Position,
                    $"flag group '{key}' appears twice under '### {section.Heading.Title}' (a union merge writes this); merge the two groups, or run 'bf-release-notes lint --fix', which does that", fixable: true);
            }

            CheckEntries(group.Body);
            groups.Add(group with { Key = key });
        }

        return section with { Type = type, FlagGroups = groups.MoveToImmutable() };
    }

    private string? ReadFlagKey(Heading heading)
    {
        var match = FlagHeadingPattern().Match(heading.Title);
        if (!match.Success)
        {
            Report(DiagnosticCodes.BadFlagHeading, heading.Position,
                $"'#### {heading.Title}' is not a flag group; write '#### Flag: `flag-key`'");
            return null;
        }

        if (!match.Groups["prefix"].Value.Equals("Flag", StringComparison.Ordinal))
        {
            Report(DiagnosticCodes.HeadingCase, heading.Position, $"write 'Flag:', not '{match.Groups["prefix"].Value}:'", DiagnosticSeverity.Warning, fixable: true);
        }

        var key = match.Groups["key"].Value;
        if (!IsValidFlagKey(key))
        {
            Report(DiagnosticCodes.InvalidFlagKey, heading.Position,
                $"'{key}' is not a valid flag key; use letters, digits, '.', '_' and '-', starting with a letter or digit (at most 100 characters)");
            return null;
        }

        return key;
    }

    private void CheckEntries(ImmutableArray<DocumentPart> parts)
    {
        foreach (var entry in parts.OfType<Entry>())
        {
            if (char.IsAsciiDigit(entry.Marker))
            {
                Report(DiagnosticCodes.OrderedEntry, entry.Position,
                    "an entry is a bullet item ('- '), not a numbered one; rewrite it starting with '- '");
            }
            else if (entry.Marker != '-')
            {
                Report(DiagnosticCodes.BulletMarker, entry.Position,
                    $"entry bullet '{entry.Marker}' should be '-'; 'bf-release-notes lint --fix' changes it", DiagnosticSeverity.Warning, fixable: true);
            }

            if (string.IsNullOrWhiteSpace(entry.Markdown))
            {
                Report(DiagnosticCodes.EmptyEntry, entry.Position, "the entry has no text; write what changed for users or delete the bullet");
            }
        }
    }

    private TEnum? Resolve<TEnum>(Heading heading, int level)
        where TEnum : struct, Enum
    {
        var names = Enum.GetNames<TEnum>();
        foreach (var name in names)
        {
            if (name.Equals(heading.Title, StringComparison.Ordinal))
            {
                return Enum.Parse<TEnum>(name);
            }
        }

        foreach (var name in names)
        {
            if (name.Equals(heading.Title, StringComparison.OrdinalIgnoreCase))
            {
                Report(DiagnosticCodes.HeadingCase, heading.Position,
                    $"write '{new string('#', level)} {name}', not '{new string('#', level)} {heading.Title}'", DiagnosticSeverity.Warning, fixable: true);
                return Enum.Parse<TEnum>(name);
            }
        }

        var prefix = new string('#', level);
        var otherLevel = level == 2 ? Enum.GetNames<ChangeType>() : Enum.GetNames<Visibility>();
        var atOtherLevel = otherLevel.FirstOrDefault(name => name.Equals(heading.Title, StringComparison.OrdinalIgnoreCase));
        string hint;
        if (atOtherLevel is not null)
        {
            hint = level == 2
                ? $"'{atOtherLevel}' is a change type: write '### {atOtherLevel}' under '## Public', '## Beta' or '## Internal'"
                : $"'{atOtherLevel}' is a visibility section: write '## {atOtherLevel}'";
        }
        else
        {
            var closest = Closest(heading.Title, names);
            hint = closest is not null
                ? $"did you mean '{prefix} {closest}'?"
                : $"valid headings here are {string.Join(", ", names.Select(name => $"'{prefix} {name}'"))}";
        }

        Report(DiagnosticCodes.UnknownHeading, heading.Position, $"unknown section '{prefix} {heading.Title}'; {hint}");
        return null;
    }

    private void CheckOrder(IEnumerable<(int? Index, Heading Heading)> sections, Func<int, string> describe)
    {
        var seen = new HashSet<int>();
        var highest = -1;
        foreach (var (index, heading) in sections)
        {
            if (index is not { } value)
            {
                continue;
            }

            if (!seen.Add(value))
            {
                Report(DiagnosticCodes.DuplicateSection, heading.Position,
                    $"'{describe(value)}' appears twice (a union merge writes this); move the entries of the second one into the first and delete its heading, or run 'bf-release-notes lint --fix', which does that", fixable: true);
                continue;
            }

            if (value < highest)
            {
                Report(DiagnosticCodes.SectionOutOfOrder, heading.Position,
                    $"'{describe(value)}' must come before '{describe(highest)}'; 'bf-release-notes lint --fix' reorders sections", fixable: true);
            }

            highest = Math.Max(highest, value);
        }
    }

    private static string? Closest(string value, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = Distance(value.ToUpperInvariant(), candidate.ToUpperInvariant());
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = candidate;
            }
        }

        return best is not null && bestDistance <= Math.Max(2, best.Length / 2) ? best : null;
    }

    /// <summary>Levenshtein distance: the one the suggestions of every command use (<see cref="Text.Suggestion.Distance"/>).</summary>
    internal static int Distance(string left, string right) => Text.Suggestion.Distance(left, right);

    private void Report(string code, SourcePosition position, string message, DiagnosticSeverity severity = DiagnosticSeverity.Error, bool fixable = false) =>
        diagnostics.Add(new Diagnostic(code, severity, file, position, message, fixable));

    [GeneratedRegex(@"^(?<version>\S+)\s+-\s+(?<date>\S+)$")]
    private static partial Regex PublishedTitlePattern();

    [GeneratedRegex(@"^(?<prefix>flag)\s*:\s*`(?<key>[^`]*)`$", RegexOptions.IgnoreCase)]
    private static partial Regex FlagHeadingPattern();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex FlagKeyPattern();
}
