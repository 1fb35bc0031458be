using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;
using BfReleaseNotes.Checks;
using BfReleaseNotes.Model;
using BfReleaseNotes.Promotion;
using BfReleaseNotes.Text;
using BfReleaseNotes.Workspace;

namespace BfReleaseNotes.Configuration;

/// <summary>
/// Reads <c>config.json</c> from bytes (the check reads the base and head commits' copies from git blobs) or from
/// disk. Every message names the file, line and column, says what is wrong and lists the valid keys or values.
/// </summary>
public static class ConfigurationReader
{
    /// <summary>
    /// Parses a configuration file's bytes (a UTF-8 BOM is allowed). Returns false with a message naming the file,
    /// line and column and what to do, when the JSON is malformed, a key is unknown or a value is not valid.
    /// </summary>
    /// <example><code>ConfigurationReader.TryParse(File.ReadAllBytes(path), path, out var configuration, out var error)</code></example>
    public static bool TryParse(ReadOnlySpan<byte> json, string file, [NotNullWhen(true)] out ReleaseNotesConfiguration? configuration, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(file);
        configuration = null;
        if (json.StartsWith(Encoding.UTF8.Preamble))
        {
            json = json[3..];
        }

        ConfigurationFile? parsed;
        try
        {
            parsed = JsonSerializer.Deserialize(json, ConfigurationJsonContext.Default.ConfigurationFile);
        }
        catch (JsonException exception)
        {
            error = JsonErrorFormatter.Format(exception, file, ConfigurationJsonContext.Default.ConfigurationFile);
            return false;
        }

        if (parsed is null)
        {
            error = $"{file}:1:1: the configuration must be a JSON object such as {{ \"folder\": \"release-notes\" }}";
            return false;
        }

        if (!TryReadCheck(parsed, file, out var check, out error) ||
            !TryReadAdd(parsed.Add, file, out var add, out error) ||
            !TryReadPromote(parsed.Promote, file, out var promote, out error) ||
            !TryReadProjects(parsed, file, out var projects, out error))
        {
            return false;
        }

        configuration = new ReleaseNotesConfiguration(check.Folder, add, promote, check with { Projects = projects }) { Projects = projects };
        return true;
    }

    /// <summary>Reads the configuration file at <paramref name="path"/>; a missing file gives <see cref="ReleaseNotesConfiguration.Default"/>.</summary>
    /// <exception cref="EnvironmentException">The file cannot be read or is not valid (the message says where and why).</exception>
    public static ReleaseNotesConfiguration Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            return ReleaseNotesConfiguration.Default;
        }

        if (!TryParse(ReleaseNotesFolder.ReadBytes(path), path, out var configuration, out var error))
        {
            throw new EnvironmentException($"the configuration is not valid: {error}");
        }

        return configuration;
    }

    private static bool TryReadCheck(ConfigurationFile parsed, string file, [NotNullWhen(true)] out CheckConfiguration? check, [NotNullWhen(false)] out string? error)
    {
        check = null;
        var ignore = ImmutableArray.CreateBuilder<GlobPattern>();
        foreach (var text in parsed.Ignore ?? [])
        {
            if (!GlobPattern.TryParse(text ?? string.Empty, out var pattern, out var patternError))
            {
                error = $"{file}: {patternError}";
                return false;
            }

            ignore.Add(pattern);
        }

        string? folder = null;
        if (parsed.Folder is not null)
        {
            folder = CheckConfiguration.NormalizeFolder(parsed.Folder);
            if (folder is null)
            {
                error = $"{file}: \"folder\" is '{parsed.Folder}'; write a folder relative to the repository root with '/', e.g. \"release-notes\"";
                return false;
            }
        }

        var none = parsed.Labels?.None ?? CheckConfiguration.DefaultNoneLabel;
        var edit = parsed.Labels?.Edit ?? CheckConfiguration.DefaultEditLabel;
        if (string.IsNullOrWhiteSpace(none) || string.IsNullOrWhiteSpace(edit) || none.Contains(',', StringComparison.Ordinal) || edit.Contains(',', StringComparison.Ordinal))
        {
            error = $"{file}: the labels \"none\" ('{none}') and \"edit\" ('{edit}') must be GitLab label names: not empty, without ','";
            return false;
        }

        Flags.FlagsConfiguration? flags = null;
        if (parsed.Flags is not null && !Flags.FlagsConfiguration.TryCreate(parsed.Flags, file, out flags, out error))
        {
            return false;
        }

        check = new CheckConfiguration(folder, ignore.ToImmutable(), none.Trim(), edit.Trim()) { Flags = flags };
        error = null;
        return true;
    }

    private static bool TryReadAdd(AddFile? add, string file, out AddDefaults defaults, [NotNullWhen(false)] out string? error)
    {
        defaults = AddDefaults.None;
        Visibility? section = null;
        ChangeType? type = null;
        if (add?.Section is { } sectionText && !TryEnum(sectionText, out section, file, "add.section", out error))
        {
            return false;
        }

        if (add?.Type is { } typeText && !TryEnum(typeText, out type, file, "add.type", out error))
        {
            return false;
        }

        defaults = new AddDefaults(section, type);
        error = null;
        return true;
    }

    private static bool TryReadPromote(PromoteFile? promote, string file, out PromoteDefaults defaults, [NotNullWhen(false)] out string? error)
    {
        defaults = PromoteDefaults.Default;
        VersionBump? bump = null;
        if (promote?.Bump is { } bumpText && !TryEnum(bumpText, out bump, file, "promote.bump", out error))
        {
            return false;
        }

        var prefix = promote?.TagPrefix ?? PromoteDefaults.DefaultTagPrefix;
        if (!IsTagPrefix(prefix))
        {
            error = $"{file}: \"promote.tagPrefix\" is '{prefix}'; a tag prefix is letters, digits, '.', '_', '-' or '/' (e.g. \"v\", \"release-\" or \"\"), not starting with '-' or '/'";
            return false;
        }

        defaults = new PromoteDefaults(bump ?? VersionBump.Minor, prefix, promote?.Commit ?? false, promote?.Tag ?? false);
        error = null;
        return true;
    }

    /// <summary>
    /// The <c>"projects"</c> of a monorepo: each needs a unique name, its own folder and at least one path; at most one
    /// is the default. <c>"folder"</c> beside them is refused: each project names its own.
    /// </summary>
    private static bool TryReadProjects(ConfigurationFile parsed, string file, out ImmutableArray<ReleaseNotesProject> projects, [NotNullWhen(false)] out string? error)
    {
        projects = [];
        error = null;
        if (parsed.Projects is null)
        {
            return true;
        }

        if (parsed.Folder is not null && parsed.Projects.Count > 0)
        {
            error = $"{file}: \"folder\" and \"projects\" cannot both be set; in a monorepo each project names its own \"folder\" (remove the top-level \"folder\")";
            return false;
        }

        var read = ImmutableArray.CreateBuilder<ReleaseNotesProject>();
        for (var index = 0; index < parsed.Projects.Count; index++)
        {
            var key = $"projects[{index.ToString(System.Globalization.CultureInfo.InvariantCulture)}]";
            if (parsed.Projects[index] is not { } project)
            {
                error = $"{file}: \"{key}\" is null; write an object such as {{ \"name\": \"manage\", \"folder\": \"apps/manage/release-notes\", \"paths\": [\"apps/manage/**\"] }}";
                return false;
            }

            var name = project.Name?.Trim() ?? string.Empty;
            if (!IsProjectName(name))
            {
                error = $"{file}: \"{key}.name\" is '{project.Name}'; a project name is letters, digits, '.', '_' or '-' (e.g. \"manage\"), starting with a letter or digit";
                return false;
            }

            if (read.Any(other => string.Equals(other.Name, name, StringComparison.OrdinalIgnoreCase)))
            {
                error = $"{file}: \"{key}.name\" '{name}' names two projects; give each project its own name";
                return false;
            }

            var folder = project.Folder is null ? null : CheckConfiguration.NormalizeFolder(project.Folder);
            if (string.IsNullOrEmpty(folder))
            {
                error = $"{file}: \"{key}.folder\" is '{project.Folder}'; write the project's notes folder relative to the repository root with '/', e.g. \"apps/{name}/release-notes\"";
                return false;
            }

            if (read.FirstOrDefault(other => other.Folder == folder) is { } same)
            {
                error = $"{file}: \"{key}.folder\" '{folder}' is also the folder of '{same.Name}'; each project keeps its own notes folder";
                return false;
            }

            var paths = ImmutableArray.CreateBuilder<GlobPattern>();
            foreach (var text in project.Paths ?? [])
            {
                if (!GlobPattern.TryParse(text ?? string.Empty, out var pattern, out var patternError))
                {
                    error = $"{file}: \"{key}.paths\": {patternError}";
                    return false;
                }

                paths.Add(pattern);
            }

            if (paths.Count == 0)
            {
                error = $"{file}: \"{key}.paths\" of '{name}' is missing or empty; list the paths the project owns, e.g. [\"apps/{name}/**\"]";
                return false;
            }

            var none = project.Labels?.None?.Trim() ?? ReleaseNotesProject.DefaultNoneLabel(name);
            if (none.Length == 0 || none.Contains(',', StringComparison.Ordinal))
            {
                error = $"{file}: \"{key}.labels.none\" is '{project.Labels?.None}'; a GitLab label name is not empty and has no ','";
                return false;
            }

            var prefix = project.TagPrefix ?? ReleaseNotesProject.DefaultTagPrefix(name);
            if (!IsTagPrefix(prefix))
            {
                error = $"{file}: \"{key}.tagPrefix\" is '{prefix}'; a tag prefix is letters, digits, '.', '_', '-' or '/' (e.g. \"{name}/v\"), not starting with '-' or '/'";
                return false;
            }

            if (project.Default == true && read.FirstOrDefault(other => other.IsDefault) is { } earlier)
            {
                error = $"{file}: \"{key}.default\": '{earlier.Name}' is already the default project; only one project can be";
                return false;
            }

            read.Add(new ReleaseNotesProject(name, folder, paths.ToImmutable()) { IsDefault = project.Default == true, NoneLabel = none, TagPrefix = prefix });
        }

        projects = read.ToImmutable();
        return true;
    }

    private static bool IsProjectName(string name) =>
        name.Length is > 0 and <= 64 && char.IsAsciiLetterOrDigit(name[0]) && name.All(character => char.IsAsciiLetterOrDigit(character) || character is '.' or '_' or '-');

    /// <summary>A prefix git accepts at the start of a tag name, kept to a safe subset.</summary>
    private static bool IsTagPrefix(string prefix) =>
        prefix.Length <= 50 && prefix.All(character => char.IsAsciiLetterOrDigit(character) || character is '.' or '_' or '-' or '/') &&
        !prefix.StartsWith('-') && !prefix.StartsWith('/') && !prefix.Contains("..", StringComparison.Ordinal) && !prefix.Contains("//", StringComparison.Ordinal);

    /// <summary>An enum value by name, ignoring case; numbers are refused (the JSON says words).</summary>
    private static bool TryEnum<T>(string text, out T? value, string file, string key, [NotNullWhen(false)] out string? error)
        where T : struct, Enum
    {
        var names = Enum.GetNames<T>().Select(name => name.ToLowerInvariant()).ToList();
        if (names.Contains(text.Trim().ToLowerInvariant()) && Enum.TryParse<T>(text.Trim(), ignoreCase: true, out var parsed))
        {
            value = parsed;
            error = null;
            return true;
        }

        value = null;
        var closest = Suggestion.Closest(text, names, 1);
        error = $"{file}: \"{key}\" is '{text}'{(closest.Count > 0 ? $" (did you mean '{closest[0]}'?)" : string.Empty)}; the valid values are {Suggestion.OrList(names, "\"")}";
        return false;
    }
}
