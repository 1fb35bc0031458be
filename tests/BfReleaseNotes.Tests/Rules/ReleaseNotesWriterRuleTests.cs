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

    [Fact]
    public void A_published_file_without_entries_is_its_title_alone()
    {
        Assert.Equal("# 1.0.0 - 2026-11-25\n", ReleaseNotesWriter.Published(new SemVersion(1, 0, 0), Date, [], []));
    }

    [Fact]
    public void An_internal_entry_is_never_published()
    {
        var error = Assert.Throws<ArgumentException>(() => ReleaseNotesWriter.Published(
            new SemVersion(1, 0, 0),
            Date,
            [new PublishedEntry(Visibility.Public, ChangeType.Added, "- Public."), new PublishedEntry(Visibility.Internal, ChangeType.Added, "- Hidden.")],
            []));

        Assert.Equal("Internal entries are never published. (Parameter 'entries')", error.Message);
    }

    [Fact]
    public void Entry_text_from_a_crlf_source_becomes_one_bullet_with_indented_continuation_lines()
    {
        Assert.Equal("- First line.\n  Second line.\n\n  After a gap.\n", ReleaseNotesWriter.EntryText("  First line.  \r\nSecond line.\r\n\r\nAfter a gap.\r\n", "\n"));
    }

    [Fact]
    public void Null_arguments_are_refused_by_name()
    {
        Assert.Equal("document", Assert.Throws<ArgumentNullException>(() => ReleaseNotesWriter.Write(null!)).ParamName);
        Assert.Equal("version", Assert.Throws<ArgumentNullException>(() => ReleaseNotesWriter.PublishedTitle(null!, Date)).ParamName);
        Assert.Equal("entries", Assert.Throws<ArgumentNullException>(() => ReleaseNotesWriter.Published(new SemVersion(1, 0, 0), Date, null!, [])).ParamName);
        Assert.Equal("linkReferenceDefinitions", Assert.Throws<ArgumentNullException>(() => ReleaseNotesWriter.Published(new SemVersion(1, 0, 0), Date, [], null!)).ParamName);
        Assert.Equal("text", Assert.Throws<ArgumentNullException>(() => ReleaseNotesWriter.EntryText(null!, "\n")).ParamName);
    }
}
