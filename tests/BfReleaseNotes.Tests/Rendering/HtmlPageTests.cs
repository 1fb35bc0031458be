using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using BfReleaseNotes.Rendering;
using BfReleaseNotes.Workspace;

namespace BfReleaseNotes.Tests.Rendering;

/// <summary>The standalone page: self-contained, no script, a CSP that allows only its own style sheet, a table of contents.</summary>
public partial class HtmlPageTests
{
    private static ReleaseHistory Sample => ReleaseHistoryRenderer.Render(new ReleaseNotesFolder(Path.Combine(CaseFiles.Root, "Rendering", "sample")), RenderOptions.Default);

    [Fact]
    public void The_page_has_no_script_no_external_asset_and_a_csp_that_allows_exactly_its_style_sheet()
    {
        var html = HtmlPageFormatter.Format(Sample, new PageOptions("What's new in <Acme>"));

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link rel=\"stylesheet\"", html, StringComparison.Ordinal);
        Assert.Contains("<title>What&#39;s new in &lt;Acme&gt;</title>", html, StringComparison.Ordinal);
        var csp = Csp().Match(html);
        Assert.True(csp.Success, html);
        Assert.StartsWith("default-src 'none';", csp.Groups["policy"].Value, StringComparison.Ordinal);
        var style = Style().Match(html).Groups["css"].Value;
        var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(style)));
        Assert.Contains($"style-src 'sha256-{hash}'", csp.Groups["policy"].Value, StringComparison.Ordinal);
        Assert.True(csp.Index < html.IndexOf("<style>", StringComparison.Ordinal), "the policy must come before the style it allows");
    }

    [Fact]
    public void The_table_of_contents_links_every_release_in_order()
    {
        var history = Sample;

        var html = HtmlPageFormatter.Format(history, new PageOptions());

        var tocTargets = TocLink().Matches(html).Select(match => match.Groups["id"].Value).ToList();
        var sections = ReleaseSection().Matches(html).Select(match => match.Groups["id"].Value).ToList();
        Assert.Equal(history.Releases.Select(release => release.Id), tocTargets);
        Assert.Equal(tocTargets, sections);
    }

    [Fact]
    public void A_page_needs_a_history_rendered_at_level_2()
    {
        var history = ReleaseHistoryRenderer.Render(new ReleaseNotesFolder(Path.Combine(CaseFiles.Root, "Rendering", "sample")), new RenderOptions(Audience.Beta, 3));

        Assert.Throws<ArgumentException>(() => HtmlPageFormatter.Format(history, new PageOptions()));
    }

    [GeneratedRegex("<meta http-equiv=\"Content-Security-Policy\" content=\"(?<policy>[^\"]+)\">")]
    private static partial Regex Csp();

    [GeneratedRegex("<style>(?<css>.*?)</style>", RegexOptions.Singleline)]
    private static partial Regex Style();

    [GeneratedRegex("<li><a href=\"#(?<id>[^\"]+)\">")]
    private static partial Regex TocLink();

    [GeneratedRegex("<section class=\"release\" id=\"(?<id>[^\"]+)\">")]
    private static partial Regex ReleaseSection();
}
