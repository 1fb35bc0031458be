namespace BfReleaseNotes.Flags;

/// <summary>One flag of a feature-flag registry and its state in the environment the registry was read for.</summary>
/// <param name="Key">The flag key, as the registry spells it.</param>
/// <param name="State">Its rollout in the environment.</param>
/// <param name="Percentage">The share of users for <see cref="FlagState.Percentage"/> (1 to 99); null otherwise.</param>
/// <param name="Reason">Why the state is what it is, for people: e.g. <c>strategy 'default' (all users) in scope '*'</c>.</param>
public sealed record RegisteredFlag(string Key, FlagState State, int? Percentage, string Reason)
{
    /// <summary>The state in words, e.g. <c>on for 25% of users</c>.</summary>
    public string Describe() => State switch
    {
        FlagState.Unspecified => "known, with no state for this environment",
        FlagState.Off => "off",
        FlagState.Internal => "on for chosen users only",
        FlagState.Percentage => $"on for {Percentage}% of users",
        FlagState.Beta => "on for the beta audience",
        FlagState.On => "on for everyone",
        FlagState.Removed => "removed",
        _ => State.ToString(),
    };
}
