using BfReleaseNotes.Markdown;

namespace BfReleaseNotes.Tests.Rules;

/// <summary>
/// The one decision every edit makes before it appends a block: does the text already end with a blank line, and
/// what must be added so that it does. Pinned on the rule itself, with CR LF and LF texts.
/// </summary>
public class BlankLineRuleTests
{
    [Theory]
    [InlineData("- x\n\n")]
    [InlineData("- x\n  \n")]
    [InlineData("- x\n\t\r\n")]
    [InlineData("- x\r\n\r\n")]
    [InlineData("- x\n\n\n")]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("  \n")]
    public void A_text_whose_last_line_is_blank_ends_with_a_blank_line(string text)
    {
        Assert.True(BlankLines.AtEnd(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("- x")]
    [InlineData("- x\n")]
    [InlineData("- x\r\n")]
    [InlineData("\n- x")]
    [InlineData("\n\n- x\n")]
    [InlineData("- x\n\n  ")]
    public void A_text_whose_last_line_holds_text_or_has_no_line_ending_does_not(string text)
    {
        Assert.False(BlankLines.AtEnd(text));
    }

    [Theory]
    [InlineData("- x", "\n", "\n\n")]
    [InlineData("- x", "\r\n", "\r\n\r\n")]
    [InlineData("- x\n", "\n", "\n")]
    [InlineData("- x\r\n", "\r\n", "\r\n")]
    [InlineData("- x\n\n", "\n", "")]
    [InlineData("- x\r\n\r\n", "\r\n", "")]
    public void The_padding_ends_the_last_line_and_adds_one_blank_line_in_the_files_line_ending(string text, string lineEnding, string padding)
    {
        Assert.Equal(padding, BlankLines.PaddingFor(text, lineEnding));
    }
}
