using System.Text;
using ApprovalTests;
using ApprovalTests.Namers;
using BfReleaseNotes.Markdown;
using BfReleaseNotes.Model;
using BfReleaseNotes.Promotion;
using BfReleaseNotes.Workspace;
using FsCheck.Xunit;
using Semver;

namespace BfReleaseNotes.Tests.Promotion;

public sealed class PromoterTests : IDisposable
{
    private static readonly DateOnly Date = new(2026, 11, 25);
    private readonly ScratchFolder _scratch = new();

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public void Promotion_publishes_public_and_beta_of_a_realistic_file()
    {
        _scratch.WriteUnreleased(ScratchFolder.Case("realistic"));

        var plan = PlanFor(new SemVersion(1, 42, 0));

        Approvals.VerifyWithExtension(plan.PublishedText, ".md");
    }

    [Fact]
    public void Promotion_empties_public_and_beta_and_keeps_internal_preamble_and_comments()
    {
        _scratch.WriteUnreleased(ScratchFolder.Case("realistic"));

        var plan = PlanFor(new SemVersion(1, 42, 0));

        Approvals.VerifyWithExtension(Encoding.UTF8.GetString(plan.UnreleasedContent), ".md");
    }

    [Fact]
    public void Promotion_leaves_internal_entries_in_unreleased_byte_for_byte()
    {
        var original = ScratchFolder.Case("realistic");
        _scratch.WriteUnreleased(original);

        var plan = PlanFor(new SemVersion(1, 42, 0));

        var internalBefore = original[original.IndexOf("## Internal", StringComparison.Ordinal)..];
        var after = Encoding.UTF8.GetString(plan.UnreleasedContent);
        Assert.EndsWith(internalBefore, after, StringComparison.Ordinal);
        Assert.StartsWith(original[..original.IndexOf("## Public", StringComparison.Ordinal)], after, StringComparison.Ordinal);
        Assert.DoesNotContain("new-editor", plan.PublishedText, StringComparison.Ordinal);
        Assert.DoesNotContain("Internal", plan.PublishedText, StringComparison.Ordinal);
    }

    [Fact]
    public void Promotion_of_a_crlf_file_writes_crlf_files()
    {
        var crlf = ScratchFolder.Case("realistic").Replace("\n", "\r\n", StringComparison.Ordinal);
        _scratch.WriteUnreleased(crlf);

        var plan = PlanFor(new SemVersion(2, 0, 0));

        var published = plan.PublishedText;
        var unreleased = Encoding.UTF8.GetString(plan.UnreleasedContent);
        Assert.DoesNotContain("\n", published.Replace("\r\n", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("\n", unreleased.Replace("\r\n", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(plan.PublishedText.Replace("\r\n", "\n", StringComparison.Ordinal), PlanForText(ScratchFolder.Case("realistic"), new SemVersion(2, 0, 0)).PublishedText);
    }

    [Fact]
    public void Published_file_gets_the_link_definitions_its_entries_use_and_unreleased_keeps_all()
    {
        _scratch.WriteUnreleased(ScratchFolder.Case("realistic"));

        var plan = PlanFor(new SemVersion(1, 42, 0));

        Assert.Contains("[#1412]: https://gitlab.example.com/team/app/-/merge_requests/1412", plan.PublishedText, StringComparison.Ordinal);
        Assert.Contains("[export-guide]: https://docs.example.com/export", plan.PublishedText, StringComparison.Ordinal);
        Assert.DoesNotContain("[internal-wiki]", plan.PublishedText, StringComparison.Ordinal);
        var unreleased = Encoding.UTF8.GetString(plan.UnreleasedContent);
        Assert.Contains("[internal-wiki]: https://wiki.example.com/editor", unreleased, StringComparison.Ordinal);
        Assert.Contains("[#1412]: https://gitlab.example.com/team/app/-/merge_requests/1412", unreleased, StringComparison.Ordinal);
    }

    [Fact]
    public void The_published_file_and_the_rewritten_unreleased_file_lint_clean()
    {
        _scratch.WriteUnreleased(ScratchFolder.Case("realistic"));

        var plan = PlanFor(new SemVersion(1, 42, 0));

        Assert.Empty(ReleaseNotesParser.Parse(plan.PublishedContent, DocumentKind.Published, plan.PublishedPath).Diagnostics);
        Assert.Empty(ReleaseNotesParser.Parse(plan.UnreleasedContent, DocumentKind.Unreleased, plan.UnreleasedPath).Diagnostics);
    }

    [Fact]
    public void Next_version_follows_semver_precedence_not_string_order()
    {
        _scratch.WriteUnreleased(ScratchFolder.Case("realistic"));
        foreach (var version in new[] { "1.9.0", "1.10.0", "1.2.0" })
        {
            _scratch.WriteFile(version + ".md", $"# {version} - 2026-01-01\n\n## Public\n\n### Added\n\n- Something\n");
        }

        var outcome = Promoter.Plan(_scratch.Folder.ReadUnreleased(), [.. _scratch.Folder.PublishedFiles().Select(file => file.Version)],
            new PromotionRequest(null, VersionBump.Minor, Date), _scratch.Folder);

        Assert.Equal(PromotionStatus.Planned, outcome.Status);
        Assert.Equal("1.11.0", outcome.Plan!.Version.ToString());
    }

    [Theory]
    [InlineData("1.4.2", VersionBump.Major, "2.0.0")]
    [InlineData("1.4.2", VersionBump.Minor, "1.5.0")]
    [InlineData("1.4.2", VersionBump.Patch, "1.4.3")]
    [InlineData("2.0.0-rc.1", VersionBump.Major, "2.0.0")]
    [InlineData("1.5.0-beta.2", VersionBump.Minor, "1.5.0")]
    [InlineData("1.5.1-beta.2", VersionBump.Minor, "1.6.0")]
    [InlineData("1.5.1-beta.2", VersionBump.Patch, "1.5.1")]
    public void Bumping_a_version_follows_semver(string latest, VersionBump bump, string expected)
    {
        var next = Promoter.Bump(SemVersion.Parse(latest, SemVersionStyles.Strict), bump);

        Assert.Equal(expected, next.ToString());
    }

    [Fact]
    public void The_first_release_of_a_folder_is_0_1_0_by_default()
    {
        Assert.Equal("0.1.0", Promoter.Bump(null, VersionBump.Minor).ToString());
    }

    [Fact]
    public void A_version_not_greater_than_the_latest_is_refused()
    {
        _scratch.WriteUnreleased(ScratchFolder.Case("realistic"));
        _scratch.WriteFile("1.5.0.md", "# 1.5.0 - 2026-01-01\n\n## Public\n\n### Added\n\n- Something\n");

        var outcome = Promoter.Plan(_scratch.Folder.ReadUnreleased(), [new SemVersion(1, 5, 0)], new PromotionRequest(new SemVersion(1, 4, 9), VersionBump.Minor, Date), _scratch.Folder);

        Assert.Equal(PromotionStatus.Refused, outcome.Status);
        Assert.Contains("not greater than the latest published version 1.5.0", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_version_whose_file_exists_is_refused()
    {
        _scratch.WriteUnreleased(ScratchFolder.Case("realistic"));
        _scratch.WriteFile("3.0.0.md", "not even a valid file");

        var outcome = Promoter.Plan(_scratch.Folder.ReadUnreleased(), [], new PromotionRequest(new SemVersion(3, 0, 0), VersionBump.Minor, Date), _scratch.Folder);

        Assert.Equal(PromotionStatus.Refused, outcome.Status);
        Assert.Contains("already exists", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nothing_to_promote_when_public_and_beta_are_empty()
    {
        _scratch.WriteUnreleased(ReleaseNotesWriter.EmptyUnreleased());

        var outcome = Promoter.Plan(_scratch.Folder.ReadUnreleased(), [], new PromotionRequest(null, VersionBump.Minor, Date), _scratch.Folder);

        Assert.Equal(PromotionStatus.NothingToPromote, outcome.Status);
        Assert.Null(outcome.Plan);
    }

    [Fact]
    public void An_unreleased_file_with_errors_is_not_promoted()
    {
        _scratch.WriteUnreleased("# Unreleased\n\n## Public\n\n- outside any change type\n");

        var outcome = Promoter.Plan(_scratch.Folder.ReadUnreleased(), [], new PromotionRequest(null, VersionBump.Minor, Date), _scratch.Folder);

        Assert.Equal(PromotionStatus.Invalid, outcome.Status);
        Assert.Contains(outcome.Diagnostics, diagnostic => diagnostic.Code == DiagnosticCodes.EntryOutsideChangeType);
    }

    [Fact]
    public void A_failure_between_the_two_renames_leaves_both_files_as_they_were()
    {
        _scratch.WriteUnreleased(ScratchFolder.Case("realistic"));
        var before = _scratch.Snapshot();
        var plan = PlanFor(new SemVersion(1, 42, 0));

        var exception = Assert.Throws<EnvironmentException>(() => plan.Apply(_scratch.Folder, afterRename: renamed =>
        {
            if (renamed == 1)
            {
                Assert.True(File.Exists(plan.PublishedPath), "the first rename put the published file in place");
                throw new InjectedFailureException("disk full between the renames");
            }
        }));

        Assert.Contains("no file was changed", exception.Message, StringComparison.Ordinal);
        var after = _scratch.Snapshot();
        Assert.Equal(before.Keys, after.Keys);
        foreach (var (name, bytes) in before)
        {
            Assert.Equal(bytes, after[name]);
        }
    }

    [Fact]
    public void Applying_a_plan_writes_both_files()
    {
        _scratch.WriteUnreleased(ScratchFolder.Case("realistic"));
        var plan = PlanFor(new SemVersion(1, 42, 0));

        plan.Apply(_scratch.Folder);

        Assert.Equal(plan.PublishedContent, File.ReadAllBytes(plan.PublishedPath));
        Assert.Equal(plan.UnreleasedContent, File.ReadAllBytes(plan.UnreleasedPath));
        Assert.Equal(["1.42.0.md", "unreleased.md"], Directory.EnumerateFiles(_scratch.Folder.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Property(MaxTest = 150)]
    public bool Promotion_conserves_every_entry_of_any_valid_unreleased_file(int seed)
    {
        var text = UnreleasedGenerator.Generate(seed);
        var parsed = ReleaseNotesParser.Parse(text, DocumentKind.Unreleased, "unreleased.md");
        Assert.True(parsed.IsValid, string.Join("\n", parsed.Diagnostics) + "\n" + text);

        var outcome = Promoter.Plan(parsed, [], new PromotionRequest(new SemVersion(1, 0, 0), VersionBump.Minor, Date), new ReleaseNotesFolder("/nonexistent-bfrn"));

        if (outcome.Status == PromotionStatus.NothingToPromote)
        {
            return !parsed.Document.Sections.Where(section => section.Visibility != Visibility.Internal).SelectMany(section => section.AllEntries).Any();
        }

        Assert.Equal(PromotionStatus.Planned, outcome.Status);
        var published = ReleaseNotesParser.Parse(outcome.Plan!.PublishedContent, DocumentKind.Published, "1.0.0.md").Document!;
        var remaining = ReleaseNotesParser.Parse(outcome.Plan.UnreleasedContent, DocumentKind.Unreleased, "unreleased.md").Document!;
        var before = parsed.Document.AllEntries.Select(entry => entry.Content).Order(StringComparer.Ordinal);
        var after = published.AllEntries.Concat(remaining.AllEntries).Select(entry => entry.Content).Order(StringComparer.Ordinal);
        // Placement, not only the multiset: every Public and Beta entry lands under the same visibility and change
        // type of the published file, in the order it had (the independent oracle is the input's own structure).
        Assert.Equal(Placed(parsed.Document, Visibility.Public), Placed(published, Visibility.Public));
        Assert.Equal(Placed(parsed.Document, Visibility.Beta), Placed(published, Visibility.Beta));
        Assert.Null(published.Find(Visibility.Internal));
        return before.SequenceEqual(after, StringComparer.Ordinal)
            && remaining.Find(Visibility.Public)?.AllEntries.Any() != true
            && remaining.Find(Visibility.Beta)?.AllEntries.Any() != true
            && parsed.Document.Find(Visibility.Internal)?.ToText() == remaining.Find(Visibility.Internal)?.ToText();
    }

    private static string[] Placed(ReleaseNotesDocument document, Visibility visibility) =>
        [.. (document.Find(visibility)?.ChangeTypes ?? [])
            .OrderBy(section => section.Type)
            .SelectMany(section => section.AllEntries.Select(entry => $"{section.Type}: {entry.Content}"))];

    private PromotionPlan PlanFor(SemVersion version)
    {
        var outcome = Promoter.Plan(_scratch.Folder.ReadUnreleased(), [.. _scratch.Folder.PublishedFiles().Select(file => file.Version)],
            new PromotionRequest(version, VersionBump.Minor, Date), _scratch.Folder);
        Assert.True(outcome.Status == PromotionStatus.Planned, outcome.Message);
        return outcome.Plan!;
    }

    private PromotionPlan PlanForText(string text, SemVersion version)
    {
        var parsed = ReleaseNotesParser.Parse(text, DocumentKind.Unreleased, _scratch.Unreleased);
        var outcome = Promoter.Plan(parsed, [], new PromotionRequest(version, VersionBump.Minor, Date), _scratch.Folder);
        return outcome.Plan!;
    }
}
