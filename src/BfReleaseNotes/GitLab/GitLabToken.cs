namespace BfReleaseNotes.GitLab;

/// <summary>
/// A GitLab API token and where it came from. <see cref="ToString"/> names the variable, never the value, so a
/// token cannot reach a log through string formatting.
/// </summary>
/// <param name="Header">The request header GitLab reads it from: <c>PRIVATE-TOKEN</c> or <c>JOB-TOKEN</c>.</param>
/// <param name="Variable">The environment variable (or option) it came from, named in error messages.</param>
/// <param name="Value">The secret itself; only ever sent in <see cref="Header"/>.</param>
public sealed record GitLabToken(string Header, string Variable, string Value)
{
    /// <summary>The header for personal, project and group access tokens.</summary>
    public const string PrivateTokenHeader = "PRIVATE-TOKEN";

    /// <summary>The header for a CI job's own token.</summary>
    public const string JobTokenHeader = "JOB-TOKEN";

    /// <summary>True for a CI job token, which GitLab lets read only some endpoints.</summary>
    public bool IsJobToken => Header == JobTokenHeader;

    /// <summary>Names the token's source, never its value.</summary>
    public override string ToString() => $"the token in {Variable} (sent as {Header})";
}
