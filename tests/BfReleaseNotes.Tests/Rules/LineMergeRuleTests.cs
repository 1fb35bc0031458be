using BfReleaseNotes.Merging;

namespace BfReleaseNotes.Tests.Rules;

/// <summary>
/// The line merge the structural merge falls back to (and the <c>union</c> driver uses), pinned with literal texts,
/// each written as <c>git merge-file -p</c> (or <c>--union</c>) gives it for the same three files.
/// </summary>
public sealed class LineMergeRuleTests
{
    [Fact]
    public void Lines_only_one_side_changed_take_that_side()
    {
        var result = LineMerger.Merge("a\nb\nc\n", "a\nB\nc\n", "a\nb\nC\n", LineMergeFavor.Conflict);

        Assert.Equal(("a\nB\nC\n", 0), (result.Text, result.Conflicts));
    }

    [Theory]
    [InlineData("- One.\n- Two.\n-  Three.\n", "- One!\n- Two.\n-  Three.\n")]
    [InlineData("- One.\n- Two.\n- three.\n", "- One!\n- Two.\n- three.\n")]
    public void A_change_of_whitespace_or_case_alone_is_a_change(string theirs, string expected)
    {
        var result = LineMerger.Merge("- One.\n- Two.\n- Three.\n", "- One!\n- Two.\n- Three.\n", theirs, LineMergeFavor.Conflict);

        Assert.Equal((expected, 0), (result.Text, result.Conflicts));
    }

    [Fact]
    public void When_one_side_is_unchanged_the_other_side_is_the_result()
    {
        Assert.Equal("theirs\n", LineMerger.Merge("base\n", "base\n", "theirs\n", LineMergeFavor.Conflict).Text);
        Assert.Equal("ours\n", LineMerger.Merge("base\n", "ours\n", "base\n", LineMergeFavor.Conflict).Text);
        Assert.Equal(("same\n", 0), (LineMerger.Merge("base\n", "same\n", "same\n", LineMergeFavor.Conflict) is var same ? (same.Text, same.Conflicts) : default));
    }

    [Fact]
    public void A_conflict_is_marked_with_the_labels_and_ours_line_endings()
    {
        var result = LineMerger.Merge("a\r\nb\r\n", "a\r\nX\r\n", "a\r\nY\r\n", LineMergeFavor.Conflict, "HEAD", "feature");

        Assert.Equal(("a\r\n<<<<<<< HEAD\r\nX\r\n=======\r\nY\r\n>>>>>>> feature\r\n", 1), (result.Text, result.Conflicts));
    }

    [Fact]
    public void A_conflict_on_the_first_line_starts_the_text_with_the_marker()
    {
        var result = LineMerger.Merge("a\nb\n", "X\nb\n", "Y\nb\n", LineMergeFavor.Conflict);

        Assert.Equal(("<<<<<<< ours\nX\n=======\nY\n>>>>>>> theirs\nb\n", 1), (result.Text, result.Conflicts));
    }

    [Fact]
    public void Markers_after_a_last_line_without_a_line_ending_start_on_a_line_of_their_own()
    {
        var result = LineMerger.Merge("a\nb", "a\nX", "a\nY", LineMergeFavor.Conflict);

        Assert.Equal(("a\n<<<<<<< ours\nX\n=======\nY\n>>>>>>> theirs\n", 1), (result.Text, result.Conflicts));
    }

    [Fact]
    public void A_last_line_without_a_line_ending_that_neither_side_changed_is_kept()
    {
        var result = LineMerger.Merge("a\nb\nc", "A\nb\nc", "a\nb\nc\nd", LineMergeFavor.Conflict);

        Assert.Equal(("A\nb\nc\nd", 0), (result.Text, result.Conflicts));
    }

    [Fact]
    public void A_union_puts_ours_first_then_theirs_each_on_its_own_lines()
    {
        var result = LineMerger.Merge("a\nb", "a\nX", "a\nY", LineMergeFavor.Union);

        Assert.Equal(("a\nX\nY", 1), (result.Text, result.Conflicts));
    }

    [Fact]
    public void A_union_against_a_deletion_ends_ours_last_line_as_git_does()
    {
        var result = LineMerger.Merge("a\nb\nc", "a\nb\nX", "a\nb\n", LineMergeFavor.Union);

        Assert.Equal(("a\nb\nX\n", 1), (result.Text, result.Conflicts));
    }

    [Theory]
    [InlineData(0, "baseText")]
    [InlineData(1, "ours")]
    [InlineData(2, "theirs")]
    public void A_missing_text_is_named(int missing, string name)
    {
        var texts = new[] { "a\n", "b\n", "c\n" };
        texts[missing] = null!;

        var thrown = Assert.Throws<ArgumentNullException>(() => LineMerger.Merge(texts[0], texts[1], texts[2], LineMergeFavor.Conflict));

        Assert.Equal(name, thrown.ParamName);
    }
}
