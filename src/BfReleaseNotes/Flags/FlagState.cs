namespace BfReleaseNotes.Flags;

/// <summary>
/// How far a feature flag is rolled out in one environment, as a feature-flag registry says. Ordered from closed
/// to open, so the most open of several strategies is the largest value.
/// </summary>
public enum FlagState
{
    /// <summary>The registry knows the flag but says nothing about this environment.</summary>
    Unspecified,

    /// <summary>Off: nobody sees the feature.</summary>
    Off,

    /// <summary>On for chosen users only (the team, a user list that is not the beta audience).</summary>
    Internal,

    /// <summary>On for a percentage of users, below 100 (see <see cref="RegisteredFlag.Percentage"/>).</summary>
    Percentage,

    /// <summary>On for the beta audience.</summary>
    Beta,

    /// <summary>On for everyone (all users, or a 100% rollout).</summary>
    On,

    /// <summary>Removed from the registry: the feature shipped or was dropped, and the flag is gone.</summary>
    Removed,
}
