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
