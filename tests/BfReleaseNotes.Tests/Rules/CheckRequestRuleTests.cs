using BfReleaseNotes.Checks;
using BfReleaseNotes.Flags;

namespace BfReleaseNotes.Tests.Rules;

/// <summary>
/// The check request's and the finding's hand-written equality (every field counts, lists by content, the flag
/// registry reader by identity) and the finding's stable report names, on which Code Quality fingerprints depend.
/// </summary>
public sealed class CheckRequestRuleTests
{
    private static readonly FlagRegistryReader Reader = new();

    [Fact]
    public void Requests_built_alike_are_equal_with_equal_hash_codes()
    {
        Assert.Equal(Request(), Request());
        Assert.True(Request().Equals(Request()));
        Assert.Equal(Request().GetHashCode(), Request().GetHashCode());
        Assert.False(Request().Equals(null));
    }

    [Fact]
    public void Every_request_field_changed_on_its_own_makes_requests_differ()
    {
        var variants = new (string Field, CheckRequest Request)[]
        {
            ("RepositoryPath", Request() with { RepositoryPath = "/other" }),
            ("Base", Request() with { Base = new RevisionChoice("origin/main", "CI_DEFAULT_BRANCH") }),
            ("Head", Request() with { Head = new RevisionChoice("HEAD", "HEAD") }),
            ("Folder", Request() with { Folder = "docs" }),
            ("Labels", Request() with { Labels = ["bug"] }),
            ("Description", Request() with { Description = "other" }),
            ("DescriptionTruncated", Request() with { DescriptionTruncated = false }),
            ("CloneDepth", Request() with { CloneDepth = 50 }),
            ("TargetBranchCommit", Request() with { TargetBranchCommit = null }),
            ("FlagRegistryReader", Request() with { FlagRegistryReader = new FlagRegistryReader() }),
        };

        Assert.All(variants, variant => Assert.False(Request().Equals(variant.Request), variant.Field + " is ignored by Equals"));
    }

    [Theory]
    [InlineData(CheckOutcome.NotesNotUpdated, "release-notes-not-updated")]
    [InlineData(CheckOutcome.NotesInvalid, "release-notes-invalid")]
    [InlineData(CheckOutcome.PendingEntriesRemoved, "release-notes-pending-entry-removed")]
    [InlineData(CheckOutcome.CannotDecide, "release-notes-cannot-decide")]
    [InlineData(CheckOutcome.PublishedHistoryChanged, "release-notes-published-history-changed")]
    [InlineData(CheckOutcome.ConfigurationChanged, "release-notes-configuration-changed")]
    [InlineData(CheckOutcome.EntriesAlreadyPublished, "release-notes-entries-already-published")]
    [InlineData(CheckOutcome.EntriesInWrongProject, "release-notes-entries-in-wrong-project")]
    public void Every_failure_has_its_stable_report_name(CheckOutcome outcome, string name)
    {
        Assert.Equal(name, CheckFinding.DefaultCheckName(outcome));
        Assert.Equal(name, new CheckFinding(outcome, "message", "release-notes/unreleased.md", 1).CheckName);
    }

    [Fact]
    public void Findings_built_alike_are_equal_with_equal_hash_codes()
    {
        Assert.Equal(Finding(), Finding());
        Assert.Equal(Finding().GetHashCode(), Finding().GetHashCode());
        Assert.False(Finding().Equals(null));
    }

    [Fact]
    public void Every_finding_field_changed_on_its_own_makes_findings_differ()
    {
        var variants = new (string Field, CheckFinding Finding)[]
        {
            ("Outcome", Finding() with { Outcome = CheckOutcome.NotesInvalid }),
            ("Message", Finding() with { Message = "other" }),
            ("File", Finding() with { File = "other.md" }),
            ("Line", Finding() with { Line = 2 }),
            ("CheckName", Finding() with { CheckName = "release-notes-flags" }),
            ("Project", Finding() with { Project = "web" }),
            ("Hints", Finding() with { Hints = ["other hint"] }),
        };

        Assert.All(variants, variant => Assert.False(Finding().Equals(variant.Finding), variant.Field + " is ignored by Equals"));
    }

    // Fresh lists every time, so equality must compare them by content.
    private static CheckRequest Request() => new("/repo", new RevisionChoice("abc", "CI_MERGE_REQUEST_DIFF_BASE_SHA"), new RevisionChoice("def", "CI_COMMIT_SHA"))
    {
        Folder = "release-notes",
        Labels = ["release-notes::none", "team a"],
        Description = "Release-Notes: none - docs",
        DescriptionTruncated = true,
        CloneDepth = 20,
        TargetBranchCommit = new RevisionChoice("012", "CI_MERGE_REQUEST_TARGET_BRANCH_SHA"),
        FlagRegistryReader = Reader,
    };

    private static CheckFinding Finding() => new(CheckOutcome.NotesNotUpdated, "no notes", "release-notes/unreleased.md", 1)
    {
        Hints = ["a hint"],
        Project = "api",
    };
}
