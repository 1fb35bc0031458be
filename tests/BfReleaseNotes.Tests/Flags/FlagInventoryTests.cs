using BfReleaseNotes.Flags;
using BfReleaseNotes.Markdown;
using BfReleaseNotes.Model;

namespace BfReleaseNotes.Tests.Flags;

public class FlagInventoryTests
{
    [Fact]
    public void Each_flag_comes_with_its_entries_in_file_order()
    {
        var text = "# Unreleased\n\n## Internal\n\n### Added\n\n#### Flag: `new-editor`\n\n- Drafts.\n- Autosave.\n\n### Fixed\n\n#### Flag: `new-editor`\n\n- Undo.\n\n#### Flag: `sso`\n\n- Login.\n";
        var document = ReleaseNotesParser.Parse(text, DocumentKind.Unreleased, "unreleased.md").Document!;

        var flags = FlagInventory.Collect(document);

        Assert.Equal(["new-editor", "sso"], flags.Select(flag => flag.Key));
        Assert.Equal(
            [(ChangeType.Added, "- Drafts."), (ChangeType.Added, "- Autosave."), (ChangeType.Fixed, "- Undo.")],
            flags[0].Entries.Select(item => (item.Type, item.Entry.Content)));
        Assert.Equal(3, flags[0].Total);
    }
}
