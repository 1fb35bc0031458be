using System.Text;
using BfReleaseNotes.Promotion;
using BfReleaseNotes.TestSupport;
using BfReleaseNotes.Workspace;
using LibGit2Sharp;
using Semver;

namespace BfReleaseNotes.Tests.Rules;

/// <summary>
/// What a promotion plan does to the disk and to git (<see cref="PromotionPlan.Apply(ReleaseNotesFolder)"/>,
/// <see cref="PromotionPlan.ApplyAndCommit(WriteSession, bool, string, string)"/>): both files with exact bytes, the
/// refusal of an <c>unreleased.md</c> changed since the plan, one commit of the two files and its annotated tag, and
/// what an existing tag leaves behind. Real folders and real repositories; every expectation is written out here.
/// </summary>
public sealed class PromotionPlanRuleTests : IDisposable
{
    private const string Unreleased = "# Unreleased\n\n## Public\n\n### Added\n\n- Search in drafts.\n\n## Internal\n";
    private const string Published = "# 1.0.0 - 2026-11-18\n\n## Public\n\n### Added\n\n- Projects can be exported as PDF.\n";
    private const string NewPublished = "# 1.1.0 - 2026-11-25\n\n## Public\n\n### Added\n\n- Search in drafts.\n";
    private const string NewUnreleased = "# Unreleased\n\n## Public\n\n### Added\n\n### Changed\n\n### Fixed\n\n## Internal\n";
    private static readonly DateOnly Date = new(2026, 11, 25);
    private readonly GitTestRepository _repository = new();

    public PromotionPlanRuleTests()
    {
        _repository.Write("release-notes/unreleased.md", Unreleased).Write("release-notes/1.0.0.md", Published).Write("src/App.cs", "class App { }\n");
        using var git = new Repository(_repository.Path);
        git.Config.Set("user.name", "Release Bot");
        git.Config.Set("user.email", "bot@example.com");
    }

    private string Notes => Path.Combine(_repository.Path, "release-notes");

    private string UnreleasedFile => Path.Combine(Notes, "unreleased.md");

    private string NewPublishedFile => Path.Combine(Notes, "1.1.0.md");

    public void Dispose() => _repository.Dispose();

    [Fact]
    public void Apply_writes_the_published_file_and_the_emptied_unreleased_file_with_exact_bytes()
    {
        var plan = Plan();

        plan.Apply(new ReleaseNotesFolder(Notes));

        Assert.Equal(Encoding.UTF8.GetBytes(NewPublished), File.ReadAllBytes(NewPublishedFile));
        Assert.Equal(Encoding.UTF8.GetBytes(NewUnreleased), File.ReadAllBytes(UnreleasedFile));
        Assert.Equal(Encoding.UTF8.GetBytes(Published), File.ReadAllBytes(Path.Combine(Notes, "1.0.0.md")));
    }

    [Fact]
    public void Apply_in_an_open_session_writes_both_files()
    {
        var plan = Plan();

        using (var session = WriteSession.Open(Notes, "promote"))
        {
            plan.Apply(session);
        }

        Assert.Equal(Encoding.UTF8.GetBytes(NewPublished), File.ReadAllBytes(NewPublishedFile));
        Assert.Equal(Encoding.UTF8.GetBytes(NewUnreleased), File.ReadAllBytes(UnreleasedFile));
    }

    [Fact]
    public void A_plan_that_keeps_no_original_bytes_still_writes_both_files()
    {
        var plan = Plan() with { OriginalUnreleased = null };

        plan.Apply(new ReleaseNotesFolder(Notes));

        Assert.Equal(Encoding.UTF8.GetBytes(NewPublished), File.ReadAllBytes(NewPublishedFile));
        Assert.Equal(Encoding.UTF8.GetBytes(NewUnreleased), File.ReadAllBytes(UnreleasedFile));
    }

    [Fact]
    public void A_plan_refuses_an_unreleased_file_changed_since_it_was_made_and_leaves_both_files_as_they_were()
    {
        var plan = Plan();
        const string Edited = Unreleased + "- Added by an editor meanwhile.\n";
        File.WriteAllBytes(UnreleasedFile, Encoding.UTF8.GetBytes(Edited));

        var error = Assert.Throws<EnvironmentException>(() => plan.Apply(new ReleaseNotesFolder(Notes)));

        Assert.Equal($"'{UnreleasedFile}' changed while this command was running (another program wrote it); nothing was written. Run the command again.", error.Message);
        Assert.Equal(Encoding.UTF8.GetBytes(Edited), File.ReadAllBytes(UnreleasedFile));
        Assert.False(File.Exists(NewPublishedFile));
    }

    [Fact]
    public void A_plan_refuses_to_commit_over_an_unreleased_file_changed_since_and_moves_nothing()
    {
        var head = _repository.Commit("Start");
        var plan = Plan();
        const string Edited = Unreleased + "- Added by an editor meanwhile.\n";
        File.WriteAllBytes(UnreleasedFile, Encoding.UTF8.GetBytes(Edited));

        var error = Assert.Throws<EnvironmentException>(() => plan.ApplyAndCommit(new ReleaseNotesFolder(Notes), tag: true));

        Assert.Equal($"'{UnreleasedFile}' changed while this command was running (another program wrote it); nothing was written. Run the command again.", error.Message);
        Assert.Equal(Encoding.UTF8.GetBytes(Edited), File.ReadAllBytes(UnreleasedFile));
        Assert.False(File.Exists(NewPublishedFile));
        Assert.Equal(head, _repository.Head);
        using var git = new Repository(_repository.Path);
        Assert.Empty(git.Tags);
    }

    [Fact]
    public void Commit_without_a_tag_makes_one_commit_of_exactly_the_two_files_named_after_the_version()
    {
        var start = _repository.Commit("Start");
        var plan = Plan();

        var (commit, tag) = plan.ApplyAndCommit(new ReleaseNotesFolder(Notes), tag: false);

        Assert.Null(tag);
        Assert.Equal(commit, _repository.Head);
        using var git = new Repository(_repository.Path);
        var made = git.Lookup<Commit>(commit);
        Assert.Equal("Release 1.1.0\n", made.Message);
        Assert.Equal(("Release Bot", "bot@example.com"), (made.Author.Name, made.Author.Email));
        Assert.Equal([start], made.Parents.Select(parent => parent.Sha));
        var changes = git.Diff.Compare<TreeChanges>(git.Lookup<Commit>(start).Tree, made.Tree);
        Assert.Equal(
            [("release-notes/1.1.0.md", ChangeKind.Added), ("release-notes/unreleased.md", ChangeKind.Modified)],
            changes.Select(change => (change.Path, change.Status)).OrderBy(change => change.Path, StringComparer.Ordinal));
        Assert.Equal(NewPublished, ((Blob)made["release-notes/1.1.0.md"].Target).GetContentText());
        Assert.Equal(NewUnreleased, ((Blob)made["release-notes/unreleased.md"].Target).GetContentText());
        Assert.Empty(git.Tags);
        Assert.Equal(Encoding.UTF8.GetBytes(NewUnreleased), File.ReadAllBytes(UnreleasedFile));
    }

    [Fact]
    public void Commit_with_a_tag_makes_an_annotated_tag_named_after_the_version_on_the_release_commit()
    {
        _repository.Commit("Start");
        var plan = Plan();

        var (commit, tag) = plan.ApplyAndCommit(new ReleaseNotesFolder(Notes), tag: true);

        Assert.Equal("v1.1.0", tag);
        using var git = new Repository(_repository.Path);
        var made = Assert.Single(git.Tags);
        Assert.Equal("v1.1.0", made.FriendlyName);
        Assert.True(made.IsAnnotated);
        Assert.Equal(commit, made.Target.Sha);
        Assert.Equal("Release 1.1.0\n", made.Annotation.Message);
        Assert.Equal("Release 1.1.0\n", git.Lookup<Commit>(commit).Message);
        Assert.Equal(commit, _repository.Head);
    }

    [Fact]
    public void A_tag_prefix_and_a_project_message_name_the_tag_and_the_commit()
    {
        _repository.Commit("Start");
        var plan = Plan();
        Assert.Equal("Release 1.1.0", plan.CommitMessage(null));
        Assert.Equal("Release manage 1.1.0", plan.CommitMessage("manage"));

        using (var session = WriteSession.Open(Notes, "promote"))
        {
            var (commit, tag) = plan.ApplyAndCommit(session, true, "manage/v", "Release manage 1.1.0");

            Assert.Equal("manage/v1.1.0", tag);
            using var git = new Repository(_repository.Path);
            Assert.Equal("Release manage 1.1.0\n", git.Lookup<Commit>(commit).Message);
            Assert.Equal(commit, git.Tags["manage/v1.1.0"].Target.Sha);
        }
    }

    [Fact]
    public void An_existing_tag_refuses_the_release_before_any_file_is_written_and_head_stays()
    {
        var head = _repository.Commit("Start");
        using (var git = new Repository(_repository.Path))
        {
            git.ApplyTag("v1.1.0");
        }

        var plan = Plan();

        var error = Assert.Throws<EnvironmentException>(() => plan.ApplyAndCommit(new ReleaseNotesFolder(Notes), tag: true));

        Assert.Equal("the tag 'v1.1.0' already exists; release a new version or delete the tag", error.Message);
        Assert.Equal(head, _repository.Head);
        Assert.Equal(Encoding.UTF8.GetBytes(Unreleased), File.ReadAllBytes(UnreleasedFile));
        Assert.False(File.Exists(NewPublishedFile));
        using var after = new Repository(_repository.Path);
        Assert.Equal(head, Assert.Single(after.Tags).Target.Sha);
    }

    [Fact]
    public void Without_a_tag_an_existing_tag_of_that_name_is_no_obstacle()
    {
        var head = _repository.Commit("Start");
        using (var git = new Repository(_repository.Path))
        {
            git.ApplyTag("v1.1.0");
        }

        var (commit, tag) = Plan().ApplyAndCommit(new ReleaseNotesFolder(Notes), tag: false);

        Assert.Null(tag);
        Assert.NotEqual(head, commit);
        using var after = new Repository(_repository.Path);
        Assert.Equal(head, Assert.Single(after.Tags).Target.Sha);
    }

    [Fact]
    public void When_git_refuses_the_commit_both_files_are_put_back_and_head_and_tags_stay()
    {
        var head = _repository.Commit("Start");
        var plan = Plan();
        // Another git process holds the index: libgit2 cannot write it, after the objects and before any reference.
        File.WriteAllText(Path.Combine(_repository.Path, ".git", "index.lock"), string.Empty);

        var error = Assert.Throws<EnvironmentException>(() => plan.ApplyAndCommit(new ReleaseNotesFolder(Notes), tag: true));

        Assert.Equal(
            "git could not record the release (the index is locked; this might be due to a concurrent or crashed process); HEAD was not moved and the index and tags are as they were; both files were restored, so promote can simply be run again",
            error.Message);
        Assert.IsType<BfReleaseNotes.Git.GitStepFailedException>(error.InnerException);
        Assert.Equal(Encoding.UTF8.GetBytes(Unreleased), File.ReadAllBytes(UnreleasedFile));
        Assert.False(File.Exists(NewPublishedFile));
        Assert.Equal(head, _repository.Head);
        using var git = new Repository(_repository.Path);
        Assert.Empty(git.Tags);
    }

    [Theory]
    [InlineData("-v", "-v1.1.0")]
    [InlineData("/v", "/v1.1.0")]
    [InlineData("v 1", "v 11.1.0")]
    [InlineData("a..b/", "a..b/1.1.0")]
    [InlineData("a//", "a//1.1.0")]
    [InlineData("v~", "v~1.1.0")]
    public void A_tag_prefix_that_makes_no_valid_tag_name_is_refused_before_anything_is_written(string prefix, string tagName)
    {
        var head = _repository.Commit("Start");
        var plan = Plan();

        using (var session = WriteSession.Open(Notes, "promote"))
        {
            var error = Assert.Throws<EnvironmentException>(() => plan.ApplyAndCommit(session, true, prefix));

            Assert.Equal($"the tag prefix '{prefix}' does not make a valid git tag name ('{tagName}'); use letters, digits, '.', '_', '-' or '/', e.g. 'v'. Nothing was written", error.Message);
        }

        Assert.Equal(head, _repository.Head);
        Assert.False(File.Exists(NewPublishedFile));
    }

    [Theory]
    [InlineData("release-")]
    [InlineData("a.b_c/v+")]
    [InlineData("")]
    public void A_prefix_of_letters_digits_dots_underscores_dashes_slashes_and_pluses_tags(string prefix)
    {
        _repository.Commit("Start");
        using var session = WriteSession.Open(Notes, "promote");

        var (_, tag) = Plan().ApplyAndCommit(session, true, prefix);

        Assert.Equal(prefix + "1.1.0", tag);
    }

    [Fact]
    public void A_prefix_is_ignored_without_a_tag()
    {
        _repository.Commit("Start");
        using var session = WriteSession.Open(Notes, "promote");

        var (_, tag) = Plan().ApplyAndCommit(session, false, "-bad..");

        Assert.Null(tag);
    }

    [Fact]
    public void The_write_is_journalled_as_promote_so_a_crash_is_named_by_the_next_run()
    {
        var commands = new List<string>();

        Plan().Apply(new ReleaseNotesFolder(Notes), afterRename: _ => commands.Add(TransactionJournal.Load(Notes)!.Command));

        Assert.Equal(["promote", "promote"], commands);
        Assert.Equal(NewPublished, File.ReadAllText(NewPublishedFile));
    }

    [Fact]
    public void Null_arguments_are_refused_by_name()
    {
        var plan = Plan();
        using var session = WriteSession.Open(Notes, "promote");

        Assert.Equal("folder", Assert.Throws<ArgumentNullException>(() => plan.Apply((ReleaseNotesFolder)null!)).ParamName);
        Assert.Equal("session", Assert.Throws<ArgumentNullException>(() => plan.Apply((WriteSession)null!)).ParamName);
        Assert.Equal("folder", Assert.Throws<ArgumentNullException>(() => plan.ApplyAndCommit((ReleaseNotesFolder)null!, true)).ParamName);
        Assert.Equal("folder", Assert.Throws<ArgumentNullException>(() => plan.ApplyAndCommit((ReleaseNotesFolder)null!, true, "v")).ParamName);
        Assert.Equal("session", Assert.Throws<ArgumentNullException>(() => plan.ApplyAndCommit(null!, true, "v", "Release 1.1.0")).ParamName);
        Assert.Equal("message", Assert.Throws<ArgumentNullException>(() => plan.ApplyAndCommit(session, true, "v", null!)).ParamName);
        Assert.Equal("tagPrefix", Assert.Throws<ArgumentNullException>(() => plan.ApplyAndCommit(session, true, null!, "Release 1.1.0")).ParamName);
        Assert.False(File.Exists(NewPublishedFile));
    }

    private PromotionPlan Plan()
    {
        var folder = new ReleaseNotesFolder(Notes);
        var outcome = Promoter.Plan(folder.ReadUnreleased(), [new SemVersion(1, 0, 0)], new PromotionRequest(null, VersionBump.Minor, Date), folder);
        Assert.Equal(PromotionStatus.Planned, outcome.Status);
        return outcome.Plan!;
    }
}
