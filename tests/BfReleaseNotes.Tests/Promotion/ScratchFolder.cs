using BfReleaseNotes.Workspace;

namespace BfReleaseNotes.Tests.Promotion;

/// <summary>A real release-notes folder in a temp directory, deleted when the test ends.</summary>
internal sealed class ScratchFolder : IDisposable
{
    public ScratchFolder()
    {
        Root = Path.Combine(Path.GetTempPath(), "bfrn-promo-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(Root, "release-notes"));
        Folder = new ReleaseNotesFolder(Path.Combine(Root, "release-notes"));
    }

    public string Root { get; }

    public ReleaseNotesFolder Folder { get; }

    public string Unreleased => Folder.UnreleasedPath;

    public void WriteUnreleased(string text) => File.WriteAllText(Unreleased, text);

    public void WriteFile(string name, string text) => File.WriteAllText(Path.Combine(Folder.Path, name), text);

    /// <summary>Every file of the folder with its bytes, to prove that nothing changed.</summary>
    public IReadOnlyDictionary<string, byte[]> Snapshot() =>
        Directory.EnumerateFiles(Folder.Path).Order(StringComparer.Ordinal).ToDictionary(path => Path.GetFileName(path), File.ReadAllBytes);

    public static string Case(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Cases", "Promotion", name, "unreleased.md"));

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
