using BfReleaseNotes.Workspace;

namespace BfReleaseNotes.Tests.Rules;

/// <summary>
/// The crash-safety steps on real files: flushing a folder's entries opens the folder and closes it again, so a run
/// that renames many files does not run out of file descriptors.
/// </summary>
public sealed class DurableIoRuleTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Flushing_a_folder_leaves_no_handle_to_it_open()
    {
        for (var flush = 0; flush < 3; flush++)
        {
            DurableIo.FlushFolder(_temp.Path);
        }

        Assert.Equal(0, OpenDescriptors.To(_temp.Path));
    }

    [Fact]
    public void A_missing_file_has_no_hash_and_bytes_hash_as_lowercase_sha256()
    {
        Assert.Null(DurableIo.HashOf(_temp.Combine("missing.md")));
        Assert.Equal("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824", DurableIo.HashOf("hello"u8));
    }
}
