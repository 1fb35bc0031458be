using BfReleaseNotes.Model;

namespace BfReleaseNotes.Configuration;

/// <summary>The <c>"add"</c> section: what <c>add</c> uses when <c>--section</c> or <c>--type</c> is not given.</summary>
/// <param name="Section">The default section, or null (then <c>--section</c> is required).</param>
/// <param name="Type">The default change type, or null (then <c>--type</c> is required).</param>
public sealed record AddDefaults(Visibility? Section, ChangeType? Type)
{
    /// <summary>No defaults: <c>add</c> needs both options.</summary>
    public static AddDefaults None { get; } = new(null, null);
}
