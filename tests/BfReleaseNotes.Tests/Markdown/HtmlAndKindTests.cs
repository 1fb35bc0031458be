using BfReleaseNotes.Markdown;
using BfReleaseNotes.Model;
using BfReleaseNotes.Workspace;

namespace BfReleaseNotes.Tests.Markdown;

public sealed class HtmlAndKindTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "bfrn-kind-" + Guid.NewGuid().ToString("N"));

    public HtmlAndKindTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Html_comments_are_allowed_in_sections_but_other_html_outside_an_entry_is_an_error()
    {
        const string text = "# Unreleased\n\n<div>free html in the preamble</div>\n\n## Public\n\n<!-- a comment -->\n\n### Added\n\n<details>\nnever published\n</details>\n\n- entry with <b>inline html</b>\n  <details>nested html belongs to the entry</details>\n";

        var parsed = ReleaseNotesParser.Parse(text, DocumentKind.Unreleased, "unreleased.md");

        var diagnostic = Assert.Single(parsed.Diagnostics);
        Assert.Equal(DiagnosticCodes.NotAnEntry, diagnostic.Code);
        Assert.Equal(new SourcePosition(11, 1), diagnostic.Position);
        Assert.Equal(text, parsed.Document!.ToText());
        Assert.Contains("<details>nested html", Assert.Single(parsed.Document.AllEntries).Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("unreleased.md", "# 1.0.0 - 2026-01-01\n", DocumentKind.Unreleased)]
    [InlineData("1.2.3.md", "# Unreleased\n", DocumentKind.Published)]
    [InlineData("draft.md", "# Unreleased\n\n## Public\n", DocumentKind.Unreleased)]
    [InlineData("old-release.md", "# 1.0.0 - 2026-01-01\n", DocumentKind.Published)]
    public void A_file_is_the_working_file_by_its_name_or_else_by_its_title(string name, string text, DocumentKind expected)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, text);

        Assert.Equal(expected, ReleaseNotesFolder.KindOf(path));
    }
}
