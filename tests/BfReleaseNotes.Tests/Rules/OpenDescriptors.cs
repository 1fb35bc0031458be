namespace BfReleaseNotes.Tests.Rules;

/// <summary>This process's open file descriptors, as Linux lists them in <c>/proc/self/fd</c>: to see a handle leak.</summary>
internal static class OpenDescriptors
{
    /// <summary>How many open descriptors point at <paramref name="path"/> (the file itself, or it deleted).</summary>
    public static int To(string path) =>
        new DirectoryInfo("/proc/self/fd").EnumerateFileSystemInfos()
            .Select(descriptor => descriptor.LinkTarget)
            .Count(target => target == path || target == path + " (deleted)");
}
