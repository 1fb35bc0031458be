using BfReleaseNotes.Merging;
using BfReleaseNotes.TestSupport;
using BfReleaseNotes.Workspace;
using LibGit2Sharp;

namespace BfReleaseNotes.Tests.Rules;

/// <summary>
/// What installing the merge driver writes, on real repositories: the attribute line for each notes folder, the two
/// local git config keys, each change told in one line; a second install changes nothing; uninstall removes exactly
/// what install added.
/// </summary>
public sealed class MergeDriverSetupRuleTests
{
    private const string Driver = "bf-release-notes merge-driver %O %A %B %P";

    [Fact]
    public void Install_writes_the_attribute_line_and_the_local_driver_and_says_so()
    {
        using var repository = new GitTestRepository();

        var changes = MergeDriverSetup.Apply(repository.Path, "release-notes", "bf-release-notes", uninstall: false);

        var attributes = Path.Combine(repository.Path, ".gitattributes");
        Assert.Equal(
            [
                $"{attributes}: added 'release-notes/unreleased.md merge=union'",
                $"git config --local: merge.union.name = {MergeDriverSetup.DriverName}",
                $"git config --local: merge.union.driver = {Driver}",
            ],
            changes);
        Assert.Equal("release-notes/unreleased.md merge=union\n", File.ReadAllText(attributes));
        Assert.Equal(Driver, MergeDriverSetup.InstalledDriver(repository.Path));
        Assert.Equal(MergeDriverSetup.DriverName, LocalConfig(repository.Path, MergeDriverSetup.NameKey));
    }

    [Fact]
    public void A_second_install_changes_nothing()
    {
        using var repository = new GitTestRepository();
        MergeDriverSetup.Apply(repository.Path, "release-notes", "bf-release-notes", uninstall: false);

        Assert.Empty(MergeDriverSetup.Apply(repository.Path, "release-notes/", "bf-release-notes", uninstall: false));
        Assert.Equal("release-notes/unreleased.md merge=union\n", File.ReadAllText(Path.Combine(repository.Path, ".gitattributes")));
    }

    [Theory]
    [InlineData("*.png binary", "*.png binary\nnotes/unreleased.md merge=union\n")]
    [InlineData("*.png binary\n", "*.png binary\nnotes/unreleased.md merge=union\n")]
    [InlineData("*.png binary\r\n", "*.png binary\r\nnotes/unreleased.md merge=union\r\n")]
    [InlineData("*.png binary\r\n*.jpg binary", "*.png binary\r\n*.jpg binary\r\nnotes/unreleased.md merge=union\r\n")]
    public void The_attribute_line_is_added_after_the_file_s_own_lines_with_its_line_endings(string before, string after)
    {
        using var repository = new GitTestRepository();
        File.WriteAllText(Path.Combine(repository.Path, ".gitattributes"), before);

        MergeDriverSetup.Apply(repository.Path, "/notes/", "bf-release-notes", uninstall: false);

        Assert.Equal(after, File.ReadAllText(Path.Combine(repository.Path, ".gitattributes")));
    }

    [Fact]
    public void An_attribute_line_already_there_with_spaces_around_it_is_not_added_again()
    {
        using var repository = new GitTestRepository();
        File.WriteAllText(Path.Combine(repository.Path, ".gitattributes"), "  release-notes/unreleased.md merge=union \r\n");

        var changes = MergeDriverSetup.Apply(repository.Path, "release-notes", "bf-release-notes", uninstall: false);

        Assert.Equal(2, changes.Count);
        Assert.Equal("  release-notes/unreleased.md merge=union \r\n", File.ReadAllText(Path.Combine(repository.Path, ".gitattributes")));
    }

    [Fact]
    public void A_changed_driver_command_is_rewritten()
    {
        using var repository = new GitTestRepository();
        MergeDriverSetup.Apply(repository.Path, "release-notes", "bf-release-notes", uninstall: false);

        var changes = MergeDriverSetup.Apply(repository.Path, "release-notes", "'dotnet' '/opt/bf.dll'", uninstall: false);

        Assert.Equal(["git config --local: merge.union.driver = 'dotnet' '/opt/bf.dll' merge-driver %O %A %B %P"], changes);
        Assert.Equal("'dotnet' '/opt/bf.dll' merge-driver %O %A %B %P", MergeDriverSetup.InstalledDriver(repository.Path));
    }

    [Fact]
    public void Uninstall_removes_the_line_and_the_keys_and_keeps_the_rest()
    {
        using var repository = new GitTestRepository();
        File.WriteAllText(Path.Combine(repository.Path, ".gitattributes"), "*.png binary\n");
        MergeDriverSetup.Apply(repository.Path, "release-notes", "bf-release-notes", uninstall: false);

        var changes = MergeDriverSetup.Apply(repository.Path, "release-notes", "bf-release-notes", uninstall: true);

        var attributes = Path.Combine(repository.Path, ".gitattributes");
        Assert.Equal(
            [
                $"{attributes}: removed 'release-notes/unreleased.md merge=union'",
                "git config --local: removed merge.union.name",
                "git config --local: removed merge.union.driver",
            ],
            changes);
        Assert.Equal("*.png binary\n", File.ReadAllText(attributes));
        Assert.Null(MergeDriverSetup.InstalledDriver(repository.Path));
        Assert.Null(LocalConfig(repository.Path, MergeDriverSetup.NameKey));
        Assert.Empty(MergeDriverSetup.Apply(repository.Path, "release-notes", "bf-release-notes", uninstall: true));
    }

    [Fact]
    public void Uninstall_removes_the_line_also_when_it_is_the_first()
    {
        using var repository = new GitTestRepository();
        var attributes = Path.Combine(repository.Path, ".gitattributes");
        File.WriteAllText(attributes, "release-notes/unreleased.md merge=union\r\n*.png binary\r\n");

        var changes = MergeDriverSetup.Apply(repository.Path, "release-notes", "bf-release-notes", uninstall: true);

        Assert.Equal([$"{attributes}: removed 'release-notes/unreleased.md merge=union'"], changes);
        Assert.Equal("*.png binary\r\n", File.ReadAllText(attributes));
    }

    [Fact]
    public void Every_folder_of_a_monorepo_gets_its_line_and_the_keys_are_set_once()
    {
        using var repository = new GitTestRepository();

        var changes = MergeDriverSetup.Apply(repository.Path, ["billing/release-notes", "search/release-notes"], "bf-release-notes", uninstall: false);

        Assert.Equal(4, changes.Count);
        Assert.Equal("billing/release-notes/unreleased.md merge=union\nsearch/release-notes/unreleased.md merge=union\n", File.ReadAllText(Path.Combine(repository.Path, ".gitattributes")));
    }

    [Fact]
    public void Outside_a_repository_install_refuses_and_no_driver_is_found()
    {
        using var folder = new TempFolder();

        var thrown = Assert.Throws<EnvironmentException>(() => MergeDriverSetup.Apply(folder.Path, "release-notes", "bf-release-notes", uninstall: false));

        Assert.Equal($"'{folder.Path}' is not inside a git repository; run the command inside one or pass --repo", thrown.Message);
        Assert.Null(MergeDriverSetup.InstalledDriver(folder.Path));
        Assert.False(File.Exists(Path.Combine(folder.Path, ".gitattributes")));
    }

    [Fact]
    public void Missing_arguments_are_named()
    {
        Assert.Equal("path", Assert.Throws<ArgumentNullException>(() => MergeDriverSetup.Apply(null!, "f", "d", false)).ParamName);
        Assert.Equal("folder", Assert.Throws<ArgumentNullException>(() => MergeDriverSetup.Apply("p", (string)null!, "d", false)).ParamName);
        Assert.Equal("driverCommand", Assert.Throws<ArgumentNullException>(() => MergeDriverSetup.Apply("p", "f", null!, false)).ParamName);
        Assert.Equal("folders", Assert.Throws<ArgumentNullException>(() => MergeDriverSetup.Apply("p", (IReadOnlyList<string>)null!, "d", false)).ParamName);
        Assert.Equal("path", Assert.Throws<ArgumentNullException>(() => MergeDriverSetup.InstalledDriver(null!)).ParamName);
    }

    private static string? LocalConfig(string path, string key)
    {
        using var repository = new Repository(path);
        return repository.Config.Get<string>(key, ConfigurationLevel.Local)?.Value;
    }
}
