using System.Text.Json;
using System.Text.Json.Serialization;

namespace BfReleaseNotes.Configuration;

/// <summary>
/// <c>release-notes/config.json</c> as JSON: every member optional, unknown keys refused (see
/// <see cref="ConfigurationJsonContext"/>). The schema editors complete from is <c>release-notes/config.schema.json</c>.
/// </summary>
/// <remarks>
/// Adding a section for a capability (the pattern every section follows):
/// 1. one nullable property here, named after the capability (<c>"release"</c>, <c>"flags"</c>, <c>"render"</c>),
///    whose type is a small class or record in the capability's own folder (source generation picks it up);
/// 2. one property on <see cref="ReleaseNotesConfiguration"/> and one line in <see cref="ConfigurationReader"/>
///    that validates it and turns it into the capability's settings (errors name the file and the key);
/// 3. the section in <c>release-notes/config.schema.json</c> (the schema test fails when a key is missing there).
/// Unknown keys, wrong types and malformed JSON are worded by <see cref="JsonErrorFormatter"/> from the metadata,
/// so a new section needs no error code of its own.
/// </remarks>
internal sealed class ConfigurationFile
{
    /// <summary>The schema an editor validates against; ignored by the tool.</summary>
    [JsonPropertyName("$schema")]
    public string? Schema { get; set; }

    public string? Folder { get; set; }

    public IReadOnlyList<string?>? Ignore { get; set; }

    public LabelsFile? Labels { get; set; }

    public AddFile? Add { get; set; }

    public PromoteFile? Promote { get; set; }

    /// <summary>The release settings (<c>promote --bump auto</c>), read by <see cref="Promotion.ReleaseSettings"/>.</summary>
    public Promotion.ReleaseConfigurationFile? Release { get; set; }

    /// <summary>The feature-flag registry settings, owned by <see cref="Flags.FlagsConfiguration"/>.</summary>
    public Flags.FlagsConfigurationFile? Flags { get; set; }

    /// <summary>The products of a monorepo, each with its own notes folder and the paths it owns (see <see cref="ReleaseNotesProject"/>).</summary>
    public IReadOnlyList<ProjectFile?>? Projects { get; set; }
}

/// <summary>One entry of <c>projects</c>.</summary>
internal sealed class ProjectFile
{
    public string? Name { get; set; }

    public string? Folder { get; set; }

    public IReadOnlyList<string?>? Paths { get; set; }

    public bool? Default { get; set; }

    public ProjectLabelsFile? Labels { get; set; }

    public string? TagPrefix { get; set; }
}

/// <summary>A project's <c>labels</c>: its own opt-out label.</summary>
internal sealed class ProjectLabelsFile
{
    public string? None { get; set; }
}

/// <summary>The <c>labels</c> object: the check's label names.</summary>
internal sealed class LabelsFile
{
    public string? None { get; set; }

    public string? Edit { get; set; }
}

/// <summary>The <c>add</c> object: defaults of <c>add</c>.</summary>
internal sealed class AddFile
{
    public string? Section { get; set; }

    public string? Type { get; set; }
}

/// <summary>The <c>promote</c> object: defaults of <c>promote</c>.</summary>
internal sealed class PromoteFile
{
    public string? Bump { get; set; }

    public string? TagPrefix { get; set; }

    public bool? Commit { get; set; }

    public bool? Tag { get; set; }
}

/// <summary>Strict, source-generated reading (NativeAOT): unknown keys are errors, comments and trailing commas are allowed.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(ConfigurationFile))]
internal sealed partial class ConfigurationJsonContext : JsonSerializerContext;
