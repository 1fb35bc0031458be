using System.Text;
using ApprovalTests;
using BfReleaseNotes.History;
using BfReleaseNotes.Tests.Promotion;

namespace BfReleaseNotes.Tests.History;

public sealed class ChangelogWriterTests : IDisposable
{
    private readonly ScratchFolder _scratch = new();

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public void The_changelog_lists_every_release_newest_first_with_public_then_beta_and_every_link()
    {
        HistoryFolder.WriteAll(_scratch);

        var changelog = ChangelogWriter.Write(_scratch.Folder);

        Assert.True(changelog.IsValid);
        Assert.Equal(3, changelog.ReleaseCount);
        Assert.Empty(changelog.Warnings);
        Approvals.VerifyWithExtension(changelog.Text!, ".md");
    }

    [Fact]
    public void The_changelog_is_deterministic_and_knows_when_a_file_is_current()
    {
        HistoryFolder.WriteAll(_scratch);

        var first = ChangelogWriter.Write(_scratch.Folder);
        var second = ChangelogWriter.Write(_scratch.Folder);

        Assert.Equal(first.ToBytes(), second.ToBytes());
        Assert.True(first.IsCurrent(second.ToBytes()));
        Assert.False(first.IsCurrent(null));
        Assert.False(first.IsCurrent(Encoding.UTF8.GetBytes(first.Text!.Replace("1.10.0", "1.10.1", StringComparison.Ordinal))));
        Assert.DoesNotContain("\r", first.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_published_file_with_errors_makes_no_changelog()
    {
        HistoryFolder.WriteAll(_scratch);
        _scratch.WriteFile("2.0.0.md", "# 2.0.0 - 2026-11-25\n\n## Internal\n\n### Added\n\n- Never published.\n");

        var changelog = ChangelogWriter.Write(_scratch.Folder);

        Assert.False(changelog.IsValid);
        Assert.Null(changelog.Text);
        Assert.Contains(changelog.Diagnostics, diagnostic => diagnostic.File.EndsWith("2.0.0.md", StringComparison.Ordinal));
        Assert.Throws<InvalidOperationException>(() => changelog.ToBytes());
    }

    [Fact]
    public void A_link_label_two_releases_define_differently_keeps_the_newer_definition_and_warns()
    {
        _scratch.WriteFile("1.0.0.md", "# 1.0.0 - 2026-10-01\n\n## Public\n\n### Added\n\n- Docs. [docs]\n\n[docs]: https://old.example.com/docs\n");
        _scratch.WriteFile("1.1.0.md", "# 1.1.0 - 2026-10-08\n\n## Public\n\n### Added\n\n- More docs. [docs]\n\n[docs]: https://new.example.com/docs\n");

        var changelog = ChangelogWriter.Write(_scratch.Folder);

        Assert.Contains("[docs]: https://new.example.com/docs", changelog.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("old.example.com", changelog.Text, StringComparison.Ordinal);
        var warning = Assert.Single(changelog.Warnings);
        Assert.Contains("[docs] is defined differently in 1.0.0 and 1.1.0", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_without_releases_gives_the_header_alone()
    {
        var changelog = ChangelogWriter.Write(_scratch.Folder);

        Assert.True(changelog.IsValid);
        Assert.Equal(0, changelog.ReleaseCount);
        Assert.StartsWith("# Changelog\n", changelog.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("## [", changelog.Text, StringComparison.Ordinal);
    }
}
