using System.Text;
using ApprovalTests;
using BfReleaseNotes.Linting;
using BfReleaseNotes.Markdown;
using BfReleaseNotes.Model;

namespace BfReleaseNotes.Tests.Linting;

/// <summary>The files <c>lint --fix</c> writes, approved once by reading them; inputs under Cases/Fix/.</summary>
public class LintFixerApprovalTests
{
    [Fact]
    public void Fix_puts_heading_case_right_and_nothing_else()
    {
        var result = Fix(Case("heading-case"));

        Approvals.VerifyWithExtension(result, ".md");
    }

    [Fact]
    public void Fix_reorders_sections_and_change_types_moving_their_content_with_them()
    {
        var result = Fix(Case("reordering"));

        Approvals.VerifyWithExtension(result, ".md");
    }

    [Fact]
    public void Fix_turns_star_and_plus_entry_bullets_into_dashes_but_leaves_nested_bullets()
    {
        var result = Fix(Case("bullet-markers"));

        Approvals.VerifyWithExtension(result, ".md");
    }

    [Fact]
    public void Fix_removes_a_byte_order_mark_and_changes_no_other_byte()
    {
        var text = ReleaseNotesWriter.EmptyUnreleased();
        byte[] bytes = [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(text)];
        var parsed = ReleaseNotesParser.Parse(bytes, DocumentKind.Unreleased, "unreleased.md");

        var result = LintFixer.Fix(parsed);

        Assert.True(result.Changed);
        Assert.Equal(text, result.Text);
        Assert.False(result.Result.Document!.HasByteOrderMark);
        Assert.Empty(result.Result.Diagnostics);
    }

    private static string Case(string name) => File.ReadAllText(Path.Combine(CaseFiles.Root, "Fix", name, "unreleased.md"));

    private static string Fix(string original)
    {
        var parsed = ReleaseNotesParser.Parse(original, DocumentKind.Unreleased, "unreleased.md");
        Assert.Contains(parsed.Diagnostics, diagnostic => diagnostic.Fixable);

        var result = LintFixer.Fix(parsed);

        Assert.True(result.Changed);
        Assert.Empty(result.Result.Diagnostics);
        Assert.Equal(
            parsed.Document!.AllEntries.Select(entry => entry.Markdown).Order(StringComparer.Ordinal),
            result.Result.Document!.AllEntries.Select(entry => entry.Markdown).Order(StringComparer.Ordinal));
        return result.Text!;
    }
}
