using BfReleaseNotes.Markdown;
using BfReleaseNotes.Model;
using Semver;

namespace BfReleaseNotes.Tests.Rules;

/// <summary>The canonical layout of a published file, written out literally.</summary>
public class ReleaseNotesWriterRuleTests
{
    private static readonly DateOnly Date = new(2026, 11, 25);

    [Fact]
    public void A_published_file_without_link_definitions_ends_with_its_last_entry()
    {
        var text = ReleaseNotesWriter.Published(new SemVersion(1, 42, 0), Date, [new PublishedEntry(Visibility.Public, ChangeType.Fixed, "- Export no longer times out.")], []);

        Assert.Equal("# 1.42.0 - 2026-11-25\n\n## Public\n\n### Fixed\n\n- Export no longer times out.\n", text);
    }

    [Fact]
    public void Link_definitions_follow_the_entries_after_one_blank_line()
    {
        var text = ReleaseNotesWriter.Published(
            new SemVersion(1, 42, 0),
            Date,
            [new PublishedEntry(Visibility.Beta, ChangeType.Added, "- Export [#12]."), new PublishedEntry(Visibility.Public, ChangeType.Security, "- Patched.\n")],
            ["[#12]: https://example.com/12\n"],
            "\r\n");

        Assert.Equal(
            "# 1.42.0 - 2026-11-25\r\n\r\n## Public\r\n\r\n### Security\r\n\r\n- Patched.\n\r\n## Beta\r\n\r\n### Added\r\n\r\n- Export [#12].\r\n\r\n[#12]: https://example.com/12\r\n",
            text);
    }
}
