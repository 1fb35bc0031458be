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
    /// config, no staged change to the release files, and no existing tag of that name.
    /// </summary>
    /// <exception cref="EnvironmentException">What stands in the way, and what to do.</exception>
    public void Validate(IEnumerable<string> files, string? tagName)
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

        if (tagName is not null && _repository.Tags[tagName] is not null)
        {
            throw new EnvironmentException($"the tag '{tagName}' already exists; release a new version or delete the tag");
        }
    }

    /// <summary>Commits exactly <paramref name="files"/> (as they are on disk) on the current branch, and tags it.</summary>
    /// <returns>The new commit's id.</returns>
    public string Commit(IReadOnlyList<string> files, string message, string? tagName, string? tagMessage)
    {
        ArgumentNullException.ThrowIfNull(files);
        var signature = Identity();
        var head = _repository.Head.Tip;
        var tree = head is null ? new TreeDefinition() : TreeDefinition.From(head);
        foreach (var file in files)
        {
            var blob = _repository.ObjectDatabase.CreateBlob(Path.GetFullPath(file));
            tree.Add(RelativePath(file), blob, Mode.NonExecutableFile);
        }

        // libgit2's message prettifier answers through an out-buffer that NativeAOT never fills (libgit2sharp#2187),
        // which left the commit message empty; the message is already clean, it only needs its final newline.
        var cleanMessage = message.TrimEnd() + "\n";
        var commit = _repository.ObjectDatabase.CreateCommit(signature, signature, cleanMessage, _repository.ObjectDatabase.CreateTree(tree), head is null ? [] : [head], prettifyMessage: false);
        var logMessage = "commit: " + message;
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

        // The index follows the commit for these files only; other staged work stays staged.
        foreach (var file in files)
        {
            _repository.Index.Add(RelativePath(file));
        }

        _repository.Index.Write();
        if (tagName is not null)
        {
            // Written as a raw tag object: LibGit2Sharp's annotation API prettifies the message through the same
            // out-buffer and lost it under NativeAOT.
            var tag = _repository.ObjectDatabase.Write<TagAnnotation>(Encoding.UTF8.GetBytes(TagObject(commit.Sha, tagName, signature, tagMessage ?? message)));
            _repository.Refs.Add("refs/tags/" + tagName, tag);
        }

        return commit.Sha;
    }

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
