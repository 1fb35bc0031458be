using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;
using BfReleaseNotes.Flags;
using BfReleaseNotes.Model;
using BfReleaseNotes.Workspace;

namespace BfReleaseNotes.Cli.Commands;

/// <summary><c>flags</c>: lists the Internal feature flags; <c>flags graduate</c> moves one flag's entries up.</summary>
internal static class FlagsCommand
{
    public static Command Create(CliContext context)
    {
        var dir = CommonOptions.Dir();
        var format = CommonOptions.Format();
        var command = new Command("flags", "List every feature flag of the Internal section with its entry counts per change type.\n" + ExitCodes.Help) { dir, format };
        command.SetAction(parse => List(context, new ReleaseNotesFolder(context.Resolve(parse.GetValue(dir)!)), parse.GetValue(format) == "json"));
        command.Subcommands.Add(CreateGraduate(context));
        return command;
    }

    private static Command CreateGraduate(CliContext context)
    {
        var flag = new Argument<string>("FLAG") { Description = "The flag key, as in '#### Flag: `key`'." };
        var to = new Option<string>("--to") { Description = "beta or public.", Required = true };
        to.AcceptOnlyFromAmong("beta", "public");
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the unreleased.md that would be written; write nothing." };
        var dir = CommonOptions.Dir();
        var command = new Command("graduate", "Move a flag's Internal entries into the same change types of Beta or Public (after the entries there) and remove its flag groups.\n" + ExitCodes.Help + " Exit 1 also for an unknown flag (the closest known flags are named).")
        {
            flag, to, dryRun, dir,
        };
        command.SetAction(parse => Graduate(
            context,
            new ReleaseNotesFolder(context.Resolve(parse.GetValue(dir)!)),
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
            var report = new FlagsReportJson([.. flags.Select(flag => new FlagJson(
                flag.Key,
                flag.Total,
                flag.Counts.ToDictionary(pair => pair.Key.ToString(), pair => pair.Value, StringComparer.Ordinal)))]);
            context.Out.WriteLine(JsonSerializer.Serialize(report, FlagsJsonContext.Default.FlagsReportJson));
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

internal sealed record FlagJson(string Key, int Total, IReadOnlyDictionary<string, int> Counts);

internal sealed record FlagsReportJson(IReadOnlyList<FlagJson> Flags);

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(FlagsReportJson))]
internal sealed partial class FlagsJsonContext : JsonSerializerContext;
