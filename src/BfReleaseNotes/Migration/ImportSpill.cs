using System.Text;
using BfReleaseNotes.Workspace;

namespace BfReleaseNotes.Migration;

/// <summary>
/// A temporary file that holds what an import would otherwise keep in memory for every row (entry texts, the
/// original fields of rejected rows), so memory grows with the largest release, not with the export. Written
/// once while reading, read back by offset when a release or the rejects file is built; deleted on dispose.
/// </summary>
internal sealed class ImportSpill : IDisposable
{
    private readonly FileStream _stream;
    private readonly BinaryWriter _writer;
    private readonly BinaryReader _reader;
    // Stryker disable once Boolean : a first read before any write never happens, and a first write seeks to the end of an empty file
    private bool _writing = true;

    /// <summary>Creates the temporary file in <paramref name="folder"/> (the system's temporary folder when null).</summary>
    public ImportSpill(string? folder = null)
    {
        folder ??= System.IO.Path.GetTempPath();
        Path = System.IO.Path.Combine(folder, $"bfrn-import-{Environment.ProcessId}-{Guid.NewGuid():N}.tmp");
        try
        {
            // Stryker disable once Arithmetic : the buffer size only saves system calls (0 means unbuffered)
            _stream = new FileStream(Path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new EnvironmentException($"cannot create a temporary file for the import in '{folder}': {exception.Message}; set TMPDIR to a writable folder", exception);
        }

        // The stream is disposed last, on its own; the writer and reader only borrow it.
        // Stryker disable once Boolean : disposing the writer first would close the stream, which is disposed right after anyway
        _writer = new BinaryWriter(_stream, Encoding.UTF8, leaveOpen: true);
        // Stryker disable once Boolean : disposing the reader would close the stream, which is disposed right after anyway
        _reader = new BinaryReader(_stream, Encoding.UTF8, leaveOpen: true);
    }

    /// <summary>The temporary file's path (deleted when the spill is disposed).</summary>
    public string Path { get; }

    /// <summary>Appends <paramref name="text"/>; returns where it starts.</summary>
    public long Write(string text)
    {
        var offset = StartWriting();
        _writer.Write(text);
        return offset;
    }

    /// <summary>Appends <paramref name="fields"/>; returns where they start.</summary>
    public long Write(IReadOnlyList<string> fields)
    {
        var offset = StartWriting();
        _writer.Write7BitEncodedInt(fields.Count);
        foreach (var field in fields)
        {
            _writer.Write(field);
        }

        return offset;
    }

    /// <summary>The text written at <paramref name="offset"/>.</summary>
    public string ReadText(long offset)
    {
        StartReading(offset);
        return _reader.ReadString();
    }

    /// <summary>The fields written at <paramref name="offset"/>.</summary>
    public string[] ReadFields(long offset)
    {
        StartReading(offset);
        var fields = new string[_reader.Read7BitEncodedInt()];
        for (var i = 0; i < fields.Length; i++)
        {
            fields[i] = _reader.ReadString();
        }

        return fields;
    }

    public void Dispose()
    {
        // Stryker disable once Statement : the writer holds nothing of its own: the stream it borrows is disposed below
        _writer.Dispose();
        // Stryker disable once Statement : the reader holds nothing of its own: the stream it borrows is disposed below
        _reader.Dispose();
        _stream.Dispose();
    }

    private long StartWriting()
    {
        if (!_writing)
        {
            _stream.Seek(0, SeekOrigin.End);
            // Stryker disable once Boolean : the flag only spares a seek (and its buffer flush) per write; a seek to the end is always right here
            _writing = true;
        }

        return _stream.Position;
    }

    private void StartReading(long offset)
    {
        if (_writing)
        {
            // Stryker disable once Statement : setting the stream's position below flushes its write buffer too; this says so
            _writer.Flush();
            _writing = false;
        }

        _stream.Position = offset;
    }
}
