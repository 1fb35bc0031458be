namespace BfReleaseNotes.GitLab;

/// <summary>
/// The GitLab CI variables the API clients need, read once from the environment (or given by options): where the
/// API is, which project, and which token. Each value remembers its source so errors can name the variable to set.
/// </summary>
/// <param name="ApiUrl">The REST API root, e.g. <c>https://gitlab.example.com/api/v4</c> (<c>CI_API_V4_URL</c>).</param>
/// <param name="ApiUrlSource">Where <paramref name="ApiUrl"/> came from, e.g. <c>CI_API_V4_URL</c> or <c>--api-url</c>.</param>
/// <param name="ProjectId">The project id or full path (<c>CI_PROJECT_ID</c>).</param>
/// <param name="ProjectIdSource">Where <paramref name="ProjectId"/> came from.</param>
/// <param name="Token">The token: <c>GITLAB_TOKEN</c> (as <c>PRIVATE-TOKEN</c>) first, else <c>CI_JOB_TOKEN</c> (as <c>JOB-TOKEN</c>).</param>
public sealed record GitLabCiEnvironment(string? ApiUrl, string ApiUrlSource, string? ProjectId, string ProjectIdSource, GitLabToken? Token)
{
    /// <summary>The variable GitLab CI sets to the REST API root.</summary>
    public const string ApiUrlVariable = "CI_API_V4_URL";

    /// <summary>The variable GitLab CI sets to the project's numeric id.</summary>
    public const string ProjectIdVariable = "CI_PROJECT_ID";

    /// <summary>The variable a user sets to a personal, project or group access token.</summary>
    public const string TokenVariable = "GITLAB_TOKEN";

    /// <summary>The variable GitLab CI sets to the job's own token.</summary>
    public const string JobTokenVariable = "CI_JOB_TOKEN";

    /// <summary>No GitLab at all: every value missing (a library caller that configured none).</summary>
    public static GitLabCiEnvironment None { get; } = new(null, ApiUrlVariable, null, ProjectIdVariable, null);

    /// <summary>Reads the variables; empty values count as unset.</summary>
    /// <example><code>var gitlab = GitLabCiEnvironment.FromVariables(variables) with { ProjectId = "42", ProjectIdSource = "--project" };</code></example>
    public static GitLabCiEnvironment FromVariables(IReadOnlyDictionary<string, string> variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        return FromVariables(name => variables.TryGetValue(name, out var value) ? value : null);
    }

    /// <summary>Reads the variables through <paramref name="variable"/>; empty values count as unset.</summary>
    public static GitLabCiEnvironment FromVariables(Func<string, string?> variable)
    {
        ArgumentNullException.ThrowIfNull(variable);
        string? Read(string name) => variable(name) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

        // A token the user chose says what they mean; the job token is the fallback every CI job has.
        var token = Read(TokenVariable) is { } personal ? new GitLabToken(GitLabToken.PrivateTokenHeader, TokenVariable, personal)
            : Read(JobTokenVariable) is { } job ? new GitLabToken(GitLabToken.JobTokenHeader, JobTokenVariable, job)
            : null;
        return new GitLabCiEnvironment(Read(ApiUrlVariable), ApiUrlVariable, Read(ProjectIdVariable), ProjectIdVariable, token);
    }
}
