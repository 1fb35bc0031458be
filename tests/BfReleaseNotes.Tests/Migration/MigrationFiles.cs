namespace BfReleaseNotes.Tests.Migration;

/// <summary>The repository's migration/ folder (sample exports and mappings) and temporary folders for tests.</summary>
internal static class MigrationFiles
{
    private static readonly Lazy<string> RootFolder = new(() =>
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "BfReleaseNotes.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("the repository root (BfReleaseNotes.sln) was not found above the test folder");
    });

    public static string Root => RootFolder.Value;

    public static string Path(string relative) => System.IO.Path.Combine(Root, "migration", relative);

    public static string Sample(string name) => Path(System.IO.Path.Combine("samples", name));

    public static string DefaultMapping => Path("clickup-mapping.json");

    public static string ReleaseMapping => Path("clickup-mapping-release-per-row.json");
}

/// <summary>A temporary folder, deleted on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "bfrn-migration-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
