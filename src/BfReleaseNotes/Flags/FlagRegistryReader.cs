using BfReleaseNotes.Checks;
using BfReleaseNotes.Git;
using BfReleaseNotes.GitLab;
using BfReleaseNotes.Workspace;

namespace BfReleaseNotes.Flags;

/// <summary>
/// Reads the feature-flag registry a command or the merge-request check was pointed at: a registry file, or
/// GitLab's feature flags API. It holds what reading needs from outside (GitLab's CI variables, network
/// behaviour), so the checks themselves read no environment.
/// </summary>
public sealed class FlagRegistryReader
{
    /// <summary>GitLab's address, project and token; <see cref="GitLabCiEnvironment.None"/> when there is no GitLab.</summary>
    public GitLabCiEnvironment GitLab { get; init; } = GitLabCiEnvironment.None;

    /// <summary>Time limits and retries for GitLab.</summary>
    public GitLabClientOptions ClientOptions { get; init; } = new();

    /// <summary>
    /// Reads the registry: <c>gitlab</c> asks GitLab's API (all pages); anything else is a registry file read with
    /// <paramref name="readFile"/> (which returns null when the file does not exist).
    /// </summary>
    /// <param name="registry"><c>gitlab</c> or a file path.</param>
    /// <param name="environment">The environment whose states count.</param>
    /// <param name="betaAudience">The GitLab user list that is the beta audience, or null.</param>
    /// <param name="readFile">Reads a registry file's bytes; null when it does not exist.</param>
    /// <exception cref="EnvironmentException">The registry cannot be read or is not valid; the message says what to do.</exception>
    public FlagRegistry Read(string registry, string environment, string? betaAudience, Func<string, byte[]?> readFile)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(readFile);
        if (registry == FlagsConfiguration.GitLabRegistry)
        {
            var client = new GitLabFeatureFlagsClient(GitLab, ClientOptions);
            return GitLabRollout.ToRegistry(client.ListAll(), client.Source, environment, betaAudience);
        }

        var bytes = readFile(registry)
            ?? throw new EnvironmentException($"the feature-flag registry '{registry}' does not exist; create it (format in the README, section 'Feature flags: checking rollout status') or point --registry (or \"flags\".\"registry\" of the configuration) at it");
        if (!FlagRegistryFile.TryParse(bytes, registry, environment, out var parsed, out var error))
        {
            throw new EnvironmentException($"the feature-flag registry is not valid: {error}");
        }

        return parsed;
    }

    /// <summary>
    /// Reads the registry for <c>flags check</c>: the request's options first, then the <c>"flags"</c> object of
    /// <c>&lt;folder&gt;/config.json</c> (its registry path is relative to the repository root, like <c>"folder"</c>).
    /// </summary>
    /// <exception cref="EnvironmentException">No registry is configured, the configuration is not valid, or the registry cannot be read.</exception>
    public FlagRegistry ReadFor(FlagCheckRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var configPath = Path.Combine(request.Folder.Path, CheckConfiguration.FileName);
        var settings = FlagsConfiguration.Default;
        if (File.Exists(configPath))
        {
            if (!CheckConfiguration.TryParse(ReleaseNotesFolder.ReadBytes(configPath), configPath, out var configuration, out var error))
            {
                throw new EnvironmentException($"the configuration is not valid: {error}");
            }

            settings = configuration.Flags ?? settings;
        }

        var environment = request.Environment ?? settings.Environment;
        var betaAudience = request.BetaAudience ?? settings.BetaAudience;
        if (request.Registry is { } fromOption)
        {
            return Read(fromOption, environment, betaAudience, ReadIfExists);
        }

        if (settings.Registry is null)
        {
            throw new EnvironmentException(
                $"no feature-flag registry: pass --registry FILE or --registry gitlab, or set \"flags\": {{ \"registry\": \"gitlab\" }} in {configPath}");
        }

        // Paths in the configuration are relative to the repository root; outside a repository, to the folder's parent.
        var root = RepositoryLocator.Discover(request.Folder.Path) ?? Path.GetDirectoryName(Path.GetFullPath(request.Folder.Path))!;
        return Read(settings.Registry, environment, betaAudience, path => ReadIfExists(Path.Combine(root, path)) is { } bytes ? bytes : null);
    }

    private static byte[]? ReadIfExists(string path) => File.Exists(path) ? ReleaseNotesFolder.ReadBytes(path) : null;
}
