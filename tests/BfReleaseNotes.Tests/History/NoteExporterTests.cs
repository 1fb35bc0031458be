using System.Text.Json;
using ApprovalTests;
using BfReleaseNotes.History;
using BfReleaseNotes.Model;
using BfReleaseNotes.Rendering;
using BfReleaseNotes.Tests.Promotion;

namespace BfReleaseNotes.Tests.History;

public sealed class NoteExporterTests : IDisposable
{
    private readonly ScratchFolder _scratch = new();

    public NoteExporterTests() => HistoryFolder.WriteAll(_scratch);

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public void Show_gives_a_published_file_back_byte_for_byte()
    {
        var outcome = NoteExporter.Show(_scratch.Folder, new ShowRequest("1.9.0", PublicOnly: false, WithoutTitle: false));

        Assert.Equal(ShowStatus.Shown, outcome.Status);
        Assert.Equal(HistoryFolder.V1_9_0, outcome.Note!.Markdown);
    }

    [Fact]
    public void Show_latest_is_the_highest_version_by_semver_precedence_and_keeps_its_crlf()
    {
        var outcome = NoteExporter.Show(_scratch.Folder, new ShowRequest("latest", PublicOnly: false, WithoutTitle: false));

        Assert.Equal("1.10.0", outcome.Note!.Version.ToString());
        Assert.Equal(HistoryFolder.V1_10_0.Replace("\n", "\r\n", StringComparison.Ordinal), outcome.Note.Markdown);
    }

    [Fact]
    public void Without_the_title_the_note_starts_at_its_first_section()
    {
        var outcome = NoteExporter.Show(_scratch.Folder, new ShowRequest("v1.9.0", PublicOnly: false, WithoutTitle: true));

        Assert.Equal(HistoryFolder.V1_9_0[HistoryFolder.V1_9_0.IndexOf("## Public", StringComparison.Ordinal)..], outcome.Note!.Markdown);
    }

    [Fact]
    public void Public_only_leaves_out_beta_and_keeps_the_link_definitions_public_entries_use()
    {
        var outcome = NoteExporter.Show(_scratch.Folder, new ShowRequest("1.9.0", PublicOnly: true, WithoutTitle: false));

        Approvals.VerifyWithExtension(outcome.Note!.Markdown, ".md");
    }

    [Fact]
    public void Html_is_the_render_fragment_of_the_release_and_escapes_raw_html()
    {
        var note = NoteExporter.Show(_scratch.Folder, new ShowRequest("1.10.0", PublicOnly: false, WithoutTitle: false)).Note!;
        var untitled = NoteExporter.Show(_scratch.Folder, new ShowRequest("1.10.0", PublicOnly: false, WithoutTitle: true)).Note!;

        var expected = ReleaseHistoryRenderer.ToHtml([.. ReleaseHistoryRenderer.Render(_scratch.Folder, includeBeta: true).Releases.Where(release => release.Version.ToString() == "1.10.0")]);
        Assert.Equal(expected, note.ToHtml());
        Assert.Contains("Raw &lt;b&gt;HTML&lt;/b&gt; stays text.", note.ToHtml(), StringComparison.Ordinal);
        Assert.Contains("<h2>", note.ToHtml(), StringComparison.Ordinal);
        Assert.DoesNotContain("<h2>", untitled.ToHtml(), StringComparison.Ordinal);
        Assert.Equal(expected.Split('\n').Length - 1, untitled.ToHtml().Split('\n').Length);
    }

    [Fact]
    public void Json_holds_the_version_the_markdown_the_html_and_each_entry()
    {
        var note = NoteExporter.Show(_scratch.Folder, new ShowRequest("1.9.0", PublicOnly: true, WithoutTitle: true)).Note!;

        using var json = JsonDocument.Parse(note.ToJson());

        var root = json.RootElement;
        Assert.Equal("1.9.0", root.GetProperty("version").GetString());
        Assert.Equal("2026-11-11", root.GetProperty("date").GetString());
        Assert.Equal(note.Markdown, root.GetProperty("markdown").GetString());
        Assert.Equal(note.ToHtml(), root.GetProperty("html").GetString());
        var section = Assert.Single(root.GetProperty("sections").EnumerateArray());
        Assert.Equal("Public", section.GetProperty("visibility").GetString());
        Assert.Equal(["Changed", "Fixed"], section.GetProperty("changes").EnumerateArray().Select(change => change.GetProperty("type").GetString()));
        Assert.Equal("Search no longer ignores accented letters.", section.GetProperty("changes")[1].GetProperty("entries")[0].GetProperty("markdown").GetString());
    }

    [Theory]
    [InlineData("2.0.0", "release 2.0.0 is not published in")]
    [InlineData("1.9", "'1.9' is not a version; give a published version such as 1.42.0, or 'latest'")]
    public void An_unknown_version_is_not_found_and_the_message_lists_what_is_published(string version, string expected)
    {
        var outcome = NoteExporter.Show(_scratch.Folder, new ShowRequest(version, PublicOnly: false, WithoutTitle: false));

        Assert.Equal(ShowStatus.NotFound, outcome.Status);
        Assert.Contains(expected, outcome.Message, StringComparison.Ordinal);
        if (version == "2.0.0")
        {
            Assert.Contains("(published, newest first: 1.10.0, 1.9.0, 0.9.0)", outcome.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Latest_in_a_folder_without_releases_is_not_found()
    {
        using var empty = new ScratchFolder();

        var outcome = NoteExporter.Show(empty.Folder, new ShowRequest("latest", PublicOnly: false, WithoutTitle: false));

        Assert.Equal(ShowStatus.NotFound, outcome.Status);
        Assert.Contains("holds no published release yet", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_published_file_with_errors_is_not_shown()
    {
        _scratch.WriteFile("2.0.0.md", "# 2.0.0 - 2026-13-01\n\n## Public\n\n### Added\n\n- Broken date.\n");

        var outcome = NoteExporter.Show(_scratch.Folder, new ShowRequest("latest", PublicOnly: false, WithoutTitle: false));

        Assert.Equal(ShowStatus.Invalid, outcome.Status);
        Assert.Null(outcome.Note);
        Assert.Contains(outcome.Diagnostics, diagnostic => diagnostic.Severity == DiagnosticSeverity.Error);
    }
}
