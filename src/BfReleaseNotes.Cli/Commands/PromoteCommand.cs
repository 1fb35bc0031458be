using System.CommandLine;
using System.Globalization;
using BfReleaseNotes.Promotion;
using BfReleaseNotes.Text;
using BfReleaseNotes.Workspace;
using Semver;

namespace BfReleaseNotes.Cli.Commands;

/// <summary><c>promote</c>: publishes Public and Beta as a new release; Internal stays behind.</summary>
internal static class PromoteCommand
{
    public static Command Create(CliContext context)
    {
        var dir = CommonOptions.Dir();
        var project = CommonOptions.Project();
        var all = new Option<bool>("--all") { Description = "Monorepo: promote every project with pending Public or Beta entries, each with its own version and tag prefix (manage/v1.4.0), each all-or-nothing; one summary." };
        var version = new Option<string?>("--version") { Description = "The release version (SemVer 2.0; a leading 'v' is dropped). Default: the latest published version bumped by --bump." };
        var bump = CommonOptions.Word("--bump", "Which part to increment: auto, major, minor or patch (any case; ignored with --version). Default: \"promote.bump\" of config.json, else minor. auto: decided by the pending entries (Removed or '**Breaking:**' major, minor while 0.x; Added, Changed, Deprecated minor; Fixed, Security patch; configurable under \"release\" in config.json).", "auto", "major", "minor", "patch");
        var date = new Option<string?>("--date") { Description = "The release date, YYYY-MM-DD. Default: today (UTC). Refused when earlier than the latest published release's date." };
        var allowEarlierDate = new Option<bool>("--allow-earlier-date") { Description = "Accept a --date earlier than the latest published release's date." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the note that would be published and the summary; write nothing." };
        var format = CommonOptions.Format();
        var commit = new Option<bool>("--commit") { Description = "Commit exactly the two files as 'Release <version>' (author from git config). Default: \"promote.commit\" of config.json, else off." };
        var noCommit = new Option<bool>("--no-commit") { Description = "Do not commit (nor tag), whatever config.json says." };
        var tag = new Option<bool>("--tag") { Description = "Also add an annotated tag <prefix><version>, prefix \"promote.tagPrefix\" of config.json, else v (implies --commit). Default: \"promote.tag\" of config.json, else off." };
        var noTag = new Option<bool>("--no-tag") { Description = "Do not tag, whatever config.json says." };
        var tagPrefix = new Option<string?>("--tag-prefix") { Description = "What the tag name puts before the version. Default: \"promote.tagPrefix\" of config.json, else v." };
        var command = new Command("promote", "Publish Public and Beta of unreleased.md as <dir>/<version>.md and empty them; Internal stays.\n" + ExitCodes.Help + " Exit 1 also when the version is not greater than the latest or already published.")
        {
            dir, project, all, version, bump, date, allowEarlierDate, dryRun, format, commit, noCommit, tag, noTag, tagPrefix,
        };
        command.SetAction(parse =>
        {
            if (parse.GetValue(version) is not null && parse.GetValue(bump) is not null)
            {
                context.Error.WriteLine("error: give --version or --bump, not both");
                return ExitCodes.CouldNotRun;
            }

            SemVersion? explicitVersion = null;
            if (parse.GetValue(version) is { } versionText && !TryParseVersion(versionText, out explicitVersion))
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

            if (parse.GetValue(all))
            {
                return PromoteAll(context, parse, (dir, project, version, tagPrefix), new ProjectPromotionRequest(null, releaseDate)
                {
                    Bump = parse.GetValue(bump) is { } word && word != "auto" ? Enum.Parse<VersionBump>(word, ignoreCase: true) : null,
                    AutoBump = parse.GetValue(bump) == "auto",
                    DryRun = parse.GetValue(dryRun),
                    AllowEarlierDate = parse.GetValue(allowEarlierDate),
                }, (parse.GetValue(commit), parse.GetValue(noCommit), parse.GetValue(tag), parse.GetValue(noTag)), parse.GetValue(format) == "json");
            }

            var location = CommonOptions.Locate(context, parse.GetValue(dir), parse.GetValue(project));
            var defaults = location.Configuration.Promote;
            if (defaults.Decide(parse.GetValue(commit), parse.GetValue(noCommit), parse.GetValue(tag), parse.GetValue(noTag)) is not { } recording)
            {
                context.Error.WriteLine("error: --commit/--tag and --no-commit/--no-tag contradict each other; give one of them");
                return ExitCodes.CouldNotRun;
            }

            if (ReleaseDateRule.Check(location.Folder, releaseDate, parse.GetValue(allowEarlierDate)) is { } dateError)
            {
                context.Error.WriteLine($"error: {dateError}. No file was changed.");
                return ExitCodes.CouldNotRun;
            }

            var request = Request(location.Folder, explicitVersion, parse.GetValue(bump), defaults.Bump, releaseDate);
            return Run(context, location.Folder, request, parse.GetValue(dryRun), parse.GetValue(format) == "json", new CommitChoice(recording.Commit, recording.Tag, parse.GetValue(tagPrefix) ?? defaults.TagPrefix, location.Project?.Name));
        });
        return command;
    }

    /// <summary><c>--all</c>: refuses the options that name one folder or one version, then hands over to <see cref="PromoteAllCommand"/>.</summary>
    private static int PromoteAll(CliContext context, ParseResult parse, (Option<string?> Dir, Option<string?> Project, Option<string?> Version, Option<string?> TagPrefix) single, ProjectPromotionRequest request, (bool Commit, bool NoCommit, bool Tag, bool NoTag) asked, bool json)
    {
        if (new[] { single.Dir, single.Project, single.Version, single.TagPrefix }.FirstOrDefault(option => parse.GetValue(option) is not null) is { } conflicting)
        {
            context.Error.WriteLine($"error: --all promotes every project with its own folder, version and tag prefix; leave out {conflicting.Name}");
            return ExitCodes.CouldNotRun;
        }

        if (CommonOptions.LocateAll(context)[0].Configuration.Promote.Decide(asked.Commit, asked.NoCommit, asked.Tag, asked.NoTag) is not { } recording)
        {
            context.Error.WriteLine("error: --commit/--tag and --no-commit/--no-tag contradict each other; give one of them");
            return ExitCodes.CouldNotRun;
        }

        return PromoteAllCommand.Run(context, request with { Commit = recording.Commit, Tag = recording.Tag }, json);
    }

    /// <summary>The request for <c>--bump</c> (auto reads the folder's rule); shared with <c>next-version</c> so both decide alike.</summary>
    internal static PromotionRequest Request(ReleaseNotesFolder folder, SemVersion? version, string? bump, VersionBump fallback, DateOnly date) =>
        string.Equals(bump, "auto", StringComparison.OrdinalIgnoreCase)
            ? new PromotionRequest(version, VersionBump.Minor, date) { AutoBump = ReleaseSettings.Load(folder) }
            : new PromotionRequest(version, bump is null ? fallback : Enum.Parse<VersionBump>(bump, ignoreCase: true), date);

    /// <summary>A SemVer 2.0 version, also written with a leading <c>v</c> as tags are (<c>v1.0.0</c> is <c>1.0.0</c>).</summary>
    private static bool TryParseVersion(string text, out SemVersion? version)
    {
        var trimmed = text.Trim();
        if (trimmed.Length > 1 && trimmed[0] is 'v' or 'V' && char.IsAsciiDigit(trimmed[1]))
        {
            trimmed = trimmed[1..];
        }

        return SemVersion.TryParse(trimmed, SemVersionStyles.Strict, out version);
    }

    private sealed record CommitChoice(bool Commit, bool Tag, string TagPrefix, string? Project);

    private static int Run(CliContext context, ReleaseNotesFolder folder, PromotionRequest request, bool dryRun, bool json, CommitChoice choice)
    {
        folder.EnsureExists();
        // A real promotion holds the folder's lock from the read to the write: a racing add or promote waits, then
        // sees what this one wrote, so nothing is lost or published twice.
        using var session = dryRun ? null : CommonOptions.OpenSession(context, folder, "promote");
        var unreleased = session?.ReadUnreleased() ?? folder.ReadUnreleased();
        var outcome = Promoter.Plan(unreleased, [.. folder.PublishedFiles().Select(file => file.Version)], request, folder);
        if (PromotionFailure.Report(context, outcome) is { } failed)
        {
            return failed;
        }

        if (outcome.Status == PromotionStatus.NothingToPromote)
        {
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
        if (choice.Commit)
        {
            (sha, tagName) = plan.ApplyAndCommit(session!, choice.Tag, choice.TagPrefix, plan.CommitMessage(choice.Project));
        }
        else
        {
            plan.Apply(session!);
        }

        Report(context, outcome, json, dryRun: false, written: true, sha, tagName, plan.CommitMessage(choice.Project));
        return ExitCodes.Ok;
    }

    private static void Report(CliContext context, PromotionOutcome outcome, bool json, bool dryRun, bool written, string? commitSha, string? tagName, string? commitMessage = null)
    {
        var summary = outcome.Summary!;
        if (json)
        {
            context.Out.WriteLine(PromotionReportJson.Serialize(outcome, dryRun, commitSha, tagName));
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

        if (summary.Decision is { } decision)
        {
            summaryWriter.WriteLine($"  {decision.Describe()}");
        }

        summaryWriter.WriteLine($"  published: {Plural.Of(summary.PublishedTotal, "entry", "entries")}");
        foreach (var count in summary.Published)
        {
            summaryWriter.WriteLine($"    {count.Visibility} {count.Type}: {count.Count}");
        }

        WriteLeftBehind(summaryWriter, summary);
        if (commitSha is not null)
        {
            summaryWriter.WriteLine($"  committed {commitSha[..7]} \"{commitMessage ?? $"Release {summary.Version}"}\"{(tagName is null ? string.Empty : $", tagged {tagName}")}");
        }
    }

    private static void WriteLeftBehind(TextWriter writer, PromotionSummary summary)
    {
        writer.WriteLine($"  left in Internal: {Plural.Of(summary.InternalLeftBehind.Sum(count => count.Count), "entry", "entries")}");
        foreach (var count in summary.InternalLeftBehind)
        {
            writer.WriteLine($"    flag {count.Flag}: {count.Count}");
        }
    }
}
