using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace BfReleaseNotes.Workspace;

/// <summary>
/// The small file-system steps a crash-safe write needs: files flushed to the disk, a folder's entries flushed
/// after a rename (else a power cut can forget the rename), and content hashes to tell which version a file holds.
/// </summary>
internal static partial class DurableIo
{
    /// <summary>Writes a new file and flushes it to the disk before returning.</summary>
    public static void WriteFile(string path, ReadOnlySpan<byte> content)
    {
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        stream.Write(content);
        stream.Flush(flushToDisk: true);
    }

    /// <summary>Flushes a folder's entries (renames, creations, deletions) to the disk; best effort where unsupported.</summary>
    public static void FlushFolder(string folder)
    {
        if (OperatingSystem.IsWindows())
        {
            return; // NTFS journals metadata; there is no directory handle to flush.
        }

        try
        {
            var descriptor = Open(folder, 0);
            if (descriptor < 0)
            {
                return;
            }

            _ = Fsync(descriptor);
            _ = Close(descriptor);
        }
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
        {
            // No libc by that name: the file contents are flushed anyway; only the rename's durability is weaker.
        }
    }

    /// <summary>The SHA-256 of a file's content in hex, or null when the file does not exist.</summary>
    public static string? HashOf(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            return Convert.ToHexStringLower(SHA256.HashData(stream));
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>The SHA-256 of bytes in hex.</summary>
    public static string HashOf(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync")]
    private static partial int Fsync(int descriptor);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int descriptor);
}
