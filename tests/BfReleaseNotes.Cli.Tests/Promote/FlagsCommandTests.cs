using System.Text.Json;
using ApprovalTests;

namespace BfReleaseNotes.Cli.Tests.Promote;

public sealed class FlagsCommandTests : IDisposable
{
    private readonly ReleaseRepository _repo = new(withGit: false);

    public void Dispose() => _repo.Dispose();

    [Fact]
    public void Flags_lists_every_flag_with_counts_per_change_type()
    {
        _repo.Write("release-notes/unreleased.md", ReleaseRepository.Case("realistic"));

        var (exitCode, output, _) = _repo.Run("flags");

        Assert.Equal(0, exitCode);
        Assert.Equal(
            "new-editor: 3 entries (Added 2, Changed 1)\nbulk-actions: 1 entry (Added 1)\nsearch-v2: 1 entry (Fixed 1)\n",
            output.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Fact]
    public void Flags_as_json_can_be_read_by_scripts()
    {
        _repo.Write("release-notes/unreleased.md", ReleaseRepository.Case("realistic"));

        var (exitCode, output, _) = _repo.Run("flags", "--format", "json");

        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(output);
        var flags = json.RootElement.GetProperty("flags").EnumerateArray().ToList();
        Assert.Equal(["new-editor", "bulk-actions", "search-v2"], flags.Select(flag => flag.GetProperty("key").GetString()));
        Assert.Equal(3, flags[0].GetProperty("total").GetInt32());
        Assert.Equal(2, flags[0].GetProperty("counts").GetProperty("Added").GetInt32());
        Assert.Equal(1, flags[0].GetProperty("counts").GetProperty("Changed").GetInt32());
    }

    [Fact]
    public void Graduating_a_flag_moves_its_entries_after_the_existing_ones_and_removes_its_groups()
    {
        _repo.Write("release-notes/unreleased.md", ReleaseRepository.Case("realistic"));

        var (exitCode, output, error) = _repo.Run("flags", "graduate", "new-editor", "--to", "beta");

        Assert.True(exitCode == 0, error);
        Assert.Contains("flag new-editor: 3 entries moved to Beta (Added 2, Changed 1)", output, StringComparison.Ordinal);
        Assert.Equal(0, _repo.Run("lint").ExitCode);
        Approvals.VerifyWithExtension(File.ReadAllText(_repo.Unreleased), ".md");
    }

    [Fact]
    public void Graduated_entries_are_published_by_the_next_promotion()
    {
        _repo.Write("release-notes/unreleased.md", ReleaseRepository.Case("realistic"));
        _repo.Run("flags", "graduate", "search-v2", "--to", "public");

        var (exitCode, output, _) = _repo.Run("promote", "--dry-run", "--version", "1.42.0", "--date", "2026-11-25");

        Assert.Equal(0, exitCode);
        Assert.Contains("- The v2 index no longer drops documents with very long titles.", output, StringComparison.Ordinal);
        Assert.DoesNotContain("search-v2", _repo.Run("flags").Out, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_flag_exits_1_names_the_closest_flags_and_changes_nothing()
    {
        _repo.Write("release-notes/unreleased.md", ReleaseRepository.Case("realistic"));
        var before = _repo.Snapshot();

        var (exitCode, _, error) = _repo.Run("flags", "graduate", "new-edtor", "--to", "public");

        Assert.Equal(1, exitCode);
        Assert.Contains("no flag 'new-edtor' in the Internal section; did you mean 'new-editor'?", error, StringComparison.Ordinal);
        Assert.DoesNotContain("search-v2", error, StringComparison.Ordinal);
        Assert.Equal(before, _repo.Snapshot());
    }

    [Fact]
    public void An_unknown_flag_close_to_none_lists_every_flag_instead_of_a_far_off_guess()
    {
        _repo.Write("release-notes/unreleased.md", ReleaseRepository.Case("realistic"));

        var (exitCode, _, error) = _repo.Run("flags", "graduate", "sso", "--to", "public");

        Assert.Equal(1, exitCode);
        Assert.Contains("no flag 'sso' in the Internal section; the flags are new-editor, bulk-actions, search-v2", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Graduate_dry_run_prints_the_new_file_and_changes_nothing()
    {
        _repo.Write("release-notes/unreleased.md", ReleaseRepository.Case("realistic"));
        var before = _repo.Snapshot();

        var (exitCode, output, error) = _repo.Run("flags", "graduate", "bulk-actions", "--to", "beta", "--dry-run");

        Assert.Equal(0, exitCode);
        Assert.Contains("- Bulk archive for up to 500 items at once.", output[..output.IndexOf("## Internal", StringComparison.Ordinal)], StringComparison.Ordinal);
        Assert.Contains("dry run: nothing written", error, StringComparison.Ordinal);
        Assert.Equal(before, _repo.Snapshot());
    }
}
