using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;
using BfReleaseNotes.Markdown;
using BfReleaseNotes.Model;
using BfReleaseNotes.Workspace;
using CsvHelper;
using Semver;

namespace BfReleaseNotes.Migration;

/// <summary>
/// Turns a ClickUp CSV export into published release files, accounting for every row: each row becomes
/// entries of exactly one release, or a row of the rejects file with its reason. Rows are read one at a time;
/// entry texts and rejected rows' fields go to a temporary file as they are read and come back one release at a
/// time, so memory follows the largest release, not the export. Operations never touch the release-notes folder:
/// <see cref="ImportFiles"/> plans and writes the files.
/// </summary>
/// <example>
/// <code>
/// var import = ClickUpImporter.Import("export.csv", ClickUpMapping.Load("migration/clickup-mapping.json"));
/// Console.WriteLine($"rows {import.Rows}, imported {import.ImportedRows}, rejected {import.RejectedRows}");
/// </code>
/// </example>
public static partial class ClickUpImporter
{
    /// <summary>The form of the reference each entry ends its first line with: <c>([CU-86abc123])</c>.</summary>
    public const string ReferencePrefix = "CU-";

    private const int MaxRecordBytes = 64 * 1024 * 1024;

    private const string SpansLines = "spans-lines";

    /// <summary>Reads the export and builds the releases and the rejects.</summary>
    /// <param name="csvPath">The export.</param>
    /// <param name="mapping">The checked mapping.</param>
    /// <param name="progress">Called with the number of rows read, every 1,000 rows; null for none.</param>
    /// <param name="onWarning">Called with every warning as it is found (the result keeps a summary per kind); null for none.</param>
    /// <exception cref="EnvironmentException">The file cannot be read, is not a CSV, lacks a mapped column, or the
    /// version pattern used up the run's regular-expression budget.</exception>
    public static ClickUpImport Import(string csvPath, ClickUpMapping mapping, Action<long>? progress = null, Action<string>? onWarning = null)
    {
        ArgumentNullException.ThrowIfNull(csvPath);
        ArgumentNullException.ThrowIfNull(mapping);
        var separatorHint = CheckLooksLikeCsv(csvPath);
        using var run = new ImportRun(csvPath, mapping, separatorHint, new ImportWarnings(onWarning));
        run.ReadRows(progress);
        return run.Finish();
    }

    /// <summary>Refuses what cannot be a CSV export; returns true when it starts with a spreadsheet's <c>sep=,</c> line.</summary>
    private static bool CheckLooksLikeCsv(string path)
    {
        byte[] start;
        if (File.Exists(path) || Directory.Exists(path))
        {
            // A folder, a FIFO (which would wait forever) or a device (endless) is refused before it is opened.
            InputFile.EnsureRegular(path, "the export");
        }

        try
        {
            using var stream = File.OpenRead(path);
            start = new byte[Math.Min(stream.Length, 64 * 1024)];
            stream.ReadExactly(start);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new EnvironmentException($"the export '{path}' does not exist; export the tasks from ClickUp as CSV and pass its path", exception);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new EnvironmentException($"cannot read the export '{path}': {exception.Message}", exception);
        }

        if (start.AsSpan().TrimStart(Encoding.UTF8.Preamble).Trim(" \t\r\n"u8).IsEmpty)
        {
            throw new EnvironmentException($"'{path}' is empty: not a ClickUp CSV export. Nothing was written.");
        }

        if (start.AsSpan().IndexOf((byte)0) >= 0)
        {
            throw new EnvironmentException($"'{path}' is binary (it holds NUL bytes): not a CSV. Export the tasks from ClickUp as CSV (or save the spreadsheet as 'CSV UTF-8'). Nothing was written.");
        }

        return start.AsSpan().TrimStart(Encoding.UTF8.Preamble).StartsWith("sep="u8);
    }

    private sealed class ImportRun(string path, ClickUpMapping mapping, bool separatorHint, ImportWarnings warnings) : IDisposable
    {
        private readonly ImportSpill _spill = new();
        private readonly Dictionary<string, List<PendingEntry>> _releases = new(StringComparer.Ordinal);
        private readonly Dictionary<string, SemVersion> _versions = new(StringComparer.Ordinal);
        private readonly List<Rejected> _rejects = [];
        private readonly RegexBudget _regexBudget = new();
        private readonly Dictionary<string, long> _taskRows = new(StringComparer.Ordinal);
        private readonly HashSet<long> _malformed = [];
        private readonly Dictionary<long, string> _malformedReasons = [];
        private readonly HashSet<long> _importedRows = [];
        private ImmutableArray<string> _headers = [];
        private long _rows;

        public void ReadRows(Action<long>? progress)
        {
            using var reader = Open();
            IReadOnlyList<string> header;
            try
            {
                header = reader.Headers;
            }
            catch (CsvFormatException exception)
            {
                throw NotReadable(exception);
            }

            if (header.Count < 2)
            {
                var first = header.Count == 0 ? string.Empty : header[0];
                throw new EnvironmentException(
                    $"'{path}' is not a CSV export: its first line ('{Shorten(first)}') has no '{mapping.Separator}' separating column names. " +
                    "Export the tasks from ClickUp as CSV, or set 'separator' in the mapping. Nothing was written.");
            }

            var columns = new ClickUpColumns(header, path);
            _headers = columns.Headers;
            var cells = new RowColumns(columns, mapping);
            try
            {
                while (reader.Read())
                {
                    _rows++;
                    ReadRow(reader, cells);
                    if (_rows % 1000 == 0)
                    {
                        progress?.Invoke(_rows);
                    }
                }
            }
            catch (CsvFormatException exception)
            {
                throw NotReadable(exception);
            }

            progress?.Invoke(_rows);
        }

        public ClickUpImport Finish()
        {
            // Duplicates are found while reading; the release files built next need the room.
            // Stryker disable once Statement : only frees memory; the duplicate check that reads it is over
            _taskRows.Clear();
            // Stryker disable once Statement : only frees memory
            _taskRows.TrimExcess();
            var releases = BuildReleases();
            var lintRejects = _rejects.Where(reject => reject.Fields < 0).Select(reject => reject.Row.Row).ToHashSet();
            if (lintRejects.Count > 0)
            {
                FillFields(lintRejects);
            }

            var rejects = _rejects.OrderBy(reject => reject.Row.Row).ThenBy(reject => reject.Order).ToList();
            using var csv = new RejectsWriter(_headers);
            foreach (var reject in rejects)
            {
                csv.Write(reject.Row, _spill.ReadFields(reject.Fields));
            }

            return new ClickUpImport(mapping.Shape, _rows, _importedRows.Count, releases, [.. rejects.Select(reject => reject.Row)], warnings.Summaries(), csv.ToContent());
        }

        public void Dispose() => _spill.Dispose();

        private CsvReader Open()
        {
            var options = CsvReaderOptions.Default with
            {
                // A spreadsheet's "sep=;" first line names the separator and is skipped; otherwise the mapping's holds.
                Separator = separatorHint ? null : mapping.Separator,
                TrackLineNumbers = true,
                DetectSeparatorHint = separatorHint,
                MaxRecordSize = MaxRecordBytes,
                OnMalformedRecord = record =>
                {
                    // Record numbers count the header: data row n is record n + 1.
                    var row = record.RecordNumber - 1;
                    _malformed.Add(row);
                    // Broken quoting across line breaks may have merged several rows into one: that cannot be a
                    // row-level reject, since the rows inside it would never be counted.
                    var spansLines = record.RawRecord.AsSpan().IndexOfAny('\r', '\n') >= 0;
                    _malformedReasons.TryAdd(row, spansLines || record.Reason == CsvMalformedReason.UnterminatedQuote ? SpansLines : record.Reason.ToString());
                },
            };
            try
            {
                return CsvReader.FromFile(path, options);
            }
            catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
            {
                throw new EnvironmentException($"the export '{path}' does not exist", exception);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                throw new EnvironmentException($"cannot read the export '{path}': {exception.Message}", exception);
            }
        }

        private EnvironmentException NotReadable(CsvFormatException exception) =>
            new($"'{path}' cannot be read as CSV{(exception.LineNumber > 0 ? $" at line {exception.LineNumber}" : string.Empty)}: {exception.Message}. " +
                "Fix the file (an unterminated quote often swallows the rest of it) and run again. Nothing was written.", exception);

        private void ReadRow(CsvReader reader, RowColumns columns)
        {
            var row = reader.RowNumber;
            var line = reader.LineNumber;
            string Cell(int index) => index < 0 || index >= reader.FieldCount ? string.Empty : reader.GetString(index);
            var taskId = ClickUpText.Cell(Cell(columns.TaskId));
            var context = new RowContext(row, line, taskId);

            if (_malformed.Contains(row) && _malformedReasons[row] == SpansLines)
            {
                throw new EnvironmentException(
                    $"'{path}' cannot be read as CSV: the quoting of row {row} (from line {line}) is broken across line breaks, so the rows after it may be merged into it. " +
                    "Fix the quotes there (a quote inside a field must be doubled) and run again. Nothing was written.");
            }

            if (_malformed.Contains(row))
            {
                Reject(reader, context, RejectReason.MalformedRow, $"the row's quoting is broken ({_malformedReasons[row]}); its fields cannot be trusted. Fix the quotes in the export");
                return;
            }

            if (reader.FieldCount != _headers.Length)
            {
                Reject(reader, context, RejectReason.FieldCount, $"the row has {reader.FieldCount} fields, the header {_headers.Length}");
                return;
            }

            for (var i = 0; i < reader.FieldCount; i++)
            {
                // Checked on the bytes: a decoded string would show a replacement character, indistinguishable from a real one.
                var span = reader.GetSpan(i);
                if (!System.Text.Unicode.Utf8.IsValid(span) || span.IndexOf((byte)0) >= 0)
                {
                    Reject(reader, context, RejectReason.InvalidText, $"the column '{(i < _headers.Length ? _headers[i] : $"#{i + 1}")}' is not valid UTF-8 text (bad bytes or NUL); save the export as UTF-8");
                    return;
                }
            }

            if (taskId.Length == 0)
            {
                Reject(reader, context, RejectReason.BadTaskId, $"the row has no task id ('{_headers[columns.TaskId]}' is empty)");
                return;
            }

            if (!TaskIdPattern().IsMatch(taskId))
            {
                Reject(reader, context, RejectReason.BadTaskId, $"the task id '{Shorten(taskId)}' is not letters, digits, '-', '_' or '.'");
                return;
            }

            if (!mapping.Statuses.IsEmpty)
            {
                var status = ClickUpText.Cell(Cell(columns.Status));
                if (!mapping.Statuses.Contains(status, StringComparer.OrdinalIgnoreCase))
                {
                    Reject(reader, context, RejectReason.Status, $"status '{status}' is not imported (the mapping imports {string.Join(", ", mapping.Statuses)})");
                    return;
                }
            }

            if (!Passes(mapping.Lists, Cell(columns.List), out var list))
            {
                Reject(reader, context, RejectReason.Filtered, $"list '{list}' is not one the mapping imports ({string.Join(", ", mapping.Lists)})");
                return;
            }

            if (!Passes(mapping.Folders, Cell(columns.Folder), out var folder))
            {
                Reject(reader, context, RejectReason.Filtered, $"folder '{folder}' is not one the mapping imports ({string.Join(", ", mapping.Folders)})");
                return;
            }

            if (_taskRows.TryGetValue(taskId, out var firstRow))
            {
                Reject(reader, context, RejectReason.DuplicateTask, $"task {taskId} is already on row {firstRow}");
                return;
            }

            _taskRows[taskId] = row;
            if (!TryValue(Cell(columns.Visibility), columns.VisibilityName, mapping.VisibilityValues, mapping.DefaultVisibility, "visibility", out var visibility, out var visibilityError))
            {
                Reject(reader, context, RejectReason.Visibility, visibilityError);
                return;
            }

            if (visibility == Visibility.Internal)
            {
                Reject(reader, context, RejectReason.Internal, $"the row is Internal ('{columns.VisibilityName}' is '{Shorten(Cell(columns.Visibility))}'); Internal notes are not published");
                return;
            }

            ChangeType type = default;
            if (mapping.Shape == HistoryShape.EntryPerRow)
            {
                if (!TryValue(Cell(columns.Type), columns.TypeName, mapping.TypeValues, mapping.DefaultType, "types", out var rowType, out var typeError))
                {
                    Reject(reader, context, RejectReason.ChangeType, typeError);
                    return;
                }

                type = rowType!.Value;
            }

            if (!TryVersion(Cell(columns.Version), columns.VersionName, out var version, out var versionReason, out var versionError))
            {
                Reject(reader, context, versionReason, versionError);
                return;
            }

            if (!TryDate(Cell(columns.ReleaseDate), Cell(columns.ReleaseDateTwin), columns.ReleaseDateName, context, out var releaseDate, out var dateError))
            {
                Reject(reader, context, RejectReason.Date, dateError ?? $"no release date ('{columns.ReleaseDateName}' is empty)");
                return;
            }

            DateTimeOffset? taskDate = null;
            if (columns.TaskDate >= 0 && (ClickUpText.Cell(Cell(columns.TaskDate)).Length > 0 || ClickUpText.Cell(Cell(columns.TaskDateTwin)).Length > 0))
            {
                if (!TryDate(Cell(columns.TaskDate), Cell(columns.TaskDateTwin), columns.TaskDateName, context, out var taskDateValue, out var taskDateError))
                {
                    Reject(reader, context, RejectReason.Date, taskDateError!);
                    return;
                }

                taskDate = taskDateValue!.Instant;
            }

            var release = new ReleaseKey(Intern(version!), releaseDate!.Date, taskDate, taskId, row, line);
            if (mapping.Shape == HistoryShape.EntryPerRow)
            {
                AddEntryRow(reader, context, release, visibility!.Value, type, Cell(columns.Text), Cell(columns.Details), columns);
            }
            else
            {
                AddReleaseRow(reader, context, release, visibility!.Value, Cell(columns.Text), columns);
            }
        }

        private void AddEntryRow(CsvReader reader, RowContext context, ReleaseKey release, Visibility visibility, ChangeType type, string textCell, string detailsCell, RowColumns columns)
        {
            var text = Markdown(textCell, context, columns.TextName);
            if (text.Length == 0)
            {
                Reject(reader, context, RejectReason.EmptyText, $"the entry text ('{columns.TextName}') is empty");
                return;
            }

            var details = columns.Details < 0 ? string.Empty : Markdown(detailsCell, context, columns.DetailsName);
            var body = details.Length == 0 ? text : text + "\n\n" + details;
            Add(release, 0, visibility, type, body);
        }

        private void AddReleaseRow(CsvReader reader, RowContext context, ReleaseKey release, Visibility rowVisibility, string contentCell, RowColumns columns)
        {
            var content = Markdown(contentCell, context, columns.TextName);
            var items = ReleaseContentSplitter.Split(content, mapping.Headings);
            if (items.IsEmpty)
            {
                Reject(reader, context, RejectReason.EmptyText, $"the release content ('{columns.TextName}') holds no entries");
                return;
            }

            var published = new List<(int Index, Visibility Visibility, ChangeType Type, string Text)>();
            var withheld = new List<string>();
            for (var i = 0; i < items.Length; i++)
            {
                var item = items[i];
                var visibility = item.Visibility ?? rowVisibility;
                var type = item.Type ?? mapping.DefaultType!.Value;
                if (!item.FitsHeading)
                {
                    var where = item.Heading is null ? "under no heading" : $"under the heading '{item.Heading}', which the mapping does not know";
                    Warn(context, item.Heading is null ? "no-heading" : "unknown-heading", $"'{Shorten(FirstLine(item.Text))}' is {where}; imported as {visibility} {type} (add the heading to content.headings to change that)");
                }

                if (visibility == Visibility.Internal)
                {
                    withheld.Add(item.Text);
                }
                else
                {
                    published.Add((i, visibility, type, item.Text));
                }
            }

            if (published.Count == 0)
            {
                Reject(reader, context, RejectReason.Internal, $"every item of the release content is Internal ({withheld.Count}); Internal notes are not published");
                return;
            }

            // Stryker disable once Conditional,Unary : with nothing withheld no reject reads these fields, and -1 only makes Finish read the same fields again
            var fields = withheld.Count == 0 ? -1 : _spill.Write(Fields(reader));
            foreach (var item in withheld)
            {
                _rejects.Add(new Rejected(new RejectedRow(context.Row, context.Line, context.TaskId, RejectReason.InternalItem, $"Internal item not published: {Shorten(FirstLine(item))}"), fields, 1));
            }

            foreach (var (index, visibility, type, text) in published)
            {
                Add(release, index, visibility, type, text);
            }
        }

        /// <summary>One version object per release, not one per row.</summary>
        private SemVersion Intern(SemVersion version)
        {
            var key = version.ToString();
            // Stryker disable once Block : storing the version again keeps an equal object; only memory differs
            if (_versions.TryGetValue(key, out var known))
            {
                return known;
            }

            _versions[key] = version;
            return version;
        }

        private void Add(ReleaseKey release, int item, Visibility visibility, ChangeType type, string body)
        {
            var key = release.Version.ToString();
            if (!_releases.TryGetValue(key, out var entries))
            {
                entries = [];
                _releases[key] = entries;
            }

            entries.Add(new PendingEntry(release, item, visibility, type, _spill.Write(EntryMarkdown(body, release.TaskId))));
            _importedRows.Add(release.Row);
        }

        private string Markdown(string cell, RowContext context, string column)
        {
            var text = ClickUpText.Markdown(cell, out var hadHtml, out var escapedTags);
            if (!escapedTags.IsEmpty)
            {
                Warn(context, "html-escaped", $"'{column}' holds HTML tags with no markdown form ({string.Join(", ", escapedTags.Select(tag => $"<{tag}>"))}); they were escaped so they show as text");
            }
            else if (hadHtml)
            {
                Warn(context, "html-reduced", $"'{column}' held HTML; it was reduced to markdown");
            }

            text = ImportedLinks.Neutralise(text, out var unsafeLinks);
            if (unsafeLinks > 0)
            {
                Warn(context, "unsafe-link", $"'{column}' holds {unsafeLinks} link(s) to a javascript:, data:, vbscript: or other non-web address; imported as plain text, not as a link");
            }

            return text;
        }

        private bool TryVersion(string cell, string column, out SemVersion? version, out string reason, out string error)
        {
            version = null;
            reason = RejectReason.Version;
            // Stryker disable once String : the error is read only when the version is refused, and every refusal sets it
            error = string.Empty;
            var value = ClickUpText.Cell(cell);
            if (value.Length == 0)
            {
                error = $"no release version ('{column}' is empty)";
                return false;
            }

            var candidate = value;
            if (mapping.VersionPattern is { } pattern)
            {
                var match = _regexBudget.Match(pattern, value);
                if (match is null)
                {
                    reason = RejectReason.RegexTimeout;
                    error = $"release.versionPattern ran longer than {ClickUpMapping.RegexTimeout.TotalSeconds:0} s on '{Shorten(value)}'; simplify the pattern";
                    return false;
                }

                if (!match.Success || !match.Groups["version"].Success)
                {
                    error = $"'{Shorten(value)}' ('{column}') does not match release.versionPattern '{pattern}'";
                    return false;
                }

                candidate = match.Groups["version"].Value.Trim();
            }

            if (SemVersion.TryParse(candidate, SemVersionStyles.Strict, out version))
            {
                return true;
            }

            if (PartialVersion().IsMatch(candidate))
            {
                // '3' (a release named 'Phase 3') is 3.0.0, '3.14' is 3.14.0.
                var completed = candidate.Contains('.', StringComparison.Ordinal) ? candidate + ".0" : candidate + ".0.0";
                if (!mapping.CompletePartialVersions)
                {
                    error = $"'{candidate}' ('{column}') is a partial version; set release.completePartialVersions to true to read it as {completed}";
                    return false;
                }

                if (SemVersion.TryParse(completed, SemVersionStyles.Strict, out version))
                {
                    return true;
                }
            }

            error = $"'{Shorten(candidate)}' ('{column}') is not a SemVer 2.0 version such as 3.14.0";
            return false;
        }

        /// <summary>
        /// Reads a date cell and its text twin. When both read, the twin wins (it carries the exporter's zone, which
        /// tells a date-only value) after checking both name the same second; when only one reads, that one.
        /// </summary>
        private bool TryDate(string cell, string twinCell, string column, RowContext context, out ClickUpDate? date, out string? error)
        {
            date = null;
            error = null;
            var value = ClickUpText.Cell(cell);
            var twin = ClickUpText.Cell(twinCell);
            ClickUpDate? primary = null;
            string? primaryError = null;
            if (value.Length > 0 && ClickUpDateParser.TryParse(value, mapping.ExporterUtcOffset, out var parsed, out primaryError))
            {
                primary = parsed;
            }

            if (twin.Length == 0)
            {
                date = primary;
                error = primaryError is null ? null : $"'{column}': {primaryError}";
                return primary is not null;
            }

            if (!ClickUpDateParser.TryParse(twin, mapping.ExporterUtcOffset, out var text, out var twinError))
            {
                error = $"'{column}': {primaryError ?? (value.Length == 0 ? "empty" : "read")}; its text twin: {twinError}";
                return false;
            }

            if (primary is not null && Math.Abs((primary.Instant - text.Instant).TotalSeconds) >= 1)
            {
                error = $"'{column}' is {primary.Instant:yyyy-MM-dd HH:mm:ss} UTC but its text twin '{twin}' is {text.Instant:yyyy-MM-dd HH:mm:ss} UTC; they disagree, so neither is taken";
                return false;
            }

            if (primaryError is not null)
            {
                Warn(context, "date-text-twin", $"'{column}': {primaryError}; the text twin '{twin}' was used");
            }

            date = text;
            return true;
        }

        private static bool TryValue<T>(string cell, string column, ImmutableDictionary<string, T> map, T? fallback, string setting, out T? value, out string error)
            where T : struct, Enum
        {
            value = fallback;
            // Stryker disable once String : the error is read only when the value is refused, and every refusal sets it
            error = string.Empty;
            if (column.Length == 0)
            {
                if (fallback is null)
                {
                    error = $"no {setting} column and no {setting}.default in the mapping";
                    return false;
                }

                return true;
            }

            var values = ClickUpText.Values(cell, out var multiValued);
            var found = values.Where(item => map.ContainsKey(ClickUpMapping.ValueKey(item))).Select(item => map[ClickUpMapping.ValueKey(item)]).Distinct().ToList();
            if (found.Count > 1)
            {
                error = $"'{column}' is '{Shorten(ClickUpText.Cell(cell))}', which maps to {string.Join(" and ", found)}; keep one";
                return false;
            }

            if (found.Count == 1)
            {
                value = found[0];
                return true;
            }

            // Tags hold more than types (a team's own labels): unmapped tags are ignored, an unmapped single value is not.
            if (!multiValued && values.Length > 0)
            {
                error = $"'{column}' is '{Shorten(values[0])}', which {setting}.values does not map (known: {string.Join(", ", map.Keys.Order(StringComparer.Ordinal))})";
                return false;
            }

            if (fallback is null)
            {
                error = values.Length == 0
                    ? $"'{column}' is empty and {setting}.default is not set"
                    : $"'{column}' is '{Shorten(ClickUpText.Cell(cell))}', and none of its values is in {setting}.values (known: {string.Join(", ", map.Keys.Order(StringComparer.Ordinal))})";
                return false;
            }

            return true;
        }

        private static bool Passes(ImmutableArray<string> allowed, string cell, out string value)
        {
            value = ClickUpText.Cell(cell);
            return allowed.IsEmpty || allowed.Contains(value, StringComparer.OrdinalIgnoreCase);
        }

        private void Reject(CsvReader reader, RowContext context, string reason, string detail) =>
            _rejects.Add(new Rejected(new RejectedRow(context.Row, context.Line, context.TaskId, reason, detail), _spill.Write(Fields(reader)), 0));

        private static string[] Fields(CsvReader reader)
        {
            var fields = new string[reader.FieldCount];
            for (var i = 0; i < fields.Length; i++)
            {
                fields[i] = reader.GetString(i);
            }

            return fields;
        }

        private void Warn(RowContext context, string kind, string message) =>
            warnings.Add(kind, $"row {context.Row} (line {context.Line}, task {(context.TaskId.Length == 0 ? "?" : context.TaskId)}): {message}");

        /// <summary>One release at a time: its entry texts come back from the spill file, are written and linted, then let go.</summary>
        private ImmutableArray<ImportedRelease> BuildReleases()
        {
            var releases = ImmutableArray.CreateBuilder<ImportedRelease>();
            var groups = _releases.Values
                .Select(group => (Version: group[0].Release.Version, Date: group.Max(entry => entry.Release.Date), Entries: group))
                .OrderBy(group => group.Date).ThenBy(group => group.Version, SemVersion.PrecedenceComparer).ToList();
            // Stryker disable once Statement : only frees memory; the groups were copied out above
            _releases.Clear();
            for (var i = 0; i < groups.Count; i++)
            {
                var (version, _, groupEntries) = groups[i];
                // Each release's index is let go once its file is built, so the index shrinks as the files grow.
                groups[i] = default;
                var entries = groupEntries.OrderBy(entry => entry.Release.TaskDate ?? DateTimeOffset.MinValue)
                    .ThenBy(entry => entry.Release.TaskId, StringComparer.Ordinal).ThenBy(entry => entry.Item)
                    .Select(entry => new LoadedEntry(entry.Release, entry.Item, entry.Visibility, entry.Type, _spill.ReadText(entry.Text))).ToList();
                var text = LintClean(version, entries);
                if (entries.Count > 0)
                {
                    releases.Add(new ImportedRelease(version, entries.Max(entry => entry.Release.Date), entries.Count, ImmutableCollectionsMarshal.AsImmutableArray(Encoding.UTF8.GetBytes(text!))));
                }
            }

            return releases.ToImmutable();
        }

        /// <summary>
        /// Writes the release and lints it; an entry that makes it fail is taken out and its row rejected, so that
        /// every file written lints clean and no row is lost.
        /// </summary>
        private string? LintClean(SemVersion version, List<LoadedEntry> entries)
        {
            while (entries.Count > 0)
            {
                var text = Write(version, entries);
                // Stryker disable once String : the name is only checked against the title's version, which is this version; an empty name skips that check
                var parsed = ReleaseNotesParser.Parse(text, DocumentKind.Published, $"{version}.md");
                if (!parsed.HasErrors)
                {
                    return text;
                }

                var bad = entries.Select(entry => (Entry: entry, Error: LintError(version, entry))).Where(item => item.Error is not null).ToList();
                var rows = bad.Count > 0
                    ? bad.Select(item => (item.Entry.Release.Row, Message: item.Error!)).DistinctBy(item => item.Row).ToList()
                    : entries.Select(entry => (entry.Release.Row, Message: parsed.Diagnostics.First(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error).Message)).DistinctBy(item => item.Row).ToList();
                foreach (var (row, message) in rows)
                {
                    // Stryker disable once Linq : the row comes from these entries, so First always finds it
                    var entry = entries.First(candidate => candidate.Release.Row == row);
                    _rejects.RemoveAll(reject => reject.Row.Row == row && reject.Row.Reason == RejectReason.InternalItem);
                    _rejects.Add(new Rejected(new RejectedRow(row, entry.Release.Line, entry.Release.TaskId, RejectReason.Lint, $"the entry would not lint in {version}.md: {message}"), -1, 0));
                    _importedRows.Remove(row);
                    entries.RemoveAll(candidate => candidate.Release.Row == row);
                }
            }

            return null;
        }

        private string? LintError(SemVersion version, LoadedEntry entry)
        {
            // Stryker disable once String : the name is only checked against the title's version, which is this version; an empty name skips that check
            var parsed = ReleaseNotesParser.Parse(Write(version, [entry]), DocumentKind.Published, $"{version}.md");
            return parsed.Diagnostics.FirstOrDefault(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error)?.Message;
        }

        private string Write(SemVersion version, List<LoadedEntry> entries)
        {
            var definitions = entries.Select(entry => entry.Release.TaskId).Distinct(StringComparer.Ordinal).ToList();
            var date = entries.Max(entry => entry.Release.Date);
            return ReleaseNotesWriter.Published(
                version,
                date,
                entries.Select(entry => new PublishedEntry(entry.Visibility, entry.Type, entry.Text)),
                definitions.Select(id => $"[{ReferencePrefix}{id}]: {mapping.TaskAddress(id)}"),
                "\n");
        }

        /// <summary>Reads the export again for the original fields of rows rejected after reading (lint).</summary>
        private void FillFields(HashSet<long> rows)
        {
            using var reader = Open();
            while (reader.Read())
            {
                if (!rows.Contains(reader.RowNumber))
                {
                    // Stryker disable once Statement : a row not in the set matches no reject below, so reading on costs only a spill write
                    continue;
                }

                var fields = _spill.Write(Fields(reader));
                var line = reader.LineNumber;
                for (var i = 0; i < _rejects.Count; i++)
                {
                    // Stryker disable once Logical : rows come in order, so with '||' a later row's reject takes these fields only until its own row replaces them
                    if (_rejects[i].Fields < 0 && _rejects[i].Row.Row == reader.RowNumber)
                    {
                        _rejects[i] = _rejects[i] with { Row = _rejects[i].Row with { Line = line }, Fields = fields };
                    }
                }
            }
        }
    }

    /// <summary>
    /// An entry's markdown: the first line ends with the task reference <c>([CU-id])</c>; block markers at its start
    /// are escaped so the text stays one paragraph; later lines are indented under the bullet.
    /// </summary>
    internal static string EntryMarkdown(string body, string taskId)
    {
        var lines = body.Split('\n');
        var first = lines[0].Trim();
        if (LeadingBlockMarker().IsMatch(first))
        {
            first = "\\" + first;
        }

        lines[0] = $"{first} ([{ReferencePrefix}{taskId}])";
        return ReleaseNotesWriter.EntryText(string.Join('\n', lines), "\n");
    }

    private static string FirstLine(string text)
    {
        var newline = text.IndexOf('\n', StringComparison.Ordinal);
        return newline < 0 ? text : text[..newline];
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "...";

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,99}$", RegexOptions.CultureInvariant)]
    private static partial Regex TaskIdPattern();

    [GeneratedRegex(@"^[0-9]+(\.[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex PartialVersion();

    [GeneratedRegex(@"^(#{1,6}(\s|$)|>|[-*+](\s|$)|[0-9]{1,9}[.)](\s|$)|=+$|`{3,}|~{3,})", RegexOptions.CultureInvariant)]
    private static partial Regex LeadingBlockMarker();

    private sealed record RowContext(long Row, long Line, string TaskId);

    private sealed record ReleaseKey(SemVersion Version, DateOnly Date, DateTimeOffset? TaskDate, string TaskId, long Row, long Line);

    /// <summary>An entry while the export is read: its text is in the spill file, at <see cref="Text"/>.</summary>
    private sealed record PendingEntry(ReleaseKey Release, int Item, Visibility Visibility, ChangeType Type, long Text);

    /// <summary>An entry of the release being built, its text read back.</summary>
    private sealed record LoadedEntry(ReleaseKey Release, int Item, Visibility Visibility, ChangeType Type, string Text);

    /// <summary>A rejected row; its original fields are in the spill file at <see cref="Fields"/> (-1: read them again at the end).</summary>
    private sealed record Rejected(RejectedRow Row, long Fields, int Order);

    /// <summary>The column indexes of a run, found once from the header.</summary>
    private sealed class RowColumns
    {
        public RowColumns(ClickUpColumns columns, ClickUpMapping mapping)
        {
            string Name(int index) => index < 0 ? string.Empty : columns.Headers[index];
            TaskId = columns.Find(mapping.TaskId, "columns.taskId");
            // Columns needed only by a filter are looked for only when the filter is set.
            // Stryker disable once Unary : the status column is read only when statuses are set, and then this branch is not taken
            Status = mapping.Statuses.IsEmpty ? -1 : columns.Find(mapping.Status, "columns.status");
            // Stryker disable once Unary : with no list filter every list passes, so the column read does not matter
            List = mapping.Lists.IsEmpty ? -1 : columns.Find(mapping.List, "columns.list");
            // Stryker disable once Unary : with no folder filter every folder passes, so the column read does not matter
            Folder = mapping.Folders.IsEmpty ? -1 : columns.Find(mapping.Folder, "columns.folder");
            TaskDate = columns.Find(mapping.TaskDate, "columns.taskDate");
            TaskDateTwin = columns.TextTwin(TaskDate);
            TaskDateName = Name(TaskDate);
            Version = columns.Find(mapping.Version, "release.version");
            VersionName = Name(Version);
            ReleaseDate = columns.Find(mapping.ReleaseDate, "release.date");
            ReleaseDateTwin = columns.TextTwin(ReleaseDate);
            ReleaseDateName = Name(ReleaseDate);
            Text = columns.Find(mapping.Text, "entry.text");
            TextName = Name(Text);
            Details = columns.Find(mapping.Details, "entry.details");
            DetailsName = Name(Details);
            // Stryker disable once Unary : one row per release takes types from headings; the type column is never read
            Type = mapping.Shape == HistoryShape.EntryPerRow ? columns.Find(mapping.TypeFrom, "types.from") : -1;
            TypeName = Name(Type);
            Visibility = columns.Find(mapping.VisibilityFrom, "visibility.from");
            VisibilityName = Name(Visibility);
        }

        public int TaskId { get; }

        public int Status { get; }

        public int List { get; }

        public int Folder { get; }

        public int TaskDate { get; }

        public int TaskDateTwin { get; }

        public string TaskDateName { get; }

        public int Version { get; }

        public string VersionName { get; }

        public int ReleaseDate { get; }

        public int ReleaseDateTwin { get; }

        public string ReleaseDateName { get; }

        public int Text { get; }

        public string TextName { get; }

        public int Details { get; }

        public string DetailsName { get; }

        public int Type { get; }

        public string TypeName { get; }

        public int Visibility { get; }

        public string VisibilityName { get; }
    }
}
