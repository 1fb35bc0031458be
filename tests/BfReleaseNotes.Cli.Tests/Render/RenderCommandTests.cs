using System.Text.Json;
using System.Xml.Linq;
using BfReleaseNotes.Cli.Tests.Promote;

namespace BfReleaseNotes.Cli.Tests.Render;

public sealed class RenderCommandTests : IDisposable
{
    private readonly ReleaseRepository _folder = new(withGit: false);

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Render_shows_what_promote_published_newest_first()
    {
        _folder.Write("release-notes/unreleased.md", ReleaseRepository.Case("realistic"));
        _folder.Run("promote", "--version", "1.9.0", "--date", "2026-11-18");
        _folder.Run("add", "--section", "public", "--type", "fixed", "Second release fix");
        _folder.Run("promote", "--version", "1.10.0", "--date", "2026-11-25");

        var (exitCode, output, error) = _folder.Run("render", "--format", "json");

        Assert.True(exitCode == 0, error);
        using var json = JsonDocument.Parse(output);
        var releases = json.RootElement.GetProperty("releases").EnumerateArray().ToList();
        Assert.Equal(["1.10.0", "1.9.0"], releases.Select(release => release.GetProperty("version").GetString()));
        Assert.Equal("Second release fix", releases[0].GetProperty("sections")[0].GetProperty("changes")[0].GetProperty("entries")[0].GetProperty("html").GetString());
        Assert.Equal(["Public", "Beta"], releases[1].GetProperty("sections").EnumerateArray().Select(section => section.GetProperty("visibility").GetString()));
    }

    [Fact]
    public void Render_exits_1_and_reports_a_broken_published_file()
    {
        _folder.Write("release-notes/1.0.0.md", "# 1.0.0 - yesterday\n\n## Public\n\n### Added\n\n- Something\n");

        var (exitCode, output, error) = _folder.Run("render");

        Assert.Equal(1, exitCode);
        Assert.Equal(string.Empty, output);
        Assert.Contains("1.0.0.md:1:1: error BFRN203: 'yesterday' is not a date", error, StringComparison.Ordinal);
    }

    private const string Release = "# 1.0.0 - 2026-11-25\n\n## Public\n\n### Added\n\n- Public entry\n\n## Beta\n\n### Added\n\n- Beta entry\n";

    [Fact]
    public void Render_json_carries_the_schema_version_ids_and_the_audience()
    {
        _folder.Write("release-notes/1.0.0.md", Release);

        var (exitCode, output, error) = _folder.Run("render", "--format", "json", "--audience", "public");

        Assert.True(exitCode == 0, error);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(1, json.RootElement.GetProperty("schemaVersion").GetInt32());
        Assert.Equal("public", json.RootElement.GetProperty("audience").GetString());
        var release = json.RootElement.GetProperty("releases")[0];
        Assert.Equal("v1_0_0", release.GetProperty("id").GetString());
        Assert.Single(release.GetProperty("sections").EnumerateArray());
        Assert.StartsWith("v1_0_0-public-entry-", release.GetProperty("sections")[0].GetProperty("changes")[0].GetProperty("entries")[0].GetProperty("id").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Public_only_and_audience_public_give_the_same_fragment_without_beta()
    {
        _folder.Write("release-notes/1.0.0.md", Release);

        var publicOnly = _folder.Run("render", "--public-only");
        var audience = _folder.Run("render", "--audience", "public");
        var everyone = _folder.Run("render");

        Assert.Equal(publicOnly.Out, audience.Out);
        Assert.DoesNotContain("Beta entry", publicOnly.Out, StringComparison.Ordinal);
        Assert.Contains("<section class=\"visibility beta\" id=\"v1_0_0-beta\">\n<h3>Beta</h3>", everyone.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Heading_level_moves_the_whole_outline()
    {
        _folder.Write("release-notes/1.0.0.md", Release);

        var (exitCode, output, _) = _folder.Run("render", "--heading-level", "3");

        Assert.Equal(0, exitCode);
        Assert.Contains("<h3>1.0.0 <time", output, StringComparison.Ordinal);
        Assert.Contains("<h4>Public</h4>", output, StringComparison.Ordinal);
        Assert.Contains("<h5>Added</h5>", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--heading-level", "4")]
    [InlineData("--heading-level", "0")]
    [InlineData("--format", "atom")]
    [InlineData("--out", "site")]
    [InlineData("--base-url", "whats-new.html")]
    [InlineData("--base-url", "javascript:alert(1)")]
    public void A_usage_error_exits_2_says_what_to_give_and_writes_nothing(string option, string value)
    {
        _folder.Write("release-notes/1.0.0.md", Release);

        var (exitCode, output, error) = _folder.Run("render", option, value);

        Assert.Equal(2, exitCode);
        Assert.Equal(string.Empty, output);
        Assert.StartsWith("error: ", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_folder.Root, "site")));
    }

    [Fact]
    public void Public_only_with_audience_beta_is_a_contradiction()
    {
        var (exitCode, _, error) = _folder.Run("render", "--public-only", "--audience", "beta");

        Assert.Equal(2, exitCode);
        Assert.Contains("contradict", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Atom_prints_a_feed_whose_links_start_from_the_base_url()
    {
        _folder.Write("release-notes/1.0.0.md", Release);

        var (exitCode, output, error) = _folder.Run("render", "--format", "atom", "--base-url", "https://help.example.com/whats-new.html", "--title", "Acme");

        Assert.True(exitCode == 0, error);
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var feed = XDocument.Parse(output).Root!;
        Assert.Equal("https://help.example.com/whats-new.html", feed.Element(atom + "id")!.Value);
        Assert.Equal("https://help.example.com/whats-new.html#v1_0_0", feed.Element(atom + "entry")!.Element(atom + "id")!.Value);
    }

    [Fact]
    public void Out_writes_the_page_the_json_and_the_feed_together()
    {
        _folder.Write("release-notes/1.0.0.md", Release);

        var (exitCode, output, error) = _folder.Run("render", "--out", "site", "--base-url", "https://help.example.com/whats-new/");

        Assert.True(exitCode == 0, error);
        var site = Path.Combine(_folder.Root, "site");
        Assert.Equal(["feed.atom", "index.html", "releases.json"], Directory.GetFiles(site).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Contains("href=\"feed.atom\"", File.ReadAllText(Path.Combine(site, "index.html")), StringComparison.Ordinal);
        Assert.Contains("https://help.example.com/whats-new/feed.atom", File.ReadAllText(Path.Combine(site, "feed.atom")), StringComparison.Ordinal);
        Assert.Equal(3, output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void A_page_inside_the_notes_folder_is_refused_and_nothing_is_written()
    {
        _folder.Write("release-notes/1.0.0.md", Release);
        var before = File.ReadAllBytes(Path.Combine(_folder.NotesPath, "1.0.0.md"));

        var (exitCode, _, error) = _folder.Run("render", "--page", "release-notes/1.0.0.md");

        Assert.Equal(2, exitCode);
        Assert.Contains("inside the release-notes folder", error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(Path.Combine(_folder.NotesPath, "1.0.0.md")));
    }

    [Fact]
    public void A_page_is_not_written_when_a_published_file_has_errors()
    {
        _folder.Write("release-notes/1.0.0.md", Release);
        _folder.Write("release-notes/2.0.0.md", "# 2.0.0 - someday\n");

        var (exitCode, _, error) = _folder.Run("render", "--page", "site/index.html");

        Assert.Equal(1, exitCode);
        Assert.Contains("No file was written", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_folder.Root, "site")));
    }

    [Fact]
    public void Out_refuses_a_target_that_is_a_folder_and_leaves_the_other_files_as_they_were()
    {
        _folder.Write("release-notes/1.0.0.md", Release);
        _folder.Write("site/index.html", "old page");
        Directory.CreateDirectory(Path.Combine(_folder.Root, "site", "feed.atom"));

        var (exitCode, output, error) = _folder.Run("render", "--out", "site", "--base-url", "https://help.example.com/");

        Assert.Equal(2, exitCode);
        Assert.Equal(string.Empty, output);
        Assert.Contains("is a folder", error, StringComparison.Ordinal);
        Assert.Equal("old page", File.ReadAllText(Path.Combine(_folder.Root, "site", "index.html")));
        Assert.False(File.Exists(Path.Combine(_folder.Root, "site", "releases.json")));
    }

    [Fact]
    public void A_page_under_a_path_that_cannot_be_a_folder_exits_2_and_creates_nothing()
    {
        _folder.Write("release-notes/1.0.0.md", Release);
        _folder.Write("notes.txt", "a file, not a folder");

        var (exitCode, _, error) = _folder.Run("render", "--page", "notes.txt/sub/index.html");

        Assert.Equal(2, exitCode);
        Assert.StartsWith("error: ", error, StringComparison.Ordinal);
        Assert.Equal("a file, not a folder", File.ReadAllText(Path.Combine(_folder.Root, "notes.txt")));
    }
}
