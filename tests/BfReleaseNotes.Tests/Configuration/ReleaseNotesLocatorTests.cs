using BfReleaseNotes.Configuration;
using BfReleaseNotes.Workspace;

namespace BfReleaseNotes.Tests.Configuration;

public sealed class ReleaseNotesLocatorTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public ReleaseNotesLocatorTests()
    {
        // A real repository: git's own layout, made by LibGit2Sharp.
        LibGit2Sharp.Repository.Init(Repository);
        Directory.CreateDirectory(Path.Combine(Repository, "src", "App"));
    }

    private string Repository => _temp.Combine("repo");

    public void Dispose()
    {
        foreach (var file in Directory.EnumerateFiles(_temp.Path, "*", SearchOption.AllDirectories))
        {
            File.SetAttributes(file, FileAttributes.Normal);
        }

        _temp.Dispose();
    }

    [Fact]
    public void From_a_subfolder_the_notes_are_release_notes_at_the_repository_root()
    {
        var location = ReleaseNotesLocator.Locate(Path.Combine(Repository, "src", "App"));

        Assert.Equal(Repository, location.RepositoryRoot);
        Assert.Equal(Repository, location.Root);
        Assert.Null(location.ConfigurationPath);
        Assert.Equal(Path.Combine(Repository, "release-notes"), location.Folder.Path);
    }

    [Fact]
    public void The_configured_folder_is_relative_to_the_folder_holding_release_notes_config_json()
    {
        Write("release-notes/config.json", """{ "folder": "docs/notes", "add": { "type": "fixed" } }""");

        var location = ReleaseNotesLocator.Locate(Path.Combine(Repository, "src", "App"));

        Assert.Equal(Path.Combine(Repository, "docs", "notes"), location.Folder.Path);
        Assert.Equal(Path.Combine(Repository, "release-notes", "config.json"), location.ConfigurationPath);
        Assert.Equal(Model.ChangeType.Fixed, location.Configuration.Add.Type);
    }

    [Fact]
    public void A_subproject_with_its_own_configuration_is_found_before_the_repository_root()
    {
        Write("release-notes/config.json", "{}");
        Write("src/App/release-notes/config.json", """{ "add": { "section": "beta" } }""");

        var location = ReleaseNotesLocator.Locate(Path.Combine(Repository, "src", "App"));

        Assert.Equal(Path.Combine(Repository, "src", "App"), location.Root);
        Assert.Equal(Model.Visibility.Beta, location.Configuration.Add.Section);
    }

    [Fact]
    public void A_configuration_above_the_repository_belongs_to_another_project()
    {
        Directory.CreateDirectory(_temp.Combine("release-notes"));
        File.WriteAllText(_temp.Combine(Path.Combine("release-notes", "config.json")), """{ "folder": "elsewhere" }""");

        var location = ReleaseNotesLocator.Locate(Path.Combine(Repository, "src"));

        Assert.Equal(Path.Combine(Repository, "release-notes"), location.Folder.Path);
    }

    [Fact]
    public void An_explicit_folder_wins_and_reads_its_own_configuration()
    {
        Write("release-notes/config.json", """{ "add": { "section": "public" } }""");
        Write("other/config.json", """{ "add": { "section": "internal" } }""");

        var location = ReleaseNotesLocator.Locate(Repository, "other");

        Assert.Equal(Path.Combine(Repository, "other"), location.Folder.Path);
        Assert.Equal(Model.Visibility.Internal, location.Configuration.Add.Section);
    }

    [Fact]
    public void A_bad_configuration_is_an_environment_error_naming_the_file()
    {
        Write("release-notes/config.json", "{ \"folder\": 3 }");

        var error = Assert.Throws<EnvironmentException>(() => ReleaseNotesLocator.Locate(Repository));

        Assert.Contains("config.json:1:", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"folder\" must be a string", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Notes_folders_are_found_anywhere_but_in_hidden_and_build_folders()
    {
        Write("docs/notes/unreleased.md", "# Unreleased\n");
        Write("src/App/bin/release-notes/unreleased.md", "# Unreleased\n");
        Write(".hidden/unreleased.md", "# Unreleased\n");

        var found = ReleaseNotesLocator.FindNotesFolders(Repository);

        Assert.Equal([Path.Combine(Repository, "docs", "notes")], found);
    }

    private void Write(string relative, string text)
    {
        var path = Path.Combine(Repository, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
