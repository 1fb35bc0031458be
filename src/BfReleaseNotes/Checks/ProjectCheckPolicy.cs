using System.Collections.Immutable;

namespace BfReleaseNotes.Checks;

/// <summary>
/// The merge-request check of a monorepo, as a pure function: <see cref="CheckPolicy.Decide"/> once for the
/// repository-wide evidence (configuration changes, paths no project owns) and once per project the range touches or
/// whose notes it changes, then one combined result that lists every such project with its own result. The first
/// failure (repository-wide first, then in the configuration's order) decides the outcome.
/// </summary>
public static class ProjectCheckPolicy
{
    /// <summary>Decides each part and combines them. Projects the range neither touches nor whose notes it changes are left out.</summary>
    /// <param name="repository">The repository-wide evidence (its <see cref="CheckEvidence.Project"/> is null).</param>
    /// <param name="projects">One evidence per project, each holding only the changed paths the project owns and its release-notes files.</param>
    public static CheckResult Decide(CheckEvidence repository, IReadOnlyList<CheckEvidence> projects)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(projects);
        var whole = CheckPolicy.Decide(repository);
        var parts = ImmutableArray.CreateBuilder<ProjectCheckResult>();
        foreach (var evidence in projects)
        {
            var project = evidence.Project ?? throw new ArgumentException("every project's evidence names its project", nameof(projects));
            var result = CheckPolicy.Decide(evidence);
            var touched = !result.RelevantPaths.IsEmpty;
            var notesChanged = evidence.ChangedPaths.Any(evidence.NotesFiles.Contains);
            if (touched || notesChanged || !result.Passed)
            {
                parts.Add(new ProjectCheckResult(project.Name, evidence.Folder, touched, result));
            }
        }

        // Every changed path is in some part: a project's (owned, or its notes), or the repository-wide one.
        var changed = projects.SelectMany(evidence => evidence.ChangedPaths).Concat(repository.ChangedPaths).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToImmutableArray();
        return Combine(whole, parts.ToImmutable(), changed);
    }

    internal static CheckResult Decide(ProjectEvidence evidence) => Decide(evidence.Repository, evidence.Projects);

    private static CheckResult Combine(CheckResult whole, ImmutableArray<ProjectCheckResult> projects, ImmutableArray<string> changed)
    {
        var results = projects.Select(project => project.Result).Prepend(whole).ToList();
        var failing = results.FirstOrDefault(result => !result.Passed);
        var outcome = failing?.Outcome
            ?? (projects.IsEmpty ? whole.Outcome
                : projects.Select(project => project.Result.Outcome).Min());
        var findings = results.SelectMany(result => result.Findings).ToImmutableArray();
        string summary;
        var details = new List<string>();
        if (failing is not null)
        {
            // The parts before the first failing one passed and hold no finding, so its sentence is findings[0]'s.
            summary = failing.Summary;
            details.AddRange(findings.Skip(1).Select(finding => finding.Message));
        }
        else if (projects.IsEmpty && whole.Outcome == CheckOutcome.NotRelevant)
        {
            summary = changed.IsEmpty
                ? "check passed (not relevant): the range changes no file, so no release notes are needed."
                : $"check passed (not relevant): none of the {CheckPolicy.Count(changed.Length, "changed path", "changed paths")} needs a project's notes (each is ignored or a release-notes file), so no release notes are needed.";
        }
        else if (projects.IsEmpty)
        {
            summary = whole.Summary;
        }
        else
        {
            summary = $"check passed: every project this merge request concerns is handled: {string.Join(", ", projects.Select(project => $"'{project.Project}' ({CheckResult.NameOf(project.Result.Outcome).Replace('-', ' ')})"))}.";
        }

        foreach (var project in projects)
        {
            if (project.Result.Passed)
            {
                details.Add(project.Result.Summary);
            }

            // A part's details repeat its later findings, which are listed above already: Distinct below drops the copies.
            details.AddRange(project.Result.Details);
        }

        details.AddRange(whole.Details);
        return new CheckResult(outcome, summary)
        {
            Failures = [.. results.SelectMany(result => result.Failures)],
            Findings = findings,
            Hints = [.. results.SelectMany(result => result.Hints).Distinct(StringComparer.Ordinal)],
            Details = [.. details.Distinct(StringComparer.Ordinal)],
            Range = whole.Range,
            Folder = whole.Folder,
            HeadFolder = whole.HeadFolder,
            Diagnostics = [.. results.SelectMany(result => result.Diagnostics)],
            AddedEntries = [.. results.SelectMany(result => result.AddedEntries)],
            RemovedEntries = [.. results.SelectMany(result => result.RemovedEntries)],
            PublishedEntries = [.. results.SelectMany(result => result.PublishedEntries)],
            AddedPublishedFiles = [.. results.SelectMany(result => result.AddedPublishedFiles)],
            ChangedPublishedFiles = [.. results.SelectMany(result => result.ChangedPublishedFiles)],
            ConfigurationChanges = whole.ConfigurationChanges,
            OptOut = whole.OptOut,
            EditAllowed = whole.EditAllowed,
            ChangedPaths = changed,
            RelevantPaths = [.. results.SelectMany(result => result.RelevantPaths).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            Projects = projects,
        };
    }
}
