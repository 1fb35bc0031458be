using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace BfReleaseNotes.Migration;

/// <summary>
/// A ClickUp import as JSON, the report of <c>import-clickup --format json</c>, with stable field names for scripts:
/// <c>export</c>, <c>shape</c>, <c>dryRun</c>, the row counts <c>rows</c>, <c>imported</c> and <c>rejected</c>,
/// <c>rejectedByReason</c>, <c>releases</c> and <c>rejects</c> (each file with <c>path</c>, <c>version</c>,
/// <c>date</c>, <c>entries</c> and <c>status</c>), <c>written</c>, <c>conflicts</c> and <c>warnings</c> (one group per
/// kind with its count and first examples).
/// </summary>
/// <remarks>
/// Text is escaped as <see cref="JsonSerializer"/> does by default (<c>'</c> as <c>\u0027</c>, non-ASCII as
/// <c>\u00E9</c>), which every JSON reader decodes.
/// </remarks>
/// <example>
/// <code>
/// var import = ClickUpImporter.Import("export.csv", ClickUpMapping.Load("migration/clickup-mapping.json"));
/// var files = ImportFiles.Plan(import, folder, "export.rejects.csv", force: false);
/// var written = ImportFiles.Write(files);
/// Console.WriteLine(ImportReportJson.Serialize("export.csv", import, files, written, dryRun: false));
/// </code>
/// </example>
public static class ImportReportJson
{
    /// <summary>The report as indented JSON (no trailing line break).</summary>
    /// <param name="export">The export's path as the report should name it.</param>
    /// <param name="import">What <see cref="ClickUpImporter.Import(string, ClickUpMapping, Action{long}?, Action{string}?)"/> read.</param>
    /// <param name="files">The import's files as <see cref="ImportFiles.Plan"/> planned them: the releases, then the rejects file.</param>
    /// <param name="written">The paths written (empty on a dry run or when a file is in conflict).</param>
    /// <param name="dryRun">True when nothing was meant to be written.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="files"/> does not hold exactly one rejects file (a file without a version).</exception>
    public static string Serialize(string export, ClickUpImport import, IReadOnlyList<PlannedFile> files, IReadOnlyList<string> written, bool dryRun)
    {
        ArgumentNullException.ThrowIfNull(export);
        ArgumentNullException.ThrowIfNull(import);
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(written);
        var rejects = files.Where(file => file.Version is null).ToList();
        if (rejects.Count != 1)
        {
            throw new ArgumentException($"the planned files hold {rejects.Count} rejects files (files without a version); ImportFiles.Plan gives exactly one", nameof(files));
        }

        var report = new ImportJson(
            export,
            ShapeName(import.Shape),
            dryRun,
            import.Rows,
            import.ImportedRows,
            import.RejectedRows,
            [.. import.RejectsByReason.Select(item => new ReasonCountJson(item.Reason, item.Count))],
            [.. files.Where(file => file.Version is not null).Select(file => new ImportFileJson(file.Path, file.Version!.ToString(), file.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), file.Entries, StatusName(file.Status)))],
            new ImportFileJson(rejects[0].Path, null, null, rejects[0].Entries, StatusName(rejects[0].Status)),
            written,
            [.. files.Where(file => file.Status == FileStatus.Conflict).Select(file => file.Path)],
            [.. import.Warnings.Select(group => new WarningGroupJson(group.Kind, group.Count, group.Examples))]);
        return JsonSerializer.Serialize(report, ImportReportJsonContext.Default.ImportJson);
    }

    /// <summary>The file status's name in reports, e.g. <c>conflict</c>.</summary>
    public static string StatusName(FileStatus status) => status switch
    {
        FileStatus.New => "new",
        FileStatus.Unchanged => "unchanged",
        FileStatus.Replaced => "replaced",
        _ => "conflict",
    };

    /// <summary>The history shape's name in reports: <c>entry-per-row</c> or <c>release-per-row</c>.</summary>
    public static string ShapeName(HistoryShape shape) => shape == HistoryShape.EntryPerRow ? "entry-per-row" : "release-per-row";
}

/// <summary>The whole report.</summary>
internal sealed record ImportJson(
    string Export,
    string Shape,
    bool DryRun,
    long Rows,
    long Imported,
    long Rejected,
    IReadOnlyList<ReasonCountJson> RejectedByReason,
    IReadOnlyList<ImportFileJson> Releases,
    ImportFileJson Rejects,
    IReadOnlyList<string> Written,
    IReadOnlyList<string> Conflicts,
    IReadOnlyList<WarningGroupJson> Warnings);

/// <summary>The warnings of one kind: how many, and the first few.</summary>
internal sealed record WarningGroupJson(string Kind, long Count, IReadOnlyList<string> Examples);

/// <summary>A count of rejects with one reason.</summary>
internal sealed record ReasonCountJson(string Reason, int Count);

/// <summary>A file of the import: a release (version, date) or the rejects file.</summary>
internal sealed record ImportFileJson(string Path, string? Version, string? Date, int Entries, string Status);

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ImportJson))]
internal sealed partial class ImportReportJsonContext : JsonSerializerContext;
