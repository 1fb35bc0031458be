namespace BfReleaseNotes.Checks;

/// <summary>Repository-relative paths as git trees name them.</summary>
internal static class CheckPaths
{
    public static string Join(string folder, string name) => folder.Length == 0 ? name : $"{folder}/{name}";

    public static string Short(string sha) => sha[..Math.Min(8, sha.Length)];
}
