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
    private bool _writing = true;

    public ImportSpill()
    {
        var path = Path.Combine(Path.GetTempPath(), $"bfrn-import-{Environment.ProcessId}-{Guid.NewGuid():N}.tmp");
        try
        {
            _stream = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new EnvironmentException($"cannot create a temporary file for the import in '{Path.GetTempPath()}': {exception.Message}; set TMPDIR to a writable folder", exception);
        }

        _writer = new BinaryWriter(_stream, Encoding.UTF8, leaveOpen: true);
        _reader = new BinaryReader(_stream, Encoding.UTF8, leaveOpen: true);
    }

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
        _writer.Dispose();
        _reader.Dispose();
        _stream.Dispose();
    }

    private long StartWriting()
    {
        if (!_writing)
        {
            _stream.Seek(0, SeekOrigin.End);
            _writing = true;
        }

        return _stream.Position;
    }

    private void StartReading(long offset)
    {
        if (_writing)
        {
            _writer.Flush();
            _writing = false;
        }

        _stream.Position = offset;
    }
}
