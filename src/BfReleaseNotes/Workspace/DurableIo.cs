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
        // Stryker disable once Statement,Boolean : flushing to the disk shows only across a power cut, which no test can cause
        stream.Flush(flushToDisk: true);
    }

    /// <summary>Flushes a folder's entries (renames, creations, deletions) to the disk; best effort where unsupported.</summary>
    public static void FlushFolder(string folder)
    {
        // Stryker disable once Boolean : on Linux the negated check only skips the fsync, which shows only across a power cut
        if (OperatingSystem.IsWindows())
        // Stryker disable once Block : reached only on Windows
        {
            // Stryker disable once Statement : reached only on Windows
            return; // NTFS journals metadata; there is no directory handle to flush.
        }

        try
        {
            var descriptor = Open(folder, 0);
            // open(2) answers -1 or a descriptor; a wrong test here leaks the descriptor (see DurableIoRuleTests).
            // Stryker disable once Unary : open(2) never answers 1 (stdout is open), so '== +1' differs only for a missing folder, where fsync(-1) and close(-1) fail harmlessly
            if (descriptor == -1)
            // Stryker disable once Block : only a missing folder fails to open, and fsync(-1) and close(-1) then fail harmlessly
            {
                // Stryker disable once Statement : only a missing folder fails to open, and fsync(-1) and close(-1) then fail harmlessly
                return;
            }

            _ = Fsync(descriptor);
            _ = Close(descriptor);
        }
        // Stryker disable once Equality : libc is always there on Linux, so this catch is never reached in a test
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
        // Stryker disable once Block : an emptied catch returns the default, which is this same null
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
