using BfReleaseNotes.Checks;
using static BfReleaseNotes.Tests.Checks.PolicyEvidence;

namespace BfReleaseNotes.Tests.Rules;

/// <summary>
/// When the check takes two entries for the same one (a moved entry still matches; a rewritten one does not): line
/// endings, trailing blanks and the list bullet ignored, nothing else; and the short commit ids its sentences print.
/// </summary>
public sealed class EntryMatchingRuleTests
{
    [Theory]
    [InlineData("- Search is faster.\r\n  On large projects.", "- Search is faster.\n  On large projects.")]
    [InlineData("- Search is faster. \t\n  On large projects.  ", "- Search is faster.\n  On large projects.")]
    [InlineData("* Search is faster.", "- Search is faster.")]
    [InlineData("+ Search is faster.", "- Search is faster.")]
    [InlineData("- Search is faster.", "- Search is faster.")]
    [InlineData("*Search* is faster.", "*Search* is faster.")]
    [InlineData("+1 for search.", "+1 for search.")]
    [InlineData("a b", "a b")]
    [InlineData("*", "*")]
    [InlineData("+", "+")]
    [InlineData("", "")]
    public void The_key_of_an_entry_ignores_line_endings_trailing_blanks_and_the_bullet_only(string content, string key)
    {
        Assert.Equal(key, EntryPool.Key(Pending(content, 3)));
    }

    [Fact]
    public void An_entry_rewritten_with_a_star_bullet_and_CRLF_is_neither_added_nor_removed()
    {
        var written = Pending("- Search is faster.\n  On large projects.", 4);
        var rewritten = Pending("* Search is faster.  \r\n  On large projects.", 4);

        var result = CheckPolicy.Decide(Code() with { UnreleasedChanged = true, BaseEntries = [written], HeadEntries = [rewritten] });

        Assert.Empty(result.AddedEntries);
        Assert.Empty(result.RemovedEntries);
    }

    [Fact]
    public void The_pool_is_a_multiset_each_copy_taken_once()
    {
        var pool = new EntryPool([Earlier, Earlier with { Line = 20 }, Other]);

        Assert.True(pool.TryTake(Earlier));
        Assert.True(pool.TryTake(Pending("* Search no longer ignores accented letters.", 30)));
        Assert.False(pool.TryTake(Earlier));
        Assert.True(pool.TryTake(Other));
        Assert.False(pool.TryTake(Other));
        Assert.False(pool.TryTake(Pending("- Never pending.", 40)));
    }

    [Theory]
    [InlineData("0123456789abcdef0123456789abcdef01234567", "01234567")]
    [InlineData("012345678", "01234567")]
    [InlineData("01234567", "01234567")]
    [InlineData("0123", "0123")]
    [InlineData("", "")]
    public void A_commit_id_is_shortened_to_eight_characters_and_a_shorter_one_kept(string sha, string expected)
    {
        Assert.Equal(expected, CheckPaths.Short(sha));
    }

    [Theory]
    [InlineData("release-notes", "unreleased.md", "release-notes/unreleased.md")]
    [InlineData("", "unreleased.md", "unreleased.md")]
    public void A_notes_file_at_the_repository_root_has_no_folder_prefix(string folder, string name, string expected)
    {
        Assert.Equal(expected, CheckPaths.Join(folder, name));
    }
}
