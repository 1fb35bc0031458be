using System.Text;
using System.Text.Json;
using BfReleaseNotes.Checks;
using BfReleaseNotes.Model;
using BfReleaseNotes.Workspace;

namespace BfReleaseNotes.Promotion;

/// <summary>
/// The <c>"release"</c> object of <c>release-notes/config.json</c>: the rule of <c>promote --bump auto</c>.
/// Every key is optional and falls back to <see cref="BumpRule.Default"/>:
/// <code>
/// {
///   "release": {
///     "bump": { "removed": "major", "added": "minor", "changed": "minor", "deprecated": "minor", "fixed": "patch", "security": "patch" },
///     "breakingMarker": "**Breaking:**",
///     "breakingBump": "major",
///     "majorWhileZero": "minor"
///   }
/// }
/// </code>
/// </summary>
public static class ReleaseSettings
{
    /// <summary>
    /// Reads the bump rule from the configuration file's bytes. Returns false with a message naming the file and
    /// what to write instead when the file or the <c>"release"</c> object is not valid.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> json, string file, out BumpRule rule, out string? error)
    {
        rule = BumpRule.Default;
        // The whole file (CheckConfiguration refuses a null file name) is validated the way every command reads it, so a typo elsewhere is not ignored here.
        if (!CheckConfiguration.TryParse(json, file, out _, out error))
        {
            return false;
        }

        if (json.StartsWith(Encoding.UTF8.Preamble))
        {
            json = json[3..];
        }

        var release = JsonSerializer.Deserialize(json, Configuration.ConfigurationJsonContext.Default.ConfigurationFile)?.Release;
        if (release is null)
        {
            return true;
        }

        var defaults = BumpRule.Default;
        var byType = new Dictionary<ChangeType, VersionBump>();
        var given = new (ChangeType Type, string? Value)[]
        {
            (ChangeType.Added, release.Bump?.Added),
            (ChangeType.Changed, release.Bump?.Changed),
            (ChangeType.Deprecated, release.Bump?.Deprecated),
            (ChangeType.Removed, release.Bump?.Removed),
            (ChangeType.Fixed, release.Bump?.Fixed),
            (ChangeType.Security, release.Bump?.Security),
        };
        foreach (var (type, value) in given)
        {
            if (!TryBump(value, defaults.BumpFor(type), $"release.bump.{type.ToString().ToLowerInvariant()}", file, out var bump, out error))
            {
                return false;
            }

            byType[type] = bump;
        }

        if (!TryBump(release.BreakingBump, defaults.BreakingBump, "release.breakingBump", file, out var breakingBump, out error)
            || !TryBump(release.MajorWhileZero, defaults.MajorWhileZero, "release.majorWhileZero", file, out var majorWhileZero, out error))
        {
            return false;
        }

        var marker = release.BreakingMarker ?? defaults.BreakingMarker;
        if (marker.Contains('\n', StringComparison.Ordinal))
        {
            error = $"{file}: \"release.breakingMarker\" must be on one line, e.g. \"{BumpRule.DefaultBreakingMarker}\" (or \"\" to turn the marker off)";
            return false;
        }

        rule = new BumpRule(byType, marker, breakingBump, majorWhileZero);
        return true;
    }

    /// <summary>The rule of a release-notes folder: from its <c>config.json</c> when there is one, else the default.</summary>
    /// <exception cref="EnvironmentException">The configuration cannot be read or is not valid.</exception>
    public static BumpRule Load(ReleaseNotesFolder folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var path = Path.Combine(folder.Path, CheckConfiguration.FileName);
        if (!File.Exists(path))
        {
            return BumpRule.Default;
        }

        return TryParse(ReleaseNotesFolder.ReadBytes(path), path, out var rule, out var error)
            ? rule
            : throw new EnvironmentException($"{error}. Fix the configuration and run the command again; no file was changed");
    }

    private static bool TryBump(string? value, VersionBump fallback, string key, string file, out VersionBump bump, out string? error)
    {
        error = null;
        bump = fallback;
        if (value is null)
        {
            return true;
        }

        switch (value.Trim().ToLowerInvariant())
        {
            case "major":
                bump = VersionBump.Major;
                return true;
            case "minor":
                bump = VersionBump.Minor;
                return true;
            case "patch":
                bump = VersionBump.Patch;
                return true;
            default:
                error = $"{file}: \"{key}\" is '{value}'; write \"major\", \"minor\" or \"patch\"";
                return false;
        }
    }
}
