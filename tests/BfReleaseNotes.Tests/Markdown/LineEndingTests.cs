using BfReleaseNotes.Markdown;
using BfReleaseNotes.Model;

namespace BfReleaseNotes.Tests.Markdown;

public class LineEndingTests
{
    [Theory]
    [InlineData("# Unreleased\r\r## Public\r\r### Added\r\r- x\r- y\r", 1, 13)]
    [InlineData("# Unreleased\n\n## Public\n\n### Added\n\n- x\r- y\n", 7, 4)]
    [InlineData("# Unreleased\r\n\r\n## Public\r\n\r\n### Added\r\n\r\n- x\r", 7, 4)]
    public void A_bare_carriage_return_is_reported_where_it_is_and_the_text_still_round_trips(string text, int line, int column)
    {
        var parsed = ReleaseNotesParser.Parse(text, DocumentKind.Unreleased, "unreleased.md");

        var diagnostic = Assert.Single(parsed.Diagnostics);
        Assert.Equal(DiagnosticCodes.BareCarriageReturn, diagnostic.Code);
        Assert.Equal(new SourcePosition(line, column), diagnostic.Position);
        Assert.Equal(text, parsed.Document!.ToText());
    }

    [Fact]
    public void Mixed_lf_and_crlf_files_take_the_more_common_ending_for_new_lines()
    {
        var parsed = ReleaseNotesParser.Parse("# Unreleased\r\n\r\n## Public\r\n\n### Added\r\n", DocumentKind.Unreleased, "unreleased.md");

        Assert.Equal("\r\n", parsed.Document!.LineEnding);
        Assert.Empty(parsed.Diagnostics);
    }
}

public class CodeFenceTests
{
    [Theory]
    [InlineData("# Unreleased\n\n```\nnever closed\n\n## Public\n\n### Added\n\n- x\n", 3, 1)]
    [InlineData("# Unreleased\n\n## Public\n\n### Added\n\n- x\n  ~~~~\n  code\n- y\n", 8, 3)]
    public void An_unclosed_code_fence_is_an_error_at_its_opening_line(string text, int line, int column)
    {
        var parsed = ReleaseNotesParser.Parse(text, DocumentKind.Unreleased, "unreleased.md");

        var diagnostic = Assert.Single(parsed.Diagnostics);
        Assert.Equal(DiagnosticCodes.UnclosedCodeFence, diagnostic.Code);
        Assert.Equal(new SourcePosition(line, column), diagnostic.Position);
        Assert.Equal(text, parsed.Document!.ToText());
    }
}

public class StrayTextTests
{
    [Theory]
    [InlineData("    #\n")]
    [InlineData("    ###\n")]
    [InlineData("    ###Added\n")]
    public void Stray_text_made_only_of_hashes_is_reported_not_a_crash(string stray)
    {
        var text = "# Unreleased\n\n## Public\n\n" + stray;

        var parsed = ReleaseNotesParser.Parse(text, DocumentKind.Unreleased, "unreleased.md");

        var diagnostic = Assert.Single(parsed.Diagnostics);
        Assert.Equal(DiagnosticCodes.NotAnEntry, diagnostic.Code);
        Assert.Equal(new SourcePosition(5, 1), diagnostic.Position);
        Assert.Equal(text, parsed.Document!.ToText());
    }
}
