using BfReleaseNotes.Promotion;

namespace BfReleaseNotes.Configuration;

/// <summary>The <c>"promote"</c> section: the defaults of <c>promote</c>.</summary>
/// <param name="Bump">The bump when no <c>--version</c> or <c>--bump</c> is given.</param>
/// <param name="TagPrefix">What stands before the version in a release tag (<c>v</c> makes <c>v1.42.0</c>).</param>
/// <param name="Commit">True to commit the release without <c>--commit</c> (<c>--no-commit</c> turns it off for one run).</param>
/// <param name="Tag">True to tag the release without <c>--tag</c> (<c>--no-tag</c> turns it off for one run).</param>
public sealed record PromoteDefaults(VersionBump Bump, string TagPrefix, bool Commit, bool Tag)
{
    /// <summary>The default tag prefix.</summary>
    public const string DefaultTagPrefix = "v";

    /// <summary>Minor bumps, tags <c>v&lt;version&gt;</c>, no commit unless asked.</summary>
    public static PromoteDefaults Default { get; } = new(VersionBump.Minor, DefaultTagPrefix, Commit: false, Tag: false);

    /// <summary>
    /// Whether one run commits and tags: an option asked for wins over the configuration, <c>--no-commit</c> and
    /// <c>--no-tag</c> win over both, and a tag always comes with its commit.
    /// </summary>
    /// <returns>Null when the options contradict each other (<c>--commit --no-commit</c>, <c>--tag --no-tag</c>, <c>--tag --no-commit</c>).</returns>
    public (bool Commit, bool Tag)? Decide(bool commit, bool noCommit, bool tag, bool noTag)
    {
        if ((commit && noCommit) || (tag && (noTag || noCommit)))
        {
            return null;
        }

        var wantsTag = !noTag && !noCommit && (tag || Tag);
        return (!noCommit && (commit || Commit || wantsTag), wantsTag);
    }
}
