using BfReleaseNotes.Markdown;
using BfReleaseNotes.Model;

namespace BfReleaseNotes.Cli.Tests.Merge;

/// <summary>
/// Issue 8 end to end: real branches, real <c>git merge</c>, <c>git rebase</c> and <c>git cherry-pick</c>, with the
/// structural driver installed and with git's union alone (GitLab's server).
/// </summary>
public sealed class MergeDriverTests : IDisposable
{
    private readonly GitWorkspace _repo = new();

    public void Dispose() => _repo.Dispose();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Two_branches_adding_to_the_same_change_type_merge_without_conflict_and_lint_clean(bool driver)
    {
        if (driver)
        {
            _repo.Install();
        }
        else
        {
            _repo.UnionOnly();
        }

        Branch("mr-1", () => _repo.Add("public", "fixed", "Exports no longer time out."));
        Branch("mr-2", () => _repo.Add("public", "fixed", "Imports keep accents."));

        _repo.Git("merge", "-q", "--no-edit", "mr-1");
        _repo.Git("merge", "-q", "--no-edit", "mr-2");

        Assert.Equal(["Exports no longer time out.", "Imports keep accents."], Entries());
        Assert.Equal(0, _repo.Tool("lint").ExitCode);
    }

    [Fact]
    public void With_the_driver_the_weekly_promotion_merged_against_an_open_merge_request_never_brings_a_promoted_entry_back()
    {
        _repo.Install();
        _repo.Add("public", "added", "Projects can be exported as PDF.");
        _repo.Commit("An entry");
        Branch("mr", () => _repo.Add("public", "added", "Projects can be exported as SVG."));
        Assert.Equal(0, _repo.Tool("promote", "--version", "1.0.0", "--date", "2026-11-25").ExitCode);
        _repo.Commit("Release 1.0.0");

        _repo.Git("merge", "-q", "--no-edit", "mr");

        Assert.Equal(["Projects can be exported as SVG."], Entries());
        Assert.Equal(0, _repo.Tool("lint").ExitCode);
    }

    [Fact]
    public void With_union_alone_a_promoted_entry_that_comes_back_stops_lint_check_and_promote_and_lint_fix_removes_it()
    {
        _repo.UnionOnly();
        _repo.Add("public", "added", "Projects can be exported as PDF.");
        _repo.Commit("An entry");
        Branch("mr", () => _repo.Add("public", "added", "Projects can be exported as SVG."));
        Assert.Equal(0, _repo.Tool("promote", "--version", "1.0.0", "--date", "2026-11-25").ExitCode);
        _repo.Commit("Release 1.0.0");
        var main = _repo.Git("rev-parse", "HEAD").Trim();

        _repo.Git("merge", "-q", "--no-edit", "mr");

        Assert.Contains("Projects can be exported as PDF.", Entries()); // what union does: the promoted entry is back.
        var lint = _repo.Tool("lint");
        Assert.Equal(1, lint.ExitCode);
        Assert.Contains("error BFRN207: entry already published in 1.0.0.md; a merge brought it back", lint.Error, StringComparison.Ordinal);
        var before = File.ReadAllBytes(_repo.UnreleasedPath);
        var promote = _repo.Tool("promote", "--version", "1.1.0", "--date", "2026-12-02");
        Assert.Equal(1, promote.ExitCode);
        Assert.Contains("already published", promote.Error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(_repo.UnreleasedPath));
        Assert.False(File.Exists(Path.Combine(_repo.Root, "release-notes", "1.1.0.md")));
        var next = _repo.Tool("next-version");
        Assert.Equal((1, string.Empty), (next.ExitCode, next.Out));
        Assert.Contains("already published", next.Error, StringComparison.Ordinal);
        var check = _repo.Tool("check", "--base", main);
        Assert.Equal(1, check.ExitCode);
        Assert.Contains("check failed (entries already published)", check.Out + check.Error, StringComparison.Ordinal);

        var fix = _repo.Tool("lint", "--fix");

        Assert.Equal(0, fix.ExitCode);
        Assert.Equal(["Projects can be exported as SVG."], Entries());
        Assert.Contains("- Projects can be exported as PDF.", File.ReadAllText(Path.Combine(_repo.Root, "release-notes", "1.0.0.md")), StringComparison.Ordinal);
        Assert.Equal(0, _repo.Tool("lint").ExitCode);
    }

    [Fact]
    public void A_rebase_of_an_edit_onto_a_graduation_moves_the_flag_entries_and_keeps_the_edit()
    {
        _repo.Install();
        _repo.Add("public", "fixed", "Search ignores accents.");
        _repo.Add("internal", "added", "The new editor saves drafts.", "new-editor");
        _repo.Commit("Entries");
        Branch("mr", () => File.WriteAllText(_repo.UnreleasedPath, _repo.Unreleased.Replace("Search ignores accents.", "Search no longer ignores accents.", StringComparison.Ordinal)));
        Assert.Equal(0, _repo.Tool("flags", "graduate", "new-editor", "--to", "beta").ExitCode);
        _repo.Commit("Graduate new-editor");

        _repo.Git("checkout", "-q", "mr");
        _repo.Git("rebase", "-q", "main");

        var document = Parse();
        Assert.Equal(["The new editor saves drafts."], document.Find(Visibility.Beta)!.AllEntries.Select(entry => entry.Markdown));
        Assert.Empty(document.Find(Visibility.Internal)?.AllEntries ?? []);
        Assert.Equal(["Search no longer ignores accents.", "The new editor saves drafts."], Entries());
        Assert.Equal(0, _repo.Tool("lint").ExitCode);
    }

    [Fact]
    public void A_cherry_pick_of_a_flag_group_the_other_branch_created_too_gives_one_group_with_both_entries()
    {
        _repo.Install();
        Branch("mr-1", () => _repo.Add("internal", "added", "Bulk export of projects.", "bulk-export"));
        Branch("mr-2", () => _repo.Add("internal", "added", "Bulk export of folders.", "bulk-export"));
        _repo.Git("merge", "-q", "--no-edit", "mr-1");

        _repo.Git("cherry-pick", "mr-2");

        var groups = Parse().Find(Visibility.Internal)!.Find(ChangeType.Added)!.FlagGroups;
        Assert.Equal(["bulk-export"], groups.Select(group => group.Key));
        Assert.Equal(["Bulk export of projects.", "Bulk export of folders."], groups[0].Entries.Select(entry => entry.Markdown));
        Assert.Equal(0, _repo.Tool("lint").ExitCode);
    }

    [Fact]
    public void A_true_conflict_marks_only_that_entry_and_lint_and_promote_refuse_until_it_is_resolved()
    {
        _repo.Install();
        _repo.Add("public", "fixed", "Search ignores accents.");
        _repo.Commit("Entry");
        Branch("mr-1", () =>
        {
            File.WriteAllText(_repo.UnreleasedPath, _repo.Unreleased.Replace("Search ignores accents.", "Search keeps accents.", StringComparison.Ordinal));
            _repo.Add("public", "added", "Ours: dark mode.");
        });
        Branch("mr-2", () =>
        {
            File.WriteAllText(_repo.UnreleasedPath, _repo.Unreleased.Replace("Search ignores accents.", "Search respects accents.", StringComparison.Ordinal));
            _repo.Add("public", "added", "Theirs: light mode.");
        });
        _repo.Git("merge", "-q", "--no-edit", "mr-1");

        var merge = _repo.TryGit("merge", "--no-edit", "mr-2");

        Assert.NotEqual(0, merge.ExitCode);
        Assert.Contains("CONFLICT", merge.Out, StringComparison.Ordinal);
        Assert.Contains("### Added\n\n- Ours: dark mode.\n- Theirs: light mode.\n", _repo.Unreleased, StringComparison.Ordinal);
        Assert.Contains("<<<<<<< ours\n- Search keeps accents.\n=======\n- Search respects accents.\n>>>>>>> theirs\n", _repo.Unreleased, StringComparison.Ordinal);
        var lint = _repo.Tool("lint");
        Assert.Equal(1, lint.ExitCode);
        Assert.Contains("error BFRN009: unresolved merge conflict", lint.Error, StringComparison.Ordinal);
        Assert.Equal(1, _repo.Tool("promote", "--version", "1.0.0", "--date", "2026-11-25").ExitCode);
    }

    [Fact]
    public void One_surviving_marker_line_fails_lint_and_promote_refuses_it()
    {
        _repo.Add("public", "fixed", "Search keeps accents.");
        File.WriteAllText(_repo.UnreleasedPath, _repo.Unreleased.Replace("- Search keeps accents.\n", "- Search keeps accents.\n=======\n", StringComparison.Ordinal));
        var before = File.ReadAllBytes(_repo.UnreleasedPath);

        var lint = _repo.Tool("lint");
        var promote = _repo.Tool("promote", "--version", "1.0.0", "--date", "2026-11-25");

        Assert.Equal(1, lint.ExitCode);
        Assert.Contains("unresolved merge conflict: '=======' is a conflict marker line", lint.Error, StringComparison.Ordinal);
        Assert.Equal(1, promote.ExitCode);
        Assert.Contains("BFRN009", promote.Error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(_repo.UnreleasedPath));
        Assert.False(File.Exists(Path.Combine(_repo.Root, "release-notes", "1.0.0.md")));
    }

    [Fact]
    public void Install_is_idempotent_says_what_it_changed_and_uninstall_removes_both_parts()
    {
        var first = _repo.Tool("merge-driver", "install", "--command", "bf-release-notes");
        var second = _repo.Tool("merge-driver", "install", "--command", "bf-release-notes");
        var attributes = File.ReadAllText(Path.Combine(_repo.Root, ".gitattributes"));
        var driver = _repo.Git("config", "--local", "merge.union.driver").Trim();

        var uninstall = _repo.Tool("merge-driver", "install", "--uninstall");

        Assert.Contains("added 'release-notes/unreleased.md merge=union'", first.Out, StringComparison.Ordinal);
        Assert.Contains("merge.union.driver = bf-release-notes merge-driver %O %A %B %P", first.Out, StringComparison.Ordinal);
        Assert.Contains("already installed; nothing changed", second.Out, StringComparison.Ordinal);
        Assert.Equal("release-notes/unreleased.md merge=union\n", attributes);
        Assert.Equal("bf-release-notes merge-driver %O %A %B %P", driver);
        Assert.Equal(0, uninstall.ExitCode);
        Assert.Contains("removed merge.union.driver", uninstall.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("merge=union", File.ReadAllText(Path.Combine(_repo.Root, ".gitattributes")), StringComparison.Ordinal);
        Assert.NotEqual(0, _repo.TryGit("config", "--local", "merge.union.driver").ExitCode);
    }

    [Fact]
    public void The_driver_without_its_three_files_is_a_usage_error()
    {
        var outcome = _repo.Tool("merge-driver", "only-one");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("merge-driver install", outcome.Error, StringComparison.Ordinal);
    }

    /// <summary>A branch from the current main with one commit made by <paramref name="change"/>; back on main after.</summary>
    private void Branch(string name, Action change)
    {
        _repo.Git("checkout", "-q", "-b", name, "main");
        change();
        _repo.Commit(name);
        _repo.Git("checkout", "-q", "main");
    }

    private ReleaseNotesDocument Parse()
    {
        var parsed = ReleaseNotesParser.Parse(File.ReadAllBytes(_repo.UnreleasedPath), DocumentKind.Unreleased, _repo.UnreleasedPath);
        Assert.True(parsed.IsValid, string.Join('\n', parsed.Diagnostics) + "\n" + _repo.Unreleased);
        return parsed.Document;
    }

    private List<string> Entries() => [.. Parse().AllEntries.Select(entry => entry.Markdown)];
}
