using System.Collections.Immutable;
using BfReleaseNotes.Configuration;
using BfReleaseNotes.Markdown;
using BfReleaseNotes.Model;
using BfReleaseNotes.Workspace;

namespace BfReleaseNotes.Promotion;

/// <summary>
/// <c>promote --all</c>: promotes every project of a monorepo that has pending Public or Beta entries, each with its
/// own version (bumped from its own published files) and its own tag prefix (<c>manage/v1.4.0</c>). Each project is
/// all-or-nothing on its own: a project that is refused or fails leaves its files as they were, and the others still
/// promote. Nothing is written on a dry run.
/// </summary>
/// <example>
/// <code>
/// var results = ProjectPromotion.PromoteAll(ReleaseNotesLocator.LocateAll("."), new ProjectPromotionRequest(VersionBump.Minor, today));
/// </code>
/// </example>
public static class ProjectPromotion
{
    /// <summary>Plans and (unless <see cref="ProjectPromotionRequest.DryRun"/>) applies each project's promotion, in order.</summary>
    /// <returns>One result per project, in the order given.</returns>
    public static IReadOnlyList<ProjectPromotionResult> PromoteAll(IReadOnlyList<ReleaseNotesLocation> projects, ProjectPromotionRequest request)
    {
        ArgumentNullException.ThrowIfNull(projects);
        ArgumentNullException.ThrowIfNull(request);
        var results = new List<ProjectPromotionResult>();
        foreach (var location in projects)
        {
            var name = location.Project?.Name ?? Path.GetFileName(location.Root);
            try
            {
                results.Add(PromoteOne(location, name, request));
            }
            catch (EnvironmentException exception)
            {
                // This project's write or commit failed and was undone; the next project is independent of it.
                results.Add(new ProjectPromotionResult(name, location.Folder.Path, ProjectPromotionStatus.CouldNotRun, null, exception.Message));
            }
        }

        return results;
    }

    private static ProjectPromotionResult PromoteOne(ReleaseNotesLocation location, string name, ProjectPromotionRequest request)
    {
        var folder = location.Folder;
        if (!File.Exists(folder.UnreleasedPath))
        {
            return new ProjectPromotionResult(name, folder.Path, ProjectPromotionStatus.NothingToPromote, null, $"{folder.UnreleasedPath} does not exist");
        }

        if (ReleaseDateRule.Check(folder, request.Date, request.AllowEarlierDate) is { } dateError)
        {
            return new ProjectPromotionResult(name, folder.Path, ProjectPromotionStatus.Refused, null, dateError);
        }

        var commit = request.Commit ?? location.Configuration.Promote.Commit;
        var tag = request.Tag ?? location.Configuration.Promote.Tag;
        using var session = request.DryRun ? null : WriteSession.Open(folder.Path, "promote --all");
        // Read after the lock is taken; the plan keeps the bytes it was made from, so its write refuses a file changed since.
        var unreleased = folder.ReadUnreleased();
        var republished = Linting.RepublishedEntries.Find(unreleased, Linting.RepublishedEntries.PublishedBeside(folder.UnreleasedPath));
        if (!republished.IsEmpty)
        {
            return new ProjectPromotionResult(name, folder.Path, ProjectPromotionStatus.Invalid, null,
                $"{republished.Length} entr{(republished.Length == 1 ? "y" : "ies")} of {folder.UnreleasedPath} already published; run 'bf-release-notes lint --fix --project {name}' to remove them from unreleased.md (they stay in the published files)")
            {
                Diagnostics = republished,
            };
        }

        var promotion = new PromotionRequest(null, request.Bump ?? location.Configuration.Promote.Bump, request.Date) { AutoBump = request.AutoBump ? Rule(location) : null };
        var outcome = Promoter.Plan(unreleased, [.. folder.PublishedFiles().Select(file => file.Version)], promotion, folder);
        var status = outcome.Status switch
        {
            PromotionStatus.NothingToPromote => ProjectPromotionStatus.NothingToPromote,
            PromotionStatus.Invalid => ProjectPromotionStatus.Invalid,
            PromotionStatus.Refused => ProjectPromotionStatus.Refused,
            PromotionStatus.ConservationFailed => ProjectPromotionStatus.CouldNotRun,
            _ => request.DryRun ? ProjectPromotionStatus.DryRun : ProjectPromotionStatus.Promoted,
        };
        var result = new ProjectPromotionResult(name, folder.Path, status, outcome, outcome.Message) { Diagnostics = outcome.Diagnostics };
        if (status != ProjectPromotionStatus.Promoted)
        {
            return result;
        }

        var plan = outcome.Plan!;
        if (commit || tag)
        {
            var (sha, tagName) = plan.ApplyAndCommit(session!, tag, location.Configuration.Promote.TagPrefix, plan.CommitMessage(location.Project?.Name));
            return result with { Commit = sha, Tag = tagName };
        }

        plan.Apply(session!);
        return result;
    }

    /// <summary>The <c>"release"</c> rule of the configuration the location was read from (in a monorepo, the root's).</summary>
    private static BumpRule Rule(ReleaseNotesLocation location)
    {
        if (location.ConfigurationPath is { } path && File.Exists(path))
        {
            return ReleaseSettings.TryParse(ReleaseNotesFolder.ReadBytes(path), path, out var rule, out var error)
                ? rule
                : throw new EnvironmentException($"the configuration is not valid: {error}");
        }

        return ReleaseSettings.Load(location.Folder);
    }
}
