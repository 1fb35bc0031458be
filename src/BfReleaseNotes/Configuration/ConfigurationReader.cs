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
    /// Parses a configuration file's bytes (a UTF-8 BOM is allowed). Returns false with the file, line and column of
    /// the problem and what to do, when the JSON is malformed, a key is unknown or a value is not valid; a refused value
    /// is located at the value itself.
    /// </summary>
    /// <example><code>ConfigurationReader.TryRead(File.ReadAllBytes(path), path, out var configuration, out var error)</code></example>
    public static bool TryRead(ReadOnlySpan<byte> json, string file, [NotNullWhen(true)] out ReleaseNotesConfiguration? configuration, [NotNullWhen(false)] out Checks.ConfigurationError? error)
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
            var (line, column, message) = JsonErrorFormatter.Describe(exception, ConfigurationJsonContext.Default.ConfigurationFile);
            error = new Checks.ConfigurationError(file, line, column, message);
            return false;
        }

        if (parsed is null)
        {
            error = new Checks.ConfigurationError(file, 1, 1, "the configuration must be a JSON object such as { \"folder\": \"release-notes\" }");
            return false;
        }

        if (!TryReadCheck(parsed, out var check, out var problem) ||
            !TryReadAdd(parsed.Add, out var add, out problem) ||
            !TryReadPromote(parsed.Promote, out var promote, out problem) ||
            !TryReadProjects(parsed, out var projects, out problem))
        {
            var (line, column) = JsonValuePositions.Index(json).Of(problem.Path);
            error = new Checks.ConfigurationError(file, line, column, problem.Message);
            return false;
        }

        configuration = new ReleaseNotesConfiguration(check.Folder, add, promote, check with { Projects = projects }) { Projects = projects };
        error = null;
        return true;
    }

    /// <summary>
    /// As <see cref="TryRead"/>, with the error as one line <c>file:line:col: message</c>, the form editors and CI
    /// logs link to.
    /// </summary>
    /// <example><code>ConfigurationReader.TryParse(File.ReadAllBytes(path), path, out var configuration, out var error)</code></example>
    public static bool TryParse(ReadOnlySpan<byte> json, string file, [NotNullWhen(true)] out ReleaseNotesConfiguration? configuration, [NotNullWhen(false)] out string? error)
    {
        var read = TryRead(json, file, out configuration, out var located);
        error = located?.ToString();
        return read;
    }

    /// <summary>A value the configuration's rules refuse: its JSON path (null for the whole file) and why.</summary>
    private sealed record Problem(string? Path, string Message);

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

    private static bool TryReadCheck(ConfigurationFile parsed, [NotNullWhen(true)] out CheckConfiguration? check, [NotNullWhen(false)] out Problem? problem)
    {
        check = null;
        var ignore = ImmutableArray.CreateBuilder<GlobPattern>();
        var patterns = parsed.Ignore ?? [];
        for (var index = 0; index < patterns.Count; index++)
        {
            if (!GlobPattern.TryParse(patterns[index] ?? string.Empty, out var pattern, out var patternError))
            {
                problem = new Problem($"ignore[{index.ToString(System.Globalization.CultureInfo.InvariantCulture)}]", patternError);
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
                problem = new Problem("folder", $"\"folder\" is '{parsed.Folder}'; write a folder relative to the repository root with '/', e.g. \"release-notes\"");
                return false;
            }
        }

        var none = parsed.Labels?.None ?? CheckConfiguration.DefaultNoneLabel;
        var edit = parsed.Labels?.Edit ?? CheckConfiguration.DefaultEditLabel;
        if (string.IsNullOrWhiteSpace(none) || string.IsNullOrWhiteSpace(edit) || none.Contains(',', StringComparison.Ordinal) || edit.Contains(',', StringComparison.Ordinal))
        {
            var wrong = string.IsNullOrWhiteSpace(none) || none.Contains(',', StringComparison.Ordinal) ? "labels.none" : "labels.edit";
            problem = new Problem(wrong, $"the labels \"none\" ('{none}') and \"edit\" ('{edit}') must be GitLab label names: not empty, without ','");
            return false;
        }

        Flags.FlagsConfiguration? flags = null;
        if (parsed.Flags is not null && !Flags.FlagsConfiguration.TryCreate(parsed.Flags, out flags, out var flagsKey, out var flagsError))
        {
            problem = new Problem(flagsKey, flagsError);
            return false;
        }

        check = new CheckConfiguration(folder, ignore.ToImmutable(), none.Trim(), edit.Trim()) { Flags = flags };
        problem = null;
        return true;
    }

    private static bool TryReadAdd(AddFile? add, out AddDefaults defaults, [NotNullWhen(false)] out Problem? problem)
    {
        defaults = AddDefaults.None;
        Visibility? section = null;
        ChangeType? type = null;
        if (add?.Section is { } sectionText && !TryEnum(sectionText, out section, "add.section", out problem))
        {
            return false;
        }

        if (add?.Type is { } typeText && !TryEnum(typeText, out type, "add.type", out problem))
        {
            return false;
        }

        defaults = new AddDefaults(section, type);
        problem = null;
        return true;
    }

    private static bool TryReadPromote(PromoteFile? promote, out PromoteDefaults defaults, [NotNullWhen(false)] out Problem? problem)
    {
        defaults = PromoteDefaults.Default;
        VersionBump? bump = null;
        if (promote?.Bump is { } bumpText && !TryEnum(bumpText, out bump, "promote.bump", out problem))
        {
            return false;
        }

        var prefix = promote?.TagPrefix ?? PromoteDefaults.DefaultTagPrefix;
        if (!IsTagPrefix(prefix))
        {
            problem = new Problem("promote.tagPrefix", $"\"promote.tagPrefix\" is '{prefix}'; a tag prefix is letters, digits, '.', '_', '-' or '/' (e.g. \"v\", \"release-\" or \"\"), not starting with '-' or '/'");
            return false;
        }

        defaults = new PromoteDefaults(bump ?? VersionBump.Minor, prefix, promote?.Commit ?? false, promote?.Tag ?? false);
        problem = null;
        return true;
    }

    /// <summary>
    /// The <c>"projects"</c> of a monorepo: each needs a unique name, its own folder and at least one path; at most one
    /// is the default. <c>"folder"</c> beside them is refused: each project names its own.
    /// </summary>
    private static bool TryReadProjects(ConfigurationFile parsed, out ImmutableArray<ReleaseNotesProject> projects, [NotNullWhen(false)] out Problem? problem)
    {
        projects = [];
        problem = null;
        if (parsed.Projects is null)
        {
            return true;
        }

        if (parsed.Folder is not null && parsed.Projects.Count > 0)
        {
            problem = new Problem("folder", $"\"folder\" and \"projects\" cannot both be set; in a monorepo each project names its own \"folder\" (remove the top-level \"folder\")");
            return false;
        }

        var read = ImmutableArray.CreateBuilder<ReleaseNotesProject>();
        for (var index = 0; index < parsed.Projects.Count; index++)
        {
            var key = $"projects[{index.ToString(System.Globalization.CultureInfo.InvariantCulture)}]";
            if (parsed.Projects[index] is not { } project)
            {
                problem = new Problem(key, $"\"{key}\" is null; write an object such as {{ \"name\": \"manage\", \"folder\": \"apps/manage/release-notes\", \"paths\": [\"apps/manage/**\"] }}");
                return false;
            }

            var name = project.Name?.Trim() ?? string.Empty;
            if (!IsProjectName(name))
            {
                problem = new Problem($"{key}.name", $"\"{key}.name\" is '{project.Name}'; a project name is letters, digits, '.', '_' or '-' (e.g. \"manage\"), starting with a letter or digit");
                return false;
            }

            if (read.Any(other => string.Equals(other.Name, name, StringComparison.OrdinalIgnoreCase)))
            {
                problem = new Problem($"{key}.name", $"\"{key}.name\" '{name}' names two projects; give each project its own name");
                return false;
            }

            var folder = project.Folder is null ? null : CheckConfiguration.NormalizeFolder(project.Folder);
            if (string.IsNullOrEmpty(folder))
            {
                problem = new Problem($"{key}.folder", $"\"{key}.folder\" is '{project.Folder}'; write the project's notes folder relative to the repository root with '/', e.g. \"apps/{name}/release-notes\"");
                return false;
            }

            if (read.FirstOrDefault(other => other.Folder == folder) is { } same)
            {
                problem = new Problem($"{key}.folder", $"\"{key}.folder\" '{folder}' is also the folder of '{same.Name}'; each project keeps its own notes folder");
                return false;
            }

            var paths = ImmutableArray.CreateBuilder<GlobPattern>();
            var projectPaths = project.Paths ?? [];
            for (var pathIndex = 0; pathIndex < projectPaths.Count; pathIndex++)
            {
                if (!GlobPattern.TryParse(projectPaths[pathIndex] ?? string.Empty, out var pattern, out var patternError))
                {
                    problem = new Problem($"{key}.paths[{pathIndex.ToString(System.Globalization.CultureInfo.InvariantCulture)}]", $"\"{key}.paths\": {patternError}");
                    return false;
                }

                paths.Add(pattern);
            }

            if (paths.Count == 0)
            {
                problem = new Problem($"{key}.paths", $"\"{key}.paths\" of '{name}' is missing or empty; list the paths the project owns, e.g. [\"apps/{name}/**\"]");
                return false;
            }

            var none = project.Labels?.None?.Trim() ?? ReleaseNotesProject.DefaultNoneLabel(name);
            if (none.Length == 0 || none.Contains(',', StringComparison.Ordinal))
            {
                problem = new Problem($"{key}.labels.none", $"\"{key}.labels.none\" is '{project.Labels?.None}'; a GitLab label name is not empty and has no ','");
                return false;
            }

            var prefix = project.TagPrefix ?? ReleaseNotesProject.DefaultTagPrefix(name);
            if (!IsTagPrefix(prefix))
            {
                problem = new Problem($"{key}.tagPrefix", $"\"{key}.tagPrefix\" is '{prefix}'; a tag prefix is letters, digits, '.', '_', '-' or '/' (e.g. \"{name}/v\"), not starting with '-' or '/'");
                return false;
            }

            if (project.Default == true && read.FirstOrDefault(other => other.IsDefault) is { } earlier)
            {
                problem = new Problem($"{key}.default", $"\"{key}.default\": '{earlier.Name}' is already the default project; only one project can be");
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
    private static bool TryEnum<T>(string text, out T? value, string key, [NotNullWhen(false)] out Problem? problem)
        where T : struct, Enum
    {
        var names = Enum.GetNames<T>().Select(name => name.ToLowerInvariant()).ToList();
        if (names.Contains(text.Trim().ToLowerInvariant()) && Enum.TryParse<T>(text.Trim(), ignoreCase: true, out var parsed))
        {
            value = parsed;
            problem = null;
            return true;
        }

        value = null;
        var closest = Suggestion.Closest(text, names, 1);
        problem = new Problem(key, $"\"{key}\" is '{text}'{(closest.Count > 0 ? $" (did you mean '{closest[0]}'?)" : string.Empty)}; the valid values are {Suggestion.OrList(names, "\"")}");
        return false;
    }
}
