using BfReleaseNotes.Cli.Tests.Promote;
using BfReleaseNotes.Markdown;

namespace BfReleaseNotes.Cli.Tests.Everyday;

/// <summary>Every command works from any folder of the repository, on the notes the configuration names.</summary>
public sealed class WorkingFolderTests : IDisposable
{
    private readonly ReleaseRepository _repo = new();

    public WorkingFolderTests()
    {
        Directory.CreateDirectory(Src);
    }

    private string Src => Path.Combine(_repo.Root, "src", "App");

    public void Dispose() => _repo.Dispose();

    [Fact]
    public void Every_command_works_from_src_on_notes_in_a_configured_folder()
    {
        _repo.Write("release-notes/config.json", """{ "$schema": "./config.schema.json", "folder": "docs/notes" }""");
        _repo.Write("docs/notes/unreleased.md", ReleaseNotesWriter.EmptyUnreleased());

        var add = Run.In(Src, ["add", "--section", "public", "--type", "fixed", "Exports no longer time out."]);
        var addInternal = Run.In(Src, ["add", "--section", "internal", "--type", "added", "--flag", "new-editor", "Drafts are saved."]);
        var lint = Run.In(Src, ["lint"]);
        var flags = Run.In(Src, ["flags"]);
        var promote = Run.In(Src, ["promote", "--version", "1.0.0", "--date", "2026-11-25"]);
        var render = Run.In(Src, ["render"]);
        var graduate = Run.In(Src, ["flags", "graduate", "new-editor", "--to", "beta", "--dry-run"]);

        Assert.Equal((0, string.Empty), (add.ExitCode, add.Error));
        Assert.Equal((0, string.Empty), (addInternal.ExitCode, addInternal.Error));
        Assert.Equal((0, "lint: 1 file, 0 errors, 0 warnings\n"), (lint.ExitCode, lint.Out));
        Assert.Equal("new-editor: 1 entry (Added 1)\n", flags.Out);
        Assert.Equal(0, promote.ExitCode);
        Assert.True(File.Exists(Path.Combine(_repo.Root, "docs", "notes", "1.0.0.md")));
        Assert.Contains("Exports no longer time out.", render.Out, StringComparison.Ordinal);
        Assert.Equal(0, graduate.ExitCode);
        Assert.False(Directory.Exists(Path.Combine(Src, "release-notes")));
        Assert.False(File.Exists(Path.Combine(_repo.Root, "release-notes", "unreleased.md")));
    }

    [Fact]
    public void Without_configuration_the_notes_are_release_notes_at_the_repository_root()
    {
        _repo.Write("release-notes/unreleased.md", ReleaseNotesWriter.EmptyUnreleased());

        var add = Run.In(Src, ["add", "--section", "beta", "--type", "changed", "The dashboard loads faster."]);

        Assert.Equal(0, add.ExitCode);
        Assert.Contains("- The dashboard loads faster.", File.ReadAllText(_repo.Unreleased), StringComparison.Ordinal);
    }

    [Fact]
    public void Init_from_a_subfolder_finds_the_existing_notes_instead_of_making_a_stray_folder()
    {
        _repo.Write("release-notes/unreleased.md", ReleaseNotesWriter.EmptyUnreleased());

        var init = Run.In(Src, ["init"]);

        Assert.Equal(0, init.ExitCode);
        Assert.Contains("already exists; nothing written", init.Out, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(Src, "release-notes")));
    }

    [Fact]
    public void Init_refuses_a_second_notes_folder_in_a_repository_that_has_one_unless_dir_says_so()
    {
        _repo.Write("docs/notes/unreleased.md", ReleaseNotesWriter.EmptyUnreleased());

        var refused = Run.In(Src, ["init"]);
        var deliberate = Run.In(Src, ["init", "--dir", "release-notes"]);

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("already keeps its release notes in", refused.Error, StringComparison.Ordinal);
        Assert.Contains(Path.Combine("docs", "notes"), refused.Error, StringComparison.Ordinal);
        Assert.Contains("\"folder\": \"docs/notes\"", refused.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_repo.Unreleased));
        Assert.Equal(0, deliberate.ExitCode);
        Assert.True(File.Exists(Path.Combine(Src, "release-notes", "unreleased.md")));
    }

    [Fact]
    public void A_bad_configuration_stops_every_command_with_the_place_and_the_valid_keys()
    {
        _repo.Write("release-notes/config.json", "{\n  \"folder\": \"release-notes\",\n  \"promot\": {}\n}\n");
        _repo.Write("release-notes/unreleased.md", ReleaseNotesWriter.EmptyUnreleased());
        var before = _repo.Snapshot();

        var add = Run.In(Src, ["add", "--section", "public", "--type", "fixed", "x"]);
        var lint = Run.In(Src, ["lint"]);

        Assert.Equal(2, add.ExitCode);
        Assert.Equal(2, lint.ExitCode);
        Assert.Contains("config.json:3:", add.Error, StringComparison.Ordinal);
        Assert.Contains("unknown key \"promot\" in the top level; did you mean \"promote\"?", add.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("could not be mapped", add.Error, StringComparison.Ordinal);
        Assert.Equal(before, _repo.Snapshot());
    }

    [Fact]
    public void Add_takes_section_and_type_from_the_configuration()
    {
        _repo.Write("release-notes/config.json", """{ "add": { "section": "Beta", "type": "changed" } }""");
        _repo.Write("release-notes/unreleased.md", ReleaseNotesWriter.EmptyUnreleased());

        var add = Run.In(Src, ["add", "Search is faster."]);

        Assert.Equal(0, add.ExitCode);
        Assert.Contains("under Beta > Changed", add.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Add_without_a_section_and_no_default_says_how_to_set_one()
    {
        _repo.Write("release-notes/unreleased.md", ReleaseNotesWriter.EmptyUnreleased());

        var add = Run.In(Src, ["add", "--type", "fixed", "Search is faster."]);

        Assert.Equal(2, add.ExitCode);
        Assert.Contains("add needs --section", add.Error, StringComparison.Ordinal);
        Assert.Contains("\"add\": { \"section\": \"public\"", add.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Promote_commits_and_tags_with_the_configured_prefix_and_no_commit_turns_it_off()
    {
        _repo.Write("release-notes/config.json", """{ "promote": { "bump": "patch", "tagPrefix": "release-", "tag": true } }""");
        _repo.Write("release-notes/unreleased.md", ReleaseNotesWriter.EmptyUnreleased());
        _repo.Write("release-notes/1.0.0.md", "# 1.0.0 - 2026-11-01\n\n## Public\n\n### Added\n\n- First.\n");
        _repo.CommitAll("Start");
        Run.In(Src, ["add", "--section", "public", "--type", "fixed", "Second."]);

        var promote = Run.In(Src, ["promote", "--date", "2026-11-25"]);

        Assert.Equal(0, promote.ExitCode);
        Assert.Contains("tagged release-1.0.1", promote.Out, StringComparison.Ordinal);
        using var repository = new LibGit2Sharp.Repository(_repo.Root);
        Assert.NotNull(repository.Tags["release-1.0.1"]);

        Run.In(Src, ["add", "--section", "public", "--type", "fixed", "Third."]);
        var withoutCommit = Run.In(Src, ["promote", "--date", "2026-11-26", "--no-commit"]);
        Assert.Equal(0, withoutCommit.ExitCode);
        Assert.DoesNotContain("committed", withoutCommit.Out, StringComparison.Ordinal);
        Assert.Null(repository.Tags["release-1.0.2"]);
    }
}
