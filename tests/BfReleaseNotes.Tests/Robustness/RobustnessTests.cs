using System.Text;
using BfReleaseNotes.Linting;
using BfReleaseNotes.Markdown;
using BfReleaseNotes.Model;
using BfReleaseNotes.Workspace;

namespace BfReleaseNotes.Tests.Robustness;

/// <summary>Bytes a user may end up with: not UTF-8, binary, empty, huge, absurdly nested. Never a crash.</summary>
public sealed class RobustnessTests : IDisposable
{
    private const string Head = "# Unreleased\n\n## Public\n\n### Added\n\n";

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Invalid_utf8_gives_BFRN001_at_the_bad_byte_and_no_document()
    {
        byte[] bytes = [.. Encoding.UTF8.GetBytes(Head + "- Zürich\n- Caf"), 0xC3, 0x28, .. "\n"u8];

        var parsed = ReleaseNotesParser.Parse(bytes, DocumentKind.Unreleased, "unreleased.md");

        Assert.Null(parsed.Document);
        var diagnostic = Assert.Single(parsed.Diagnostics);
        Assert.Equal(DiagnosticCodes.InvalidUtf8, diagnostic.Code);
        Assert.Equal(new SourcePosition(8, 6), diagnostic.Position);
        Assert.Contains("0xC3", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_column_of_a_bad_byte_counts_characters_not_bytes_and_lone_carriage_returns_end_lines()
    {
        byte[] bytes = [.. Encoding.UTF8.GetBytes("# Unreleased\r\r## Public\r\n\r\n- Zürich 東京 "), 0xFF, .. "\n"u8];

        var parsed = ReleaseNotesParser.Parse(bytes, DocumentKind.Unreleased, "unreleased.md");

        Assert.Equal(new SourcePosition(5, 13), Assert.Single(parsed.Diagnostics).Position);
    }

    [Fact]
    public void A_truncated_multibyte_character_at_the_end_is_invalid_utf8()
    {
        byte[] bytes = [.. Encoding.UTF8.GetBytes(Head + "- 東京"), 0xE6, 0x9D];

        var parsed = ReleaseNotesParser.Parse(bytes, DocumentKind.Unreleased, "unreleased.md");

        Assert.Equal([DiagnosticCodes.InvalidUtf8], parsed.Diagnostics.Select(diagnostic => diagnostic.Code));
        Assert.Equal(7, parsed.Diagnostics[0].Position.Line);
    }

    [Fact]
    public void A_byte_order_mark_is_kept_on_write_with_a_fixable_warning()
    {
        var text = Head + "- Exports.\n";
        byte[] bytes = [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(text)];

        var parsed = ReleaseNotesParser.Parse(bytes, DocumentKind.Unreleased, "unreleased.md");

        Assert.True(parsed.IsValid);
        var warning = Assert.Single(parsed.Diagnostics);
        Assert.Equal((DiagnosticCodes.ByteOrderMark, DiagnosticSeverity.Warning, true), (warning.Code, warning.Severity, warning.Fixable));
        Assert.Equal(bytes, parsed.Document.ToBytes());
        Assert.Equal(text, parsed.Document.ToText());
    }

    [Fact]
    public void Fix_removes_the_byte_order_mark_and_nothing_else()
    {
        var text = Head + "- Exports.\n";
        var parsed = ReleaseNotesParser.Parse([.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(text)], DocumentKind.Unreleased, "unreleased.md");

        var result = LintFixer.Fix(parsed);

        Assert.True(result.Changed);
        Assert.Equal(text, result.Text);
        Assert.Empty(result.Result.Diagnostics);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\n\n\r\n")]
    [InlineData("\t \n")]
    public void An_empty_or_blank_file_gives_only_BFRN003_and_writes_back_unchanged(string text)
    {
        var parsed = ReleaseNotesParser.Parse(Encoding.UTF8.GetBytes(text), DocumentKind.Unreleased, "unreleased.md");

        Assert.Equal([DiagnosticCodes.EmptyFile], parsed.Diagnostics.Select(diagnostic => diagnostic.Code));
        Assert.Equal(text, parsed.Document?.ToText() ?? text);
    }

    [Fact]
    public void An_empty_published_file_gives_BFRN003_and_says_to_restore_it()
    {
        var parsed = ReleaseNotesParser.Parse([], DocumentKind.Published, "1.0.0.md");

        var diagnostic = Assert.Single(parsed.Diagnostics);
        Assert.Equal(DiagnosticCodes.EmptyFile, diagnostic.Code);
        Assert.Contains("restore it from git", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_binary_file_gives_BFRN002_at_the_first_nul_byte()
    {
        byte[] bytes = [0x89, .. "PNG\r\n"u8, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, .. "IHDR"u8];

        var parsed = ReleaseNotesParser.Parse(bytes, DocumentKind.Unreleased, "unreleased.md");

        Assert.Null(parsed.Document);
        var diagnostic = Assert.Single(parsed.Diagnostics);
        Assert.Equal(DiagnosticCodes.BinaryFile, diagnostic.Code);
        Assert.Equal(new SourcePosition(3, 1), diagnostic.Position);
    }

    [Fact]
    public void A_50_megabyte_file_parses_and_writes_back_byte_for_byte()
    {
        var path = _temp.Combine("unreleased.md");
        var entries = WriteLargeFile(path, 50_000_000);

        var parsed = ReleaseNotesFolder.Read(path, DocumentKind.Unreleased);

        Assert.True(parsed.IsValid, string.Join('\n', parsed.Diagnostics.Take(5)));
        Assert.Equal(entries, parsed.Document.AllEntries.Count());
        Assert.True(parsed.Document.ToBytes().AsSpan().SequenceEqual(File.ReadAllBytes(path)));
    }

    public static TheoryData<string, string> DeepNesting() => new()
    {
        { "quotes", Head + string.Concat(Enumerable.Repeat("> ", 5000)) + "deep\n" },
        { "quotes in an entry", Head + "- " + string.Concat(Enumerable.Repeat("> ", 1000)) + "deep\n" },
        { "bullet lists", Head + string.Concat(Enumerable.Range(0, 300).Select(level => new string(' ', 2 * level) + "- level " + level + "\n")) },
        { "ordered lists", Head + string.Concat(Enumerable.Range(0, 300).Select(level => new string(' ', 3 * level) + "1. level\n")) },
    };

    public static TheoryData<string, string> DeepInlineNesting() => new()
    {
        { "brackets", Head + "- " + new string('[', 100_000) + "\n" },
        { "emphasis", Head + "- " + string.Concat(Enumerable.Repeat("*a ", 50_000)) + "\n" },
    };

    [Theory]
    [MemberData(nameof(DeepInlineNesting))]
    public void Deeply_nested_inline_markup_is_kept_verbatim_because_only_the_block_structure_is_parsed(string what, string text)
    {
        var parsed = ReleaseNotesParser.Parse(Encoding.UTF8.GetBytes(text), DocumentKind.Unreleased, "unreleased.md");

        Assert.True(parsed.IsValid, $"{what}: {string.Join('\n', parsed.Diagnostics)}");
        Assert.Equal(text, parsed.Document.ToText());
        Assert.Single(parsed.Document.AllEntries);
    }

    [Theory]
    [MemberData(nameof(DeepNesting))]
    public void Markdown_nested_past_the_parser_limit_gives_BFRN005_instead_of_a_crash(string what, string text)
    {
        var parsed = ReleaseNotesParser.Parse(Encoding.UTF8.GetBytes(text), DocumentKind.Unreleased, "unreleased.md");

        var diagnostic = Assert.Single(parsed.Diagnostics);
        Assert.True(diagnostic.Code == DiagnosticCodes.TooDeeplyNested, $"{what}: {diagnostic}");
        Assert.True(diagnostic.Position.Line > 6, $"{what}: the nesting starts after the headings, not at {diagnostic.Position}");
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Null(parsed.Document);
    }

    [Fact]
    public void The_too_deeply_nested_line_is_named_even_after_valid_content()
    {
        var text = Head + "- Fine.\n- Also fine.\n\n" + "- " + string.Concat(Enumerable.Repeat("> ", 1000)) + "deep\n- After.\n";

        var parsed = ReleaseNotesParser.Parse(text, DocumentKind.Unreleased, "unreleased.md");

        Assert.Equal(new SourcePosition(10, 1), Assert.Single(parsed.Diagnostics).Position);
    }

    [Fact]
    public void Nesting_below_the_limit_is_kept_as_one_entry()
    {
        var text = Head + string.Concat(Enumerable.Range(0, 20).Select(level => new string(' ', 2 * level) + "- level " + level + "\n"))
            + "  " + string.Concat(Enumerable.Repeat("> ", 20)) + "quoted\n";

        var parsed = ReleaseNotesParser.Parse(text, DocumentKind.Unreleased, "unreleased.md");

        Assert.True(parsed.IsValid, string.Join('\n', parsed.Diagnostics));
        Assert.Equal(text[Head.Length..], Assert.Single(parsed.Document.AllEntries).Text);
    }

    [Fact]
    public void Lone_carriage_returns_end_lines_as_markdown_reads_them_and_nothing_is_lost()
    {
        var text = "# Unreleased\r\r## Public\r\r### Addded\r\r- Exports.\r";

        var parsed = ReleaseNotesParser.Parse(text, DocumentKind.Unreleased, "unreleased.md");

        Assert.Equal(text, parsed.Document!.ToText());
        Assert.Equal(
            [(DiagnosticCodes.BareCarriageReturn, new SourcePosition(1, 13)), (DiagnosticCodes.UnknownHeading, new SourcePosition(5, 1))],
            parsed.Diagnostics.Select(diagnostic => (diagnostic.Code, diagnostic.Position)));
        Assert.Equal("- Exports.\r", Assert.Single(parsed.Document.AllEntries).Text);
    }

    [Fact]
    public void A_setext_heading_is_reported_at_its_text_line_and_quotes_its_text()
    {
        var text = Head + "- Exports.\n\nSome notes\n---\n\n- More.\n";

        var parsed = ReleaseNotesParser.Parse(text, DocumentKind.Unreleased, "unreleased.md");

        Assert.Equal(text, parsed.Document!.ToText());
        var unknown = Assert.Single(parsed.Diagnostics, diagnostic => diagnostic.Code == DiagnosticCodes.UnknownHeading);
        Assert.Equal(new SourcePosition(9, 1), unknown.Position);
        Assert.Contains("'## Some notes'", unknown.Message, StringComparison.Ordinal);
        Assert.Equal("Some notes\n---\n", parsed.Document.Sections[1].Heading.Text);
    }

    [Fact]
    public void Fix_leaves_a_file_alone_when_reordering_would_change_how_entries_read()
    {
        // The unclosed comment at the end of Public would swallow Internal if Public moved before it.
        var text = "# Unreleased\n\n## Internal\n\n### Added\n\n#### Flag: `x`\n\n- Drafts.\n\n## Public\n\n### Added\n\n- Exports.\n\n<!-- unfinished comment\n";
        var parsed = ReleaseNotesParser.Parse(text, DocumentKind.Unreleased, "unreleased.md");

        var result = LintFixer.Fix(parsed);

        Assert.False(result.Changed);
        Assert.Equal(text, result.Text);
        Assert.Contains(result.Result.Diagnostics, diagnostic => diagnostic.Code == DiagnosticCodes.SectionOutOfOrder);
    }

    /// <summary>Writes a valid unreleased file of at least <paramref name="size"/> bytes; returns its entry count.</summary>
    private static int WriteLargeFile(string path, int size)
    {
        using var stream = new StreamWriter(path, append: false, new UTF8Encoding(false));
        stream.Write(Head);
        var written = Head.Length;
        var entries = 0;
        while (written < size)
        {
            var entry = $"- Entry {entries} in Zürich — 東京 🎉 with a [link](https://example.com/{entries}) and `code`.\n"
                + "  A wrapped line, and a nested list:\n  - one\n  - two\n";
            stream.Write(entry);
            written += Encoding.UTF8.GetByteCount(entry);
            entries++;
        }

        return entries;
    }
}
