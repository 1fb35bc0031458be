using BfReleaseNotes.Cli.Tests.Promote;
using BfReleaseNotes.Markdown;

namespace BfReleaseNotes.Cli.Tests.Everyday;

/// <summary><c>add --link</c>, definitions split out of the text, and <c>promote</c> copying each once.</summary>
public sealed class AddLinkTests : IDisposable
{
    private readonly ReleaseRepository _repo = new(withGit: false);

    public AddLinkTests()
    {
        _repo.Write("release-notes/unreleased.md", ReleaseNotesWriter.EmptyUnreleased());
    }

    public void Dispose() => _repo.Dispose();

    [Fact]
    public void Links_go_to_the_end_of_the_file_once_and_promote_copies_each_used_one_once()
    {
        var first = _repo.Run("add", "--section", "public", "--type", "fixed", "--link", "#123=https://gitlab.example.com/app/-/merge_requests/123", "Exports no longer time out. [#123]");
        var second = _repo.Run("add", "--section", "public", "--type", "added", "PDF export. [#123] [#124]\n\n[#124]: https://gitlab.example.com/app/-/merge_requests/124\n[#123]: https://gitlab.example.com/app/-/merge_requests/123");
        var unreleased = File.ReadAllText(_repo.Unreleased);
        var promote = _repo.Run("promote", "--version", "1.0.0", "--date", "2026-11-25");
        var published = File.ReadAllText(Path.Combine(_repo.NotesPath, "1.0.0.md"));

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("### Added\n\n- PDF export. [#123] [#124]\n\n### Changed", unreleased, StringComparison.Ordinal);
        Assert.EndsWith(
            "### Fixed\n\n[#123]: https://gitlab.example.com/app/-/merge_requests/123\n[#124]: https://gitlab.example.com/app/-/merge_requests/124\n",
            unreleased,
            StringComparison.Ordinal);
        Assert.Equal(0, promote.ExitCode);
        Assert.Single(AllIndexesOf(published, "[#123]: https://gitlab.example.com/app/-/merge_requests/123"));
        Assert.Single(AllIndexesOf(published, "[#124]: https://gitlab.example.com/app/-/merge_requests/124"));
        Assert.DoesNotContain("  [#124]", published, StringComparison.Ordinal);
        Assert.Equal((0, "lint: 2 files, 0 errors, 0 warnings\n"), (_repo.Run("lint").ExitCode, _repo.Run("lint").Out));
    }

    [Theory]
    [InlineData("#123=https://other.example.com/123", "already defined in this file as 'https://gitlab.example.com/app/-/merge_requests/123'")]
    [InlineData("#9=javascript:alert(1)", "only http, https, mailto and relative URLs")]
    [InlineData("no-equals-sign", "is not LABEL=URL")]
    [InlineData("#9=two words", "without spaces")]
    public void A_link_that_is_unsafe_or_contradicts_the_file_is_refused_and_nothing_changes(string link, string reason)
    {
        _repo.Run("add", "--section", "public", "--type", "fixed", "--link", "#123=https://gitlab.example.com/app/-/merge_requests/123", "First. [#123]");
        var before = _repo.Snapshot();

        var outcome = _repo.Run("add", "--section", "public", "--type", "fixed", "--link", link, "Second. [#123]");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains(reason, outcome.Error, StringComparison.Ordinal);
        Assert.Contains("No file was changed", outcome.Error, StringComparison.Ordinal);
        Assert.Equal(before, _repo.Snapshot());
    }

    private static List<int> AllIndexesOf(string text, string value)
    {
        var indexes = new List<int>();
        for (var index = text.IndexOf(value, StringComparison.Ordinal); index >= 0; index = text.IndexOf(value, index + 1, StringComparison.Ordinal))
        {
            indexes.Add(index);
        }

        return indexes;
    }
}
