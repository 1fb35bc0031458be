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
    /// <summary>
    /// The bytes of <c>unreleased.md</c> this plan was made from. When set, writing refuses to replace a file that
    /// changed since (another run, an editor) instead of losing what was added to it.
    /// </summary>
    public byte[]? OriginalUnreleased { get; init; }

    /// <summary>The published note as text (what <c>--dry-run</c> prints).</summary>
    public string PublishedText => System.Text.Encoding.UTF8.GetString(PublishedContent);

    /// <summary>Locks the folder and writes both files atomically: both change, or neither does.</summary>
    /// <exception cref="EnvironmentException">A file could not be written or changed since it was read; both are as they were.</exception>
    public void Apply(ReleaseNotesFolder folder) => Apply(folder, afterRename: null);

    /// <summary>Writes both files atomically in a session that already locks the folder.</summary>
    /// <exception cref="EnvironmentException">A file could not be written or changed since it was read; both are as they were.</exception>
    public void Apply(WriteSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        Apply(session, afterRename: null);
    }

    /// <summary>Locks the folder, then writes and commits as <see cref="ApplyAndCommit(WriteSession, bool)"/> does.</summary>
    public (string Commit, string? Tag) ApplyAndCommit(ReleaseNotesFolder folder, bool tag) => ApplyAndCommit(folder, tag, DefaultTagPrefix);

    /// <summary>
    /// Writes both files and records them in git: one commit of exactly these two files, message
    /// <c>Release &lt;version&gt;</c>, author from the repository's config, and with <paramref name="tag"/> an
    /// annotated tag <c>v&lt;version&gt;</c>. Everything git could refuse is checked before a file is written; if a
    /// git step fails before the branch moved, both files are put back and HEAD is unchanged; if one fails after,
    /// the message says the commit exists and how to undo it.
    /// </summary>
    /// <returns>The commit id and the tag name (null without a tag).</returns>
    /// <exception cref="EnvironmentException">No repository, no identity, staged changes, an existing tag, or a failed commit.</exception>
    public (string Commit, string? Tag) ApplyAndCommit(WriteSession session, bool tag) => ApplyAndCommit(session, tag, DefaultTagPrefix);

    /// <summary>Locks the folder, then writes and commits as <see cref="ApplyAndCommit(WriteSession, bool, string)"/> does.</summary>
    public (string Commit, string? Tag) ApplyAndCommit(ReleaseNotesFolder folder, bool tag, string tagPrefix)
    {
        ArgumentNullException.ThrowIfNull(folder);
        using var session = Lock(folder);
        return ApplyAndCommit(session, tag, tagPrefix);
    }

    /// <summary>
    /// As <see cref="ApplyAndCommit(WriteSession, bool)"/>, with the tag named <paramref name="tagPrefix"/>
    /// followed by the version (<c>release-1.4.0</c> for the prefix <c>release-</c>; an empty prefix tags <c>1.4.0</c>).
    /// </summary>
    /// <exception cref="EnvironmentException">As the other overload, or the prefix does not make a valid tag name.</exception>
    public (string Commit, string? Tag) ApplyAndCommit(WriteSession session, bool tag, string tagPrefix) => ApplyAndCommit(session, tag, tagPrefix, CommitMessage(null));

    /// <summary>
    /// As <see cref="ApplyAndCommit(WriteSession, bool, string)"/>, with <paramref name="message"/> as the commit and tag
    /// message (a monorepo project's release says which project: <c>Release manage 1.4.0</c>).
    /// </summary>
    /// <exception cref="EnvironmentException">As the other overloads.</exception>
    public (string Commit, string? Tag) ApplyAndCommit(WriteSession session, bool tag, string tagPrefix, string message)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(tagPrefix);
        var tagName = tag ? tagPrefix + Version : null;
        if (tagName is not null && !IsValidTagName(tagName))
        {
            throw new EnvironmentException($"the tag prefix '{tagPrefix}' does not make a valid git tag name ('{tagName}'); use letters, digits, '.', '_', '-' or '/', e.g. 'v'. Nothing was written");
        }

        using var committer = ReleaseCommitter.Open(session.NotesFolder.Path);
        committer.Validate([PublishedPath, UnreleasedPath], tagName);
        // What to put back if git fails. A plan with OriginalUnreleased has the same bytes here: Apply refuses a changed file.
        var originalUnreleased = session.Read(UnreleasedPath);
        Apply(session, afterRename: null);
        try
        {
            return (committer.Commit([PublishedPath, UnreleasedPath], message, tagName, message), tagName);
        }
        catch (GitStepFailedException exception)
        {
            // The command completes or changes nothing: put both files back, through the same journalled transaction.
            session.Transaction().Replace(UnreleasedPath, originalUnreleased, UnreleasedContent).Delete(PublishedPath, PublishedContent).Commit();
            throw new EnvironmentException($"{exception.Message}; both files were restored, so promote can simply be run again", exception);
        }
    }

    /// <summary>The release commit's message: <c>Release 1.4.0</c>, or in a monorepo <c>Release manage 1.4.0</c> (the project's tags share one history).</summary>
    public string CommitMessage(string? project) => project is null ? $"Release {Version}" : $"Release {project} {Version}";

    /// <summary>The tag prefix of <c>--tag</c> when none is given.</summary>
    public const string DefaultTagPrefix = "v";

    /// <summary>A conservative subset of git's ref-name rules: what a CI variable or a shell word can carry safely.</summary>
    private static bool IsValidTagName(string name) =>
        name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '/' or '+')
        && !name.StartsWith('-') && !name.StartsWith('/') && !name.EndsWith('/') && !name.EndsWith(".lock", StringComparison.Ordinal)
        && !name.Contains("..", StringComparison.Ordinal) && !name.Contains("//", StringComparison.Ordinal) && !name.EndsWith('.');

    /// <summary>Writes both files; <paramref name="afterRename"/> lets tests fail between the renames.</summary>
    internal void Apply(ReleaseNotesFolder folder, Action<int>? afterRename)
    {
        ArgumentNullException.ThrowIfNull(folder);
        using var session = Lock(folder);
        Apply(session, afterRename);
    }

    /// <summary>Opens the write session every overload that takes a folder uses; "promote" names it in the lock and the journal.</summary>
    private static WriteSession Lock(ReleaseNotesFolder folder) => WriteSession.Open(folder.Path, "promote");

    private void Apply(WriteSession session, Action<int>? afterRename)
    {
        var transaction = session.Transaction();
        transaction.AfterRename = afterRename;
        transaction.Create(PublishedPath, PublishedContent);
        if (OriginalUnreleased is { } original)
        {
            transaction.Replace(UnreleasedPath, UnreleasedContent, original);
        }
        else
        {
            transaction.Write(UnreleasedPath, UnreleasedContent);
        }

        transaction.Commit();
    }
}
