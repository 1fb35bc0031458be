using System.Runtime.InteropServices;

namespace BfReleaseNotes.Workspace;

/// <summary>What a path is on disk, following symbolic links.</summary>
internal enum FileKindValue
{
    Missing,
    Regular,
    Directory,
    Fifo,
    Device,
    Socket,
    Unknown,
}

/// <summary>
/// Tells a regular file from a FIFO or a device before opening it: opening a FIFO waits for a writer forever, and
/// .NET's file attributes do not say which a path is. On Linux this asks <c>statx</c> (one struct layout on every
/// architecture); elsewhere it knows folders only, and reading is still capped.
/// </summary>
internal static partial class FileKind
{
    private const int AtFdCwd = -100;
    private const uint StatxType = 0x1;
    private const int ModeOffset = 28;

    public static FileKindValue Of(string path)
    {
        if (Directory.Exists(path))
        // Stryker disable once Block : on Linux statx below reports a folder (or a link to one) as a folder too
        {
            return FileKindValue.Directory;
        }

        if (!OperatingSystem.IsLinux())
        // Stryker disable once Block : reached only off Linux, where the tests do not run
        {
            // Stryker disable once Conditional : reached only off Linux, where the tests do not run
            return File.Exists(path) ? FileKindValue.Regular : FileKindValue.Missing;
        }

        var buffer = new byte[256];
        try
        {
            if (Statx(AtFdCwd, path, 0, StatxType, buffer) != 0)
            {
                return File.Exists(path) ? FileKindValue.Unknown : FileKindValue.Missing;
            }
        }
        // Stryker disable once Equality : libc is always there on Linux, so this catch is never reached in a test
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
        // Stryker disable once Block : as above, never reached in a test
        {
            // Stryker disable once Conditional : as above, never reached in a test
            return File.Exists(path) ? FileKindValue.Unknown : FileKindValue.Missing;
        }

        var mode = BitConverter.ToUInt16(buffer, ModeOffset) & 0xF000;
        return mode switch
        {
            0x8000 => FileKindValue.Regular,
            0x4000 => FileKindValue.Directory,
            0x1000 => FileKindValue.Fifo,
            0x2000 or 0x6000 => FileKindValue.Device,
            0xC000 => FileKindValue.Socket,
            _ => FileKindValue.Unknown,
        };
    }

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int directory, string path, int flags, uint mask, [Out] byte[] buffer);
}
