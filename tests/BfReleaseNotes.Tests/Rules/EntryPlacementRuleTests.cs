using BfReleaseNotes.Editing;
using BfReleaseNotes.Markdown;
using BfReleaseNotes.Model;

namespace BfReleaseNotes.Tests.Rules;

/// <summary>Where <c>add</c> puts an entry and which bullet it gets, with the whole resulting file written out.</summary>
public class EntryPlacementRuleTests
{
    [Fact]
    public void An_entry_added_to_a_change_type_holding_only_a_comment_goes_after_the_comment()
    {
        var result = Add(
            "# Unreleased\n\n## Public\n\n### Added\n\n<!-- only a comment -->\n\n### Fixed\n",
            Visibility.Public, ChangeType.Added, null, "New export.");

        Assert.Equal("# Unreleased\n\n## Public\n\n### Added\n\n<!-- only a comment -->\n\n- New export.\n\n### Fixed\n", result);
    }

    [Fact]
    public void An_entry_added_to_a_flag_group_holding_only_a_comment_goes_after_the_comment()
    {
        var result = Add(
            "# Unreleased\n\n## Internal\n\n### Added\n\n#### Flag: `new-editor`\n\n<!-- owner: team-a -->\n",
            Visibility.Internal, ChangeType.Added, "new-editor", "Hidden change.");

        Assert.Equal("# Unreleased\n\n## Internal\n\n### Added\n\n#### Flag: `new-editor`\n\n<!-- owner: team-a -->\n\n- Hidden change.\n", result);
    }

    [Theory]
    [InlineData('*')]
    [InlineData('+')]
    public void A_new_entry_takes_the_bullet_of_the_list_it_joins(char bullet)
    {
        var result = Add(
            $"# Unreleased\n\n## Public\n\n### Added\n\n{bullet} First.\n",
            Visibility.Public, ChangeType.Added, null, "Second.");

        Assert.Equal($"# Unreleased\n\n## Public\n\n### Added\n\n{bullet} First.\n{bullet} Second.\n", result);
    }

    [Fact]
    public void A_new_entry_in_a_dash_list_keeps_its_dash()
    {
        var result = Add("# Unreleased\n\n## Public\n\n### Added\n\n- First.\n", Visibility.Public, ChangeType.Added, null, "- Second.");

        Assert.Equal("# Unreleased\n\n## Public\n\n### Added\n\n- First.\n- Second.\n", result);
    }

    private static string Add(string text, Visibility visibility, ChangeType type, string? flag, string entry)
    {
        var parsed = ReleaseNotesParser.Parse(text, DocumentKind.Unreleased, "unreleased.md");
        Assert.False(parsed.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error), string.Join("\n", parsed.Diagnostics));
        var result = EntryAdder.Add(parsed.Document!, visibility, type, flag, entry, "unreleased.md");
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return result.Text!;
    }
}
