using BfReleaseNotes.Checks;

namespace BfReleaseNotes.Tests.Rules;

/// <summary>
/// The opt-out line of a merge-request description or commit message: every template word refused as a reason,
/// the first refused line kept for the hint, a line on the text's last line without a newline, and the per-project
/// form.
/// </summary>
public sealed class OptOutRuleTests
{
    [Theory]
    [InlineData("reason")]
    [InlineData("<reason>")]
    [InlineData("your reason")]
    [InlineData("Your Reason")]
    [InlineData("why")]
    [InlineData("todo")]
    [InlineData("TBD")]
    [InlineData("xxx")]
    [InlineData("...")]
    [InlineData("…")]
    [InlineData("-")]
    [InlineData("**why**")]
    public void A_template_word_is_no_reason_and_the_line_is_kept_for_the_hint(string reason)
    {
        var line = "Release-Notes: none - " + reason;

        var scan = OptOut.Scan("Intro\n\n" + line + "\n");

        Assert.Equal(new OptOutScan(null, null, line), scan);
    }

    [Theory]
    [InlineData("why not", "why not")]
    [InlineData("tbd later: docs", "tbd later: docs")]
    [InlineData("x", "x")]
    [InlineData("1", "1")]
    public void A_reason_that_only_starts_like_a_template_word_is_a_reason(string reason, string expected)
    {
        var scan = OptOut.Scan("Release-Notes: none - " + reason);

        Assert.Equal(expected, scan.Reason);
    }

    [Fact]
    public void The_first_refused_line_is_the_one_kept_for_the_hint()
    {
        var scan = OptOut.Scan("Release-Notes: none\n\nRelease-Notes: none - TODO\n\nRelease-Notes: none - <reason>\n");

        Assert.Equal(new OptOutScan(null, null, "Release-Notes: none"), scan);
    }

    [Fact]
    public void Refused_lines_in_one_paragraph_keep_the_first_and_a_real_line_after_them_opts_out()
    {
        var scan = OptOut.Scan("Release-Notes: none - why\nRelease-Notes: none - tbd\nRelease-Notes: none - docs only");

        Assert.Equal(new OptOutScan("docs only", "Release-Notes: none - docs only", "Release-Notes: none - why"), scan);
    }

    [Theory]
    [InlineData("Release-Notes: none - docs only")]
    [InlineData("Intro\nRelease-Notes: none - docs only")]
    [InlineData("# Title\n\nIntro\n\nRelease-Notes: none - docs only")]
    [InlineData("Intro\r\n\r\nRelease-Notes: none - docs only\r\n")]
    public void A_line_is_found_on_the_last_line_of_the_text(string text)
    {
        var scan = OptOut.Scan(text);

        Assert.Equal(new OptOutScan("docs only", "Release-Notes: none - docs only", null), scan);
    }

    [Theory]
    [InlineData("Release-Notes: none(manage) - admin only", "manage", "admin only")]
    [InlineData("Release-Notes: none(admin, Manage) - shared tests", "manage", "shared tests")]
    [InlineData("Release-Notes: none (manage) - spaced", "manage", "spaced")]
    [InlineData("Release-Notes: none(admin) - admin only", "manage", null)]
    [InlineData("Release-Notes: none(manage) - admin only", null, null)]
    [InlineData("Release-Notes: none - every project", "manage", "every project")]
    public void A_line_that_names_projects_opts_out_only_those(string text, string? project, string? expected)
    {
        Assert.Equal(expected, OptOut.Scan(text, project).Reason);
    }

    [Fact]
    public void The_line_forms_in_messages_are_literal()
    {
        Assert.Equal("Release-Notes: none - <reason>", OptOut.LineSyntax);
        Assert.Equal("Release-Notes: none(manage) - <reason>", OptOut.LineSyntaxFor("manage"));
    }
}
