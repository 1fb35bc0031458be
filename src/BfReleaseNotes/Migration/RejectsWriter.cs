using System.Collections.Immutable;
using System.Runtime.InteropServices;
using CsvHelper;

namespace BfReleaseNotes.Migration;

/// <summary>
/// Writes the rejects CSV with CsvHelper's writer (RFC 4180, LF line ends) and guards it against CSV injection:
/// reviewers open this file in a spreadsheet, and its cells are untrusted text from ClickUp. A cell that starts
/// with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a CR (OWASP's list) gets a leading <c>'</c>, which
/// spreadsheets read as "text, not a formula"; so does a cell that already starts with <c>'</c>, so the original
/// value is always the cell without its first <c>'</c> when it has one (the runbook says so).
/// </summary>
internal sealed class RejectsWriter : IDisposable
{
    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        NewLine = "\n",
        // Kept from the hand-written writer: a reader that trims unquoted whitespace still gets the exact value.
        Quoting = CsvQuoting.WhenNeededOrWhitespace,
        Injection = CsvInjection.Escape,
        InjectionEscape = '\'',
        // A malformed row keeps the number of fields it had, which may differ from the header's.
        ValidateFieldCount = false,
    };

    private readonly MemoryStream _stream = new();
    private readonly CsvWriter _writer;

    public RejectsWriter(IReadOnlyList<string> headers)
    {
        // Stryker disable once Boolean : a closed memory stream still gives its bytes (ToArray), and it is disposed with the writer anyway
        _writer = CsvWriter.Create(_stream, Options, leaveOpen: true);
        WriteRecord(["Row", "Line", "Task ID", "Reason", "Detail", .. headers]);
    }

    /// <summary>Writes one rejected row: its number, line, task id, reason, detail and original fields.</summary>
    public void Write(RejectedRow row, IReadOnlyList<string> fields) =>
        WriteRecord([Number(row.Row), Number(row.Line), row.TaskId, row.Reason, row.Detail, .. fields]);

    /// <summary>The file's bytes (UTF-8, no byte-order mark).</summary>
    public ImmutableArray<byte> ToContent()
    {
        _writer.Flush();
        return ImmutableCollectionsMarshal.AsImmutableArray(_stream.ToArray());
    }

    /// <summary>The value a reviewer sees in a cell turned back into the original: the first <c>'</c>, if any, removed.</summary>
    public static string Original(string cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        return cell.StartsWith('\'') ? cell[1..] : cell;
    }

    // Stryker disable once Statement,Block : both hold memory only, which the collector frees; disposing says they are done with
    public void Dispose()
    {
        _writer.Dispose();
        _stream.Dispose();
    }

    private void WriteRecord(string[] fields)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            // The writer escapes formulas; a cell that already starts with the escape needs one too, or it would
            // read back one character short.
            if (fields[i].StartsWith('\''))
            {
                fields[i] = "'" + fields[i];
            }
        }

        _writer.WriteRecord(fields);
    }

    private static string Number(long value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
