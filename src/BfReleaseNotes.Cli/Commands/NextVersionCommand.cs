using System.CommandLine;
using BfReleaseNotes.History;
using BfReleaseNotes.Promotion;
using BfReleaseNotes.Workspace;

namespace BfReleaseNotes.Cli.Commands;

/// <summary><c>next-version</c>: prints the version (or bump) the next <c>promote</c> would publish, for scripts.</summary>
internal static class NextVersionCommand
{
    public static Command Create(CliContext context)
    {
        var dir = CommonOptions.Dir();
        var project = CommonOptions.Project();
        var bump = CommonOptions.Word("--bump", "auto, major, minor or patch, as for promote (any case). Default: \"promote.bump\" of config.json, else minor.", "auto", "major", "minor", "patch");
        var print = new Option<string>("--print") { Description = "version (default); bump: major, minor or patch (for semantic-release's analyzeCommitsCmd); notes: the note without its title, as 'show VERSION --no-title' will print it (for generateNotesCmd).", DefaultValueFactory = _ => "version" };
        print.AcceptOnlyFromAmong("version", "bump", "notes");
        var command = new Command("next-version", "Print only the version the next 'promote' would publish (with --bump auto, the deciding entry goes to stderr). Prints nothing when there is nothing to promote.\n" + ExitCodes.Help)
        {
            dir, project, bump, print,
        };
        command.SetAction(parse =>
        {
            var location = CommonOptions.Locate(context, parse.GetValue(dir), parse.GetValue(project));
            var folder = location.Folder;
            folder.EnsureExists();
            var bumpName = parse.GetValue(bump);
            // The very plan promote makes (same request, same library call), so the two cannot disagree.
            var request = PromoteCommand.Request(folder, version: null, bumpName, location.Configuration.Promote.Bump, DateOnly.FromDateTime(context.Clock.GetUtcNow().UtcDateTime));
            var outcome = Promoter.Plan(folder.ReadUnreleased(), [.. folder.PublishedFiles().Select(file => file.Version)], request, folder);
            if (PromotionFailure.Report(context, outcome) is { } failed)
            {
                return failed;
            }

            if (outcome.Status == PromotionStatus.NothingToPromote)
            {
                context.Error.WriteLine("nothing to promote: Public and Beta are empty");
                return ExitCodes.Ok;
            }

            var summary = outcome.Summary!;
            if (summary.Decision is { } decision)
            {
                context.Error.WriteLine(decision.Describe());
            }

            var applied = summary.Decision?.Bump ?? request.Bump;
            switch (parse.GetValue(print))
            {
                case "bump":
                    context.Out.WriteLine(applied.ToString().ToLowerInvariant());
                    break;
                case "notes":
                    context.Out.Write(NoteExporter.PlannedMarkdown(outcome.Plan!, publicOnly: false, withoutTitle: true));
                    break;
                default:
                    context.Out.WriteLine(summary.Version.ToString());
                    break;
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
