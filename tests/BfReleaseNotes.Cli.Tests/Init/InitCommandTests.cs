namespace BfReleaseNotes.Cli.Tests.Init;

public sealed class InitCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Init_writes_the_empty_template_into_release_notes_of_the_current_directory()
    {
        var outcome = Cli.Run(_temp.Path, ["init"]);

        var path = _temp.Combine("release-notes", "unreleased.md");
        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal(
            "# Unreleased\n\n## Public\n\n### Added\n\n### Changed\n\n### Fixed\n\n## Beta\n\n### Added\n\n### Changed\n\n### Fixed\n\n## Internal\n\n### Added\n\n### Changed\n\n### Fixed\n",
            File.ReadAllText(path));
        Assert.Equal($"wrote {path}\n", outcome.Out.Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.Equal(string.Empty, outcome.Error);
    }

    [Fact]
    public void Init_with_dir_creates_the_missing_folders_and_the_template_lints_clean()
    {
        var init = Cli.Run(_temp.Path, ["init", "--dir", "docs/notes"]);
        var lint = Cli.Run(_temp.Path, ["lint", "--dir", "docs/notes"]);

        Assert.Equal(0, init.ExitCode);
        Assert.True(File.Exists(_temp.Combine("docs", "notes", "unreleased.md")));
        Assert.Equal(0, lint.ExitCode);
        Assert.Contains("lint: 1 file, 0 errors, 0 warnings", lint.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Init_refuses_to_overwrite_an_existing_unreleased_file()
    {
        var path = _temp.Combine("release-notes", "unreleased.md");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        byte[] existing = [.. "# Unreleased\r\n\r\n## Public\r\n\r\n### Fixed\r\n\r\n- Kept as written.\r\n"u8];
        File.WriteAllBytes(path, existing);

        var outcome = Cli.Run(_temp.Path, ["init"]);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal($"{path} already exists; nothing written.\n", outcome.Out.Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.Equal(existing, File.ReadAllBytes(path));
    }
}
