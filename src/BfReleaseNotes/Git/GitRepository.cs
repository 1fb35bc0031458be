using LibGit2Sharp;

namespace BfReleaseNotes.Git;

/// <summary>What a range changed at one path: its path at head, its path at base (different for a rename) and how.</summary>
/// <param name="Path">The path at head (for a deletion, the deleted path).</param>
/// <param name="OldPath">The path at base (equal to <paramref name="Path"/> unless renamed).</param>
/// <param name="Kind">Added, deleted, modified or renamed.</param>
internal readonly record struct GitChange(string Path, string OldPath, GitChangeKind Kind);

/// <summary>How a path changed between two commits.</summary>
internal enum GitChangeKind
{
    Added,
    Deleted,
    Modified,
    Renamed,
}

/// <summary>A commit of a range: its id and full message (opt-out lines are searched there).</summary>
internal readonly record struct GitCommitMessage(string Sha, string Message);

/// <summary>
/// The few git operations the merge-request check needs, over LibGit2Sharp. Contents are read from commits'
/// trees, never from the working tree, so the check judges what was committed. Internal: nothing outside the
/// library depends on LibGit2Sharp's types.
/// </summary>
internal sealed class GitRepository : IDisposable
{
    private readonly Repository _repository;

    private GitRepository(Repository repository)
    {
        _repository = repository;
    }

    /// <summary>True when the clone is shallow (<c>.git/shallow</c> lists boundary commits): history may be cut.</summary>
    public bool IsShallow => _repository.Info.IsShallow;

    /// <summary>Opens the repository that holds <paramref name="path"/>, or returns null when there is none.</summary>
    public static GitRepository? TryOpen(string path)
    {
        if (!Directory.Exists(path))
        {
            return null;
        }

        try
        {
            var found = RepositoryLocator.Discover(path);
            return found is null ? null : new GitRepository(NativeGit.Open(found));
        }
        catch (LibGit2SharpException)
        {
            return null;
        }
    }

    /// <summary>The full id of the commit a revision names (sha, branch, tag, <c>HEAD~2</c>), or null when unknown or absent.</summary>
    public string? FindCommit(string revision)
    {
        try
        {
            return (_repository.Lookup(revision, ObjectType.Commit) as Commit)?.Sha;
        }
        catch (LibGit2SharpException)
        {
            // An invalid or ambiguous revision, or a commit whose objects are missing, names no commit we can read.
            return null;
        }
    }

    /// <summary>The parents of a commit, first parent first (empty for a root or a shallow boundary).</summary>
    public IReadOnlyList<string> Parents(string commitSha)
    {
        try
        {
            return [.. _repository.Lookup<Commit>(commitSha).Parents.Select(parent => parent.Sha)];
        }
        catch (LibGit2SharpException)
        {
            // A parent object missing from a shallow clone: the commit cannot be a merged result we can compare with.
            return [];
        }
    }

    /// <summary>The best common ancestor of two commits, or null when the (possibly shallow) history holds none.</summary>
    public string? MergeBase(string first, string second)
    {
        try
        {
            var left = _repository.Lookup<Commit>(first);
            var right = _repository.Lookup<Commit>(second);
            return left is null || right is null ? null : _repository.ObjectDatabase.FindMergeBase(left, right)?.Sha;
        }
        catch (LibGit2SharpException)
        {
            // A parent missing from a shallow clone without a boundary entry: the history cannot be walked.
            return null;
        }
    }

    /// <summary>Every path the trees of two commits differ in, renames detected.</summary>
    public IReadOnlyList<GitChange> Changes(string baseSha, string headSha)
    {
        var baseTree = _repository.Lookup<Commit>(baseSha).Tree;
        var headTree = _repository.Lookup<Commit>(headSha).Tree;
        var options = new CompareOptions { Similarity = SimilarityOptions.Renames };
        var changes = new List<GitChange>();
        foreach (var change in _repository.Diff.Compare<TreeChanges>(baseTree, headTree, options))
        {
            var kind = change.Status switch
            {
                ChangeKind.Added or ChangeKind.Copied => GitChangeKind.Added,
                ChangeKind.Deleted => GitChangeKind.Deleted,
                ChangeKind.Renamed => GitChangeKind.Renamed,
                _ => GitChangeKind.Modified,
            };
            changes.Add(new GitChange(change.Path, change.OldPath ?? change.Path, kind));
        }

        return changes;
    }

    /// <summary>The bytes of a file in a commit's tree, exactly as committed, or null when the path holds no file.</summary>
    public byte[]? ReadFile(string commitSha, string path)
    {
        var entry = _repository.Lookup<Commit>(commitSha)[path];
        if (entry?.Target is not Blob blob)
        {
            return null;
        }

        if (entry.Mode == Mode.SymbolicLink)
        {
            // The blob of a link is its target's name; parsing it as notes would only say "no title".
            throw new Workspace.EnvironmentException(
                $"'{path}' is committed as a symbolic link (to '{blob.GetContentText().Trim()}') in commit {commitSha[..Math.Min(7, commitSha.Length)]}; GitLab and the check see the link, not its target. Commit the file itself instead of a link (git rm --cached {path}, copy the file there, git add {path}).");
        }

        using var stream = blob.GetContentStream();
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    /// <summary>The files directly inside a folder of a commit's tree, with their blob ids; empty when there is no such folder.</summary>
    public IReadOnlyDictionary<string, string> FilesIn(string commitSha, string folder)
    {
        var commit = _repository.Lookup<Commit>(commitSha);
        var tree = folder.Length == 0 ? commit.Tree : commit[folder]?.Target as Tree;
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        if (tree is null)
        {
            return files;
        }

        foreach (var entry in tree)
        {
            if (entry.TargetType == TreeEntryTargetType.Blob)
            {
                files[entry.Name] = entry.Target.Sha;
            }
        }

        return files;
    }

    /// <summary>The commits reachable from head but not from base, oldest first.</summary>
    public IReadOnlyList<GitCommitMessage> CommitsBetween(string baseSha, string headSha)
    {
        var filter = new CommitFilter
        {
            IncludeReachableFrom = headSha,
            ExcludeReachableFrom = baseSha,
            SortBy = CommitSortStrategies.Topological | CommitSortStrategies.Reverse,
        };
        return [.. _repository.Commits.QueryBy(filter).Select(commit => new GitCommitMessage(commit.Sha, commit.Message))];
    }

    /// <summary>
    /// How many commits of history the clone holds behind <paramref name="headSha"/> (its depth, for a shallow
    /// clone), or null when the history cannot be walked. Stops counting at <paramref name="limit"/>.
    /// </summary>
    public int? HistoryDepth(string headSha, int limit = 100_000)
    {
        try
        {
            var filter = new CommitFilter { IncludeReachableFrom = headSha, FirstParentOnly = true };
            return _repository.Commits.QueryBy(filter).Take(limit).Count();
        }
        catch (LibGit2SharpException)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public void Dispose() => _repository.Dispose();
}
