using System.Text.RegularExpressions;
using BfReleaseNotes.Markdown;
using BfReleaseNotes.Model;
using BfReleaseNotes.Rendering;

namespace BfReleaseNotes.Tests.Rendering;

/// <summary>The link policy on its own and through the renderer, with the payload file the browser test also opens.</summary>
public partial class LinkPolicyTests
{
    private static string PayloadFile => Path.Combine(CaseFiles.Root, "Rendering", "xss", "6.6.6.md");

    [Theory]
    [InlineData("javascript:alert(1)", "javascript")]
    [InlineData("JaVaScRiPt:alert(1)", "javascript")]
    [InlineData("java&#x73;cript:alert(1)", "javascript")]
    [InlineData("javascript&#58;alert(1)", "javascript")]
    [InlineData("javascript&colon;alert(1)", "javascript")]
    [InlineData("java\tscript:alert(1)", "javascript")]
    [InlineData(" \u0001javascript:alert(1)", "javascript")]
    [InlineData("javascript&amp;#58;alert(1)", "javascript")]
    [InlineData("%6A%61%76%61%73%63%72%69%70%74:alert(1)", "javascript")]
    [InlineData("data:text/html;base64,PHNjcmlwdD4=", "data")]
    [InlineData("vbscript:msgbox(1)", "vbscript")]
    [InlineData("file:///etc/passwd", "file")]
    public void A_url_whose_decoded_scheme_is_not_http_https_or_mailto_is_refused(string url, string scheme)
    {
        Assert.False(LinkPolicy.IsAllowed(url));
        Assert.Equal(scheme, LinkPolicy.SchemeOf(url));
    }

    [Theory]
    [InlineData("https://example.com/a?b=c:d")]
    [InlineData("HTTP://example.com")]
    [InlineData("mailto:team@example.com")]
    [InlineData("../help/export.html")]
    [InlineData("#v1_0_0")]
    [InlineData("docs/a:b")]
    [InlineData("?q=a:b")]
    [InlineData("")]
    public void Http_https_mailto_and_relative_urls_are_allowed(string url) => Assert.True(LinkPolicy.IsAllowed(url));

    [Fact]
    public void A_url_that_keeps_changing_under_decoding_is_refused()
    {
        var layered = "javascript:alert(1)";
        for (var i = 0; i < 6; i++)
        {
            layered = Uri.EscapeDataString(layered);
        }

        Assert.False(LinkPolicy.IsAllowed(layered));
    }

    [Fact]
    public void No_payload_renders_as_a_link_or_image_with_a_refused_scheme_and_safe_links_survive()
    {
        var parsed = ReleaseNotesParser.Parse(File.ReadAllBytes(PayloadFile), DocumentKind.Published, PayloadFile);

        var release = ReleaseHistoryBuilder.BuildRelease(parsed.Document!, RenderOptions.Default);
        var html = HtmlFragmentFormatter.Format(release);

        var targets = UrlAttribute().Matches(html).Select(match => System.Net.WebUtility.HtmlDecode(match.Groups["url"].Value)).ToList();
        Assert.All(targets, url => Assert.True(LinkPolicy.IsAllowed(url), $"'{url}' survived in:\n{html}"));
        Assert.Contains("<a href=\"https://example.com/a\">ok1</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"mailto:team@example.com\">ok2</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"../help/export.html\">ok3</a>", html, StringComparison.Ordinal);
        Assert.Contains("plain p01</li>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Lint_reports_every_refused_url_of_the_payload_file_as_an_error()
    {
        var parsed = ReleaseNotesParser.Parse(File.ReadAllBytes(PayloadFile), DocumentKind.Published, PayloadFile);

        var refused = parsed.Diagnostics.Where(diagnostic => diagnostic.Code == DiagnosticCodes.UnsafeLinkUrl).ToList();

        Assert.All(refused, diagnostic => Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity));
        // 37 payload entries: raw HTML (3) is escaped text, and p19/p20 are not entities without ';' (relative URLs);
        // the two reference definitions are reported on their own lines.
        Assert.Equal(31, refused.Count);
        Assert.Contains(refused, diagnostic => diagnostic.Position.Line == 49 && diagnostic.Message.Contains("reference definition", StringComparison.Ordinal));
    }

    [GeneratedRegex("(?:href|src)=\"(?<url>[^\"]*)\"")]
    private static partial Regex UrlAttribute();
}
