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

public class OptOutMarkdownTests
{
    [Theory]
    [InlineData("Example:\n\n```\nRelease-Notes: none - copied from the template\n```\n")]
    [InlineData("Example:\n\n~~~md\nRelease-Notes: none - copied\n~~~\n")]
    [InlineData("Example:\n\n    Release-Notes: none - indented code\n")]
    [InlineData("<!--\nRelease-Notes: none - hidden in a comment\n-->\n")]
    [InlineData("<!-- Release-Notes: none - one-line comment -->\n")]
    public void Lines_in_code_blocks_and_html_comments_do_not_opt_out(string description)
    {
        var scan = OptOut.Scan(description);

        Assert.Null(scan.Reason);
        Assert.Null(scan.Rejected);
    }

    [Theory]
    [InlineData("Release-Notes: none - <reason>")]
    [InlineData("Release-Notes: none - reason")]
    [InlineData("Release-Notes: none - TODO")]
    [InlineData("Release-Notes: none - **  **")]
    [InlineData("Release-Notes: none - ...")]
    public void Placeholder_reasons_are_rejected_and_the_line_is_kept(string line)
    {
        var scan = OptOut.Scan("Intro\n\n" + line + "\n");

        Assert.Null(scan.Reason);
        Assert.Equal(line, scan.Rejected);
    }

    [Theory]
    [InlineData("**Release-Notes: none - CI only**", "CI only")]
    [InlineData("_Release-Notes: none - CI only_", "CI only")]
    [InlineData("`Release-Notes: none - CI only`", "CI only")]
    [InlineData("Release-Notes: none - **CI only**", "CI only")]
    [InlineData("- [x] **Release-Notes: none - checklist**", "checklist")]
    public void Emphasis_around_the_line_or_the_reason_is_removed_and_the_line_is_quoted_as_written(string line, string reason)
    {
        var scan = OptOut.Scan("## Checklist\n\n" + line + "\n");

        Assert.Equal(reason, scan.Reason);
        Assert.Equal(line, scan.Line);
    }

    [Fact]
    public void A_real_line_after_a_placeholder_opts_out_and_remembers_the_placeholder()
    {
        var scan = OptOut.Scan("Release-Notes: none - <reason>\n\nRelease-Notes: none - docs only\r\n");

        Assert.Equal("docs only", scan.Reason);
        Assert.Equal("Release-Notes: none - docs only", scan.Line);
        Assert.Equal("Release-Notes: none - <reason>", scan.Rejected);
    }

    [Fact]
    public void A_line_in_a_nested_quote_and_a_setext_heading_counts()
    {
        Assert.Equal("quoted twice", OptOut.Scan("> > Release-Notes: none - quoted twice\n").Reason);
        Assert.Equal("a heading", OptOut.Scan("Release-Notes: none - a heading\n---\n").Reason);
    }
}
