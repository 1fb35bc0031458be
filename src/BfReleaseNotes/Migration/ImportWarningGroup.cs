using System.Collections.Immutable;
using System.Globalization;

namespace BfReleaseNotes.Migration;

/// <summary>
/// Warnings of one kind, summarised: how many rows had it and the first few, so a warning repeated for thousands
/// of rows is one line, not thousands (every one is passed to the import's warning callback as it happens).
/// </summary>
/// <param name="Kind">What was kept but is worth a look: <c>date-text-twin</c>, <c>html-reduced</c>,
/// <c>html-escaped</c>, <c>unsafe-link</c>, <c>no-heading</c> or <c>unknown-heading</c>.</param>
/// <param name="Count">How many warnings of this kind the run had.</param>
/// <param name="Examples">The first warnings of this kind (at most <see cref="ImportWarnings.ExamplesPerKind"/>), each naming its row.</param>
public sealed record ImportWarningGroup(string Kind, long Count, ImmutableArray<string> Examples)
{
    /// <summary>The summary line: <c>date-text-twin: 30,457 rows, such as row 12 (...)</c>.</summary>
    public string Summary => Count == 1
        ? $"{Kind}: {Examples[0]}"
        : string.Create(CultureInfo.InvariantCulture, $"{Kind}: {Count:N0} rows, such as {string.Join("; ", Examples)}");
}
