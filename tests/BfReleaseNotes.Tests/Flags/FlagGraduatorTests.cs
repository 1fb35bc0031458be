using BfReleaseNotes.Flags;
using BfReleaseNotes.Markdown;
using BfReleaseNotes.Model;
using BfReleaseNotes.Tests.Promotion;
using FsCheck.Xunit;

namespace BfReleaseNotes.Tests.Flags;

public class FlagGraduatorTests
{
    [Property(MaxTest = 150)]
    public void Graduating_any_flag_moves_its_entries_last_into_the_same_change_types_and_keeps_everything_else(int seed, bool toBeta)
    {
        // Every seed must reach a file with flags (about a quarter of the generated files have none): take the next one.
        var (parsed, flags) = WithFlags(seed);
        var flag = flags[Math.Abs(seed % flags.Length)].Key;
        var target = toBeta ? Visibility.Beta : Visibility.Public;
        var document = parsed.Document!;

        var result = FlagGraduator.Graduate(document, flag, target, "unreleased.md");

        Assert.True(result.Status == GraduationStatus.Graduated, result.Message);
        var after = ReleaseNotesParser.Parse(result.Text!, DocumentKind.Unreleased, "unreleased.md");
        Assert.True(after.IsValid, string.Join("\n", after.Diagnostics) + "\n" + result.Text);
        Assert.DoesNotContain(FlagInventory.Collect(after.Document), status => status.Key == flag);

        // The oracle, from the input alone: per change type, the target's entries, then the flag's (in file order).
        var groups = document.Find(Visibility.Internal)!.ChangeTypes
            .SelectMany(changeType => changeType.FlagGroups.Where(group => group.Key == flag).Select(group => (Type: changeType.Type!.Value, Group: group)))
            .ToList();
        foreach (var type in Enum.GetValues<ChangeType>())
        {
            var expected = Texts(document.Find(target)?.Find(type)?.DirectEntries)
                .Concat(groups.Where(item => item.Type == type).SelectMany(item => item.Group.Entries).Select(entry => entry.Content));
            Assert.Equal(expected, Texts(after.Document.Find(target)?.Find(type)?.DirectEntries));
        }

        var flagEntries = groups.SelectMany(item => item.Group.Entries).ToHashSet();
        Assert.Equal(
            Texts(document.Find(Visibility.Internal)!.AllEntries.Where(entry => !flagEntries.Contains(entry))),
            Texts(after.Document.Find(Visibility.Internal)?.AllEntries));
        var other = toBeta ? Visibility.Public : Visibility.Beta;
        Assert.Equal(Texts(document.Find(other)?.AllEntries), Texts(after.Document.Find(other)?.AllEntries));
    }

    private static (ParsedFile Parsed, System.Collections.Immutable.ImmutableArray<FlagStatus> Flags) WithFlags(int seed)
    {
        for (var next = seed; ; next = unchecked(next + 1))
        {
            var parsed = ReleaseNotesParser.Parse(UnreleasedGenerator.Generate(next), DocumentKind.Unreleased, "unreleased.md");
            var flags = FlagInventory.Collect(parsed.Document!);
            if (flags.Length > 0)
            {
                return (parsed, flags);
            }
        }
    }

    private static List<string> Texts(IEnumerable<Entry>? entries) => [.. (entries ?? []).Select(entry => entry.Content)];

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
