using System.CommandLine;
using System.Text;
using BfReleaseNotes.Checks;
using BfReleaseNotes.Workspace;

namespace BfReleaseNotes.Cli.Commands;

/// <summary>
/// <c>check</c>: the merge-request check. Gathers the inputs from options, else from GitLab's merge-request
/// pipeline variables, runs <see cref="MergeRequestChecker"/>, prints the decision and writes the reports.
/// </summary>
internal static class CheckCommand
{
    public static Command Create(CliContext context)
    {
        var repo = new Option<string?>("--repo") { Description = "A folder inside the repository (default: the current directory)." };
        var dir = new Option<string?>("--dir") { Description = "The release-notes folder, relative to the repository root (default: \"folder\" of release-notes/config.json at base, else release-notes)." };
        var baseOption = new Option<string?>("--base") { Description = "The base revision (default: CI_MERGE_REQUEST_TARGET_BRANCH_SHA in merged-result and merge-train pipelines, else CI_MERGE_REQUEST_DIFF_BASE_SHA, else origin/$CI_MERGE_REQUEST_TARGET_BRANCH_NAME, else origin/$CI_DEFAULT_BRANCH, else origin/main; head is compared with the merge base of base and head)." };
        var head = new Option<string?>("--head") { Description = "The head revision (default: CI_COMMIT_SHA, else HEAD)." };
        var labels = new Option<string?>("--labels") { Description = "The merge request's labels, comma-separated (default: CI_MERGE_REQUEST_LABELS). The label release-notes::none opts out, release-notes::edit allows removing pending entries and editing published files (names from \"labels\" of config.json)." };
        var description = new Option<string?>("--description") { Description = "The merge request's description (default: CI_MERGE_REQUEST_DESCRIPTION). A line 'Release-Notes: none - <reason>' in it opts out." };
        var descriptionFile = new Option<string?>("--description-file") { Description = "A file holding the merge request's description." };
        var format = CommonOptions.Format();
        var codeQuality = new Option<string?>("--report-codequality") { Description = "Write a GitLab Code Quality report (JSON) to this file." };
        var junit = new Option<string?>("--report-junit") { Description = "Write a JUnit XML report to this file." };
        var force = new Option<bool>("--force") { Description = "Replace report files that exist with other content (never an input or a release-notes file)." };
        var command = new Command(
            "check",
            "Check that a merge request updated the release notes, opted out, or needs none; in GitLab merge-request pipelines no option is needed.\n" +
            "Opting out takes one of: the label release-notes::none; a line 'Release-Notes: none - <reason>' in the merge-request description; the same line in a commit message of the merge request (the reason is required and printed).\n" +
            "In a monorepo (\"projects\" in release-notes/config.json) each project the merge request touches is checked on its own notes; 'Release-Notes: none(NAME) - <reason>' or the project's label (default release-notes-NAME::none) opts out one project.\n" +
            "Exit codes: 0 pass, 1 fail (notes not updated, invalid, pending entries removed, published history changed, configuration changed, entries in the wrong project), 2 cannot decide (base not in the clone, not a repository, bad configuration).")
        {
            repo, dir, baseOption, head, labels, description, descriptionFile, format, codeQuality, junit, force,
        };
        command.SetAction(parse => Run(context, new Options(
            parse.GetValue(repo), parse.GetValue(dir), parse.GetValue(baseOption), parse.GetValue(head), parse.GetValue(labels),
            parse.GetValue(description), parse.GetValue(descriptionFile), parse.GetValue(format)!, parse.GetValue(codeQuality), parse.GetValue(junit), parse.GetValue(force))));
        return command;
    }

    private static int Run(CliContext context, Options options)
    {
        if (options.Description is not null && options.DescriptionFile is not null)
        {
            context.Error.WriteLine("error: pass either --description or --description-file, not both.");
            return ExitCodes.CouldNotRun;
        }

        var request = BuildRequest(context, options);
        var result = MergeRequestChecker.Check(request);
        WriteReports(context, options, result);
        if (options.Format == "json")
        {
            context.Out.WriteLine(CheckReportJson.Serialize(result));
            if (result.Outcome == CheckOutcome.CannotDecide)
            {
                context.Error.WriteLine($"error: {result.Summary}");
            }
        }
        else
        {
            Print(context, result);
        }

        return result.ExitCode;
    }

    /// <summary>Options win; the rest (GitLab's merge-request pipeline variables, then local defaults) is the library's <see cref="GitLabPipeline"/>.</summary>
    private static CheckRequest BuildRequest(CliContext context, Options options)
    {
        var repository = Path.GetFullPath(Path.Combine(context.CurrentDirectory, options.Repo ?? "."));
        var description = options.Description;
        if (options.DescriptionFile is not null)
        {
            var path = context.Resolve(options.DescriptionFile);
            // A device or FIFO is refused before it is opened, and the read is capped.
            var bytes = InputFile.ReadAllBytes(path, "the description file", InputFile.MaxSettingsBytes);
            description = new UTF8Encoding(false).GetString(bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? bytes.AsSpan(3) : bytes);
        }

        var overrides = new CheckOverrides { Base = options.Base, Head = options.Head, Folder = options.Dir, Labels = options.Labels, Description = description };
        return GitLabPipeline.FromEnvironment(context.Environment).ToCheckRequest(repository, overrides);
    }

    private static void WriteReports(CliContext context, Options options, CheckResult result)
    {
        var transaction = new FileTransaction();
        var inputs = options.DescriptionFile is null ? [] : new[] { (context.Resolve(options.DescriptionFile), "the description file") };
        var notesFolder = Path.Combine(context.Resolve(options.Repo ?? "."), options.Dir ?? ReleaseNotesFolder.DefaultPath);
        foreach (var (option, path, content, isEarlierReport) in new[] { ("--report-codequality", options.CodeQuality, (Func<byte[]>)(() => CodeQualityReport.Create(result)), (Func<byte[], bool>)CodeQualityReport.IsReport), ("--report-junit", options.JUnit, () => JUnitReport.Create(result), JUnitReport.IsReport) })
        {
            if (path is null)
            {
                continue;
            }

            var resolved = context.Resolve(path);
            var bytes = content();
            OutputPath.EnsureNotInput(resolved, option, inputs, notesFolder);
            OutputPath.EnsureMayReplace(resolved, option, bytes, options.Force, isEarlierReport);
            transaction.Write(resolved, bytes);
        }

        if (transaction.Paths.Count == 0)
        {
            return;
        }

        try
        {
            // CI jobs often write reports into a folder of their own that does not exist yet.
            foreach (var path in transaction.Paths)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new EnvironmentException($"cannot create the folder for the reports: {exception.Message}", exception);
        }

        transaction.Commit();
    }

    private static void Print(CliContext context, CheckResult result)
    {
        if (result.Outcome == CheckOutcome.CannotDecide)
        {
            context.Error.WriteLine($"error: {result.Summary}");
            return;
        }

        // Sentences quote entries, descriptions and commit subjects: untrusted text must not drive the terminal.
        context.Out.WriteLine(result.Summary);
        if (result.Range is { } range)
        {
            context.Out.WriteLine($"  compared head {Short(range.HeadCommit)} ({range.Head.Source}) with base {Short(range.MergeBaseCommit)} ({range.Base.Source}); {result.ChangedPaths.Length} path(s) changed, {result.RelevantPaths.Length} need notes.");
        }

        if (result.OptOut is { } optOut)
        {
            var reason = optOut.Reason is null ? string.Empty : $", reason: {optOut.Reason}";
            var line = optOut.Line is null ? string.Empty : $", line: {optOut.Line}";
            context.Out.WriteLine($"  opt-out: {optOut.Source switch { OptOutSource.Label => "label", OptOutSource.Description => "description", _ => "commit message" }} ({optOut.Where}){reason}{line}");
        }

        foreach (var detail in result.Details)
        {
            context.Out.WriteLine($"  {detail}");
        }

        foreach (var entry in result.AddedEntries)
        {
            context.Out.WriteLine($"  + {entry.File}:{entry.Line} ({entry.Place}): {FirstLine(entry.Content)}");
        }

        foreach (var entry in result.PublishedEntries)
        {
            context.Out.WriteLine($"  > published ({entry.Place}): {FirstLine(entry.Content)}");
        }

        foreach (var entry in result.RemovedEntries)
        {
            context.Out.WriteLine($"  - removed {entry.File}:{entry.Line} at base ({entry.Place}): {FirstLine(entry.Content)}");
        }

        foreach (var change in result.ChangedPublishedFiles)
        {
            context.Out.WriteLine($"  ! {change}");
        }

        CommonOptions.PrintDiagnostics(context, result.Diagnostics);
    }

    private static string Short(string sha) => sha.Length > 8 ? sha[..8] : sha;

    private static string FirstLine(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        return end < 0 ? text : text[..end] + " ...";
    }

    private sealed record Options(
        string? Repo, string? Dir, string? Base, string? Head, string? Labels, string? Description, string? DescriptionFile, string Format, string? CodeQuality, string? JUnit, bool Force);
}
