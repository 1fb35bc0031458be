using BfReleaseNotes.Checks;

namespace BfReleaseNotes.Tests.Checks;

public class OptOutTests
{
    [Theory]
    [InlineData("Release-Notes: none - internal refactoring", "internal refactoring")]
    [InlineData("release-notes: NONE - tests only", "tests only")]
    [InlineData("Fixes the build.\n\nRelease-Notes: none: CI only\n", "CI only")]
    [InlineData("Text\r\nRelease-Notes: none \u2013 docs only\r\nMore text", "docs only")]
    [InlineData("- Release-Notes: none - listed in a checklist", "listed in a checklist")]
    [InlineData("> Release-Notes: none - quoted", "quoted")]
    public void A_line_with_a_reason_is_an_opt_out(string text, string reason)
    {
        Assert.Equal(reason, OptOut.FindReason(text, out var withoutReason));
        Assert.False(withoutReason);
    }

    [Theory]
    [InlineData("Release-Notes: none")]
    [InlineData("Release-Notes: none -   ")]
    [InlineData("Release-Notes: none -\r\n")]
    public void A_line_without_a_reason_is_not_an_opt_out_but_is_noticed(string text)
    {
        Assert.Null(OptOut.FindReason(text, out var withoutReason));
        Assert.True(withoutReason);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("We need release notes: none were written yet.")]
    [InlineData("Release-Notes: nonessential - reason")]
    [InlineData("See Release-Notes: none - inline is not a line of its own")]
    public void Other_text_is_not_an_opt_out(string? text)
    {
        Assert.Null(OptOut.FindReason(text, out var withoutReason));
        Assert.False(withoutReason);
    }
}
