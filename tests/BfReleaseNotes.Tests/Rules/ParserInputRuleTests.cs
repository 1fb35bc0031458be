using System.Text;
using BfReleaseNotes.Markdown;
using BfReleaseNotes.Model;

namespace BfReleaseNotes.Tests.Rules;

/// <summary>
/// What the parser says about the bytes and text it is given before and around the structure rules: UTF-16 and
/// binary files, the first invalid UTF-8 byte and where it is, the byte-order mark, an empty file, markdown nested
/// too deeply (and the line named by bisection when Markdig refuses it), unclosed fences and comments, the order of
/// the diagnostics and which file names name a published release. Every expectation is a literal.
/// </summary>
public class ParserInputRuleTests
{
    private const string Head = "# Unreleased\n\n## Public\n\n### Added\n\n";

    private static ParsedFile Parse(byte[] bytes, DocumentKind kind = DocumentKind.Unreleased, string file = "unreleased.md") =>
        ReleaseNotesParser.Parse(bytes, kind, file);

    private static Diagnostic Error(string code, int line, int column, string message, string file = "unreleased.md") =>
        new(code, DiagnosticSeverity.Error, file, new SourcePosition(line, column), message);

    private static string Utf16(string name) =>
        $"the file is {name} text, not UTF-8; convert it (iconv -f UTF-16 -t UTF-8 < FILE > FILE.utf8, then replace FILE with it, or save it as UTF-8 in the editor) and try again";

    private static string Nul(int offset) =>
        $"the file holds a NUL byte at offset {offset}: it is binary, not markdown; restore the text file from git (git restore <file>) or delete the NUL bytes in an editor. Its entries are still in it: do not recreate the file";

    private static string BadByte(string hex) => $"the file is not valid UTF-8 (bad byte 0x{hex}); save it as UTF-8 and try again";

    [Fact]
    public void A_utf16_file_with_a_byte_order_mark_is_refused_as_text_in_the_wrong_encoding_naming_its_byte_order()
    {
        var little = Parse([0xFF, 0xFE, .. Encoding.Unicode.GetBytes(Head)]);
        var big = Parse([0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(Head)]);

        Assert.Null(little.Document);
        Assert.Equal([Error("BFRN001", 1, 1, Utf16("UTF-16LE"))], little.Diagnostics.ToArray());
        Assert.Null(big.Document);
        Assert.Equal([Error("BFRN001", 1, 1, Utf16("UTF-16BE"))], big.Diagnostics.ToArray());
    }

    [Fact]
    public void A_utf16_file_without_a_byte_order_mark_is_recognised_by_a_nul_beside_every_ascii_character()
    {
        var little = Parse(Encoding.Unicode.GetBytes(Head + "- Exports.\n"));
        var big = Parse(Encoding.BigEndianUnicode.GetBytes(Head + "- Exports.\n"));

        Assert.Equal([Error("BFRN001", 1, 1, Utf16("UTF-16LE"))], little.Diagnostics.ToArray());
        Assert.Equal([Error("BFRN001", 1, 1, Utf16("UTF-16BE"))], big.Diagnostics.ToArray());
    }

    [Fact]
    public void Two_utf16_characters_are_enough_to_recognise_the_encoding_and_one_is_not()
    {
        Assert.Equal([Error("BFRN001", 1, 1, Utf16("UTF-16LE"))], Parse([(byte)'#', 0x00, (byte)' ', 0x00]).Diagnostics.ToArray());
        Assert.Equal([Error("BFRN001", 1, 1, Utf16("UTF-16BE"))], Parse([0x00, (byte)'#', 0x00, (byte)' ']).Diagnostics.ToArray());
        // One character and an odd byte: too little to call it UTF-16, so the NUL makes it binary.
        Assert.Equal([Error("BFRN002", 1, 2, Nul(1))], Parse([(byte)'#', 0x00, (byte)' ']).Diagnostics.ToArray());
    }

    [Fact]
    public void Only_ascii_characters_beside_the_nul_bytes_make_utf16_and_a_zero_or_0x80_byte_there_makes_the_file_binary()
    {
        // Little-endian order: the character byte first. A pair of NULs, then a character byte of 0x80.
        Assert.Equal([Error("BFRN002", 1, 2, Nul(1))], Parse([(byte)'#', 0x00, 0x00, 0x00, (byte)'a', 0x00]).Diagnostics.ToArray());
        Assert.Equal([Error("BFRN002", 1, 2, Nul(1))], Parse([(byte)'#', 0x00, 0x80, 0x00]).Diagnostics.ToArray());
        Assert.Equal([Error("BFRN001", 1, 1, Utf16("UTF-16LE"))], Parse([(byte)'#', 0x00, 0x7F, 0x00]).Diagnostics.ToArray());
        // Big-endian order: the NUL first.
        Assert.Equal([Error("BFRN002", 1, 1, Nul(0))], Parse([0x00, 0x00, 0x00, (byte)'a', 0x00, (byte)'b']).Diagnostics.ToArray());
        Assert.Equal([Error("BFRN002", 1, 1, Nul(0))], Parse([0x00, (byte)'#', 0x00, 0x80]).Diagnostics.ToArray());
        Assert.Equal([Error("BFRN001", 1, 1, Utf16("UTF-16BE"))], Parse([0x00, (byte)'#', 0x00, 0x7F]).Diagnostics.ToArray());
    }

    [Fact]
    public void A_nul_byte_as_the_very_first_byte_makes_the_file_binary()
    {
        var parsed = Parse([0x00, .. Encoding.UTF8.GetBytes(Head + "- Exports.\n")]);

        Assert.Null(parsed.Document);
        Assert.Equal([Error("BFRN002", 1, 1, Nul(0))], parsed.Diagnostics.ToArray());
    }

    [Fact]
    public void An_invalid_utf8_first_byte_is_reported_at_line_1_column_1_with_its_value()
    {
        var parsed = Parse([0xFF, .. Encoding.UTF8.GetBytes(Head)]);

        Assert.Null(parsed.Document);
        Assert.Equal([Error("BFRN001", 1, 1, BadByte("FF"))], parsed.Diagnostics.ToArray());
    }

    [Fact]
    public void The_bad_byte_named_is_the_first_byte_of_the_first_invalid_sequence_counted_in_characters_after_a_lone_cr_and_a_crlf()
    {
        // Line 1 ends with a lone CR, line 2 with CR LF; "é" is one character of two bytes; 0xE6 0x9D starts a
        // three-byte character that a space breaks, and a second bad byte follows.
        byte[] bytes = [.. Encoding.UTF8.GetBytes("# Unreleased\r## Public\r\n- é "), 0xE6, 0x9D, (byte)' ', 0xFF, .. "\n"u8];

        var parsed = Parse(bytes);

        Assert.Equal([Error("BFRN001", 3, 5, BadByte("E6"))], parsed.Diagnostics.ToArray());
    }

    [Fact]
    public void A_lone_cr_right_before_the_bad_byte_ends_its_line()
    {
        byte[] bytes = [.. "- x\r"u8, 0xC0, .. "\n"u8];

        Assert.Equal([Error("BFRN001", 2, 1, BadByte("C0"))], Parse(bytes).Diagnostics.ToArray());
    }

    [Fact]
    public void A_byte_order_mark_is_a_fixable_warning_first_in_the_list_and_the_document_keeps_it()
    {
        var text = "# Unreleasd\n\n## Public\n\n### Added\n\n- Exports.\n";

        var parsed = Parse([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)]);

        Assert.Equal(
            [
                new Diagnostic("BFRN004", DiagnosticSeverity.Warning, "unreleased.md", new SourcePosition(1, 1),
                    "the file starts with a UTF-8 byte-order mark; it is kept, but 'bf-release-notes lint --fix' removes it", Fixable: true),
                Error("BFRN101", 1, 1, "the title is '# Unreleasd'; the working file's title must be '# Unreleased'"),
            ],
            parsed.Diagnostics.ToArray());
        Assert.True(parsed.Document!.HasByteOrderMark);
        Assert.Equal([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)], parsed.Document.ToBytes());
    }

    [Fact]
    public void An_empty_working_file_says_to_restore_it_or_run_init_and_an_empty_published_file_says_to_restore_it()
    {
        var working = Parse([]);
        var published = Parse("\n  \n"u8.ToArray(), DocumentKind.Published, "1.2.0.md");

        Assert.Equal(
            [Error("BFRN003", 1, 1, "the file is empty; restore it from git (git restore <file>), or, if it never held entries, delete it and run 'bf-release-notes init' to write the template")],
            working.Diagnostics.ToArray());
        Assert.Equal([Error("BFRN003", 1, 1, "the published file is empty; restore it from git", "1.2.0.md")], published.Diagnostics.ToArray());
    }

    [Fact]
    public void Markdown_nested_too_deeply_is_refused_with_a_message_that_says_to_flatten_it()
    {
        var parsed = Parse(Encoding.UTF8.GetBytes(Head + string.Concat(Enumerable.Repeat("> ", 200)) + "deep\n"));

        Assert.Null(parsed.Document);
        Assert.Equal(
            [Error("BFRN005", 7, 1, "the markdown is nested too deeply to parse (lists, quotes or brackets hundreds of levels deep); flatten it")],
            parsed.Diagnostics.ToArray());
    }

    [Fact]
    public void When_markdig_refuses_the_nesting_the_first_line_that_it_refuses_is_found_by_bisection()
    {
        // Level 0 is on line 7. Markdig counts the document and, per level, a list and its item: level 63 (line 70)
        // is 1 + 2 * 64 = 129 deep, past its 128, where the pre-scan counts 64 levels only. Lines follow it, so a search that
        // never narrows (and answers the last line) is seen.
        var text = Head + Nested(100) + "\nAfter.\n\nMore.\n";

        var line = HangLimit.Run(() => ReleaseNotesParser.FirstLineTooDeeplyNested(text));

        Assert.Equal(70, line);
    }

    [Fact]
    public void Lists_nested_past_markdigs_limit_but_within_the_pre_scans_are_refused_at_the_line_markdig_refuses()
    {
        var parsed = ReleaseNotesParser.Parse(Head + Nested(100) + "\nAfter.\n", DocumentKind.Unreleased, "unreleased.md");

        Assert.Null(parsed.Document);
        Assert.Equal(
            [Error("BFRN005", 70, 1, "the markdown is nested too deeply to parse (lists, quotes or brackets hundreds of levels deep); flatten it")],
            parsed.Diagnostics.ToArray());
    }

    [Fact]
    public void The_bisection_finds_a_deep_line_near_the_start_and_one_on_the_last_line()
    {
        var early = "intro\n" + string.Concat(Enumerable.Repeat("> ", 200)) + "deep\n" + string.Concat(Enumerable.Repeat("text\n", 50));
        var last = string.Concat(Enumerable.Repeat("text\n\n", 40)) + string.Concat(Enumerable.Repeat("> ", 200)) + "deep";

        Assert.Equal(2, HangLimit.Run(() => ReleaseNotesParser.FirstLineTooDeeplyNested(early)));
        Assert.Equal(81, HangLimit.Run(() => ReleaseNotesParser.FirstLineTooDeeplyNested(last)));
    }

    [Fact]
    public void A_text_of_more_than_a_million_characters_is_not_bisected_and_gets_line_1()
    {
        var deep = string.Concat(Enumerable.Repeat("> ", 200)) + "deep\n";
        var filler = "- " + new string('x', 98) + "\n";
        var exactly = Head + string.Concat(Enumerable.Repeat(filler, 5)) + deep;
        exactly += new string('y', 1_000_000 - exactly.Length - 1) + "\n";
        Assert.Equal(1_000_000, exactly.Length);

        Assert.Equal(12, HangLimit.Run(() => ReleaseNotesParser.FirstLineTooDeeplyNested(exactly)));
        Assert.Equal(1, HangLimit.Run(() => ReleaseNotesParser.FirstLineTooDeeplyNested(exactly + "z")));
    }

    [Fact]
    public void Only_markdigs_nesting_refusal_is_read_as_too_deep()
    {
        var refusal = Assert.ThrowsAny<ArgumentException>(() => Markdig.Markdown.Parse(string.Concat(Enumerable.Repeat("> ", 200)) + "deep\n"));

        Assert.True(ReleaseNotesParser.IsTooDeeplyNested(refusal));
        Assert.False(ReleaseNotesParser.IsTooDeeplyNested(new ArgumentOutOfRangeException("length")));
        Assert.False(ReleaseNotesParser.IsTooDeeplyNested(new ArgumentException("the value is not valid")));
    }

    [Fact]
    public void An_unclosed_fence_at_the_top_level_swallows_the_rest_and_one_in_an_entry_must_be_closed_at_the_entrys_indent()
    {
        var top = ReleaseNotesParser.Parse(Head + "- Exports.\n\n~~~~\nnever closed\n", DocumentKind.Unreleased, "unreleased.md");
        var inEntry = ReleaseNotesParser.Parse(Head + "- Exports:\n\n  ```\n  code\n- Next.\n", DocumentKind.Unreleased, "unreleased.md");

        Assert.Equal(
            [Error("BFRN007", 9, 1, "the code block opened with '~~~~' is never closed, so it swallows the rest of the file; close it with a line '~~~~'")],
            top.Diagnostics.Where(diagnostic => diagnostic.Code == "BFRN007"));
        Assert.Equal(
            [Error("BFRN007", 9, 3, "the code block opened with '```' is never closed; close it with a line '```' indented like the entry's text")],
            inEntry.Diagnostics.ToArray());
    }

    [Fact]
    public void A_comment_left_open_in_an_entry_is_reported_even_when_a_later_entry_holds_the_closing_characters()
    {
        // The comment block ends with its entry; the '-->' in the next entry does not close it.
        var text = Head + "- Exports.\n\n  <!-- unfinished note\n\n- Imports --> are faster.\n";

        var parsed = ReleaseNotesParser.Parse(text, DocumentKind.Unreleased, "unreleased.md");

        Assert.Equal(
            [Error("BFRN008", 9, 3, "the HTML comment opened with '<!--' is never closed, so it hides everything after it; close it with '-->'")],
            parsed.Diagnostics.ToArray());
        Assert.Equal(text, parsed.Document!.ToText());
    }

    [Fact]
    public void A_closed_comment_in_an_entry_is_not_reported()
    {
        var parsed = ReleaseNotesParser.Parse(Head + "- Exports.\n\n  <!-- a note\n  over two lines -->\n- Imports.\n", DocumentKind.Unreleased, "unreleased.md");

        Assert.Empty(parsed.Diagnostics.ToArray());
    }

    [Fact]
    public void Diagnostics_on_one_line_are_listed_by_column()
    {
        // The bare CR at the end of line 1 is found before the title is checked, but is listed after it.
        var parsed = ReleaseNotesParser.Parse("# Changes\r\r## Public\r\r### Added\r\r- Exports.\r", DocumentKind.Unreleased, "unreleased.md");

        Assert.Equal(
            [
                Error("BFRN101", 1, 1, "the title is '# Changes'; the working file's title must be '# Unreleased'"),
                Error("BFRN006", 1, 10, "a line ends with a bare carriage return (CR, old Mac style); save the file with LF or CRLF line endings"),
            ],
            parsed.Diagnostics.ToArray());
    }

    [Theory]
    [InlineData("1.2.0.md", true, "1.2.0")]
    [InlineData("release-notes/2.0.0-rc.1.md", true, "2.0.0-rc.1")]
    [InlineData("1.2.0.txt", false, null)]
    [InlineData("1.2.0-rc", false, null)]
    [InlineData("1.2.0.MD", false, null)]
    [InlineData("unreleased.md", false, null)]
    [InlineData("1.2.md", false, null)]
    public void A_published_file_name_is_a_strict_semantic_version_followed_by_md(string name, bool published, string? version)
    {
        var answer = ReleaseNotesParser.TryParsePublishedFileName(name, out var parsed);

        Assert.Equal((published, version), (answer, parsed?.ToString()));
    }

    [Fact]
    public void A_missing_file_name_or_text_is_a_programming_error_even_when_the_bytes_are_refused_first()
    {
        Assert.Equal("file", Assert.Throws<ArgumentNullException>(() => ReleaseNotesParser.Parse([0x00, 0x01], DocumentKind.Unreleased, null!)).ParamName);
        Assert.Equal("file", Assert.Throws<ArgumentNullException>(() => ReleaseNotesParser.Parse(Head, DocumentKind.Unreleased, null!)).ParamName);
        Assert.Equal("text", Assert.Throws<ArgumentNullException>(() => ReleaseNotesParser.Parse((string)null!, DocumentKind.Unreleased, "unreleased.md")).ParamName);
    }

    private static string Nested(int levels) =>
        string.Concat(Enumerable.Range(0, levels).Select(level => new string(' ', 2 * level) + "- level " + level + "\n"));
}
