using System.Diagnostics.CodeAnalysis;

namespace BfReleaseNotes.Flags;

/// <summary>
/// The <c>"flags"</c> object of <c>release-notes/config.json</c>: where the feature-flag registry is, which
/// environment counts, and which GitLab user list is the beta audience.
/// <code>
/// "flags": { "registry": "gitlab", "environment": "production", "betaAudience": "beta-testers" }
/// </code>
/// With a registry configured, the merge-request check fails on flags the registry does not know.
/// </summary>
/// <param name="Registry"><c>gitlab</c>, or a registry file's path relative to the repository root; null when none is configured.</param>
/// <param name="Environment">The environment whose rollout decides (default <c>production</c>).</param>
/// <param name="BetaAudience">The name of the GitLab user list that is the beta audience; null when there is none.</param>
public sealed record FlagsConfiguration(string? Registry, string Environment, string? BetaAudience)
{
    /// <summary>The <see cref="Registry"/> value that reads GitLab's feature flags API.</summary>
    public const string GitLabRegistry = "gitlab";

    /// <summary>The environment checked when none is configured.</summary>
    public const string DefaultEnvironment = "production";

    /// <summary>No registry, production, no beta audience.</summary>
    public static FlagsConfiguration Default { get; } = new(null, DefaultEnvironment, null);

    /// <summary>Turns the JSON object into settings, or says what is wrong with it and at which key (<c>flags.registry</c>).</summary>
    internal static bool TryCreate(FlagsConfigurationFile file, [NotNullWhen(true)] out FlagsConfiguration? configuration, [NotNullWhen(false)] out string? key, [NotNullWhen(false)] out string? error)
    {
        configuration = null;
        key = null;
        string? registry = null;
        if (file.Registry is not null)
        {
            // Stryker disable once Conditional : "gitlab" normalizes to itself, so always normalizing gives the same value
            registry = file.Registry == GitLabRegistry ? GitLabRegistry : Checks.CheckConfiguration.NormalizeFolder(file.Registry);
            if (string.IsNullOrEmpty(registry))
            {
                key = "flags.registry";
                error = $"\"flags\".\"registry\" is '{file.Registry}'; write \"gitlab\" or a file path relative to the repository root with '/', e.g. \"release-notes/flags.json\"";
                return false;
            }
        }

        if (file.Environment is not null && (file.Environment.Trim().Length == 0 || file.Environment.Any(char.IsControl)))
        {
            key = "flags.environment";
            error = $"\"flags\".\"environment\" must be an environment name such as \"production\"";
            return false;
        }

        if (file.BetaAudience is not null && (file.BetaAudience.Trim().Length == 0 || file.BetaAudience.Any(char.IsControl)))
        {
            key = "flags.betaAudience";
            error = $"\"flags\".\"betaAudience\" must be the name of a GitLab feature-flag user list, such as \"beta-testers\"";
            return false;
        }

        configuration = new FlagsConfiguration(registry, file.Environment?.Trim() ?? DefaultEnvironment, file.BetaAudience?.Trim());
        error = null;
        return true;
    }
}

/// <summary>The <c>"flags"</c> object of the configuration file as JSON: every member optional.</summary>
internal sealed class FlagsConfigurationFile
{
    public string? Registry { get; set; }

    public string? Environment { get; set; }

    public string? BetaAudience { get; set; }
}
