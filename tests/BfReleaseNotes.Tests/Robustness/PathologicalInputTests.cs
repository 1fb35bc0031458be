using System.Text;
using BfReleaseNotes.Flags;
using BfReleaseNotes.Markdown;
using BfReleaseNotes.Model;

namespace BfReleaseNotes.Tests.Robustness;

/// <summary>
/// Inputs that used to run for minutes: thousands of nesting levels, a flag with thousands of entries. Each runs
/// under a hang limit (minutes), never a speed assertion; README's figures come from the benchmark scripts.
/// </summary>
public sealed class PathologicalInputTests
{
    private const string Head = "# Unreleased\n\n## Public\n\n### Added\n\n";

    public static TheoryData<string, int, int> DeepFiles() => new()
    {
        // 3,000 levels by indentation: about 9 MB, which Markdig needed more than 30 s to refuse.
        { "bullets by indentation", 3000, 2 },
        { "ordered lists by indentation", 3000, 3 },
    };

    [Theory]
    [MemberData(nameof(DeepFiles))]
    public void A_file_nested_thousands_of_levels_is_refused_with_BFRN005_at_the_line_that_passes_the_limit(string what, int levels, int indent)
    {
        var marker = indent == 2 ? "- " : "1. ";
        var text = Head + string.Concat(Enumerable.Range(0, levels).Select(level => new string(' ', indent * level) + marker + "level " + level + "\n"));

        var parsed = HangLimit.Run(() => ReleaseNotesParser.Parse(Encoding.UTF8.GetBytes(text), DocumentKind.Unreleased, "unreleased.md"));

        var diagnostic = Assert.Single(parsed.Diagnostics);
        Assert.True(diagnostic.Code == DiagnosticCodes.TooDeeplyNested, $"{what}: {diagnostic}");
        // Line 7 holds level 0; the limit is passed at level 128.
        Assert.Equal(new SourcePosition(7 + NestingDepth.Limit, 1), diagnostic.Position);
    }

    [Fact]
    public void Quotes_and_bullets_on_one_line_count_together()
    {
        var text = Head + "- Fine.\n" + "- " + string.Concat(Enumerable.Repeat("> - ", 70)) + "deep\n";

        var parsed = ReleaseNotesParser.Parse(text, DocumentKind.Unreleased, "unreleased.md");

        Assert.Equal((DiagnosticCodes.TooDeeplyNested, new SourcePosition(8, 1)), (Assert.Single(parsed.Diagnostics).Code, parsed.Diagnostics[0].Position));
    }

    [Fact]
    public void Rules_made_of_many_dashes_are_not_nesting()
    {
        var text = Head + "- An entry with a rule inside:\n\n  " + string.Concat(Enumerable.Repeat("- ", 300)) + "\n";

        var parsed = ReleaseNotesParser.Parse(text, DocumentKind.Unreleased, "unreleased.md");

        Assert.True(parsed.IsValid, string.Join('\n', parsed.Diagnostics));
    }

    [Fact]
    public void Graduating_a_flag_with_2000_entries_in_a_5_MB_file_moves_them_all_in_order_in_one_pass()
    {
        var filler = string.Concat(Enumerable.Repeat("Zürich 東京 export detail text. ", 80));
        var builder = new StringBuilder("# Unreleased\n\n## Public\n\n### Added\n\n- An existing public entry.\n\n## Internal\n\n");
        foreach (var type in new[] { "Added", "Changed", "Fixed" })
        {
            builder.Append("### ").Append(type).Append("\n\n#### Flag: `other`\n\n- Stays behind.\n\n#### Flag: `big`\n\n");
            for (var i = 0; i < 667; i++)
            {
                builder.Append("- ").Append(type).Append(" entry ").Append(i).Append(". ").Append(filler).Append("\n  - nested detail\n");
            }

            builder.Append('\n');
        }

        var text = builder.ToString();
        Assert.True(Encoding.UTF8.GetByteCount(text) > 5_000_000);
        var parsed = ReleaseNotesParser.Parse(text, DocumentKind.Unreleased, "unreleased.md");
        Assert.True(parsed.IsValid, string.Join('\n', parsed.Diagnostics.Take(3)));

        var result = HangLimit.Run(() => FlagGraduator.Graduate(parsed.Document!, "big", Visibility.Public, "unreleased.md"));

        Assert.True(result.Status == GraduationStatus.Graduated, result.Message);
        Assert.Equal(2001, result.Moved.Length);
        var after = ReleaseNotesParser.Parse(result.Text!, DocumentKind.Unreleased, "unreleased.md");
        Assert.True(after.IsValid);
        var publicSection = after.Document.Find(Visibility.Public)!;
        Assert.Equal(
            ["- An existing public entry", .. Enumerable.Range(0, 667).Select(i => $"- Added entry {i}")],
            publicSection.Find(ChangeType.Added)!.DirectEntries.Select(entry => entry.Text[..entry.Text.IndexOf('.', StringComparison.Ordinal)]));
        Assert.Equal(667, publicSection.Find(ChangeType.Fixed)!.DirectEntries.Count());
        Assert.Equal(3, after.Document.Find(Visibility.Internal)!.AllEntries.Count());
    }
}
