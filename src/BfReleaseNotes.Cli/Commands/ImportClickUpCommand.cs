using System.CommandLine;
using System.Globalization;
using System.Text;
using BfReleaseNotes.Migration;
using BfReleaseNotes.Workspace;

namespace BfReleaseNotes.Cli.Commands;

/// <summary><c>import-clickup</c>: turns a ClickUp CSV export into published release files, every row accounted for.</summary>
internal static class ImportClickUpCommand
{
    public const string DefaultMapping = "migration/clickup-mapping.json";

    /// <summary>Release lines printed without --verbose: a history of hundreds of releases stays readable.</summary>
    private const int ReleaseLines = 10;

    public static Command Create(CliContext context)
    {
        var export = new Argument<string>("EXPORT") { Description = "The ClickUp CSV export." };
        var mapping = new Option<string>("--mapping")
        {
            Description = "The mapping file (JSON, see migration/README.md).",
            DefaultValueFactory = _ => DefaultMapping,
        };
        var dir = CommonOptions.Dir();
        var project = CommonOptions.Project();
        var rejects = new Option<string?>("--rejects") { Description = "Where to write the rejects CSV (default: EXPORT with .rejects.csv)." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Write nothing; show the summary and the files it would write." };
        var force = new Option<bool>("--force") { Description = "Replace published files whose content differs (otherwise a conflict, exit 1)." };
        var format = CommonOptions.Format();
        var verbose = new Option<bool>("--verbose")
        {
            Description = $"Print every warning as it is found and every release file (by default: one line per kind of warning, with its count and first examples, and at most {ReleaseLines} release lines).",
        };
        CommonOptions.RefuseOptionLikeValues(export, "import-clickup");
        var command = new Command(
            "import-clickup",
            "Import release notes from a ClickUp CSV export: one published file per release, every row imported or listed in the rejects CSV with its reason.\n" + ExitCodes.Help)
        {
            export, mapping, dir, project, rejects, dryRun, force, format, verbose,
        };
        command.SetAction(parse => Run(
            context,
            new Request(parse.GetValue(export)!, parse.GetValue(mapping)!, parse.GetValue(dir), parse.GetValue(project), parse.GetValue(rejects), parse.GetValue(dryRun), parse.GetValue(force), parse.GetValue(format)!, parse.GetValue(verbose))));
        return command;
    }

    private static int Run(CliContext context, Request request)
    {
        var exportPath = context.Resolve(request.Export);
        var mappingPath = context.Resolve(request.Mapping);
        var rejectsPath = context.Resolve(request.Rejects ?? DefaultRejectsPath(request.Export));
        var folder = CommonOptions.Folder(context, request.Dir, request.Project);
        OutputPath.EnsureNotInput(rejectsPath, request.Rejects is null ? "the rejects file" : "--rejects", [(exportPath, "the export"), (mappingPath, "the mapping")], folder.Path);
        var mapping = ClickUpMapping.Load(mappingPath);
        Action<long>? progress = context.ErrorIsTerminal ? rows => TerminalSafeWriter.WriteTrusted(context.Error, $"\rimport-clickup: {rows:N0} rows read") : null;
        Action<string>? onWarning = request.Verbose ? warning => context.Error.WriteLine($"warning: {exportPath}: {warning}") : null;
        var import = ClickUpImporter.Import(exportPath, mapping, progress, onWarning);
        if (progress is not null)
        {
            context.Error.WriteLine();
        }

        if (!import.IsBalanced)
        {
            context.Error.WriteLine($"error: rows {import.Rows} != imported {import.ImportedRows} + rejected {import.RejectedRows}; a row was lost, so nothing was written. Please report this with the export.");
            return ExitCodes.CouldNotRun;
        }

        var folderExisted = Directory.Exists(folder.Path);
        var session = request.DryRun ? null : CommonOptions.OpenSession(context, folder, "import-clickup", create: true);
        IReadOnlyList<PlannedFile> files;
        List<PlannedFile> conflicts;
        IReadOnlyList<string> written;
        try
        {
            // Planned under the lock, so what is compared with the folder is what the write replaces.
            files = ImportFiles.Plan(import, folder, rejectsPath, request.Force);
            conflicts = files.Where(file => file.Status == FileStatus.Conflict).ToList();
            written = request.DryRun || conflicts.Count > 0 ? [] : ImportFiles.Write(files, session);
        }
        finally
        {
            session?.Dispose();
            if (!folderExisted && Directory.Exists(folder.Path) && !Directory.EnumerateFileSystemEntries(folder.Path).Any())
            {
                Directory.Delete(folder.Path); // The command created it for the lock, and wrote nothing in it.
            }
        }

        if (!request.Verbose)
        {
            // One line per kind: a warning repeated for thousands of rows must not hide everything else.
            foreach (var group in import.Warnings)
            {
                var more = group.Count > group.Examples.Length ? $" (and {group.Count - group.Examples.Length:N0} more like it; --verbose lists every one)" : string.Empty;
                context.Error.WriteLine($"warning: {exportPath}: {group.Summary}{more}");
            }
        }

        foreach (var conflict in conflicts)
        {
            context.Error.WriteLine($"error: {conflict.Path} exists with other content; the import would change it. Review the difference, then delete the file or pass --force to replace it.");
        }

        if (request.Format == "json")
        {
            context.Out.WriteLine(ImportReportJson.Serialize(exportPath, import, files, written, request.DryRun));
        }
        else
        {
            WriteText(context, request, exportPath, import, files);
        }

        if (conflicts.Count > 0)
        {
            context.Error.WriteLine($"import-clickup: {conflicts.Count} conflict(s); no file was written.");
            return ExitCodes.ContentProblems;
        }

        return ExitCodes.Ok;
    }

    private static string DefaultRejectsPath(string export)
    {
        var withoutCsv = export.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? export[..^4] : export;
        return withoutCsv + ".rejects.csv";
    }

    private static void WriteText(CliContext context, Request request, string exportPath, ClickUpImport import, IReadOnlyList<PlannedFile> files)
    {
        var output = context.Out;
        output.WriteLine($"import-clickup: {exportPath} ({ImportReportJson.ShapeName(import.Shape)}){(request.DryRun ? ", dry run: nothing written" : string.Empty)}");
        output.WriteLine($"rows {import.Rows}, imported {import.ImportedRows}, rejected {import.RejectedRows}");
        foreach (var (reason, count) in import.RejectsByReason)
        {
            output.WriteLine(reason == RejectReason.InternalItem
                ? $"  withheld {reason}: {count} (Internal items of imported rows, listed in the rejects file)"
                : $"  rejected {reason}: {count}");
        }

        var conflicts = files.Any(file => file.Status == FileStatus.Conflict);
        var releases = files.Where(file => file.Version is not null).ToList();
        // Conflicts are always listed; the other release lines are cut to the first and last few unless --verbose.
        var shown = request.Verbose || releases.Count <= ReleaseLines
            ? releases
            : [.. releases.Take(ReleaseLines / 2), .. releases.Where(file => file.Status == FileStatus.Conflict), .. releases.TakeLast(ReleaseLines / 2)];
        shown = [.. shown.Distinct()];
        foreach (var file in releases.Where(shown.Contains))
        {
            if (shown.Count < releases.Count && file == releases[^(ReleaseLines / 2)])
            {
                output.WriteLine($"... {releases.Count - shown.Count} more release files ({string.Join(", ", releases.Except(shown).GroupBy(other => other.Status).Select(group => $"{group.Count()} {ImportReportJson.StatusName(group.Key)}"))}); --verbose lists every one");
            }

            output.WriteLine($"release {file.Version} ({file.Date!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}): {file.Entries} entries {Verb(file.Status, request.DryRun || conflicts)} {file.Path}");
        }

        var rejectsFile = files.Single(file => file.Version is null);
        output.WriteLine($"rejects: {rejectsFile.Entries} line(s) {Verb(rejectsFile.Status, request.DryRun || conflicts)} {rejectsFile.Path}");
        if (import.WarningCount > 0)
        {
            output.WriteLine($"warnings: {import.WarningCount} (on stderr{(request.Verbose ? string.Empty : ", one line per kind")})");
        }

        if (request.DryRun)
        {
            foreach (var file in files.Where(file => file.Status is not FileStatus.Unchanged))
            {
                output.WriteLine();
                output.WriteLine($"--- {file.Path} ({ImportReportJson.StatusName(file.Status)})");
                output.Write(Encoding.UTF8.GetString(file.Content));
            }
        }
    }

    private static string Verb(FileStatus status, bool nothingWritten) => (status, nothingWritten) switch
    {
        (FileStatus.Unchanged, _) => "unchanged in",
        (FileStatus.Conflict, _) => "in CONFLICT with",
        (FileStatus.New, true) => "would be written to",
        (FileStatus.Replaced, true) => "would replace",
        (FileStatus.New, false) => "written to",
        _ => "replaced",
    };

    private sealed record Request(string Export, string Mapping, string? Dir, string? Project, string? Rejects, bool DryRun, bool Force, string Format, bool Verbose);
}
