using System.Text;
using System.Text.RegularExpressions;

namespace BfReleaseNotes.Cli.Terminal;

/// <summary>
/// Writes to a terminal: colours the words a reader looks for (<c>error</c> red, <c>warning</c> yellow,
/// <c>check passed</c> green, <c>check failed</c> red). It sits under the <see cref="TerminalSafeWriter"/> every
/// command writes to, so the text it receives has its control characters escaped already; its own colour goes out
/// as trusted text. Used only when the stream is a terminal; a redirected stream gets no colour.
/// </summary>
internal sealed partial class TerminalWriter : TextWriter
{
    private const string Red = "\u001b[31m";
    private const string Yellow = "\u001b[33m";
    private const string Green = "\u001b[32m";
    private const string Bold = "\u001b[1m";
    private const string Reset = "\u001b[0m";

    private readonly TextWriter _inner;
    private readonly bool _colour;
    private readonly StringBuilder _line = new();

    /// <summary>Wraps <paramref name="inner"/>; <paramref name="colour"/> false only neutralises control characters.</summary>
    public TerminalWriter(TextWriter inner, bool colour)
    {
        _inner = inner;
        _colour = colour;
    }

    /// <inheritdoc />
    public override Encoding Encoding => _inner.Encoding;

    /// <inheritdoc />
    public override void Write(char value)
    {
        if (value == '\n')
        {
            TerminalSafeWriter.WriteTrusted(_inner, Decorate(_line.ToString()));
            TerminalSafeWriter.WriteTrusted(_inner, "\n");
            _line.Clear();
            return;
        }

        if (value == '\r' && _line.Length == 0)
        {
            TerminalSafeWriter.WriteTrusted(_inner, "\r"); // a progress line rewrites itself from the start.
            return;
        }

        _line.Append(value);
    }

    /// <inheritdoc />
    public override void Write(string? value)
    {
        foreach (var character in value ?? string.Empty)
        {
            Write(character);
        }
    }

    /// <inheritdoc />
    public override void Flush()
    {
        if (_line.Length > 0)
        {
            TerminalSafeWriter.WriteTrusted(_inner, Decorate(_line.ToString()));
            _line.Clear();
        }

        _inner.Flush();
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Flush();
        }

        base.Dispose(disposing);
    }

    /// <summary>
    /// The line as the terminal shows it: the keywords coloured. Control characters from notes, commits or labels are
    /// already escaped: commands write through the <see cref="TerminalSafeWriter"/> that wraps this writer.
    /// </summary>
    internal string Decorate(string text)
    {
        if (!_colour)
        {
            return text;
        }

        var match = Keyword().Match(text);
        if (!match.Success)
        {
            return text;
        }

        var group = match.Groups["word"];
        var colour = group.Value switch
        {
            "warning" => Yellow,
            "check passed" => Green,
            _ => Red,
        };
        return text[..group.Index] + Bold + colour + group.Value + Reset + text[(group.Index + group.Length)..];
    }

    [GeneratedRegex(@"^(?:(?<word>error|warning|check passed|check failed)\b|\S.*?:\d+:\d+: (?<word>error|warning) )")]
    private static partial Regex Keyword();
}
