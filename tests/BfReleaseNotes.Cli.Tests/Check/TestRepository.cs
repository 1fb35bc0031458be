using System.Text;
using LibGit2Sharp;

namespace BfReleaseNotes.Cli.Tests.Check;

/// <summary>
/// A real git repository in a temporary folder, built through LibGit2Sharp, deleted on dispose. Commits get
/// increasing timestamps so history order is deterministic. Branch <c>main</c> is the target branch.
/// </summary>
internal sealed class TestRepository : IDisposable
{
    private readonly Repository _repository;
    private readonly List<string> _folders = [];
    private int _clock;

    public TestRepository()
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
    public TestRepository Write(string path, string text)
    {
        var full = System.IO.Path.Combine(Path, path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, Encoding.UTF8.GetBytes(text));
        return this;
    }

    /// <summary>Deletes a file of the working tree.</summary>
    public TestRepository Delete(string path)
    {
        File.Delete(System.IO.Path.Combine(Path, path));
        return this;
    }

    /// <summary>Moves a file of the working tree (into a new folder too).</summary>
    public TestRepository Move(string from, string to)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.Combine(Path, to))!);
        File.Move(System.IO.Path.Combine(Path, from), System.IO.Path.Combine(Path, to));
        return this;
    }

    /// <summary>Stages everything (additions, changes, deletions) and commits; returns the commit id.</summary>
    public string Commit(string message)
    {
        LibGit2Sharp.Commands.Stage(_repository, "*");
        var signature = NextSignature();
        return _repository.Commit(message, signature, signature, new CommitOptions { AllowEmptyCommit = true }).Sha;
    }

    /// <summary>Creates a branch at HEAD and checks it out.</summary>
    public TestRepository Branch(string name)
    {
        LibGit2Sharp.Commands.Checkout(_repository, _repository.CreateBranch(name));
        return this;
    }

    /// <summary>Checks out an existing branch.</summary>
    public TestRepository Checkout(string name)
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

    /// <summary>Points <c>refs/remotes/origin/&lt;name&gt;</c> at a branch's tip, as a fetch would.</summary>
    public TestRepository Publish(string branch)
    {
        _repository.Refs.Add($"refs/remotes/origin/{branch}", _repository.Branches[branch].Tip.Id, allowOverwrite: true);
        return this;
    }

    /// <summary>
    /// A copy of this repository that looks like a shallow clone: <c>.git/shallow</c> lists
    /// <paramref name="boundary"/> (git treats its parents as absent) and the objects of
    /// <paramref name="missing"/> commits are deleted, as they would be absent from a clone with a depth.
    /// </summary>
    public string ShallowCopy(string boundary, params string[] missing)
    {
        var copy = Path + "-shallow";
        _folders.Add(copy);
        CopyFolder(Path, copy);
        var objects = System.IO.Path.Combine(copy, ".git", "objects");
        foreach (var commit in missing)
        {
            var file = System.IO.Path.Combine(objects, commit[..2], commit[2..]);
            if (!File.Exists(file))
            {
                throw new InvalidOperationException($"the loose object of {commit} is not at {file}");
            }

            File.Delete(file);
        }

        File.WriteAllText(System.IO.Path.Combine(copy, ".git", "shallow"), boundary + "\n");
        return copy;
    }

    public void Dispose()
    {
        _repository.Dispose();
        foreach (var folder in _folders)
        {
            if (Directory.Exists(folder))
            {
                foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
                {
                    File.SetAttributes(file, FileAttributes.Normal);
                }

                Directory.Delete(folder, recursive: true);
            }
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
