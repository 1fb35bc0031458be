using System.Text;
using LibGit2Sharp;

namespace BfReleaseNotes.TestSupport;

/// <summary>
/// A real git repository in a temporary folder, built with LibGit2Sharp and deleted on dispose; the library's and the
/// CLI's check tests share it (linked into both test projects). Commits get increasing timestamps so the history's
/// order is fixed; the first branch is <c>main</c>, the target branch.
/// </summary>
internal sealed class GitTestRepository : IDisposable
{
    private readonly Repository _repository;
    private readonly List<string> _folders = [];
    private int _clock;

    public GitTestRepository()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "bfrn-check-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
        _folders.Add(Path);
        try
        {
            Repository.Init(Path);
            // The first branch is main, whatever init.defaultBranch the machine has.
            File.WriteAllText(System.IO.Path.Combine(Path, ".git", "HEAD"), "ref: refs/heads/main\n");
            _repository = new Repository(Path);
            // Files are committed byte for byte (CRLF stays CRLF), whatever the machine's git configuration says.
            _repository.Config.Set("core.autocrlf", false);
        }
        catch
        {
            // xunit does not dispose a test class whose constructor threw: do not leave the folder behind.
            Directory.Delete(Path, recursive: true);
            throw;
        }
    }

    /// <summary>The working directory.</summary>
    public string Path { get; }

    /// <summary>The commit HEAD points to.</summary>
    public string Head => _repository.Head.Tip.Sha;

    /// <summary>Writes a file of the working tree (UTF-8, no BOM, exactly these characters).</summary>
    public GitTestRepository Write(string path, string text)
    {
        var full = System.IO.Path.Combine(Path, path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, Encoding.UTF8.GetBytes(text));
        return this;
    }

    /// <summary>Deletes a file of the working tree.</summary>
    public GitTestRepository Delete(string path)
    {
        File.Delete(System.IO.Path.Combine(Path, path));
        return this;
    }

    /// <summary>Moves a file of the working tree (into a new folder too).</summary>
    public GitTestRepository Move(string from, string to)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.Combine(Path, to))!);
        File.Move(System.IO.Path.Combine(Path, from), System.IO.Path.Combine(Path, to));
        return this;
    }

    /// <summary>
    /// Where most check tests start: a first commit on <c>main</c> holding <c>release-notes/unreleased.md</c>, the
    /// published <c>release-notes/1.0.0.md</c> and <c>src/App.cs</c>, then the branch <c>feature</c> checked out.
    /// </summary>
    /// <param name="unreleased">The text of <c>unreleased.md</c>.</param>
    /// <param name="published">The text of <c>1.0.0.md</c>.</param>
    /// <param name="baseCommit">The first commit: the merge request's base.</param>
    public static GitTestRepository StartedProject(string unreleased, string published, out string baseCommit)
    {
        var repository = new GitTestRepository();
        try
        {
            repository.Write("release-notes/unreleased.md", unreleased)
                .Write("release-notes/1.0.0.md", published)
                .Write("src/App.cs", "class App { }\n");
            baseCommit = repository.Commit("Start the project");
            repository.Branch("feature");
            return repository;
        }
        catch
        {
            // xunit does not dispose a test class whose constructor threw: do not leave the folder behind.
            repository.Dispose();
            throw;
        }
    }

    /// <summary>Stages everything (additions, changes, deletions) and commits; returns the commit id.</summary>
    public string Commit(string message)
    {
        LibGit2Sharp.Commands.Stage(_repository, "*");
        var signature = NextSignature();
        return _repository.Commit(message, signature, signature, new CommitOptions { AllowEmptyCommit = true }).Sha;
    }

    /// <summary>Creates a branch at HEAD and checks it out.</summary>
    public GitTestRepository Branch(string name)
    {
        LibGit2Sharp.Commands.Checkout(_repository, _repository.CreateBranch(name));
        return this;
    }

    /// <summary>Checks out an existing branch.</summary>
    public GitTestRepository Checkout(string name)
    {
        LibGit2Sharp.Commands.Checkout(_repository, _repository.Branches[name]);
        return this;
    }

    /// <summary>Merges a branch into the current one with a merge commit (no fast-forward); returns the merge commit.</summary>
    public string Merge(string branch)
    {
        var result = _repository.Merge(_repository.Branches[branch], NextSignature(), new MergeOptions { FastForwardStrategy = FastForwardStrategy.NoFastForward });
        if (result.Status == MergeStatus.Conflicts)
        {
            throw new InvalidOperationException($"merging {branch} conflicts; the test's history is wrong");
        }

        return result.Commit.Sha;
    }

    /// <summary>Points <c>refs/remotes/origin/&lt;name&gt;</c> at a branch's tip, as a fetch would.</summary>
    public GitTestRepository Publish(string branch)
    {
        _repository.Refs.Add($"refs/remotes/origin/{branch}", _repository.Branches[branch].Tip.Id, allowOverwrite: true);
        return this;
    }

    /// <summary>
    /// A commit whose history shares nothing with the repository's (an orphan root), holding one file; no branch
    /// points to it. Returns its id.
    /// </summary>
    public string Orphan(string path, string text)
    {
        var blob = _repository.ObjectDatabase.CreateBlob(new MemoryStream(Encoding.UTF8.GetBytes(text)));
        var definition = new TreeDefinition();
        definition.Add(path, blob, Mode.NonExecutableFile);
        var tree = _repository.ObjectDatabase.CreateTree(definition);
        var signature = NextSignature();
        return _repository.ObjectDatabase.CreateCommit(signature, signature, "Unrelated history", tree, [], prettifyMessage: true).Sha;
    }

    /// <summary>
    /// What GitLab builds for a merged-results pipeline: a merge commit of <paramref name="source"/> into
    /// <paramref name="target"/> that no branch points to. Returns its id.
    /// </summary>
    public string MergedResult(string target, string source)
    {
        var targetCommit = _repository.Branches[target].Tip;
        var sourceCommit = _repository.Branches[source].Tip;
        var merged = _repository.ObjectDatabase.MergeCommits(targetCommit, sourceCommit, new MergeTreeOptions());
        if (merged.Status != MergeTreeStatus.Succeeded)
        {
            throw new InvalidOperationException("the merged result conflicts; the test's history is wrong");
        }

        var signature = NextSignature();
        return _repository.ObjectDatabase.CreateCommit(signature, signature, $"Merge branch '{source}' into '{target}'", merged.Tree, [targetCommit, sourceCommit], prettifyMessage: true).Sha;
    }

    /// <summary>
    /// A copy of this repository that looks like a shallow clone: <c>.git/shallow</c> lists
    /// <paramref name="boundary"/> (git treats its parents as absent) and the loose objects of
    /// <paramref name="missing"/> are deleted, as they would be absent from a clone with a depth.
    /// </summary>
    public string ShallowCopy(string boundary, params string[] missing)
    {
        var copy = Path + "-shallow";
        _folders.Add(copy);
        CopyFolder(Path, copy);
        var objects = System.IO.Path.Combine(copy, ".git", "objects");
        foreach (var id in missing)
        {
            var file = System.IO.Path.Combine(objects, id[..2], id[2..]);
            if (!File.Exists(file))
            {
                throw new InvalidOperationException($"the loose object of {id} is not at {file}");
            }

            File.SetAttributes(file, FileAttributes.Normal);
            File.Delete(file);
        }

        File.WriteAllText(System.IO.Path.Combine(copy, ".git", "shallow"), boundary + "\n");
        return copy;
    }

    /// <summary>A full (not shallow) copy of this repository whose loose objects <paramref name="missing"/> are deleted, as disk damage would.</summary>
    public string DamagedCopy(params string[] missing)
    {
        var copy = ShallowCopy(missing[0], missing);
        File.Delete(System.IO.Path.Combine(copy, ".git", "shallow"));
        return copy;
    }

    /// <summary>The id of the blob a commit holds at a path (to make a clone lose it).</summary>
    public string BlobAt(string commit, string path) => _repository.Lookup<LibGit2Sharp.Commit>(commit)[path].Target.Sha;

    public void Dispose()
    {
        _repository.Dispose();
        foreach (var folder in _folders.Where(Directory.Exists))
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
            {
                File.SetAttributes(file, FileAttributes.Normal);
            }

            Directory.Delete(folder, recursive: true);
        }
    }

    private Signature NextSignature() => new("Test", "test@example.com", new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero).AddMinutes(++_clock));

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var directory in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(directory.Replace(from, to, StringComparison.Ordinal));
        }

        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, file.Replace(from, to, StringComparison.Ordinal));
        }
    }
}
