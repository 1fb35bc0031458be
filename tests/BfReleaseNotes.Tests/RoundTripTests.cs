using System.Text;
using BfReleaseNotes.Markdown;
using BfReleaseNotes.Model;

namespace BfReleaseNotes.Tests;

public class RoundTripTests
{
    [Fact]
    public void The_empty_template_parses_without_diagnostics_and_writes_back_identically()
    {
        var template = ReleaseNotesWriter.EmptyUnreleased();

        var parsed = ReleaseNotesParser.Parse(Encoding.UTF8.GetBytes(template), DocumentKind.Unreleased, "unreleased.md");

        Assert.Empty(parsed.Diagnostics);
        Assert.Equal(template, ReleaseNotesWriter.Write(parsed.Document!));
        Assert.Equal([Visibility.Public, Visibility.Beta, Visibility.Internal], parsed.Document!.Sections.Select(section => section.Visibility!.Value));
    }
}
