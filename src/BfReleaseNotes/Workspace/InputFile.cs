namespace BfReleaseNotes.Workspace;

/// <summary>
/// Reads an input file the user named, refusing up front what is not a regular file (a folder, a FIFO that would
/// wait forever, a device such as <c>/dev/zero</c> that never ends) and reading at most a documented size, so a
/// wrong path ends in a clear message instead of a hang or an out-of-memory crash.
/// </summary>
public static class InputFile
{
    /// <summary>The most a release-notes markdown file may hold: 64 MiB (the largest real history is a few MB).</summary>
    public const long MaxNotesBytes = 64L * 1024 * 1024;

    /// <summary>The most a small settings file (a mapping, a merge-request description) may hold: 4 MiB.</summary>
    public const long MaxSettingsBytes = 4L * 1024 * 1024;

    /// <summary>Throws unless <paramref name="path"/> is a regular file (or a link to one).</summary>
    /// <param name="path">The file.</param>
    /// <param name="what">What the file is meant to be, for the message (<c>the export</c>).</param>
    /// <exception cref="EnvironmentException">The path is missing, a folder, a FIFO, a device or a socket.</exception>
    public static void EnsureRegular(string path, string what)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(what);
        var problem = FileKind.Of(path) switch
        {
            FileKindValue.Missing => $"{what} '{path}' does not exist; check the path",
            FileKindValue.Directory => $"{what} '{path}' is a folder, not a file; pass the path of a file",
            FileKindValue.Fifo => $"{what} '{path}' is a named pipe (FIFO), not a regular file; reading it could wait forever, so pass a regular file",
            FileKindValue.Device => $"{what} '{path}' is a device, not a regular file; pass a regular file",
            FileKindValue.Socket => $"{what} '{path}' is a socket, not a regular file; pass a regular file",
            _ => null,
        };
        if (problem is not null)
        {
            throw new EnvironmentException(problem);
        }
    }

    /// <summary>Reads a regular file of at most <paramref name="maxBytes"/> bytes.</summary>
    /// <param name="path">The file.</param>
    /// <param name="what">What the file is meant to be, for messages.</param>
    /// <param name="maxBytes">The cap; a larger file is refused without being read.</param>
    /// <exception cref="EnvironmentException">Not a regular file, too large, or unreadable.</exception>
    public static byte[] ReadAllBytes(string path, string what, long maxBytes)
    {
        EnsureRegular(path, what);
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            // Length can be 0 for files that still have content (/proc); read one byte past the cap to be sure.
            using var memory = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                memory.Write(buffer, 0, read);
                if (memory.Length > maxBytes)
                {
                    throw new EnvironmentException($"{what} '{path}' is larger than {maxBytes / (1024 * 1024)} MiB, the most this command reads; pass the right file (or split it)");
                }
            }

            return memory.ToArray();
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new EnvironmentException($"{what} '{path}' does not exist; check the path", exception);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new EnvironmentException($"cannot read {what} '{path}': {exception.Message}", exception);
        }
    }
}
