using BfReleaseNotes.Git;

namespace BfReleaseNotes.Checks;

/// <summary>
/// What a check reads from the range once, however many projects it judges: the changes between the merge base and
/// head (a tree diff with rename detection, the costliest read) and the check's configuration file at both ends,
/// the head one parsed. A monorepo check gathers evidence once for the repository and once per project; each reads
/// these from here instead of diffing and parsing again.
/// </summary>
/// <param name="Changes">The changes from the merge base to head.</param>
/// <param name="ConfigPath">The configuration file's path in the repository.</param>
/// <param name="BaseConfigBytes">The configuration file at the merge base (null: none there).</param>
/// <param name="HeadConfigBytes">The configuration file at head (null: none there).</param>
/// <param name="HeadConfiguration">The head configuration when it can be read (null: none there, or an error).</param>
/// <param name="HeadConfigurationError">Why the head configuration cannot be read (null: it can, or there is none).</param>
internal sealed record RangeReading(
    IReadOnlyList<GitChange> Changes,
    string ConfigPath,
    byte[]? BaseConfigBytes,
    byte[]? HeadConfigBytes,
    CheckConfiguration? HeadConfiguration,
    ConfigurationError? HeadConfigurationError)
{
    /// <summary>True when the merge request changes, adds or deletes the configuration file.</summary>
    // Stryker disable once NullCoalescing : the '?? []' are reached only when both sides are null or neither is, and a null array is an empty span
    public bool ConfigurationChanged =>
        (HeadConfigBytes is null) != (BaseConfigBytes is null) || !(HeadConfigBytes ?? []).AsSpan().SequenceEqual(BaseConfigBytes ?? []);

    /// <summary>Reads the range's changes and the head configuration; the base one was read (and judged) first.</summary>
    public static RangeReading Read(GitRepository git, CheckRange range, string configPath, byte[]? baseConfigBytes)
    {
        var headConfigBytes = git.ReadFile(range.HeadCommit, configPath);
        CheckConfiguration? headConfiguration = null;
        ConfigurationError? headError = null;
        if (headConfigBytes is not null)
        {
            // When the file cannot be read, TryRead leaves the configuration null and says why in the error.
            _ = CheckConfiguration.TryRead(headConfigBytes, configPath, out headConfiguration, out headError);
        }

        return new RangeReading(
            git.Changes(range.MergeBaseCommit, range.HeadCommit), configPath, baseConfigBytes, headConfigBytes, headConfiguration, headError);
    }
}
