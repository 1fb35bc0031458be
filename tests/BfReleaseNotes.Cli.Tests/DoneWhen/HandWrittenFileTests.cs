using System.Text;

namespace BfReleaseNotes.Cli.Tests.DoneWhen;

/// <summary>
/// The foundation's "done when": a hand-written-style 500-entry file survives <c>add</c> and <c>lint --fix</c>
/// through the real CLI with every byte it did not have to touch in place.
/// </summary>
public sealed class HandWrittenFileTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public HandWrittenFileTests()
    {
        Path = _temp.Combine("release-notes", "unreleased.md");
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
    }

    private string Path { get; }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void The_generated_500_entry_file_is_valid_and_the_messy_variant_has_only_warnings()
    {
        File.WriteAllText(Path, HandWrittenNotes.Generate(500, messy: false), new UTF8Encoding(false));
        var clean = Cli.Run(_temp.Path, ["lint", "--format", "json"]);
        File.WriteAllText(Path, HandWrittenNotes.Generate(500, messy: true), new UTF8Encoding(false));
        var messy = Cli.Run(_temp.Path, ["lint"]);

        Assert.Equal(0, clean.ExitCode);
        Assert.Contains("\"errors\": 0", clean.Out, StringComparison.Ordinal);
        Assert.Contains("\"warnings\": 0", clean.Out, StringComparison.Ordinal);
        Assert.Equal(0, messy.ExitCode);
        Assert.Contains("0 errors", messy.Out, StringComparison.Ordinal);
        Assert.Contains("BFRN112", messy.Error, StringComparison.Ordinal);
        Assert.Contains("BFRN107", messy.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Add_into_a_500_entry_crlf_file_changes_no_byte_but_the_inserted_entry()
    {
        var original = HandWrittenNotes.Generate(500, messy: true);
        File.WriteAllBytes(Path, Encoding.UTF8.GetBytes(original));

        var outcome = Cli.Run(_temp.Path, ["add", "--section", "public", "--type", "fixed", "Zürich — 東京 — emoji 🎉 entries survive.\nWith a second line."]);

        Assert.Equal(0, outcome.ExitCode);
        var result = Encoding.UTF8.GetString(File.ReadAllBytes(Path));
        var (offset, chunk) = InsertedChunk(original, result);
        Assert.Equal(original, result.Remove(offset, chunk.Length));
        Assert.Equal("- Zürich — 東京 — emoji 🎉 entries survive.\r\n  With a second line.\r\n", chunk);
    }

    [Fact]
    public void Add_then_lint_fix_on_a_500_entry_file_changes_only_the_insertion_and_the_fixable_characters()
    {
        var original = HandWrittenNotes.Generate(500, messy: true);
        File.WriteAllBytes(Path, Encoding.UTF8.GetBytes(original));

        var added = Cli.Run(_temp.Path, ["add", "--section", "public", "--type", "fixed", "Exports keep their fonts."]);
        var afterAdd = Encoding.UTF8.GetString(File.ReadAllBytes(Path));
        var fixedOutcome = Cli.Run(_temp.Path, ["lint", "--fix"]);
        var afterFix = Encoding.UTF8.GetString(File.ReadAllBytes(Path));
        var lintAgain = Cli.Run(_temp.Path, ["lint"]);

        Assert.Equal(0, added.ExitCode);
        Assert.Equal(0, fixedOutcome.ExitCode);
        var (offset, chunk) = InsertedChunk(original, afterAdd);
        // The fixes are same-length substitutions, so the canonical text with the same chunk at the same offset is
        // exactly what lint --fix must write: every other byte of the 500 entries is where it was.
        var expected = HandWrittenNotes.Generate(500, messy: false).Insert(offset, chunk);
        Assert.Equal(expected, afterFix);
        Assert.Equal(0, lintAgain.ExitCode);
        Assert.Equal(string.Empty, lintAgain.Error);
    }

    [Fact]
    public void Lint_fix_then_add_with_a_new_flag_group_keeps_every_other_byte()
    {
        File.WriteAllBytes(Path, Encoding.UTF8.GetBytes(HandWrittenNotes.Generate(500, messy: true)));
        var fixedOutcome = Cli.Run(_temp.Path, ["lint", "--fix"]);
        var afterFix = Encoding.UTF8.GetString(File.ReadAllBytes(Path));

        var added = Cli.Run(_temp.Path, ["add", "--section", "internal", "--type", "fixed", "--flag", "search-v2", "Search v2 finds drafts."]);
        var afterAdd = Encoding.UTF8.GetString(File.ReadAllBytes(Path));

        Assert.Equal(0, fixedOutcome.ExitCode);
        Assert.Equal(HandWrittenNotes.Generate(500, messy: false), afterFix);
        Assert.Equal(0, added.ExitCode);
        var (offset, chunk) = InsertedChunk(afterFix, afterAdd);
        Assert.Equal(afterFix, afterAdd.Remove(offset, chunk.Length));
        Assert.Contains("#### Flag: `search-v2`\r\n\r\n- Search v2 finds drafts.\r\n", chunk, StringComparison.Ordinal);
    }

    /// <summary>Where and what one inserted chunk is; fails when the edit did anything but insert.</summary>
    private static (int Offset, string Chunk) InsertedChunk(string original, string edited)
    {
        var prefix = 0;
        while (prefix < original.Length && prefix < edited.Length && original[prefix] == edited[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < original.Length - prefix && suffix < edited.Length - prefix && original[^(suffix + 1)] == edited[^(suffix + 1)])
        {
            suffix++;
        }

        Assert.True(prefix + suffix == original.Length, $"the edit changed bytes of the original near offset {prefix}");
        return (prefix, edited[prefix..(edited.Length - suffix)]);
    }
}
