using System.Globalization;
using BfReleaseNotes.Promotion;
using BfReleaseNotes.Text;
using BfReleaseNotes.Workspace;

namespace BfReleaseNotes.Cli.Commands;

/// <summary>
/// <c>promote --all</c>: a monorepo's weekly release, one library call (<see cref="ProjectPromotion.PromoteAll"/>) and one
/// summary. Kept apart from <see cref="PromoteCommand"/>, which promotes one folder.
/// </summary>
internal static class PromoteAllCommand
{
    /// <summary>Runs the promotion of every project and prints one summary; exit 2 when a project could not run, else 1 when one was refused or invalid.</summary>
    public static int Run(CliContext context, ProjectPromotionRequest request, bool json)
    {
        var results = ProjectPromotion.PromoteAll(CommonOptions.LocateAll(context), request);
        if (json)
        {
            context.Out.WriteLine(ProjectPromotionReportJson.Serialize(results));
        }
        else
        {
            Print(context, results, request.DryRun);
        }

        return results.Any(result => result.Status == ProjectPromotionStatus.CouldNotRun) ? ExitCodes.CouldNotRun
            : results.Any(result => result.Status is ProjectPromotionStatus.Invalid or ProjectPromotionStatus.Refused) ? ExitCodes.ContentProblems
            : ExitCodes.Ok;
    }

    private static void Print(CliContext context, IReadOnlyList<ProjectPromotionResult> results, bool dryRun)
    {
        var done = results.Count(result => result.Status is ProjectPromotionStatus.Promoted or ProjectPromotionStatus.DryRun);
        var idle = results.Count(result => result.Status == ProjectPromotionStatus.NothingToPromote);
        var failed = results.Count - done - idle;
        context.Out.WriteLine($"promote --all{(dryRun ? " (dry run: nothing written)" : string.Empty)}: {Plural.Of(done, "project")} {(dryRun ? "would be promoted" : "promoted")}, {idle} with nothing to promote{(failed > 0 ? $", {failed} not promoted" : string.Empty)}");
        foreach (var result in results)
        {
            CommonOptions.PrintDiagnostics(context, result.Diagnostics);
            switch (result.Status)
            {
                case ProjectPromotionStatus.Promoted or ProjectPromotionStatus.DryRun:
                    var summary = result.Outcome!.Summary!;
                    var recorded = result.Commit is null ? string.Empty : $"; committed {result.Commit[..7]}{(result.Tag is null ? string.Empty : $", tagged {result.Tag}")}";
                    context.Out.WriteLine($"  {result.Project} {summary.Version} ({summary.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}): {Plural.Of(summary.PublishedTotal, "entry", "entries")}; {(dryRun ? "would write" : "wrote")} {string.Join(" and ", summary.Files)}{recorded}");
                    break;
                case ProjectPromotionStatus.NothingToPromote:
                    context.Out.WriteLine($"  {result.Project}: nothing to promote");
                    break;
                default:
                    context.Error.WriteLine($"error: {result.Project}: {result.Message}. Its files were not changed.");
                    break;
            }
        }
    }
}
