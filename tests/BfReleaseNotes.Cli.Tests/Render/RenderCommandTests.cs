using System.Text.Json;
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
}
