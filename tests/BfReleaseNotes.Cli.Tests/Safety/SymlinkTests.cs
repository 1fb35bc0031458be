namespace BfReleaseNotes.Cli.Tests.Safety;

/// <summary>
/// A symlinked <c>unreleased.md</c> (notes shared between folders) is written through: the target file gets the
/// change and the link stays a link. A link to nothing is refused with a clear message.
/// </summary>
public sealed class SymlinkTests : IDisposable
{
    private readonly NotesFolder _folder = new();
    private readonly string _target;

    public SymlinkTests()
    {
        _target = Path.Combine(_folder.Root, "shared-unreleased.md");
        File.Move(_folder.Unreleased, _target);
        File.CreateSymbolicLink(_folder.Unreleased, _target);
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Add_and_promote_write_through_a_symlinked_unreleased_md()
    {
        var add = CliProcess.Run(_folder.Root, "add", "--section", "public", "--type", "added", "Shared entry.");
        var afterAdd = File.ReadAllText(_target);
        var promote = CliProcess.Run(_folder.Root, "promote");

        Assert.True(add.ExitCode == 0, add.Error);
        Assert.Contains("- Shared entry.", afterAdd, StringComparison.Ordinal);
        Assert.True(promote.ExitCode == 0, promote.Error);
        Assert.NotNull(new FileInfo(_folder.Unreleased).LinkTarget);
        Assert.DoesNotContain("Shared entry.", File.ReadAllText(_target), StringComparison.Ordinal);
        Assert.Contains("- Shared entry.", File.ReadAllText(Path.Combine(_folder.Notes, "0.1.0.md")), StringComparison.Ordinal);
        Assert.Empty(_folder.Leftovers());
        Assert.Empty(Directory.EnumerateFiles(_folder.Root, "*.bfrn-*"));
    }

    [Fact]
    public void A_dangling_link_is_refused_and_stays_a_link()
    {
        File.Delete(_target);

        var add = CliProcess.Run(_folder.Root, "add", "--section", "public", "--type", "added", "Nowhere.");

        Assert.Equal(2, add.ExitCode);
        Assert.Contains("unreleased.md", add.Error, StringComparison.Ordinal);
        Assert.NotNull(new FileInfo(_folder.Unreleased).LinkTarget);
        Assert.False(File.Exists(_target));
    }
}
