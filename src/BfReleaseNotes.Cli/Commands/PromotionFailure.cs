using BfReleaseNotes.Promotion;

namespace BfReleaseNotes.Cli.Commands;

/// <summary>
/// How <c>promote</c> and <c>next-version</c> report a promotion that cannot go ahead: one place, so the two commands
/// cannot drift apart in wording or exit code.
/// </summary>
internal static class PromotionFailure
{
    /// <summary>Prints why and returns the exit code; null when the outcome is a plan or nothing to promote.</summary>
    public static int? Report(CliContext context, PromotionOutcome outcome)
    {
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
            default:
                return null;
        }
    }
}
