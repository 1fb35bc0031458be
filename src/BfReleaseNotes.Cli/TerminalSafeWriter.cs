using System.Text;
using BfReleaseNotes.Safety;

namespace BfReleaseNotes.Cli;

/// <summary>
/// The one output path of every command: wraps standard output or error and passes everything written through
/// <see cref="TerminalText"/>, so text quoted from files, commits or CI variables cannot send escape sequences to a
/// terminal or job log, whichever command prints it. The program's own control characters (the progress line's
/// carriage return, colour) go through <see cref="WriteTrusted"/>.
/// </summary>
public sealed class TerminalSafeWriter : TextWriter
{
    private readonly TextWriter _inner;
    private readonly StringBuilder _buffer = new();
    private bool _pendingCarriageReturn;

    /// <summary>Wraps <paramref name="inner"/>.</summary>
    /// <param name="inner">The real stream writer.</param>
    public TerminalSafeWriter(TextWriter inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        _inner = inner;
        NewLine = inner.NewLine;
    }

    /// <inheritdoc/>
    public override Encoding Encoding => _inner.Encoding;

    /// <summary>Wraps <paramref name="writer"/> unless it already is a <see cref="TerminalSafeWriter"/>.</summary>
    /// <param name="writer">A writer.</param>
    public static TerminalSafeWriter Wrap(TextWriter writer) => writer as TerminalSafeWriter ?? new TerminalSafeWriter(writer);

    /// <summary>
    /// Writes text the program itself made (never text read from outside) without escaping: a progress line's
    /// <c>\r</c>, colour sequences. On a writer that is not a <see cref="TerminalSafeWriter"/> it simply writes.
    /// </summary>
    /// <param name="writer">The writer (usually <see cref="CliContext.Error"/>).</param>
    /// <param name="text">The program's own text.</param>
    public static void WriteTrusted(TextWriter writer, string text)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (writer is TerminalSafeWriter safe)
        {
            safe.FlushPending();
            safe._inner.Write(text);
        }
        else
        {
            writer.Write(text);
        }
    }

    /// <inheritdoc/>
    public override void Write(char value)
    {
        Append(value);
        FlushBuffer();
    }

    /// <inheritdoc/>
    public override void Write(string? value)
    {
        if (value is null)
        {
            return;
        }

        foreach (var c in value)
        {
            Append(c);
        }

        FlushBuffer();
    }

    /// <inheritdoc/>
    public override void Write(char[] buffer, int index, int count)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        Write(buffer.AsSpan(index, count));
    }

    /// <inheritdoc/>
    public override void Write(ReadOnlySpan<char> buffer)
    {
        foreach (var c in buffer)
        {
            Append(c);
        }

        FlushBuffer();
    }

    /// <inheritdoc/>
    public override void WriteLine(string? value)
    {
        Write(value);
        Write(CoreNewLine);
    }

    /// <inheritdoc/>
    public override void Flush()
    {
        FlushBuffer();
        _inner.Flush();
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            FlushPending();
            _inner.Flush();
        }

        base.Dispose(disposing);
    }

    /// <summary>A carriage return is held until the next character says whether it ends a line (CR LF) or not.</summary>
    private void Append(char c)
    {
        if (_pendingCarriageReturn)
        {
            _pendingCarriageReturn = false;
            if (c == '\n')
            {
                _buffer.Append('\r').Append('\n');
                return;
            }

            TerminalText.AppendEscape(_buffer, '\r');
        }

        if (c == '\r')
        {
            _pendingCarriageReturn = true;
        }
        else if (TerminalText.IsUnsafe(c))
        {
            TerminalText.AppendEscape(_buffer, c);
        }
        else
        {
            _buffer.Append(c);
        }
    }

    /// <summary>Writes out a carriage return still held back (the end of a run), then flushes.</summary>
    /// <param name="writer">A writer; one that is not a <see cref="TerminalSafeWriter"/> is only flushed.</param>
    public static void Finish(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (writer is TerminalSafeWriter safe)
        {
            safe.FlushPending();
        }

        writer.Flush();
    }

    private void FlushPending()
    {
        if (_pendingCarriageReturn)
        {
            _pendingCarriageReturn = false;
            TerminalText.AppendEscape(_buffer, '\r');
        }

        FlushBuffer();
    }

    private void FlushBuffer()
    {
        if (_buffer.Length == 0)
        {
            return;
        }

        foreach (var chunk in _buffer.GetChunks())
        {
            _inner.Write(chunk.Span);
        }

        _buffer.Clear();
    }
}
