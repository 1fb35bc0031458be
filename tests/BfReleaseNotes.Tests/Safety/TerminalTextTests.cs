using BfReleaseNotes.Safety;

namespace BfReleaseNotes.Tests.Safety;

/// <summary>The terminal payload set: what a note, commit subject or CI variable could send to a terminal.</summary>
public sealed class TerminalTextTests
{
    /// <summary>Each payload and what must be printed instead.</summary>
    public static TheoryData<string, string> Payloads() => new()
    {
        { "clear \u001b[2J screen", "clear \\x1b[2J screen" },
        { "\u001b]0;owned\u0007title", "\\x1b]0;owned\\x07title" },
        { "\u001b]8;;https://evil.example\u001b\\click\u001b]8;;\u001b\\", "\\x1b]8;;https://evil.example\\x1b\\click\\x1b]8;;\\x1b\\" },
        { "eight-bit CSI \u009b2J", "eight-bit CSI \\x9b2J" },
        { "safe\rEVIL", "safe\\rEVIL" },
        { "back\bspace", "back\\x08space" },
        { "delete\u007f", "delete\\x7f" },
        { "nul\0byte", "nul\\x00byte" },
        { "bidi \u202egnp.exe", "bidi \\u202egnp.exe" },
        { "isolate \u2066x\u2069", "isolate \\u2066x\\u2069" },
        { "line\u2028separator\u2029", "line\\u2028separator\\u2029" },
        { "last C1 \u009f, first embedding \u202a", "last C1 \\x9f, first embedding \\u202a" },
        { "before and after the ranges \u007e\u00a0\u2029\u202f\u2065\u206a", "before and after the ranges \u007e\u00a0\\u2029\u202f\u2065\u206a" },
        { "xml non-characters \ufffe\uffff", "xml non-characters \\ufffe\\uffff" },
        { "cr at the end\r", "cr at the end\\r" },
    };

    [Theory]
    [MemberData(nameof(Payloads))]
    public void Escape_makes_every_control_character_visible(string payload, string expected)
    {
        var escaped = TerminalText.Escape(payload);

        Assert.Equal(expected, escaped);
        Assert.DoesNotContain(escaped, TerminalText.IsUnsafe);
    }

    [Fact]
    public void Escape_keeps_tabs_line_feeds_crlf_line_ends_and_non_ascii_text()
    {
        const string text = "a\tb\nc\r\nÄ→ 日本 🎉\n";

        Assert.Same(text, TerminalText.Escape(text));
    }

    /// <summary>Written out here, not as theory data: xunit replaces a lone surrogate in its test case names.</summary>
    [Fact]
    public void Escape_shows_a_lone_surrogate_which_an_xml_report_cannot_hold_and_keeps_a_pair()
    {
        Assert.Equal("lone \\ud800 high", TerminalText.Escape("lone \ud800 high"));
        Assert.Equal("lone low \\udc00", TerminalText.Escape("lone low \udc00"));
        Assert.Equal("swapped \\udc00\\ud800 then 🎉", TerminalText.Escape("swapped \udc00\ud800 then 🎉"));
        Assert.Equal("high at the end \\ud83c", TerminalText.Escape("high at the end \ud83c"));
    }

    [Theory]
    [InlineData('\r', "\\r")]
    [InlineData('\u00ff', "\\xff")]
    [InlineData('\u0100', "\\u0100")]
    [InlineData('\u001b', "\\x1b")]
    public void An_escape_is_two_hex_digits_up_to_u00ff_and_four_above(char c, string expected)
    {
        var builder = new System.Text.StringBuilder();

        TerminalText.AppendEscape(builder, c);

        Assert.Equal(expected, builder.ToString());
    }

    [Fact]
    public void Appending_to_no_builder_is_refused() =>
        Assert.Throws<ArgumentNullException>(() => TerminalText.AppendEscape(null!, 'x'));

    [Fact]
    public void Escape_of_null_is_empty() => Assert.Equal(string.Empty, TerminalText.Escape(null));
}
