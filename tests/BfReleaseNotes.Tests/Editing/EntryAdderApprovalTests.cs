using ApprovalTests;
using BfReleaseNotes.Editing;
using BfReleaseNotes.Markdown;
using BfReleaseNotes.Model;

namespace BfReleaseNotes.Tests.Editing;

/// <summary>The files <c>add</c> writes, approved once by reading them; inputs under Cases/Add/.</summary>
public class EntryAdderApprovalTests
{
    [Fact]
    public void Add_into_the_empty_template_puts_the_entry_under_its_heading()
    {
        var result = Add(ReleaseNotesWriter.EmptyUnreleased(), Visibility.Public, ChangeType.Fixed, null, "Exports of large projects no longer time out.");

        Approvals.VerifyWithExtension(result, ".md");
    }

    [Fact]
    public void Add_into_an_existing_section_puts_the_entry_after_the_last_one_with_its_nested_content()
    {
        var result = Add(Case("existing-section"), Visibility.Public, ChangeType.Added, null, "Exports keep their fonts.\nEven the ones from Zürich — 東京 🎉.");

        Approvals.VerifyWithExtension(result, ".md");
    }

    [Fact]
    public void Add_creates_a_missing_beta_section_between_public_and_internal()
    {
        var result = Add(Case("missing-beta"), Visibility.Beta, ChangeType.Changed, null, "The beta dashboard loads twice as fast.");

        Approvals.VerifyWithExtension(result, ".md");
    }

    [Fact]
    public void Add_creates_a_missing_change_type_in_canonical_order()
    {
        var result = Add(Case("missing-change-type"), Visibility.Public, ChangeType.Deprecated, null, "The XML export is deprecated; use JSON.");

        Approvals.VerifyWithExtension(result, ".md");
    }

    [Fact]
    public void Add_creates_a_missing_flag_group_at_the_end_of_its_change_type()
    {
        var result = Add(Case("missing-flag-group"), Visibility.Internal, ChangeType.Added, "dark-mode", "Dark mode follows the system setting.");

        Approvals.VerifyWithExtension(result, ".md");
    }

    [Fact]
    public void Add_follows_the_bullet_of_the_list_it_joins()
    {
        var result = Add(Case("star-bullets"), Visibility.Public, ChangeType.Added, null, "Exports keep their margins.");

        Approvals.VerifyWithExtension(result, ".md");
    }

    [Fact]
    public void Add_into_a_crlf_file_writes_crlf_line_endings()
    {
        var original = Case("existing-section").Replace("\n", "\r\n", StringComparison.Ordinal);

        var result = Add(original, Visibility.Internal, ChangeType.Added, "new-editor", "Drafts survive a crash.\nThey are restored on the next start.");

        Assert.DoesNotContain("\n", result.Replace("\r\n", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Approvals.VerifyWithExtension(TextEdits.ShowCarriageReturns(result), ".md");
    }

    private static string Case(string name) => File.ReadAllText(Path.Combine(CaseFiles.Root, "Add", name, "unreleased.md"));

    private static string Add(string original, Visibility visibility, ChangeType type, string? flag, string text)
    {
        var document = ValidNotes.Unreleased(original);

        var result = EntryAdder.Add(document, visibility, type, flag, text, "unreleased.md");

        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        TextEdits.AssertOnlyInserted(original, result.Text!);
        Assert.Empty(result.Diagnostics.Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error));
        Assert.Equal(document.AllEntries.Count() + 1, result.Document!.AllEntries.Count());
        return result.Text!;
    }
}
