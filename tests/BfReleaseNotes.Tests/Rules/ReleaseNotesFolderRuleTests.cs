using BfReleaseNotes.Model;
using BfReleaseNotes.Workspace;
using Semver;

namespace BfReleaseNotes.Tests.Rules;

/// <summary>
/// The release-notes folder on disk, with real files: which files are published releases (in SemVer order), what
/// kind a file is, and what a missing folder or file is told to do about it.
/// </summary>
public sealed class ReleaseNotesFolderRuleTests : IDisposable
{
    private readonly TempFolder _temp = new();

    private string Folder => _temp.Combine("release-notes");

    public ReleaseNotesFolderRuleTests() => Directory.CreateDirectory(Folder);

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Only_version_named_markdown_files_are_published_releases_highest_version_first()
    {
        foreach (var name in new[] { "1.2.0.md", "1.10.0.md", "2.0.0-rc.1.md", "unreleased.md", "notes.md", "1.3.0.md.bfrn-1-0123456789abcdef0123456789abcdef.bak", "1.4.0.txt" })
        {
            File.WriteAllText(Path.Combine(Folder, name), "# x\n");
        }

        Directory.CreateDirectory(Path.Combine(Folder, "3.0.0.md"));

        var published = new ReleaseNotesFolder(Folder).PublishedFiles();

        Assert.Equal(
            [(Path.Combine(Folder, "2.0.0-rc.1.md"), "2.0.0-rc.1"), (Path.Combine(Folder, "1.10.0.md"), "1.10.0"), (Path.Combine(Folder, "1.2.0.md"), "1.2.0")],
            published.Select(file => (file.Path, file.Version.ToString())).ToArray());
        Assert.Empty(new ReleaseNotesFolder(_temp.Combine("missing")).PublishedFiles());
    }

    [Fact]
    public void A_missing_folder_or_a_file_in_its_place_is_refused_with_what_to_pass()
    {
        var missing = _temp.Combine("missing");
        var file = _temp.Combine("a-file");
        File.WriteAllText(file, "x\n");

        var notThere = Assert.Throws<EnvironmentException>(new ReleaseNotesFolder(missing).EnsureExists);
        var notAFolder = Assert.Throws<EnvironmentException>(new ReleaseNotesFolder(file).EnsureExists);
        new ReleaseNotesFolder(Folder).EnsureExists();

        Assert.Equal($"the release-notes folder '{missing}' does not exist; run 'bf-release-notes init --dir {missing}' or pass --dir", notThere.Message);
        Assert.Equal($"'{file}' is a file, not a folder; pass --dir the release-notes folder (the one holding unreleased.md)", notAFolder.Message);
    }

    [Fact]
    public void A_missing_unreleased_file_is_for_init_to_create_and_any_other_missing_file_is_a_wrong_path()
    {
        var unreleased = Path.Combine(Folder, "unreleased.md");
        var published = Path.Combine(Folder, "1.0.0.md");

        var missingUnreleased = Assert.Throws<EnvironmentException>(() => ReleaseNotesFolder.ReadBytes(unreleased));
        var missingPublished = Assert.Throws<EnvironmentException>(() => ReleaseNotesFolder.ReadBytes(published));

        Assert.Equal($"'{unreleased}' does not exist; run 'bf-release-notes init' to create it, or pass --dir", missingUnreleased.Message);
        Assert.Equal($"'{published}' does not exist; check the path", missingPublished.Message);
    }

    [Fact]
    public void A_file_named_as_the_folder_is_refused_as_not_a_folder()
    {
        var file = _temp.Combine("notes");
        File.WriteAllText(file, "x\n");

        var exception = Assert.Throws<EnvironmentException>(() => ReleaseNotesFolder.ReadBytes(Path.Combine(file, "unreleased.md")));

        Assert.Equal($"'{file}' is a file, not a folder; pass --dir the release-notes folder (the one holding unreleased.md)", exception.Message);
    }

    [Fact]
    public void A_link_to_nothing_is_read_as_a_file_that_does_not_exist()
    {
        var dangling = Path.Combine(Folder, "unreleased.md");
        File.CreateSymbolicLink(dangling, Path.Combine(Folder, "gone.md"));

        var exception = Assert.Throws<EnvironmentException>(() => ReleaseNotesFolder.ReadBytes(dangling));

        Assert.Equal($"the release-notes file '{dangling}' does not exist; check the path", exception.Message);
    }

    [Fact]
    public void A_file_that_cannot_be_read_to_peek_at_its_title_counts_as_published()
    {
        var unreadable = "/proc/self/mem";
        var working = Path.Combine(Folder, "draft.md");
        File.WriteAllText(working, "# Unreleased\n\n## Public\n");

        Assert.Equal(DocumentKind.Published, ReleaseNotesFolder.KindOf(unreadable));
        Assert.Equal(DocumentKind.Unreleased, ReleaseNotesFolder.KindOf(working));
    }

    [Fact]
    public void A_hand_passed_file_is_the_working_file_by_its_title_even_after_a_byte_order_mark()
    {
        var withBom = Path.Combine(Folder, "draft.md");
        var release = Path.Combine(Folder, "release.md");
        File.WriteAllBytes(withBom, [0xEF, 0xBB, 0xBF, .. "# Unreleased\n\n## Public\n"u8]);
        File.WriteAllText(release, "# 1.0.0 - 2026-11-18\n");

        Assert.Equal(DocumentKind.Unreleased, ReleaseNotesFolder.KindOf(withBom));
        Assert.Equal(DocumentKind.Published, ReleaseNotesFolder.KindOf(release));
    }

    [Fact]
    public void A_file_named_for_a_version_is_published_whatever_its_title_says()
    {
        // The name decides first: a release file someone titled "# Unreleased" by mistake is still linted as published.
        var misnamed = Path.Combine(Folder, "1.2.0.md");
        File.WriteAllText(misnamed, "# Unreleased\n\n## Public\n");

        Assert.Equal(DocumentKind.Published, ReleaseNotesFolder.KindOf(misnamed));
    }

    [Fact]
    public void The_working_file_is_known_by_its_name_in_any_case_whatever_its_title_says()
    {
        var working = Path.Combine(Folder, "UNRELEASED.MD");
        File.WriteAllText(working, "# 1.0.0 - 2026-11-18\n");

        Assert.Equal(DocumentKind.Unreleased, ReleaseNotesFolder.KindOf(working));
    }

    [Fact]
    public void Every_path_and_version_is_required()
    {
        Assert.Equal("version", Assert.Throws<ArgumentNullException>(() => new ReleaseNotesFolder(Folder).PublishedPath(null!)).ParamName);
        Assert.Equal("path", Assert.Throws<ArgumentNullException>(() => ReleaseNotesFolder.Read(null!, DocumentKind.Unreleased)).ParamName);
        Assert.Equal("path", Assert.Throws<ArgumentNullException>(() => ReleaseNotesFolder.KindOf(null!)).ParamName);
        Assert.Equal("path", Assert.Throws<ArgumentNullException>(() => ReleaseNotesFolder.ReadBytes(null!)).ParamName);
        Assert.Equal(Path.Combine(Folder, "1.2.0.md"), new ReleaseNotesFolder(Folder).PublishedPath(SemVersion.Parse("1.2.0", SemVersionStyles.Strict)));
    }
}
