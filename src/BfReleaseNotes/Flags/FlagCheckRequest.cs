using BfReleaseNotes.Workspace;

namespace BfReleaseNotes.Flags;

/// <summary>
/// What <c>flags check</c> was asked: the release-notes folder and the options; whatever an option leaves out
/// comes from the <c>"flags"</c> object of <c>&lt;folder&gt;/config.json</c>, else the defaults.
/// </summary>
/// <param name="Folder">The release-notes folder.</param>
public sealed record FlagCheckRequest(ReleaseNotesFolder Folder)
{
    /// <summary><c>gitlab</c>, or a registry file's path (as the caller resolved it); null takes the configuration's.</summary>
    public string? Registry { get; init; }

    /// <summary>The environment; null takes the configuration's, else <c>production</c>.</summary>
    public string? Environment { get; init; }

    /// <summary>The GitLab user list that is the beta audience; null takes the configuration's.</summary>
    public string? BetaAudience { get; init; }

    /// <summary>Warnings are errors.</summary>
    public bool Strict { get; init; }
}
