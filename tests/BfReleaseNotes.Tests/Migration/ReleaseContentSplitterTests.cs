using System.Collections.Immutable;
using BfReleaseNotes.Migration;
using BfReleaseNotes.Model;

namespace BfReleaseNotes.Tests.Migration;

public class ReleaseContentSplitterTests
{
    private static readonly ImmutableDictionary<string, HeadingMeaning> Headings = new Dictionary<string, HeadingMeaning>
    {
        ["new features"] = new(ChangeType.Added, null),
        ["improvements"] = new(ChangeType.Changed, null),
        ["bug fixes"] = new(ChangeType.Fixed, null),
        ["beta"] = new(null, Visibility.Beta),
        ["internal"] = new(null, Visibility.Internal),
    }.ToImmutableDictionary();

    [Fact]
    public void Markdown_headings_give_types_and_nested_headings_add_visibility()
    {
        var items = ReleaseContentSplitter.Split(
            "## New features\n- Bulk edit\n- Saved filters\n  - shared\n\n  with a second paragraph\n## Beta\n### Bug fixes\n* Timeline no longer flickers\n## Improvements\n1. Faster search",
            Headings);

        Assert.Equal(
            [
                ("Bulk edit", ChangeType.Added, (Visibility?)null),
                ("Saved filters\n- shared\n\nwith a second paragraph", ChangeType.Added, null),
                ("Timeline no longer flickers", ChangeType.Fixed, Visibility.Beta),
                ("Faster search", ChangeType.Changed, null),
            ],
            items.Select(item => (item.Text, item.Type!.Value, item.Visibility)).ToArray());
        Assert.All(items, item => Assert.True(item.FitsHeading));
    }

    [Fact]
    public void Plain_text_headings_with_colons_or_bold_are_recognised()
    {
        var items = ReleaseContentSplitter.Split("New features:\n- Calendar sync\n**Bug fixes**\n- Login loop on Safari\nBeta:\n- Timeline", Headings);

        Assert.Equal(
            [("Calendar sync", (ChangeType?)ChangeType.Added, (Visibility?)null), ("Login loop on Safari", ChangeType.Fixed, null), ("Timeline", null, Visibility.Beta)],
            items.Select(item => (item.Text, item.Type, item.Visibility)).ToArray());
    }

    [Fact]
    public void Text_under_no_heading_or_an_unknown_heading_is_kept_and_flagged()
    {
        var items = ReleaseContentSplitter.Split("Thanks to everyone who reported issues!\n\n## Bug fixes\n- Crash on save\n## Misc\n- Updated translations\nOther:\n- New icons", Headings);

        Assert.Equal(4, items.Length);
        Assert.Equal(("Thanks to everyone who reported issues!", false, (string?)null), (items[0].Text, items[0].FitsHeading, items[0].Heading));
        Assert.True(items[1].FitsHeading);
        Assert.Equal(("Updated translations", false, "Misc"), (items[2].Text, items[2].FitsHeading, items[2].Heading));
        Assert.Equal(("New icons", false, "Other:"), (items[3].Text, items[3].FitsHeading, items[3].Heading));
    }

    [Fact]
    public void Lazy_continuation_lines_and_fenced_code_stay_in_their_item()
    {
        var items = ReleaseContentSplitter.Split("## Bug fixes\n- Exports no longer\ntime out\n- Config parsing:\n  ```\n  - not: an item\n  ```\n---\n- After a rule", Headings);

        Assert.Equal(["Exports no longer\ntime out", "Config parsing:\n```\n- not: an item\n```", "After a rule"], items.Select(item => item.Text).ToArray());
    }
}
