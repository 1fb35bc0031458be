using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using BfReleaseNotes.Promotion;
using BfReleaseNotes.Workspace;
using Semver;

namespace BfReleaseNotes.Cli.Commands;

/// <summary><c>promote</c>: publishes Public and Beta as a new release; Internal stays behind.</summary>
internal static class PromoteCommand
{
    public static Command Create(CliContext context)
    {
        var dir = CommonOptions.Dir();
        var version = new Option<string?>("--version") { Description = "The release version (SemVer 2.0). Default: the latest published version bumped by --bump." };
        var bump = new Option<string?>("--bump") { Description = "major, minor or patch (default minor); ignored with --version." };
        bump.AcceptOnlyFromAmong("major", "minor", "patch");
        var date = new Option<string?>("--date") { Description = "The release date, YYYY-MM-DD (default: today, UTC)." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the note that would be published and the summary; write nothing." };
        var format = CommonOptions.Format();
        var commit = new Option<bool>("--commit") { Description = "Commit exactly the two files as 'Release <version>' (author from git config)." };
        var tag = new Option<bool>("--tag") { Description = "Also add an annotated tag v<version> (implies --commit)." };
        var command = new Command("promote", "Publish Public and Beta of unreleased.md as <dir>/<version>.md and empty them; Internal stays.\n" + ExitCodes.Help + " Exit 1 also when the version is not greater than the latest or already published.")
        {
            dir, version, bump, date, dryRun, format, commit, tag,
        };
        command.SetAction(parse =>
        {
            if (parse.GetValue(version) is not null && parse.GetValue(bump) is not null)
            {
                context.Error.WriteLine("error: give --version or --bump, not both");
                return ExitCodes.CouldNotRun;
            }

            SemVersion? explicitVersion = null;
            if (parse.GetValue(version) is { } versionText && !SemVersion.TryParse(versionText, SemVersionStyles.Strict, out explicitVersion))
            {
                context.Error.WriteLine($"error: --version '{versionText}' is not a SemVer 2.0 version such as 1.42.0");
                return ExitCodes.CouldNotRun;
            }

            var releaseDate = DateOnly.FromDateTime(context.Clock.GetUtcNow().UtcDateTime);
            if (parse.GetValue(date) is { } dateText && !DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out releaseDate))
            {
                context.Error.WriteLine($"error: --date '{dateText}' is not a date in the form YYYY-MM-DD");
                return ExitCodes.CouldNotRun;
            }

            var request = new PromotionRequest(explicitVersion, Enum.Parse<VersionBump>(parse.GetValue(bump) ?? "minor", ignoreCase: true), releaseDate);
            var wantsTag = parse.GetValue(tag);
            return Run(context, new ReleaseNotesFolder(context.Resolve(parse.GetValue(dir)!)), request, parse.GetValue(dryRun), parse.GetValue(format) == "json", parse.GetValue(commit) || wantsTag, wantsTag);
        });
        return command;
    }

    private static int Run(CliContext context, ReleaseNotesFolder folder, PromotionRequest request, bool dryRun, bool json, bool commit, bool tag)
    {
        folder.EnsureExists();
        var unreleased = folder.ReadUnreleased();
        var republished = Linting.RepublishedEntries.Find(unreleased, Linting.RepublishedEntries.PublishedBeside(folder.UnreleasedPath));
        if (!republished.IsEmpty)
        {
            CommonOptions.PrintDiagnostics(context, republished);
            context.Error.WriteLine($"error: {republished.Length} entr{(republished.Length == 1 ? "y" : "ies")} of {folder.UnreleasedPath} already published (listed above); a merge brought them back, so promoting would publish them twice. Run 'bf-release-notes lint --fix' to remove them from unreleased.md (they stay in the published files), then promote again. No file was changed.");
            return ExitCodes.ContentProblems;
        }

        var outcome = Promoter.Plan(unreleased, [.. folder.PublishedFiles().Select(file => file.Version)], request, folder);
        switch (outcome.Status)
        {
            case PromotionStatus.Invalid:
                CommonOptions.PrintDiagnostics(context, outcome.Diagnostics);
                context.Error.WriteLine($"error: {outcome.Message}");
                return ExitCodes.ContentProblems;
            case PromotionStatus.Refused:
                context.Error.WriteLine($"error: {outcome.Message}");
                return ExitCodes.ContentProblems;
            case PromotionStatus.ConservationFailed:
                context.Error.WriteLine($"error: {outcome.Message}");
                return ExitCodes.CouldNotRun;
            case PromotionStatus.NothingToPromote:
                Report(context, outcome, json, dryRun, written: false, commitSha: null, tagName: null);
                return ExitCodes.Ok;
        }

        var plan = outcome.Plan!;
        if (dryRun)
        {
            Report(context, outcome, json, dryRun: true, written: false, commitSha: null, tagName: null);
            return ExitCodes.Ok;
        }

        string? sha = null;
        string? tagName = null;
        if (commit)
        {
            (sha, tagName) = plan.ApplyAndCommit(folder, tag);
        }
        else
        {
            plan.Apply(folder);
        }

        Report(context, outcome, json, dryRun: false, written: true, sha, tagName);
        return ExitCodes.Ok;
    }

    private static void Report(CliContext context, PromotionOutcome outcome, bool json, bool dryRun, bool written, string? commitSha, string? tagName)
    {
        var summary = outcome.Summary!;
        if (json)
        {
            var report = new PromotionReportJson(
                outcome.Status == PromotionStatus.NothingToPromote ? "nothing-to-promote" : dryRun ? "dry-run" : "promoted",
                summary.Version.ToString(),
                summary.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                written ? [.. summary.Files] : [],
                [.. summary.Published.Select(count => new EntryCountJson(count.Visibility.ToString(), count.Type.ToString(), count.Count))],
                [.. summary.InternalLeftBehind.Select(count => new FlagCountJson(count.Flag, count.Count))],
                commitSha,
                tagName,
                dryRun ? outcome.Plan?.PublishedText : null,
                outcome.Message);
            context.Out.WriteLine(JsonSerializer.Serialize(report, PromoteJsonContext.Default.PromotionReportJson));
            return;
        }

        if (outcome.Status == PromotionStatus.NothingToPromote)
        {
            context.Out.WriteLine($"{outcome.Message}.");
            WriteLeftBehind(context.Out, summary);
            return;
        }

        // A dry run prints the note itself on stdout, so it can be piped; the summary goes to stderr then.
        var summaryWriter = dryRun ? context.Error : context.Out;
        if (dryRun)
        {
            context.Out.Write(outcome.Plan!.PublishedText);
            summaryWriter.WriteLine($"dry run: nothing written; would write {string.Join(" and ", summary.Files)}");
        }

        summaryWriter.WriteLine($"Release {summary.Version} ({summary.Date:yyyy-MM-dd})");
        if (written)
        {
            foreach (var file in summary.Files)
            {
                summaryWriter.WriteLine($"  wrote {file}");
            }
        }

        summaryWriter.WriteLine($"  published: {summary.PublishedTotal} entries");
        foreach (var count in summary.Published)
        {
            summaryWriter.WriteLine($"    {count.Visibility} {count.Type}: {count.Count}");
        }

        WriteLeftBehind(summaryWriter, summary);
        if (commitSha is not null)
        {
            summaryWriter.WriteLine($"  committed {commitSha[..7]} \"Release {summary.Version}\"{(tagName is null ? string.Empty : $", tagged {tagName}")}");
        }
    }

    private static void WriteLeftBehind(TextWriter writer, PromotionSummary summary)
    {
        writer.WriteLine($"  left in Internal: {summary.InternalLeftBehind.Sum(count => count.Count)} entries");
        foreach (var count in summary.InternalLeftBehind)
        {
            writer.WriteLine($"    flag {count.Flag}: {count.Count}");
        }
    }
}

internal sealed record EntryCountJson(string Visibility, string Type, int Count);

internal sealed record FlagCountJson(string Flag, int Count);

internal sealed record PromotionReportJson(
    string Status,
    string Version,
    string Date,
    IReadOnlyList<string> Files,
    IReadOnlyList<EntryCountJson> Published,
    IReadOnlyList<FlagCountJson> InternalLeftBehind,
    string? Commit,
    string? Tag,
    string? PublishedText,
    string? Message);

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PromotionReportJson))]
internal sealed partial class PromoteJsonContext : JsonSerializerContext;
