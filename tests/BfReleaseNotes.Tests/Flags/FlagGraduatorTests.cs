using BfReleaseNotes.Flags;
using BfReleaseNotes.Markdown;
using BfReleaseNotes.Model;
using BfReleaseNotes.Tests.Promotion;
using FsCheck.Xunit;

namespace BfReleaseNotes.Tests.Flags;

public class FlagGraduatorTests
{
    [Property(MaxTest = 150)]
    public bool Graduating_any_flag_conserves_entries_and_removes_the_flag(int seed, bool toBeta)
    {
        var parsed = ReleaseNotesParser.Parse(UnreleasedGenerator.Generate(seed), DocumentKind.Unreleased, "unreleased.md");
        var flags = FlagInventory.Collect(parsed.Document!);
        if (flags.Length == 0)
        {
            return true;
        }

        var flag = flags[Math.Abs(seed % flags.Length)];
        var target = toBeta ? Visibility.Beta : Visibility.Public;

        var result = FlagGraduator.Graduate(parsed.Document!, flag.Key, target, "unreleased.md");

        Assert.True(result.Status == GraduationStatus.Graduated, result.Message);
        var after = ReleaseNotesParser.Parse(result.Text!, DocumentKind.Unreleased, "unreleased.md");
        Assert.True(after.IsValid, string.Join("\n", after.Diagnostics) + "\n" + result.Text);
        var before = parsed.Document!.AllEntries.Select(entry => entry.Content).Order(StringComparer.Ordinal);
        var now = after.Document.AllEntries.Select(entry => entry.Content).Order(StringComparer.Ordinal);
        var moved = flag.Total;
        var targetEntries = after.Document.Find(target)?.AllEntries.Count() ?? 0;
        var targetBefore = parsed.Document!.Find(target)?.AllEntries.Count() ?? 0;
        return before.SequenceEqual(now, StringComparer.Ordinal)
            && FlagInventory.Collect(after.Document).All(status => status.Key != flag.Key)
            && targetEntries == targetBefore + moved;
    }

    [Fact]
    public void Graduating_to_internal_is_refused()
    {
        var parsed = ReleaseNotesParser.Parse("# Unreleased\n\n## Internal\n\n### Added\n\n#### Flag: `x`\n\n- entry\n", DocumentKind.Unreleased, "unreleased.md");

        var result = FlagGraduator.Graduate(parsed.Document!, "x", Visibility.Internal, "unreleased.md");

        Assert.Equal(GraduationStatus.Refused, result.Status);
        Assert.Null(result.Text);
    }

    [Fact]
    public void A_graduated_entry_keeps_its_bytes_in_a_crlf_file_and_comments_of_the_group_stay()
    {
        const string text = "# Unreleased\r\n\r\n## Public\r\n\r\n### Fixed\r\n\r\n- Existing fix\r\n\r\n## Internal\r\n\r\n### Fixed\r\n\r\n#### Flag: `search-v2`\r\n\r\n<!-- owner: search team -->\r\n\r\n- Long titles are indexed\r\n  * nested *star* bullet\r\n\r\n#### Flag: `other`\r\n\r\n- Stays\r\n";
        var parsed = ReleaseNotesParser.Parse(text, DocumentKind.Unreleased, "unreleased.md");

        var result = FlagGraduator.Graduate(parsed.Document!, "search-v2", Visibility.Public, "unreleased.md");

        Assert.Equal(
            "# Unreleased\r\n\r\n## Public\r\n\r\n### Fixed\r\n\r\n- Existing fix\r\n- Long titles are indexed\r\n  * nested *star* bullet\r\n\r\n## Internal\r\n\r\n### Fixed\r\n\r\n<!-- owner: search team -->\r\n\r\n#### Flag: `other`\r\n\r\n- Stays\r\n",
            result.Text);
    }
}
