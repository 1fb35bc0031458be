using BfReleaseNotes.Markdown;
using BfReleaseNotes.Model;

namespace BfReleaseNotes.Tests;

/// <summary>
/// Notes a test starts from: parsed, and checked to be valid first, so a typo in a test's own input fails with the
/// parser's diagnostics instead of surfacing later as a puzzling result.
/// </summary>
internal static class ValidNotes
{
    /// <summary>Parses <paramref name="text"/> as <c>unreleased.md</c> and fails the test when it is not valid.</summary>
    public static ReleaseNotesDocument Unreleased(string text, string file = "unreleased.md")
    {
        var parsed = ReleaseNotesParser.Parse(text, DocumentKind.Unreleased, file);
        Assert.True(parsed.IsValid, $"the test's own notes are not valid:\n{string.Join('\n', parsed.Diagnostics)}\n{text}");
        return parsed.Document;
    }
}
