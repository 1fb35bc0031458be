using System.CommandLine;
using System.Globalization;
using BfReleaseNotes.Flags;
using BfReleaseNotes.GitLab;
using BfReleaseNotes.Model;
using BfReleaseNotes.Workspace;

namespace BfReleaseNotes.Cli.Commands;

/// <summary>
/// <c>flags</c>: lists the Internal feature flags; <c>flags graduate</c> moves one flag's entries up; <c>flags check</c>
/// compares them with the feature-flag registry.
/// </summary>
internal static class FlagsCommand
{
    public static Command Create(CliContext context)
    {
        var dir = CommonOptions.Dir();
        var project = CommonOptions.Project();
        var format = CommonOptions.Format();
        var command = new Command("flags", "List every feature flag of the Internal section with its entry counts per change type.\n" + ExitCodes.Help) { dir, project, format };
        command.SetAction(parse => List(context, CommonOptions.Folder(context, parse.GetValue(dir), parse.GetValue(project)), parse.GetValue(format) == "json"));
        command.Subcommands.Add(CreateGraduate(context));
        command.Subcommands.Add(CreateCheck(context));
        return command;
    }

    private static Command CreateCheck(CliContext context)
    {
        var registry = new Option<string?>("--registry") { Description = "A registry file (JSON), or 'gitlab' for the project's GitLab feature flags (default: \"flags\".\"registry\" of <dir>/config.json)." };
        var environment = new Option<string?>("--environment") { Description = "The environment whose rollout counts (default: \"flags\".\"environment\" of the configuration, else production)." };
        var betaAudience = new Option<string?>("--beta-audience") { Description = "The GitLab user list that is the beta audience (default: \"flags\".\"betaAudience\" of the configuration)." };
        var apiUrl = new Option<string?>("--api-url") { Description = "GitLab's API root, e.g. https://gitlab.example.com/api/v4 (default: CI_API_V4_URL)." };
        var project = new Option<string?>("--project") { Description = "The GitLab project's id or full path (default: CI_PROJECT_ID)." };
        var timeout = new Option<int>("--timeout") { Description = "Seconds GitLab may take for one request before it is retried.", DefaultValueFactory = _ => 30 };
        var strict = new Option<bool>("--strict") { Description = "Warnings are errors (exit 1)." };
        var dir = CommonOptions.Dir();
        var format = CommonOptions.Format();
        var command = new Command(
            "check",
            "Check the Internal flag groups against the feature-flag registry: unknown flags are errors (with the closest known names); flags on for everyone or for the beta audience, " +
            "and flags removed from the registry, whose entries are still Internal are warnings (with the flags graduate command). The token comes from GITLAB_TOKEN, else CI_JOB_TOKEN.\n" +
            "Exit codes: 0 no error, 1 an unknown flag (or any finding with --strict), 2 the registry or the notes could not be read.")
        {
            registry, environment, betaAudience, apiUrl, project, timeout, strict, dir, format,
        };
        command.SetAction(parse =>
        {
            var gitlab = GitLabCiEnvironment.FromVariables(context.Environment);
            if (parse.GetValue(apiUrl) is { } url)
            {
                gitlab = gitlab with { ApiUrl = url, ApiUrlSource = "--api-url" };
            }

            if (parse.GetValue(project) is { } id)
            {
                gitlab = gitlab with { ProjectId = id, ProjectIdSource = "--project" };
            }

            var registryOption = parse.GetValue(registry);
            var request = new FlagCheckRequest(CommonOptions.Folder(context, parse.GetValue(dir)))
            {
                Registry = registryOption is null or FlagsConfiguration.GitLabRegistry ? registryOption : context.Resolve(registryOption),
                Environment = parse.GetValue(environment),
                BetaAudience = parse.GetValue(betaAudience),
                Strict = parse.GetValue(strict),
            };
            var reader = new FlagRegistryReader { GitLab = gitlab, ClientOptions = new GitLabClientOptions { Timeout = TimeSpan.FromSeconds(Math.Max(1, parse.GetValue(timeout))) } };
            // The --dir in suggested commands is the folder as the user typed it, not as resolved.
            return Check(context, request, reader, parse.GetValue(format) == "json", parse.GetValue(dir)!);
        });
        return command;
    }

    private static int Check(CliContext context, FlagCheckRequest request, FlagRegistryReader reader, bool json, string typedDir)
    {
        var document = CommonOptions.ReadValidUnreleased(context, request.Folder);
        if (document is null)
        {
            return ExitCodes.ContentProblems;
        }

        var registry = reader.ReadFor(request);
        var result = FlagRolloutChecker.Check(document, registry, request.Folder.UnreleasedPath, request.Strict, typedDir);
        if (json)
        {
            context.Out.WriteLine(FlagCheckReport.ToJson(result));
        }
        else
        {
            foreach (var flag in result.Flags)
            {
                var state = flag.Registered is { } registered ? $"{registered.Describe()} ({FlagRolloutChecker.Printable(registered.Reason)})" : "not in the registry";
                context.Out.WriteLine($"{flag.Key}: {flag.Entries.ToString(CultureInfo.InvariantCulture)} {(flag.Entries == 1 ? "entry" : "entries")}; {state}");
            }
        }

        CommonOptions.PrintDiagnostics(context, result.Findings);
        var errors = result.Findings.Count(finding => finding.Severity == DiagnosticSeverity.Error);
        var warnings = result.Findings.Length - errors;
        context.Error.WriteLine(
            $"flags check: {result.Flags.Length.ToString(CultureInfo.InvariantCulture)} flag(s) against {FlagRolloutChecker.Printable(registry.Source)} (environment {FlagRolloutChecker.Printable(registry.Environment)}): " +
            $"{errors.ToString(CultureInfo.InvariantCulture)} error(s), {warnings.ToString(CultureInfo.InvariantCulture)} warning(s)");
        return result.HasErrors ? ExitCodes.ContentProblems : ExitCodes.Ok;
    }

    private static Command CreateGraduate(CliContext context)
    {
        var flag = new Argument<string>("FLAG") { Description = "The flag key, as in '#### Flag: `key`'." };
        var to = new Option<string>("--to") { Description = "beta or public.", Required = true };
        to.AcceptOnlyFromAmong("beta", "public");
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the unreleased.md that would be written; write nothing." };
        var dir = CommonOptions.Dir();
        var project = CommonOptions.Project();
        var command = new Command("graduate", "Move a flag's Internal entries into the same change types of Beta or Public (after the entries there) and remove its flag groups.\n" + ExitCodes.Help + " Exit 1 also for an unknown flag (the closest known flags are named).")
        {
            flag, to, dryRun, dir, project,
        };
        command.SetAction(parse => Graduate(
            context,
            CommonOptions.Folder(context, parse.GetValue(dir), parse.GetValue(project)),
            parse.GetValue(flag)!,
            Enum.Parse<Visibility>(parse.GetValue(to)!, ignoreCase: true),
            parse.GetValue(dryRun)));
        return command;
    }

    private static int List(CliContext context, ReleaseNotesFolder folder, bool json)
    {
        var document = CommonOptions.ReadValidUnreleased(context, folder);
        if (document is null)
        {
            return ExitCodes.ContentProblems;
        }

        var flags = FlagInventory.Collect(document);
        if (json)
        {
            context.Out.WriteLine(FlagsReportJson.Serialize(flags));
            return ExitCodes.Ok;
        }

        if (flags.Length == 0)
        {
            context.Out.WriteLine("no feature flags in the Internal section");
        }

        foreach (var flag in flags)
        {
            var counts = string.Join(", ", flag.Counts.Select(pair => $"{pair.Key} {pair.Value}"));
            context.Out.WriteLine($"{flag.Key}: {flag.Total} {(flag.Total == 1 ? "entry" : "entries")} ({counts})");
        }

        return ExitCodes.Ok;
    }

    private static int Graduate(CliContext context, ReleaseNotesFolder folder, string flag, Visibility target, bool dryRun)
    {
        using var session = dryRun ? null : CommonOptions.OpenSession(context, folder, "flags graduate");
        var document = session is null ? CommonOptions.ReadValidUnreleased(context, folder) : CommonOptions.ReadValidUnreleased(context, session);
        if (document is null)
        {
            return ExitCodes.ContentProblems;
        }

        var result = FlagGraduator.Graduate(document, flag, target, folder.UnreleasedPath);
        switch (result.Status)
        {
            case GraduationStatus.UnknownFlag:
                context.Error.WriteLine($"error: {result.Message}. No file was changed.");
                return ExitCodes.ContentProblems;
            case GraduationStatus.Refused:
                context.Error.WriteLine($"error: {result.Message}. No file was changed.");
                return ExitCodes.CouldNotRun;
        }

        var summary = $"flag {flag}: {result.Moved.Length} {(result.Moved.Length == 1 ? "entry" : "entries")} moved to {target} ({string.Join(", ", result.Moved.GroupBy(item => item.Type).Select(group => $"{group.Key} {group.Count()}"))})";
        if (dryRun)
        {
            context.Out.Write(result.Text);
            context.Error.WriteLine($"dry run: nothing written; {summary}");
            return ExitCodes.Ok;
        }

        // The new document keeps the source's byte-order mark, if it had one.
        session!.Transaction().Write(folder.UnreleasedPath, result.Document!.ToBytes()).Commit();
        context.Out.WriteLine(summary);
        context.Out.WriteLine($"wrote {folder.UnreleasedPath}; the next 'bf-release-notes promote' publishes them");
        return ExitCodes.Ok;
    }
}
