using System.Text;
using BfReleaseNotes.Markdown;
using BfReleaseNotes.Model;
using FsCheck.Xunit;

namespace BfReleaseNotes.Tests.Properties;

/// <summary>The parser keeps every byte: writing a parsed file gives back the file.</summary>
[Properties(Arbitrary = [typeof(ReleaseNotesArbitraries)], MaxTest = 200)]
public class RoundTripProperties
{
    [Property]
    public void A_generated_valid_file_parses_without_errors_and_writes_back_byte_for_byte(ValidDocument document)
    {
        var bytes = Encoding.UTF8.GetBytes(document.Text);

        var parsed = ReleaseNotesParser.Parse(bytes, DocumentKind.Unreleased, "unreleased.md");

        Assert.True(parsed.IsValid, string.Join('\n', parsed.Diagnostics));
        Assert.Empty(parsed.Diagnostics);
        Assert.Equal(bytes, parsed.Document.ToBytes());
        Assert.Equal(document.Text, ReleaseNotesWriter.Write(parsed.Document));
    }

    [Property]
    public void Any_markdown_soup_writes_back_byte_for_byte(MarkdownSoup soup)
    {
        var parsed = ReleaseNotesParser.Parse(soup.Text, DocumentKind.Unreleased, "unreleased.md");

        AssertLossless(soup.Text, parsed);
    }

    [Property]
    public void Any_markdown_soup_parsed_as_a_published_file_writes_back_byte_for_byte(MarkdownSoup soup)
    {
        var parsed = ReleaseNotesParser.Parse(soup.Text, DocumentKind.Published, "1.2.3.md");

        AssertLossless(soup.Text, parsed);
    }

    [Property(MaxTest = 300)]
    public void Any_string_writes_back_exactly(string? text)
    {
        text ??= string.Empty;

        var parsed = ReleaseNotesParser.Parse(text, DocumentKind.Unreleased, "unreleased.md");

        AssertLossless(text, parsed);
    }

    [Property(MaxTest = 300)]
    public void Any_bytes_either_write_back_exactly_or_give_an_error_without_a_document(byte[]? bytes)
    {
        bytes ??= [];

        var parsed = ReleaseNotesParser.Parse(bytes, DocumentKind.Unreleased, "unreleased.md");

        if (parsed.Document is null)
        {
            Assert.True(parsed.HasErrors);
        }
        else
        {
            Assert.Equal(bytes, parsed.Document.ToBytes());
        }
    }

    private static void AssertLossless(string text, ParsedFile parsed)
    {
        if (parsed.Document is null)
        {
            // Only a nesting too deep for Markdig leaves no document for text that decoded.
            Assert.Equal([DiagnosticCodes.TooDeeplyNested], parsed.Diagnostics.Select(diagnostic => diagnostic.Code));
            return;
        }

        Assert.Equal(text, parsed.Document.ToText());
        Assert.All(parsed.Diagnostics, diagnostic => Assert.True(diagnostic.Position.Line >= 1 && diagnostic.Position.Column >= 1, diagnostic.ToString()));
    }
}
