using BfReleaseNotes.Git;
using BfReleaseNotes.Workspace;
using Semver;

namespace BfReleaseNotes.Promotion;

/// <summary>The two files a promotion writes, already checked for conservation.</summary>
/// <param name="Version">The release version.</param>
/// <param name="Date">The release date.</param>
/// <param name="PublishedPath">The new published file.</param>
/// <param name="PublishedContent">Its bytes.</param>
/// <param name="UnreleasedPath">unreleased.md.</param>
/// <param name="UnreleasedContent">Its new bytes.</param>
/// <param name="Summary">What is published and left behind.</param>
public sealed record PromotionPlan(
    SemVersion Version,
    DateOnly Date,
    string PublishedPath,
    byte[] PublishedContent,
    string UnreleasedPath,
    byte[] UnreleasedContent,
    PromotionSummary Summary)
{
    /// <summary>The published note as text (what <c>--dry-run</c> prints).</summary>
    public string PublishedText => System.Text.Encoding.UTF8.GetString(PublishedContent);

    /// <summary>Writes both files atomically: both change, or neither does.</summary>
    /// <exception cref="EnvironmentException">A file could not be written; both are as they were.</exception>
    public void Apply(ReleaseNotesFolder folder) => Apply(folder, afterRename: null);

    /// <summary>
    /// Writes both files and records them in git: one commit of exactly these two files, message
    /// <c>Release &lt;version&gt;</c>, author from the repository's config, and with <paramref name="tag"/> an
    /// annotated tag <c>v&lt;version&gt;</c>. Everything git could refuse is checked before a file is written;
    /// if the commit still fails, both files are put back.
    /// </summary>
    /// <returns>The commit id and the tag name (null without a tag).</returns>
    /// <exception cref="EnvironmentException">No repository, no identity, staged changes, an existing tag, or a failed commit.</exception>
    public (string Commit, string? Tag) ApplyAndCommit(ReleaseNotesFolder folder, bool tag) => ApplyAndCommit(folder, tag, Configuration.PromoteDefaults.DefaultTagPrefix);

    /// <summary>
    /// As <see cref="ApplyAndCommit(ReleaseNotesFolder, bool)"/>, with the tag named <paramref name="tagPrefix"/>
    /// followed by the version (<c>"promote": { "tagPrefix": "release-" }</c> in the configuration).
    /// </summary>
    /// <returns>The commit id and the tag name (null without a tag).</returns>
    /// <exception cref="EnvironmentException">No repository, no identity, staged changes, an existing tag, or a failed commit.</exception>
    public (string Commit, string? Tag) ApplyAndCommit(ReleaseNotesFolder folder, bool tag, string tagPrefix)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(tagPrefix);
        using var committer = ReleaseCommitter.Open(folder.Path);
        var tagName = tag ? $"{tagPrefix}{Version}" : null;
        committer.Validate([PublishedPath, UnreleasedPath], tagName);
        var originalUnreleased = ReleaseNotesFolder.ReadBytes(UnreleasedPath);
        Apply(folder);
        try
        {
            return (committer.Commit([PublishedPath, UnreleasedPath], $"Release {Version}", tagName, $"Release {Version}"), tagName);
        }
        catch (LibGit2Sharp.LibGit2SharpException exception)
        {
            // The command completes or changes nothing: put both files back.
            new FileTransaction().Write(UnreleasedPath, originalUnreleased).Commit();
            File.Delete(PublishedPath);
            throw new EnvironmentException($"git commit failed: {exception.Message}; both files were restored", exception);
        }
    }

    /// <summary>Writes both files; <paramref name="afterRename"/> lets tests fail between the renames.</summary>
    internal void Apply(ReleaseNotesFolder folder, Action<int>? afterRename)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (File.Exists(PublishedPath))
        {
            throw new EnvironmentException($"{PublishedPath} appeared while promoting; nothing was written");
        }

        var transaction = new FileTransaction { AfterRename = afterRename };
        transaction.Write(PublishedPath, PublishedContent).Write(UnreleasedPath, UnreleasedContent).Commit();
    }
}
