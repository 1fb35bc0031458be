using System.Globalization;
using System.Text;
using System.Text.Json;
using HtmlAgilityPack;

namespace BfReleaseNotes.Cli.Tests.Browser;

/// <summary>
/// The page and the fragment that <c>render</c> writes, opened in a real headless Chromium and checked through the
/// DOM the browser built: every release in order, in-page links that land, no skipped heading level, and no note
/// that yields a clickable script link. Screenshots go to <c>artifacts/render/</c> for CI to keep.
/// </summary>
public sealed class ReleaseHistoryBrowserTests : IDisposable
{
    private static readonly string[] SafeProtocols = ["https:", "mailto:", "file:"];

    private readonly TempFolder _temp = new();

    private static string CasesRoot => Path.Combine(AppContext.BaseDirectory, "Cases", "Rendering");

    private static string RepositoryRoot
    {
        get
        {
            var folder = new DirectoryInfo(AppContext.BaseDirectory);
            while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "BfReleaseNotes.sln")))
            {
                folder = folder.Parent;
            }

            return folder?.FullName ?? throw new InvalidOperationException("cannot find BfReleaseNotes.sln above the test assembly");
        }
    }

    private static string Artifacts => Path.Combine(RepositoryRoot, "artifacts", "render");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void The_page_of_this_repositorys_own_history_opens_and_keeps_its_outline()
    {
        var page = _temp.Combine("own", "index.html");

        var outcome = Cli.Run(RepositoryRoot, ["render", "--page", page]);

        Assert.True(outcome.ExitCode == 0, outcome.Error);
        var dom = Load(Chromium.DumpDom(page));
        var published = Directory.GetFiles(Path.Combine(RepositoryRoot, "release-notes"), "*.md").Count(file => Path.GetFileName(file) != "unreleased.md");
        AssertReleasesInOrderWithWorkingLinks(dom, published);
        AssertNoSkippedHeadingLevel(dom);
    }

    [Fact]
    public void The_sample_page_shows_every_release_in_order_with_working_links_and_is_saved_as_a_screenshot()
    {
        var page = _temp.Combine("sample", "index.html");

        var outcome = Cli.Run(_temp.Path, ["render", "--dir", Path.Combine(CasesRoot, "sample"), "--page", page, "--title", "What's new in Acme"]);

        Assert.True(outcome.ExitCode == 0, outcome.Error);
        var dom = Load(Chromium.DumpDom(page));
        AssertReleasesInOrderWithWorkingLinks(dom, 4);
        AssertNoSkippedHeadingLevel(dom);
        Assert.Equal(["v1_42_0", "v1_41_1", "v1_41_0", "v1_0_0-rc_1__build_5"], ReleaseIds(dom));
        Assert.Empty(dom.DocumentNode.SelectNodes("//script") ?? Enumerable.Empty<HtmlNode>());
        AssertTocLinksLandOnTheirRelease(File.ReadAllText(page));
        Chromium.Screenshot(page, Path.Combine(Artifacts, "release-history.png"));
    }

    [Fact]
    public void A_page_of_300_releases_opens_with_every_release_in_order()
    {
        var notes = _temp.Combine("release-notes");
        Directory.CreateDirectory(notes);
        var versions = GenerateReleases(notes, 300);
        var site = _temp.Combine("site");

        var outcome = Cli.Run(_temp.Path, ["render", "--out", site, "--base-url", "https://help.example.com/whats-new/"]);

        Assert.True(outcome.ExitCode == 0, outcome.Error);
        var page = Path.Combine(site, "index.html");
        var dom = Load(Chromium.DumpDom(page));
        AssertReleasesInOrderWithWorkingLinks(dom, 300);
        AssertNoSkippedHeadingLevel(dom);
        Assert.Equal(versions.Select(version => "v" + version.Replace('.', '_')), ReleaseIds(dom));
        AssertTocLinksLandOnTheirRelease(File.ReadAllText(page));
        Chromium.Screenshot(page, Path.Combine(Artifacts, "release-history-300.png"));
    }

    [Fact]
    public void No_payload_yields_a_clickable_script_link_or_runs_script_when_every_link_is_clicked()
    {
        var outcome = Cli.Run(_temp.Path, ["render", "--dir", Path.Combine(CasesRoot, "xss")]);
        Assert.Equal(1, outcome.ExitCode); // lint errors (BFRN130) are reported, and the release is still shown, links as text
        Assert.Contains("BFRN130", outcome.Error, StringComparison.Ordinal);
        var page = $"""
            <!DOCTYPE html>
            <html><head><meta charset="utf-8"><title>app</title></head>
            <body>
            <a id="control" href="javascript:alert('control')">control</a>
            <div id="payloads">
            {outcome.Out}
            </div>
            </body></html>
            """;

        var json = Chromium.RunScript(page, ClickEveryLinkScript, _temp.Path);

        using var report = JsonDocument.Parse(json);
        var root = report.RootElement;
        // The control proves that a script link, clicked, is seen: without it a silent harness would pass everything.
        Assert.Equal(1, root.GetProperty("control").GetInt32());
        Assert.Equal(0, root.GetProperty("ran").GetInt32());
        var links = root.GetProperty("links").EnumerateArray().ToList();
        // What is left as a link: the four safe ones, the title-injection attempt (https) and the two entity spellings
        // without ';' that are not entities at all (the browser reads them as relative file names).
        Assert.Equal(["p19", "p20", "p29", "ok1", "ok2", "ok3", "ok4"], links.Select(link => link.GetProperty("text").GetString()));
        Assert.All(links, link => Assert.Contains(link.GetProperty("protocol").GetString(), SafeProtocols));
        Assert.Contains(links, link => link.GetProperty("text").GetString() == "ok1" && link.GetProperty("protocol").GetString() == "https:");
        Assert.Empty(root.GetProperty("sources").EnumerateArray());
    }

    /// <summary>
    /// Clicks the control link, then every link of the payloads. Navigation to http(s), mailto and file (relative)
    /// addresses is cancelled so the page stays; any other link is clicked through, and <c>alert</c> counts a run.
    /// </summary>
    private const string ClickEveryLinkScript = """
        window.__ran = 0;
        window.alert = function () { window.__ran++; };
        document.addEventListener('click', function (event) {
          var a = event.target.closest('a');
          if (a && a.hasAttribute('href') && /^(https?|mailto|file):$/.test(a.protocol)) { event.preventDefault(); }
        }, true);
        window.addEventListener('load', function () {
          document.getElementById('control').click();
          setTimeout(function () {
            var report = { control: window.__ran, links: [], sources: [] };
            window.__ran = 0;
            document.querySelectorAll('#payloads a').forEach(function (a) {
              report.links.push({ text: a.textContent, href: a.getAttribute('href'), protocol: a.hasAttribute('href') ? a.protocol : null });
              a.click();
            });
            document.querySelectorAll('#payloads [src], #payloads [srcset], #payloads iframe, #payloads object, #payloads embed, #payloads script').forEach(function (e) {
              report.sources.push(e.outerHTML);
            });
            setTimeout(function () {
              report.ran = window.__ran;
              document.getElementById('bfrn-report').textContent = JSON.stringify(report);
            }, 1000);
          }, 1000);
        });
        """;

    private static HtmlDocument Load(string dom)
    {
        var document = new HtmlDocument();
        document.LoadHtml(dom);
        return document;
    }

    private static List<string> ReleaseIds(HtmlDocument dom) =>
        [.. (dom.DocumentNode.SelectNodes("//section[@class='release']") ?? Enumerable.Empty<HtmlNode>()).Select(node => node.GetAttributeValue("id", ""))];

    private static void AssertReleasesInOrderWithWorkingLinks(HtmlDocument dom, int expected)
    {
        var releases = (dom.DocumentNode.SelectNodes("//section[@class='release']") ?? Enumerable.Empty<HtmlNode>()).ToList();
        Assert.Equal(expected, releases.Count);
        var versions = releases.Select(release => Semver.SemVersion.Parse(release.SelectSingleNode("./*[1]")?.FirstChild?.InnerText?.Trim() ?? "(no heading)", Semver.SemVersionStyles.Strict)).ToList();
        for (var i = 1; i < versions.Count; i++)
        {
            Assert.True(versions[i - 1].ComparePrecedenceTo(versions[i]) >= 0, $"{versions[i - 1]} comes before {versions[i]}");
        }

        var ids = (dom.DocumentNode.SelectNodes("//*[@id]") ?? Enumerable.Empty<HtmlNode>()).Select(node => node.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        var inPage = (dom.DocumentNode.SelectNodes("//a[starts-with(@href, '#')]") ?? Enumerable.Empty<HtmlNode>()).Select(link => link.GetAttributeValue("href", "")[1..]).ToList();
        var toc = (dom.DocumentNode.SelectNodes("//nav[@class='toc']//a") ?? Enumerable.Empty<HtmlNode>()).Select(link => link.GetAttributeValue("href", "")).ToList();
        Assert.Equal(releases.Select(release => "#" + release.Id), toc);
        Assert.All(inPage, target => Assert.Contains(target, ids));
    }

    private static void AssertNoSkippedHeadingLevel(HtmlDocument dom)
    {
        var levels = (dom.DocumentNode.SelectNodes("//h1|//h2|//h3|//h4|//h5|//h6") ?? Enumerable.Empty<HtmlNode>())
            .Select(node => node.Name[1] - '0').ToList();
        Assert.Equal(1, levels[0]);
        Assert.Equal(1, levels.Count(level => level == 1));
        for (var i = 1; i < levels.Count; i++)
        {
            Assert.True(levels[i] <= levels[i - 1] + 1, $"heading {i}: h{levels[i - 1]} is followed by h{levels[i]}");
        }
    }

    /// <summary>Clicks each table-of-contents link in the browser and checks the release it lands on is the target.</summary>
    private void AssertTocLinksLandOnTheirRelease(string pageHtml)
    {
        const string script = """
            window.addEventListener('load', function () {
              var landed = [];
              document.querySelectorAll('nav.toc a').forEach(function (a) {
                a.click();
                var target = document.querySelector(':target');
                landed.push({ href: a.getAttribute('href'), target: target ? target.id : null, hash: location.hash });
              });
              document.getElementById('bfrn-report').textContent = JSON.stringify(landed);
            });
            """;

        using var report = JsonDocument.Parse(Chromium.RunScript(pageHtml, script, _temp.Path));

        var landed = report.RootElement.EnumerateArray().ToList();
        Assert.NotEmpty(landed);
        Assert.All(landed, link =>
        {
            Assert.Equal(link.GetProperty("href").GetString(), "#" + (link.GetProperty("target").GetString() ?? "(no target)"));
            Assert.Equal(link.GetProperty("href").GetString(), link.GetProperty("hash").GetString());
        });
    }

    /// <summary>Writes <paramref name="count"/> published releases with Beta sections, links, nested lists and code.</summary>
    private static List<string> GenerateReleases(string folder, int count)
    {
        var versions = new List<string>();
        var date = new DateOnly(2020, 1, 6);
        for (var i = 0; i < count; i++)
        {
            var version = $"{1 + (i / 50)}.{i % 50}.0";
            var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"# {version} - {date.AddDays(7 * i):yyyy-MM-dd}\n\n## Public\n\n### Added\n\n");
            text.Append(CultureInfo.InvariantCulture, $"- Feature {i}: export [report {i}](https://example.com/issues/{i}) as `csv`.\n  - Nested detail {i}.\n");
            text.Append(CultureInfo.InvariantCulture, $"- Another change in release {i} with *emphasis* and **strong** text.\n\n### Fixed\n\n- Fix number {i}.\n");
            if (i % 3 == 0)
            {
                text.Append(CultureInfo.InvariantCulture, $"\n## Beta\n\n### Changed\n\n- Beta change {i}.\n");
            }

            File.WriteAllText(Path.Combine(folder, version + ".md"), text.ToString());
            versions.Add(version);
        }

        versions.Reverse();
        return versions;
    }
}
