using System.Collections.Immutable;
using BfReleaseNotes.Checks;

namespace BfReleaseNotes.Configuration;

/// <summary>
/// The settings of every command, from the optional <c>release-notes/config.json</c> (read by
/// <see cref="ConfigurationReader"/>, from disk or from a git blob's bytes):
/// <code>
/// {
///   "$schema": "./config.schema.json",
///   "folder": "docs/notes",
///   "add": { "section": "public", "type": "fixed" },
///   "promote": { "bump": "minor", "tagPrefix": "v", "commit": true, "tag": true },
///   "ignore": ["docs/**", "*.txt"],
///   "labels": { "none": "release-notes::none", "edit": "release-notes::edit" }
/// }
/// </code>
/// </summary>
/// <param name="Folder">The release-notes folder relative to the repository root (<c>/</c>-separated); null for the default <c>release-notes</c>.</param>
/// <param name="Add">Defaults of <c>add</c>.</param>
/// <param name="Promote">Defaults of <c>promote</c>.</param>
/// <param name="Check">The merge-request check's settings (<c>ignore</c>, <c>labels</c>).</param>
public sealed record ReleaseNotesConfiguration(string? Folder, AddDefaults Add, PromoteDefaults Promote, CheckConfiguration Check)
{
    /// <summary>The file name, inside the release-notes folder.</summary>
    public const string FileName = "config.json";

    /// <summary>
    /// The products of a monorepo (<c>"projects"</c>), in the order written; empty for a repository with one notes
    /// folder, where everything works as without the key. See <see cref="ReleaseNotesProject"/>.
    /// </summary>
    public ImmutableArray<ReleaseNotesProject> Projects { get; init; } = [];

    /// <summary>The settings when there is no configuration file.</summary>
    public static ReleaseNotesConfiguration Default { get; } = new(null, AddDefaults.None, PromoteDefaults.Default, CheckConfiguration.Default);
}
