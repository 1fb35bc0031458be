using BfReleaseNotes.Text;

namespace BfReleaseNotes.Tests.Text;

public class SuggestionTests
{
    [Theory]
    [InlineData("promot", "promote")]
    [InlineData("new-edtor", "new-editor")]
    [InlineData("GRADUATE", "graduate")]
    [InlineData("--dri-run", "--dry-run")]
    public void A_close_name_is_suggested(string typed, string expected)
    {
        Assert.Equal([expected], Suggestion.Closest(typed, ["promote", "render", "new-editor", "sso", "graduate", "--dry-run", "--dir"], 1));
    }

    [Fact]
    public void A_far_off_name_is_never_suggested()
    {
        Assert.Empty(Suggestion.Closest("new-edtor", ["sso", "bulk-actions"]));
    }

    [Theory]
    [InlineData(0, "0 entries")]
    [InlineData(1, "1 entry")]
    [InlineData(2, "2 entries")]
    [InlineData(12345, "12,345 entries")]
    public void Counts_take_the_right_form(int count, string expected)
    {
        Assert.Equal(expected, Plural.Of(count, "entry", "entries"));
    }

    [Fact]
    public void Names_are_listed_as_a_sentence_does()
    {
        Assert.Equal("'a', 'b' or 'c'", Suggestion.OrList(["a", "b", "c"]));
        Assert.Equal("'a'", Suggestion.OrList(["a"]));
    }
}
