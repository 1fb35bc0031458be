using System.Collections.Immutable;
using System.Text;
using BfReleaseNotes.Markdown;
using BfReleaseNotes.Model;
using BfReleaseNotes.Workspace;

namespace BfReleaseNotes.Flags;

/// <summary>
/// Checks the Internal flag groups of the notes against a feature-flag registry, so rollout status stays
/// explicit: a flag the registry does not know is an error (a typo, or a flag deleted from it; the closest known
/// flags are named); a flag on for everyone, or for the beta audience, whose entries are still Internal is a
/// warning with the exact <c>flags graduate</c> command; a flag removed from the registry with entries still
/// pending is a warning. With <c>strict</c>, the warnings are errors.
/// </summary>
/// <example>
/// <code>
/// var registry = new FlagRegistryReader().Read("release-notes/flags.json", "production", null, File.ReadAllBytes);
/// var result = FlagRolloutChecker.Check(document, registry, "release-notes/unreleased.md");
/// </code>
/// </example>
public static class FlagRolloutChecker
{
    /// <summary>Compares every flag of <paramref name="document"/>'s Internal section with <paramref name="registry"/>.</summary>
    /// <param name="document">The unreleased notes.</param>
    /// <param name="registry">The registry, resolved for one environment.</param>
    /// <param name="file">The notes' path, for the findings.</param>
    /// <param name="strict">Warnings become errors.</param>
    /// <param name="folder">The release-notes folder, named with <c>--dir</c> in the suggested commands unless it is the default.</param>
    public static FlagCheckResult Check(ReleaseNotesDocument document, FlagRegistry registry, string file, bool strict = false, string? folder = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(file);
        var positions = FirstHeadings(document);
        var dir = folder is null || folder == ReleaseNotesFolder.DefaultPath ? string.Empty : $" --dir {folder}";
        var warning = strict ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning;
        var verdicts = ImmutableArray.CreateBuilder<FlagVerdict>();
        foreach (var flag in FlagInventory.Collect(document))
        {
            var position = positions.GetValueOrDefault(flag.Key);
            var registered = registry.Find(flag.Key);
            Diagnostic? Finding(string code, DiagnosticSeverity severity, string message) =>
                new(code, severity, file, position, Printable(message));
            var entries = flag.Total == 1 ? "its entry is" : $"its {flag.Total} entries are";
            var them = flag.Total == 1 ? "it" : "them";
            var finding = registered switch
            {
                null => Finding(DiagnosticCodes.UnknownFlag, DiagnosticSeverity.Error, Unknown(flag.Key, registry)),
                _ when flag.Total == 0 => null,
                { State: FlagState.On } => Finding(DiagnosticCodes.FlagOnForEveryone, warning,
                    $"flag '{flag.Key}' is on for everyone in {registry.Environment} ({registered.Reason}), but {entries} still Internal; " +
                    $"publish {them}: `bf-release-notes flags graduate {flag.Key} --to public{dir}`"),
                { State: FlagState.Beta } => Finding(DiagnosticCodes.FlagOnForBeta, warning,
                    $"flag '{flag.Key}' is on for the beta audience in {registry.Environment} ({registered.Reason}), but {entries} still Internal; " +
                    $"move {them} to Beta: `bf-release-notes flags graduate {flag.Key} --to beta{dir}`"),
                { State: FlagState.Removed } => Finding(DiagnosticCodes.FlagRemoved, warning,
                    $"flag '{flag.Key}' is removed from the registry ({registered.Reason}), but {entries} still pending in Internal; " +
                    $"if the feature shipped, publish {them} (`bf-release-notes flags graduate {flag.Key} --to public{dir}`); if it was dropped, delete {them}"),
                _ => null,
            };
            verdicts.Add(new FlagVerdict(flag.Key, flag.Total, position, registered, finding));
        }

        return new FlagCheckResult(registry, verdicts.ToImmutable());
    }

    /// <summary>
    /// The merge-request check's one call: when a registry is configured, reads it and returns the findings for
    /// the head notes (unknown flags are errors, the rest warnings, shown as information); else nothing.
    /// </summary>
    /// <param name="document">The notes at head; null when the range does not change them (nothing to check).</param>
    /// <param name="settings">The <c>"flags"</c> configuration; null or without a registry means no check.</param>
    /// <param name="reader">Reads the registry (GitLab variables, network behaviour); null reads files only.</param>
    /// <param name="readFile">Reads a registry file (from the head commit); null when it does not exist.</param>
    /// <param name="file">The notes' path, for the findings.</param>
    /// <param name="folder">The release-notes folder, for the suggested commands.</param>
    /// <exception cref="EnvironmentException">The registry cannot be read: the check cannot decide.</exception>
    public static ImmutableArray<Diagnostic> ForMergeRequest(
        ReleaseNotesDocument? document, FlagsConfiguration? settings, FlagRegistryReader? reader, Func<string, byte[]?> readFile, string file, string? folder)
    {
        if (document is null || settings?.Registry is null || FlagInventory.Collect(document).IsEmpty)
        {
            return [];
        }

        var registry = (reader ?? new FlagRegistryReader()).Read(settings.Registry, settings.Environment, settings.BetaAudience, readFile);
        return Check(document, registry, file, strict: false, folder).Findings;
    }

    private static string Unknown(string key, FlagRegistry registry)
    {
        var known = registry.Flags.Select(flag => flag.Key).ToList();
        if (known.Count == 0)
        {
            return $"flag '{key}' is not in the feature-flag registry ({registry.Source}), which lists no flags; create the flag there, or correct the key in the notes";
        }

        var closest = known
            .OrderBy(candidate => StructureChecker.Distance(candidate.ToUpperInvariant(), key.ToUpperInvariant()))
            .ThenBy(candidate => candidate, StringComparer.Ordinal)
            .Take(3);
        return $"flag '{key}' is not in the feature-flag registry ({registry.Source}); closest: {string.Join(", ", closest.Select(name => $"'{name}'"))}. " +
               "Correct the key in the notes (a typo?), or create the flag in the registry; if the flag was deleted from it, graduate or delete its entries";
    }

    private static Dictionary<string, SourcePosition> FirstHeadings(ReleaseNotesDocument document)
    {
        var positions = new Dictionary<string, SourcePosition>(StringComparer.Ordinal);
        foreach (var group in document.Sections
            .Where(section => section.Visibility == Visibility.Internal)
            .SelectMany(section => section.ChangeTypes)
            .SelectMany(changeType => changeType.FlagGroups)
            .Where(group => group.Key is not null))
        {
            positions.TryAdd(group.Key!, group.Heading.Position);
        }

        return positions;
    }

    /// <summary>
    /// Registry names and GitLab's texts are untrusted: control and format characters (terminal escapes, bidi
    /// overrides) become '?', so a message cannot rewrite the terminal or a CI log.
    /// </summary>
    /// <param name="text">Text from a registry, GitLab or the notes.</param>
    /// <returns>The text with every control and format character replaced by <c>?</c>.</returns>
    public static string Printable(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        foreach (var character in text)
        {
            var category = char.GetUnicodeCategory(character);
            builder.Append(char.IsControl(character) || category == System.Globalization.UnicodeCategory.Format ? '?' : character);
        }

        return builder.ToString();
    }
}
