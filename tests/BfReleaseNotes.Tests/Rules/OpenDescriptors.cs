namespace BfReleaseNotes.Tests.Rules;

/// <summary>This process's open file descriptors, as Linux lists them in <c>/proc/self/fd</c>: to see a handle leak.</summary>
internal static class OpenDescriptors
{
    /// <summary>How many open descriptors point at <paramref name="path"/> (the file itself, or it deleted).</summary>
    public static int To(string path) => Directory.EnumerateFileSystemEntries("/proc/self/fd").Count(descriptor => PointsAt(descriptor, path));

    private static bool PointsAt(string descriptor, string path)
    {
        try
        {
            var target = new FileInfo(descriptor).LinkTarget;
            return target == path || target == path + " (deleted)";
        }
        catch (IOException)
        {
            return false; // Closed by another test's thread between the listing and the look: not ours.
        }
    }
}
