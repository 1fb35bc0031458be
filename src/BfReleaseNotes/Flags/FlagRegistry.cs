using System.Collections.Immutable;

namespace BfReleaseNotes.Flags;

/// <summary>
/// The flags a feature-flag registry knows, each with its state in one environment. Read from a registry file
/// (<see cref="FlagRegistryFile"/>) or from GitLab (<see cref="GitLabFeatureFlagsClient"/>).
/// </summary>
/// <param name="Source">Where it was read, for messages: a file path or <c>GitLab project 42</c>.</param>
/// <param name="Environment">The environment the states are for, e.g. <c>production</c>.</param>
/// <param name="Flags">The flags, keys unique (compared ordinally).</param>
public sealed record FlagRegistry(string Source, string Environment, ImmutableArray<RegisteredFlag> Flags)
{
    /// <summary>The flag with exactly this key, or null.</summary>
    public RegisteredFlag? Find(string key) => Flags.FirstOrDefault(flag => string.Equals(flag.Key, key, StringComparison.Ordinal));

    /// <summary>Compares field by field (the flags by content).</summary>
    public bool Equals(FlagRegistry? other) =>
        other is not null && Source == other.Source && Environment == other.Environment && Flags.SequenceEqual(other.Flags);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Source, Environment, Flags.Length);
}
