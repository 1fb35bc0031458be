using System.CommandLine;
using System.Text;
using BfReleaseNotes.Linting;
using BfReleaseNotes.Model;
using BfReleaseNotes.Text;
using BfReleaseNotes.Workspace;

namespace BfReleaseNotes.Cli.Commands;

/// <summary><c>lint</c>: checks release-notes files; <c>--fix</c> puts unambiguous problems right.</summary>
internal static class LintCommand
{
    public static Command Create(CliContext context)
    {
        var files = new Argument<string[]>("FILE") { Description = "Files to check (default: unreleased.md and every published file in --dir).", Arity = ArgumentArity.ZeroOrMore };
        var dir = CommonOptions.Dir();
        var project = CommonOptions.Project();
        var format = CommonOptions.Format();
        var fix = new Option<bool>("--fix") { Description = "Fix heading case, section order, bullet markers, a BOM, sections and flag groups written twice, entries written twice or already published; writes nothing if errors remain that it cannot fix." };
        CommonOptions.RefuseOptionLikeValues(files, "lint");
        var command = new Command("lint", "Check release-notes files; diagnostics go to stderr as path:line:col: error CODE: message.\n" + ExitCodes.Help)
        {
            files, dir, project, format, fix,
        };
        command.SetAction(parse => Run(context, parse.GetValue(files) ?? [], parse.GetValue(dir), parse.GetValue(project), parse.GetValue(format)!, parse.GetValue(fix)));
        return command;
    }

    private static int Run(CliContext context, string[] files, string? dir, string? project, string format, bool fix)
    {
        // Without files: the project's notes, or every project's in a monorepo when none is named or inferred.
        var paths = files.Length > 0 ? files.Select(context.Resolve).ToList() : [.. CommonOptions.LocateEach(context, dir, project).SelectMany(location => DefaultFiles(context, location.Folder, dir, location.Project?.Name))];
        var sessions = new List<WriteSession>();
        try
        {
            if (fix)
            {
                // A device or FIFO is refused before its folder (/dev) gets a lock file.
                foreach (var path in paths)
                {
                    InputFile.EnsureRegular(path, "the release-notes file");
                }

                // --fix writes: lock every folder it may write to (in one order, so two runs cannot wait on each other).
                foreach (var folder in paths.Select(path => Path.GetDirectoryName(Path.GetFullPath(path))!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
                {
                    sessions.Add(CommonOptions.OpenSession(context, new ReleaseNotesFolder(folder), "lint --fix"));
                }
            }

            return Run(context, paths, format, fix, sessions.FirstOrDefault());
        }
        finally
        {
            foreach (var session in sessions)
            {
                session.Dispose();
            }
        }
    }

    private static int Run(CliContext context, List<string> paths, string format, bool fix, WriteSession? session)
    {
        var originals = paths.Select(path => ReleaseNotesFolder.Read(path, ReleaseNotesFolder.KindOf(path))).ToList();
        // A working file is also judged against the published files beside it (an entry a merge brought back).
        var published = originals.Select(parsed => parsed.Document?.Kind == DocumentKind.Unreleased ? RepublishedEntries.PublishedBeside(parsed.File) : []).ToList();
        originals = [.. originals.Select((parsed, i) => parsed with { Diagnostics = parsed.Diagnostics.AddRange(RepublishedEntries.Find(parsed, published[i])) })];
        var results = new List<ParsedFile>();
        var fixes = new List<(string Path, FixResult Fix)>();
        for (var i = 0; i < paths.Count; i++)
        {
            if (fix && originals[i].Document is not null)
            {
                var fixedResult = LintFixer.Fix(originals[i], published[i]);
                fixes.Add((paths[i], fixedResult));
                results.Add(fixedResult.Result);
            }
            else
            {
                results.Add(originals[i]);
            }
        }

        var written = new List<string>();
        if (fix)
        {
            var errorsRemain = results.Any(result => result.HasErrors);
            var changed = fixes.Where(item => item.Fix.Changed && item.Fix.Text is not null).ToList();
            if (errorsRemain && changed.Count > 0)
            {
                context.Error.WriteLine("lint --fix: errors remain that cannot be fixed automatically; no file was changed. Fix the errors below by hand and run it again.");
            }
            else if (errorsRemain)
            {
                context.Error.WriteLine("lint --fix: nothing was written: none of the errors below can be fixed automatically; fix them by hand.");
            }
            else if (changed.Count == 0 && format != "json")
            {
                context.Out.WriteLine("lint --fix: nothing to fix; no file was changed.");
            }
            else if (changed.Count > 0)
            {
                var transaction = session!.Transaction();
                foreach (var item in changed)
                {
                    // Replace what was parsed, and only that: an edit made since the read is never overwritten.
                    transaction.Replace(item.Path, Encoding.UTF8.GetBytes(item.Fix.Text!), originals[paths.IndexOf(item.Path)].Document!.ToBytes());
                    written.Add(item.Path);
                }

                transaction.Commit();
            }
        }

        var diagnostics = results.SelectMany(result => result.Diagnostics).ToList();
        // After a fix that was written, the fixed problems are gone; when nothing was written, report the originals.
        if (fix && written.Count == 0 && results.Any(result => result.HasErrors))
        {
            diagnostics = originals.SelectMany(result => result.Diagnostics).ToList();
        }

        var errors = diagnostics.Count(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error);
        var warnings = diagnostics.Count - errors;
        if (format == "json")
        {
            context.Out.WriteLine(LintReportJson.Serialize(paths.Count, diagnostics, written));
        }
        else
        {
            CommonOptions.PrintDiagnostics(context, diagnostics);
            foreach (var path in written)
            {
                context.Out.WriteLine($"fixed {path}");
            }

            context.Out.WriteLine($"lint: {Plural.Of(paths.Count, "file")}, {Plural.Of(errors, "error")}, {Plural.Of(warnings, "warning")}");
        }

        return errors > 0 ? ExitCodes.ContentProblems : ExitCodes.Ok;
    }

    private static List<string> DefaultFiles(CliContext context, ReleaseNotesFolder folder, string? dir, string? project)
    {
        folder.EnsureExists();
        if (WriteSession.InterruptedWrite(folder.Path) is { } interrupted)
        {
            context.Error.WriteLine($"warning: {interrupted}");
        }

        var paths = new List<string>();
        if (File.Exists(folder.UnreleasedPath))
        {
            paths.Add(folder.UnreleasedPath);
        }

        paths.AddRange(folder.PublishedFiles().Select(file => file.Path).Reverse());
        if (paths.Count == 0)
        {
            throw new EnvironmentException($"'{folder.Path}' holds no unreleased.md and no published file; run 'bf-release-notes init{(dir is null ? string.Empty : $" --dir {dir}")}{(project is null ? string.Empty : $" --project {project}")}'");
        }

        return paths;
    }
}
