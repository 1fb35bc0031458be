using ApprovalTests;
using BfReleaseNotes.Model;
using BfReleaseNotes.Rendering;
using BfReleaseNotes.Workspace;

namespace BfReleaseNotes.Tests.Rendering;

public sealed class ReleaseHistoryRendererTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "bfrn-render-" + Guid.NewGuid().ToString("N"));

    public ReleaseHistoryRendererTests()
    {
        Directory.CreateDirectory(_directory);
        File.WriteAllText(Path.Combine(_directory, "1.9.0.md"), "# 1.9.0 - 2026-10-01\n\n## Public\n\n### Fixed\n\n- Older fix\n");
        File.WriteAllText(Path.Combine(_directory, "1.10.0.md"),
            "# 1.10.0 - 2026-11-25\n\n## Public\n\n### Added\n\n- PDF export [#12]\n  - nested detail\n- Emoji 🎉 and <script>alert(1)</script>\n\n### Security\n\n- Patched [CVE][cve-1]\n\n## Beta\n\n### Changed\n\n- Faster *beta* dashboard\n\n[#12]: https://example.com/12\n[cve-1]: https://example.com/cve\n");
        File.WriteAllText(Path.Combine(_directory, "unreleased.md"), "# Unreleased\n\n## Public\n\n### Added\n\n- Not released yet\n");
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void History_renders_newest_release_first_with_beta_as_its_own_section()
    {
        var history = ReleaseHistoryRenderer.Render(new ReleaseNotesFolder(_directory), includeBeta: true);

        Assert.False(history.HasErrors);
        Approvals.VerifyWithExtension(ReleaseHistoryRenderer.ToHtml(history.Releases), ".html");
    }

    [Fact]
    public void Public_only_history_leaves_beta_out()
    {
        var history = ReleaseHistoryRenderer.Render(new ReleaseNotesFolder(_directory), includeBeta: false);

        Assert.Equal(["1.10.0", "1.9.0"], history.Releases.Select(release => release.Version.ToString()));
        Assert.All(history.Releases, release => Assert.All(release.Sections, section => Assert.Equal(Visibility.Public, section.Visibility)));
    }

    [Fact]
    public void Raw_html_in_a_note_is_escaped_and_reference_links_resolve()
    {
        var history = ReleaseHistoryRenderer.Render(new ReleaseNotesFolder(_directory), includeBeta: false);

        var entries = history.Releases[0].Sections[0].Changes.SelectMany(change => change.Entries).ToList();
        Assert.Contains(entries, entry => entry.Html == "Emoji 🎉 and &lt;script&gt;alert(1)&lt;/script&gt;");
        Assert.Contains(entries, entry => entry.Html.Contains("<a href=\"https://example.com/12\">#12</a>", StringComparison.Ordinal));
        Assert.Contains(entries, entry => entry.Html == "Patched <a href=\"https://example.com/cve\">CVE</a>");
    }

    [Fact]
    public void A_published_file_with_errors_is_left_out_and_reported()
    {
        File.WriteAllText(Path.Combine(_directory, "2.0.0.md"), "# 2.0.0 - 2026-13-01\n\n## Public\n\n### Added\n\n- Bad date\n");

        var history = ReleaseHistoryRenderer.Render(new ReleaseNotesFolder(_directory), includeBeta: true);

        Assert.True(history.HasErrors);
        Assert.Contains(history.Diagnostics, diagnostic => diagnostic.Code == DiagnosticCodes.BadDate);
        Assert.DoesNotContain(history.Releases, release => release.Version.Major == 2);
    }
}

public class ReleaseHistoryRendererLimitTests
{
    [Fact]
    public void An_entry_nested_past_markdigs_limit_renders_as_escaped_text()
    {
        var text = "# 1.0.0 - 2026-11-25\n\n## Public\n\n### Added\n\n- " + new string('[', 100_000) + "<b>\n";
        var document = BfReleaseNotes.Markdown.ReleaseNotesParser.Parse(text, DocumentKind.Published, "1.0.0.md").Document!;

        var release = ReleaseHistoryRenderer.Render(document, includeBeta: true);

        var entry = Assert.Single(release.Sections.Single().Changes.Single().Entries);
        Assert.Equal(new string('[', 100_000) + "&lt;b&gt;", entry.Html);
    }
}
