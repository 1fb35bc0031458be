using BfReleaseNotes.Markdown;
using BfReleaseNotes.Merging;
using BfReleaseNotes.Model;

namespace BfReleaseNotes.Tests.Rules;

/// <summary>
/// The proof a structural merge's text must pass: it lints, it holds every entry both sides hold, and nothing neither
/// side holds. No merge input is known to fail it (MergeEditProperties looks for one), so its rules are pinned here on
/// hand-written texts.
/// </summary>
public sealed class MergeProofRuleTests
{
    private const string File = "release-notes/unreleased.md";

    private const string Ours = "# Unreleased\n\n## Public\n\n### Added\n\n- Shared entry.\n- Ours only.\n";

    private const string Theirs = "# Unreleased\n\n## Public\n\n### Added\n\n- Shared entry.\n- Theirs only.\n";

    [Fact]
    public void A_text_with_every_entry_of_both_sides_is_proved()
    {
        Assert.Null(Refute("# Unreleased\n\n## Public\n\n### Added\n\n- Shared entry.\n- Ours only.\n- Theirs only.\n"));
    }

    [Fact]
    public void An_entry_only_one_side_holds_may_be_missing_since_the_other_side_removed_it()
    {
        Assert.Null(Refute("# Unreleased\n\n## Public\n\n### Added\n\n- Shared entry.\n- Theirs only.\n"));
    }

    [Fact]
    public void An_entry_both_sides_hold_that_is_missing_refutes_the_merge()
    {
        Assert.Equal("an entry both sides hold was lost: 'Shared entry.'", Refute("# Unreleased\n\n## Public\n\n### Added\n\n- Ours only.\n- Theirs only.\n"));
    }

    [Fact]
    public void An_entry_neither_side_holds_refutes_the_merge()
    {
        Assert.Equal("an entry that neither side holds appeared: 'Shared entry, changed.'", Refute("# Unreleased\n\n## Public\n\n### Added\n\n- Shared entry.\n- Shared entry, changed.\n"));
    }

    [Fact]
    public void A_long_entry_is_named_by_its_first_57_characters()
    {
        var stranger = "Exports of more than ten thousand rows now finish in the background and mail a link.";

        Assert.Equal("an entry that neither side holds appeared: 'Exports of more than ten thousand rows now finish in the ...'", Refute($"# Unreleased\n\n## Public\n\n### Added\n\n- Shared entry.\n- {stranger}\n"));
    }

    [Fact]
    public void A_text_that_does_not_lint_refutes_the_merge_with_the_first_error()
    {
        var text = "# Unreleased\n\n## Public\n\n### Addded\n\n- Shared entry.\n";
        var firstError = ReleaseNotesParser.Parse(text, DocumentKind.Unreleased, File).Errors.First().Message;

        Assert.Equal("the merged text does not lint: " + firstError, Refute(text));
        Assert.Contains("Addded", firstError, StringComparison.Ordinal);
    }

    private static string? Refute(string text) => MergeProof.Refute(text, Parse(Ours), Parse(Theirs), File);

    private static ReleaseNotesDocument Parse(string text) => ReleaseNotesParser.Parse(text, DocumentKind.Unreleased, File).Document!;
}
