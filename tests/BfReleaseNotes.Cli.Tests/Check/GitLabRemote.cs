namespace BfReleaseNotes.Cli.Tests.Check;

/// <summary>
/// A project as a GitLab server holds it: a bare <c>origin.git</c> with <c>main</c> and the merge request's ref
/// <c>refs/merge-requests/1/head</c>, built with the git CLI. <c>main</c> has 30 commits; the merge request
/// branches off there and adds 25 commits (code, then a note), and <c>main</c> moves on by one commit, so a
/// clone 20 commits deep does not reach the merge base, as in issue 10.
/// </summary>
internal sealed class GitLabRemote : IDisposable
{
    public GitLabRemote()
    {
        Shell = new Shell();
        var unreleased = Notes.Unreleased(["Search no longer ignores accented letters."]).Replace("'", "'\\''", StringComparison.Ordinal);
        var withNote = Notes.Unreleased(["Search no longer ignores accented letters.", "Exports no longer time out."]).Replace("'", "'\\''", StringComparison.Ordinal);
        Shell.Must(".", $"""
            git init -q -b main work && cd work
            mkdir -p release-notes src
            printf '%s' '{unreleased}' > release-notes/unreleased.md
            for i in $(seq 1 30); do echo "$i" > src/main.txt; git add -A; git commit -qm "main $i"; done
            git rev-parse HEAD > ../diff-base
            git checkout -qb feature
            for i in $(seq 1 24); do echo "$i" > src/feature.txt; git add -A; git commit -qm "feature $i"; done
            printf '%s' '{withNote}' > release-notes/unreleased.md
            git rev-parse HEAD > ../head-without-note
            git add -A && git commit -qm "Note the export fix"
            git rev-parse HEAD > ../head
            git checkout -q main && echo late > src/late.txt && git add -A && git commit -qm "main moves on"
            cd .. && git clone -q --bare work origin.git
            git --git-dir=origin.git update-ref refs/merge-requests/1/head refs/heads/feature
            git --git-dir=origin.git update-ref refs/merge-requests/2/head refs/heads/feature~1
            """);
        DiffBase = File.ReadAllText(Path.Combine(Shell.Root, "diff-base")).Trim();
        Head = File.ReadAllText(Path.Combine(Shell.Root, "head")).Trim();
        HeadWithoutNote = File.ReadAllText(Path.Combine(Shell.Root, "head-without-note")).Trim();
    }

    public Shell Shell { get; }

    /// <summary>The merge request's diff base (main when the branch was made).</summary>
    public string DiffBase { get; }

    /// <summary>The merge request's last commit.</summary>
    public string Head { get; }

    /// <summary>Merge request 2: the same branch one commit earlier, with code changes and no note.</summary>
    public string HeadWithoutNote { get; }

    /// <summary>The origin's URL (file://, so that depth-limited fetches work as over the network).</summary>
    public string Url => "file://" + Path.Combine(Shell.Root, "origin.git");

    /// <summary>GitLab's variables of a detached merge-request pipeline for this merge request.</summary>
    public Dictionary<string, string> Variables(int depth, int iid = 1) => new()
    {
        ["CI_PIPELINE_SOURCE"] = "merge_request_event",
        ["CI_MERGE_REQUEST_EVENT_TYPE"] = "detached",
        ["CI_MERGE_REQUEST_IID"] = iid.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["CI_MERGE_REQUEST_DIFF_BASE_SHA"] = DiffBase,
        ["CI_MERGE_REQUEST_TARGET_BRANCH_NAME"] = "main",
        ["CI_MERGE_REQUEST_LABELS"] = "type::feature",
        ["CI_COMMIT_SHA"] = iid == 1 ? Head : HeadWithoutNote,
        ["CI_DEFAULT_BRANCH"] = "main",
        ["GIT_DEPTH"] = depth.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// A clone as GitLab Runner makes it for a merge-request pipeline: init, add origin, fetch the merge request's
    /// ref (and, when asked, the target branch) with <c>--depth</c>, check out the head commit detached.
    /// </summary>
    public string RunnerClone(string name, int depth, bool withTargetBranch, int iid = 1)
    {
        var head = iid == 1 ? Head : HeadWithoutNote;
        var depthOption = depth > 0 ? $"--depth {depth}" : string.Empty;
        var target = withTargetBranch ? "+refs/heads/main:refs/remotes/origin/main" : string.Empty;
        Shell.Must(".", $"""
            git init -q {name} && cd {name}
            git remote add origin '{Url}'
            git fetch -q {depthOption} origin +refs/merge-requests/{iid}/head:refs/remotes/origin/merge-requests/{iid}/head {target}
            git checkout -q {head}
            """);
        return name;
    }

    public void Dispose() => Shell.Dispose();
}
