using System.Collections.Immutable;
using BfReleaseNotes.Checks;

namespace BfReleaseNotes.Configuration;

/// <summary>
/// One product of a monorepo (an entry of <c>"projects"</c> in the root's <c>release-notes/config.json</c>): its own
/// notes folder, the paths it owns, and its own opt-out label and tag prefix.
/// <code>
/// { "name": "manage", "folder": "apps/manage/release-notes", "paths": ["apps/manage/**", "libs/shared/**"],
///   "default": true, "labels": { "none": "release-notes-manage::none" }, "tagPrefix": "manage/v" }
/// </code>
/// </summary>
/// <param name="Name">The project's name (<c>--project NAME</c>, <c>Release-Notes: none(NAME) - reason</c>): letters, digits, '.', '_' and '-'.</param>
/// <param name="Folder">Its release-notes folder relative to the repository root, with <c>/</c>.</param>
/// <param name="Paths">The paths it owns (globs as in <c>"ignore"</c>); a merge request that changes one of them needs this project's notes.</param>
public sealed record ReleaseNotesProject(string Name, string Folder, ImmutableArray<GlobPattern> Paths)
{
    /// <summary>True for the project a command uses when none is named or inferred, and that owns the paths no other project owns.</summary>
    public bool IsDefault { get; init; }

    /// <summary>The label that opts a merge request out of this project's notes only (default <c>release-notes-NAME::none</c>).</summary>
    public string NoneLabel { get; init; } = string.Empty;

    /// <summary>What stands before the version in this project's release tags (default <c>NAME/v</c>: <c>manage/v1.4.0</c>).</summary>
    public string TagPrefix { get; init; } = string.Empty;

    /// <summary>
    /// The default per-project opt-out label. GitLab allows one label per scope (the part before the last <c>::</c>) on a
    /// merge request, so each project gets a scope of its own: <c>release-notes-manage::none</c> and
    /// <c>release-notes-admin::none</c> can be set together, and neither excludes <c>release-notes::edit</c>.
    /// </summary>
    public static string DefaultNoneLabel(string name) => $"release-notes-{name}::none";

    /// <summary>The default tag prefix: <c>NAME/v</c>, so projects' tags never collide.</summary>
    public static string DefaultTagPrefix(string name) => $"{name}/v";

    /// <summary>True when this project owns the repository-relative path (one of its <see cref="Paths"/> matches it).</summary>
    public bool Owns(string path) => Paths.Any(pattern => pattern.IsMatch(path));

    /// <summary>True when the repository-relative file is in this project's notes folder.</summary>
    public bool HoldsNotesFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Folder.Length == 0 ? !path.Contains('/', StringComparison.Ordinal) : path.StartsWith(Folder + "/", StringComparison.Ordinal) && !path[(Folder.Length + 1)..].Contains('/', StringComparison.Ordinal);
    }

    /// <summary>Compares field by field (the paths by content).</summary>
    public bool Equals(ReleaseNotesProject? other) =>
        other is not null && Name == other.Name && Folder == other.Folder && Paths.SequenceEqual(other.Paths) && IsDefault == other.IsDefault &&
        NoneLabel == other.NoneLabel && TagPrefix == other.TagPrefix;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Name, Folder, Paths.Length, IsDefault);
}
