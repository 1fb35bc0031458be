using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using BfReleaseNotes.Flags;

namespace BfReleaseNotes.Checks;

/// <summary>
/// The check's settings, from the optional <c>release-notes/config.json</c> of the base commit (a merge request
/// is judged by the rules of the branch it targets, never by its own; the rest of the file is read by
/// <see cref="Configuration.ConfigurationReader"/>):
/// <code>
/// {
///   "folder": "release-notes",
///   "ignore": ["docs/**", "*.md", ".gitlab-ci.yml"],
///   "labels": { "none": "release-notes::none", "edit": "release-notes::edit" }
/// }
/// </code>
/// Every key is optional; unknown keys are errors (a misspelt key must not be ignored silently).
/// </summary>
/// <param name="Folder">The release-notes folder, relative to the repository root; null keeps the default or <c>--dir</c>.</param>
/// <param name="Ignore">Paths that never need release notes: when every changed path matches one, the check passes as not relevant.</param>
/// <param name="NoneLabel">The merge-request label that opts out of release notes.</param>
/// <param name="EditLabel">The merge-request label that allows removing pending entries and changing published files.</param>
public sealed partial record CheckConfiguration(string? Folder, ImmutableArray<GlobPattern> Ignore, string NoneLabel, string EditLabel)
{
    /// <summary>The feature-flag registry settings (<c>"flags"</c>); null when the file has none.</summary>
    public FlagsConfiguration? Flags { get; init; }

    /// <summary>The products of a monorepo (<c>"projects"</c>): with any, the check runs its rules once per project the merge request touches.</summary>
    public ImmutableArray<Configuration.ReleaseNotesProject> Projects { get; init; } = [];

    /// <summary>The file name of the configuration, inside the release-notes folder.</summary>
    public const string FileName = "config.json";

    /// <summary>The default opt-out label.</summary>
    public const string DefaultNoneLabel = "release-notes::none";

    /// <summary>The default label that allows removing pending entries and editing published files.</summary>
    public const string DefaultEditLabel = "release-notes::edit";

    /// <summary>The settings when there is no configuration file: nothing ignored, the default labels.</summary>
    public static CheckConfiguration Default { get; } = new(null, [], DefaultNoneLabel, DefaultEditLabel);

    /// <summary>
    /// Reads a configuration file's bytes and keeps the check's part of it (see
    /// <see cref="Configuration.ConfigurationReader.TryParse"/>, which reads every section). Returns false with a
    /// message that names the file, line and column and says what to do, when the JSON is malformed, a key is
    /// unknown or a value is not valid.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> json, string file, [NotNullWhen(true)] out CheckConfiguration? configuration, [NotNullWhen(false)] out string? error)
    {
        configuration = null;
        if (!Configuration.ConfigurationReader.TryParse(json, file, out var whole, out error))
        {
            return false;
        }

        configuration = whole.Check;
        return true;
    }

    /// <summary>
    /// Reads a configuration file's bytes (for example a blob of the base commit). Returns false with the file, line
    /// and column of the problem when the JSON is malformed, a key is unknown or a value is not valid.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> json, string file, [NotNullWhen(true)] out CheckConfiguration? configuration, [NotNullWhen(false)] out ConfigurationError? error)
    {
        configuration = null;
        if (!Configuration.ConfigurationReader.TryRead(json, file, out var whole, out error))
        {
            return false;
        }

        configuration = whole.Check;
        return true;
    }

    /// <summary>
    /// The rules that differ from <paramref name="other"/>, one sentence each (e.g. <c>folder 'release-notes' -&gt;
    /// 'changelog'</c>); empty when both decide alike (formatting and comments do not count).
    /// </summary>
    public ImmutableArray<string> DifferencesFrom(CheckConfiguration other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var differences = ImmutableArray.CreateBuilder<string>();
        if (Folder != other.Folder)
        {
            differences.Add($"\"folder\" '{other.Folder ?? "(default)"}' -> '{Folder ?? "(default)"}'");
        }

        var added = Ignore.Where(pattern => !other.Ignore.Contains(pattern)).Select(pattern => pattern.Text).ToList();
        var removed = other.Ignore.Where(pattern => !Ignore.Contains(pattern)).Select(pattern => pattern.Text).ToList();
        if (added.Count > 0)
        {
            differences.Add($"\"ignore\" adds {string.Join(", ", added.Select(pattern => $"'{pattern}'"))}");
        }

        if (removed.Count > 0)
        {
            differences.Add($"\"ignore\" drops {string.Join(", ", removed.Select(pattern => $"'{pattern}'"))}");
        }

        if (!string.Equals(NoneLabel, other.NoneLabel, StringComparison.Ordinal))
        {
            differences.Add($"\"labels.none\" '{other.NoneLabel}' -> '{NoneLabel}'");
        }

        if (!string.Equals(EditLabel, other.EditLabel, StringComparison.Ordinal))
        {
            differences.Add($"\"labels.edit\" '{other.EditLabel}' -> '{EditLabel}'");
        }

        // The flag check's settings are rules too: dropping the registry would switch the check off for every later merge request.
        AddChange("flags.registry", other.FlagSettings.Registry, FlagSettings.Registry);
        AddChange("flags.environment", other.FlagSettings.Environment, FlagSettings.Environment);
        AddChange("flags.betaAudience", other.FlagSettings.BetaAudience, FlagSettings.BetaAudience);

        foreach (var project in Projects.Where(project => !other.Projects.Contains(project)))
        {
            differences.Add(other.Projects.Any(old => old.Name == project.Name) ? $"\"projects\" changes '{project.Name}'" : $"\"projects\" adds '{project.Name}'");
        }

        foreach (var project in other.Projects.Where(old => !Projects.Any(project => project.Name == old.Name)))
        {
            differences.Add($"\"projects\" drops '{project.Name}'");
        }

        return differences.ToImmutable();

        void AddChange(string key, string? before, string? after)
        {
            if (!string.Equals(before, after, StringComparison.Ordinal))
            {
                differences.Add($"\"{key}\" '{before ?? "(none)"}' -> '{after ?? "(none)"}'");
            }
        }
    }

    /// <summary>
    /// A folder as the repository tree names it: relative, <c>/</c>-separated, without <c>./</c> or a trailing
    /// <c>/</c> (<c>""</c> for the root); null when it leaves the repository or uses <c>\</c>.
    /// </summary>
    public static string? NormalizeFolder(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (folder.Contains('\\', StringComparison.Ordinal) || Path.IsPathRooted(folder))
        {
            return null;
        }

        var parts = folder.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(part => part != ".").ToArray();
        return parts.Contains("..") ? null : string.Join('/', parts);
    }

    /// <summary>The flag check's settings as they apply: no "flags" section is the default one.</summary>
    private FlagsConfiguration FlagSettings => Flags ?? FlagsConfiguration.Default;

    /// <summary>True when the path matches one of the ignore patterns.</summary>
    public bool IsIgnored(string path) => Ignore.Any(pattern => pattern.IsMatch(path));

    /// <summary>Compares field by field (the ignore list by content; no "flags" section is the default one).</summary>
    public bool Equals(CheckConfiguration? other) =>
        other is not null && Folder == other.Folder && Ignore.SequenceEqual(other.Ignore) && NoneLabel == other.NoneLabel && EditLabel == other.EditLabel &&
        Projects.SequenceEqual(other.Projects) && FlagSettings.Equals(other.FlagSettings);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Folder, Ignore.Length, NoneLabel, EditLabel, FlagSettings);
}
