using System.Globalization;
using System.Text;
using BfReleaseNotes.Workspace;
using LibGit2Sharp;

namespace BfReleaseNotes.Git;

/// <summary>
/// Records a promotion in git through LibGit2Sharp: one commit of exactly the release files (built from HEAD's
/// tree, so anything else staged stays staged and out of it) and, optionally, an annotated tag.
/// </summary>
public sealed class ReleaseCommitter : IDisposable
{
    private readonly Repository _repository;

    private ReleaseCommitter(Repository repository) => _repository = repository;

    /// <summary>Opens the repository that holds <paramref name="path"/>.</summary>
    /// <exception cref="EnvironmentException">No repository holds the path.</exception>
    public static ReleaseCommitter Open(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var gitDirectory = RepositoryLocator.Discover(path);
        if (gitDirectory is null)
        {
            throw new EnvironmentException($"'{path}' is not inside a git repository; run without --commit/--tag, or from a clone");
        }

        var repository = NativeGit.Open(gitDirectory);
        if (repository.Info.IsBare)
        {
            repository.Dispose();
            throw new EnvironmentException($"'{gitDirectory}' is a bare repository; --commit needs a work tree");
        }

        return new ReleaseCommitter(repository);
    }

    /// <summary>
    /// Checks, before any file is written, that the commit can be made: an author identity in the git
    /// config, no staged change to the release files, the first file (the published release) not already in HEAD,
    /// and no existing tag of that name.
    /// </summary>
    /// <exception cref="EnvironmentException">What stands in the way, and what to do.</exception>
    public void Validate(IReadOnlyList<string> files, string? tagName)
    {
        ArgumentNullException.ThrowIfNull(files);
        _ = Identity();
        foreach (var file in files)
        {
            var relative = RelativePath(file);
            var status = _repository.RetrieveStatus(relative);
            const FileStatus staged = FileStatus.NewInIndex | FileStatus.ModifiedInIndex | FileStatus.DeletedFromIndex | FileStatus.RenamedInIndex | FileStatus.TypeChangeInIndex;
            if ((status & staged) != 0)
            {
                throw new EnvironmentException($"'{relative}' has staged changes that are not part of this release; commit or unstage them (git restore --staged {relative}) and promote again");
            }
        }

        if (_repository.Head.Tip is { } tip && files.Count > 0 && files[0] is { } published && tip[RelativePath(published)] is not null)
        {
            throw new EnvironmentException($"'{RelativePath(published)}' is already committed (HEAD {tip.Sha[..7]}); this release was recorded before, so nothing is committed again");
        }

        if (tagName is not null && _repository.Tags[tagName] is not null)
        {
            throw new EnvironmentException($"the tag '{tagName}' already exists; release a new version or delete the tag");
        }
    }

    /// <summary>
    /// Commits exactly <paramref name="files"/> (as they are on disk) on the current branch, and tags it. The steps
    /// run in the order that keeps a failure harmless: objects (blobs, tree, commit, tag object), the index, the tag
    /// reference, and the branch reference last. A failure before the branch moved undoes the index and the tag and
    /// throws <see cref="GitStepFailedException"/> (HEAD is where it was); a failure after it throws an
    /// <see cref="EnvironmentException"/> that says the commit exists and how to undo it.
    /// </summary>
    /// <returns>The new commit's id.</returns>
    public string Commit(IReadOnlyList<string> files, string message, string? tagName, string? tagMessage)
    {
        ArgumentNullException.ThrowIfNull(files);
        var signature = Identity();
        var head = _repository.Head.Tip;
        var relatives = files.Select(RelativePath).ToList();
        var oldEntries = relatives.Select(relative => _repository.Index[relative] is { } entry ? (entry.Id, entry.Mode) : ((ObjectId Id, Mode Mode)?)null).ToList();
        var indexWritten = false;
        string? tagReference = null;
        Commit commit;
        try
        {
            var tree = head is null ? new TreeDefinition() : TreeDefinition.From(head);
            for (var i = 0; i < files.Count; i++)
            {
                var blob = _repository.ObjectDatabase.CreateBlob(Path.GetFullPath(files[i]));
                tree.Add(relatives[i], blob, Mode.NonExecutableFile);
            }

            // libgit2's message prettifier answers through an out-buffer that NativeAOT never fills (libgit2sharp#2187),
            // which left the commit message empty; the message is already clean, it only needs its final newline.
            var cleanMessage = message.TrimEnd() + "\n";
            commit = _repository.ObjectDatabase.CreateCommit(signature, signature, cleanMessage, _repository.ObjectDatabase.CreateTree(tree), head is null ? [] : [head], prettifyMessage: false);
            ObjectId? tag = null;
            if (tagName is not null)
            {
                // Written as a raw tag object: LibGit2Sharp's annotation API prettifies the message through the same
                // out-buffer and lost it under NativeAOT.
                tag = _repository.ObjectDatabase.Write<TagAnnotation>(Encoding.UTF8.GetBytes(TagObject(commit.Sha, tagName, signature, tagMessage ?? message)));
            }

            FaultInjection.At("git:objects");

            // The index follows the commit for these files only; other staged work stays staged.
            foreach (var relative in relatives)
            {
                _repository.Index.Add(relative);
            }

            _repository.Index.Write();
            indexWritten = true;
            FaultInjection.At("git:index");
            if (tag is not null)
            {
                tagReference = "refs/tags/" + tagName;
                _repository.Refs.Add(tagReference, tag);
                FaultInjection.At("git:tag");
            }

            MoveBranch(head, commit, "commit: " + message);
        }
        catch (Exception exception) when (exception is LibGit2SharpException or IOException)
        {
            var undone = Undo(relatives, oldEntries, indexWritten, tagReference);
            throw new GitStepFailedException($"git could not record the release ({exception.Message}); HEAD was not moved{undone}", exception);
        }

        try
        {
            FaultInjection.At("git:ref");
        }
        catch (IOException exception)
        {
            throw AfterBranchMoved(commit, tagName, relatives, exception);
        }

        return commit.Sha;
    }

    private void MoveBranch(Commit? head, Commit commit, string logMessage)
    {
        if (_repository.Info.IsHeadDetached)
        {
            _repository.Refs.UpdateTarget(_repository.Refs.Head, commit.Id, logMessage);
        }
        else if (head is null)
        {
            _repository.Refs.Add(_repository.Head.CanonicalName, commit.Id, logMessage);
        }
        else
        {
            _repository.Refs.UpdateTarget(_repository.Refs[_repository.Head.CanonicalName], commit.Id, logMessage);
        }
    }

    /// <summary>Puts the index entries and the tag back as they were; says what could not be put back.</summary>
    private string Undo(List<string> relatives, List<(ObjectId Id, Mode Mode)?> oldEntries, bool indexWritten, string? tagReference)
    {
        var problems = new List<string>();
        if (tagReference is not null)
        {
            try
            {
                _repository.Refs.Remove(tagReference);
            }
            catch (LibGit2SharpException exception)
            {
                problems.Add($"the tag could not be removed ({exception.Message}; run git tag -d {tagReference["refs/tags/".Length..]})");
            }
        }

        if (indexWritten)
        {
            try
            {
                for (var i = 0; i < relatives.Count; i++)
                {
                    if (oldEntries[i] is { } entry)
                    {
                        _repository.Index.Add(_repository.Lookup<Blob>(entry.Id), relatives[i], entry.Mode);
                    }
                    else
                    {
                        _repository.Index.Remove(relatives[i]);
                    }
                }

                _repository.Index.Write();
            }
            catch (LibGit2SharpException exception)
            {
                problems.Add($"the index could not be put back ({exception.Message}; run git restore --staged {string.Join(' ', relatives)})");
            }
        }

        return problems.Count == 0 ? " and the index and tags are as they were" : "; but " + string.Join("; ", problems);
    }

    private static EnvironmentException AfterBranchMoved(Commit commit, string? tagName, List<string> relatives, Exception exception) =>
        new($"the release commit {commit.Sha[..7]} was made and the branch points at it, but a later step failed ({exception.Message}). " +
            $"The files are written and committed, so do not run promote again. To undo the release instead: git reset --soft HEAD~1{(tagName is null ? string.Empty : $" && git tag -d {tagName}")} " +
            $"(the files stay as promote wrote them, staged; git restore --staged {string.Join(' ', relatives)} unstages them).",
            exception);

    /// <summary>The raw text of an annotated tag object, as git writes it.</summary>
    internal static string TagObject(string targetSha, string tagName, Signature tagger, string message)
    {
        var offset = tagger.When.Offset;
        var zone = $"{(offset < TimeSpan.Zero ? '-' : '+')}{Math.Abs(offset.Hours):00}{Math.Abs(offset.Minutes):00}";
        return string.Create(CultureInfo.InvariantCulture,
            $"object {targetSha}\ntype commit\ntag {tagName}\ntagger {tagger.Name} <{tagger.Email}> {tagger.When.ToUnixTimeSeconds()} {zone}\n\n{message.TrimEnd()}\n");
    }

    /// <inheritdoc />
    public void Dispose() => _repository.Dispose();

    private Signature Identity() =>
        RepositoryLocator.Identity(_repository, DateTimeOffset.Now)
        ?? throw new EnvironmentException("git has no author identity; set it with git config user.name \"Your Name\" and git config user.email you@example.com");

    private string RelativePath(string file)
    {
        var full = Path.GetFullPath(file);
        var workdir = Path.GetFullPath(_repository.Info.WorkingDirectory);
        var relative = Path.GetRelativePath(workdir, full);
        if (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative))
        {
            throw new EnvironmentException($"'{file}' is outside the repository at '{workdir}'");
        }

        return relative.Replace(Path.DirectorySeparatorChar, '/');
    }
}
