using System.Collections.Immutable;
using System.Globalization;
using BfReleaseNotes.Model;
using Semver;

namespace BfReleaseNotes.Checks;

/// <summary>
/// The rules of the merge-request check, as a pure function of what was read (<see cref="CheckEvidence"/>): which
/// entries were added, moved or removed, which added published file is a real release, which history changed,
/// whether the merge request opted out, and the decision with one sentence per finding. No I/O.
/// </summary>
public static class CheckPolicy
{
    /// <summary>Decides. Never returns <see cref="CheckOutcome.CannotDecide"/>: that is for missing evidence.</summary>
    public static CheckResult Decide(CheckEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var configuration = evidence.Configuration;
        var labels = evidence.Labels.Select(label => label.Trim()).Where(label => label.Length > 0).ToList();
        var editAllowed = labels.Contains(configuration.EditLabel, StringComparer.OrdinalIgnoreCase);

        var diff = Diff(evidence);
        var notesFiles = new HashSet<string>(evidence.NotesFiles, StringComparer.Ordinal) { evidence.UnreleasedPath, evidence.HeadUnreleasedPath };
        // The configuration itself is never ignored: a merge request must not exempt itself by widening "ignore".
        var relevant = evidence.ChangedPaths
            .Where(path => path == evidence.ConfigPath || (!notesFiles.Contains(path) && !configuration.IsIgnored(path)))
            .ToImmutableArray();
        var (optOut, optOutHints) = FindOptOut(evidence, labels);

        var failures = new List<CheckOutcome>();
        // An entry a merge brought back (BFRN207) is its own failure, with its own fix, not "notes invalid".
        // A published file left in the old folder is lost to every tool: no label allows it either.
        var invalid = evidence.UnreleasedMissing is not null || !evidence.LeftBehind.IsEmpty ||
                      evidence.Diagnostics.Any(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error && diagnostic.Code != DiagnosticCodes.AlreadyPublished);
        if (invalid)
        {
            failures.Add(CheckOutcome.NotesInvalid);
        }

        if (diff.Removed.Length > 0 && !editAllowed)
        {
            failures.Add(CheckOutcome.PendingEntriesRemoved);
        }

        if (diff.HistoryChanges.Length > 0 && !editAllowed)
        {
            failures.Add(CheckOutcome.PublishedHistoryChanged);
        }

        // No label allows it: the next promotion would publish these entries a second time.
        if (evidence.Diagnostics.Any(diagnostic => diagnostic.Code == DiagnosticCodes.AlreadyPublished))
        {
            failures.Add(CheckOutcome.EntriesAlreadyPublished);
        }

        // A broken configuration would stop every later check: the label cannot allow it.
        if (evidence.HeadConfigurationError is not null || (evidence.ConfigurationChanges.Length > 0 && !editAllowed))
        {
            failures.Add(CheckOutcome.ConfigurationChanged);
        }

        // A monorepo project whose paths the range does not touch, while it touches others': its new entries belong there.
        if (evidence.Project is not null && relevant.IsEmpty && diff.Added.Length > 0 && !evidence.OtherTouchedProjects.IsEmpty)
        {
            failures.Add(CheckOutcome.EntriesInWrongProject);
        }

        var notesUpdated = evidence.UnreleasedChanged && evidence.HeadEntries is not null && diff.Added.Length > 0;
        CheckOutcome? pass = notesUpdated ? CheckOutcome.NotesUpdated
            : diff.Releases.Length > 0 ? CheckOutcome.Released
            : optOut is not null ? CheckOutcome.OptedOut
            : relevant.IsEmpty ? CheckOutcome.NotRelevant
            : null;
        if (pass is null)
        {
            failures.Add(CheckOutcome.NotesNotUpdated);
        }

        var facts = new CheckMessages(evidence, diff, relevant, optOut);
        var findings = failures.Select(failure => facts.Finding(failure, failure == CheckOutcome.NotesNotUpdated ? optOutHints : [])).ToList();
        findings.AddRange(evidence.ExtraFindings);
        if (evidence.Project is { } project)
        {
            findings = [.. findings.Select(finding => finding with { Project = project.Name })];
        }

        var outcome = failures.Count > 0 ? failures[0] : evidence.ExtraFindings.Length > 0 ? evidence.ExtraFindings[0].Outcome : pass!.Value;
        var summary = findings.Count > 0 ? findings[0].Message : facts.Sentence(outcome);

        var details = new List<string>();
        details.AddRange(findings.Skip(1).Select(finding => finding.Message));
        if (evidence.Range is { } range && range.MergeBaseCommit != range.BaseCommit)
        {
            details.Add($"The base {CheckPaths.Short(range.BaseCommit)} ({range.Base.Source}) is not an ancestor of head, so head was compared with their merge base {CheckPaths.Short(range.MergeBaseCommit)}.");
        }

        if (editAllowed && (diff.Removed.Length > 0 || diff.HistoryChanges.Length > 0 || evidence.ConfigurationChanges.Length > 0))
        {
            details.Add($"The label '{configuration.EditLabel}' allows this merge request to remove {Count(diff.Removed.Length, "pending entry", "pending entries")}, " +
                        $"change {Count(diff.HistoryChanges.Length, "published file", "published files")} and {evidence.ConfigurationChanges.Length.ToString(CultureInfo.InvariantCulture)} rule(s) of {evidence.ConfigPath}.");
        }

        if (evidence.ConfigurationChanges.Length > 0)
        {
            details.Add($"{evidence.ConfigPath} changes these rules, which apply once merged (this check used the base's): {string.Join("; ", evidence.ConfigurationChanges)}.");
        }

        if (pass is not (CheckOutcome.OptedOut or CheckOutcome.Released) && !notesUpdated && evidence.UnreleasedChanged && evidence.HeadEntries is not null && diff.Added.Length == 0)
        {
            details.Add($"{evidence.HeadUnreleasedPath} changes, but no entry was added or changed.");
        }

        var hints = failures.Contains(CheckOutcome.NotesNotUpdated) ? optOutHints : [];
        details.AddRange(hints);

        return new CheckResult(outcome, summary)
        {
            Failures = [.. failures, .. evidence.ExtraFindings.Select(finding => finding.Outcome)],
            Findings = [.. findings],
            Hints = [.. hints],
            Details = [.. details],
            Range = evidence.Range,
            Folder = evidence.Folder,
            HeadFolder = evidence.HeadFolder,
            Diagnostics = evidence.Diagnostics,
            AddedEntries = diff.Added,
            RemovedEntries = diff.Removed,
            PublishedEntries = diff.Published,
            AddedPublishedFiles = [.. diff.Releases.Select(release => release.File)],
            ChangedPublishedFiles = diff.HistoryChanges,
            ConfigurationChanges = evidence.ConfigurationChanges,
            OptOut = optOut,
            EditAllowed = editAllowed,
            ChangedPaths = evidence.ChangedPaths,
            RelevantPaths = relevant,
        };
    }

    /// <summary>
    /// The entry diff: entries at head not at base are added; base entries gone from <c>unreleased.md</c> moved into
    /// a real release or were removed. An added published file is a release only when it lints clean, is newer than
    /// every version published at base, and holds at least one entry, each of which left <c>unreleased.md</c> in
    /// this range (what <c>promote</c> writes); any other added file is a history change.
    /// </summary>
    internal static EntryDiff Diff(CheckEvidence evidence)
    {
        var head = evidence.HeadEntries;
        var added = ImmutableArray<CheckedEntry>.Empty;
        var left = new List<CheckedEntry>();
        if (head is { } headEntries)
        {
            var headPool = new EntryPool(headEntries);
            left.AddRange(evidence.BaseEntries.Where(entry => !headPool.TryTake(entry)));
            var basePool = new EntryPool(evidence.BaseEntries);
            added = [.. headEntries.Where(entry => !basePool.TryTake(entry))];
        }
        else if (evidence.UnreleasedMissing is not null)
        {
            left.AddRange(evidence.BaseEntries);
        }

        var history = evidence.ChangedPublishedFiles.ToBuilder();
        var releases = ImmutableArray.CreateBuilder<ReleaseCandidate>();
        var published = ImmutableArray.CreateBuilder<CheckedEntry>();
        foreach (var candidate in evidence.AddedPublishedFiles.OrderBy(candidate => candidate.Version, SemVersion.PrecedenceComparer))
        {
            var problem = ReleaseProblem(candidate, left);
            if (problem is not null)
            {
                history.Add(new PublishedFileChange(candidate.File, PublishedChangeKind.Added) { Detail = problem });
                continue;
            }

            foreach (var entry in candidate.Entries)
            {
                // Stryker disable once Linq : ReleaseProblem has just taken every entry of the candidate from this same list, so First always finds one (FirstOrDefault alike)
                var moved = left.First(pending => EntryPool.Key(pending) == EntryPool.Key(entry));
                left.Remove(moved);
                published.Add(moved);
            }

            releases.Add(candidate);
        }

        return new EntryDiff(added, [.. left], published.ToImmutable(), releases.ToImmutable(), [.. history.OrderBy(change => change.File, StringComparer.Ordinal)]);
    }

    private static string? ReleaseProblem(ReleaseCandidate candidate, List<CheckedEntry> left)
    {
        if (!candidate.LintsClean)
        {
            return "not a release: it does not lint clean";
        }

        if (candidate.LatestAtBase is { } latest && SemVersion.ComparePrecedence(candidate.Version, latest) <= 0)
        {
            return $"not a release: version {candidate.Version} is not greater than {latest}, the latest published at base";
        }

        if (candidate.Entries.IsEmpty)
        {
            return "not a release: it holds no entry";
        }

        var pool = new EntryPool(left);
        var foreign = candidate.Entries.Count(entry => !pool.TryTake(entry));
        return foreign == 0 ? null
            : $"not a release: {Count(foreign, "entry", "entries")} of it did not leave {Markdown.ReleaseNotesParser.UnreleasedFileName} in this range";
    }

    /// <summary>The opt-out (label, then description, then the range's commit messages) and hints about near misses.</summary>
    private static (OptOut? OptOut, ImmutableArray<string> Hints) FindOptOut(CheckEvidence evidence, List<string> labels)
    {
        var configuration = evidence.Configuration;
        var hints = ImmutableArray.CreateBuilder<string>();
        OptOut? found = null;
        var project = evidence.Project;
        if (labels.Contains(configuration.NoneLabel, StringComparer.OrdinalIgnoreCase))
        {
            found = new OptOut(OptOutSource.Label, configuration.NoneLabel, null);
        }
        else if (project is not null && labels.Contains(project.NoneLabel, StringComparer.OrdinalIgnoreCase))
        {
            found = new OptOut(OptOutSource.Label, project.NoneLabel, null);
        }

        var lineSyntax = project is null ? OptOut.LineSyntax : OptOut.LineSyntaxFor(project.Name);
        var description = OptOut.Scan(evidence.Description, project?.Name);
        if (found is null && description.Reason is not null)
        {
            found = new OptOut(OptOutSource.Description, "the merge-request description", description.Reason) { Line = description.Line };
        }

        if (description.Rejected is not null && description.Reason is null)
        {
            hints.Add($"The description's line '{description.Rejected}' gives no reason, which does not opt out; write '{lineSyntax}' with a real reason.");
        }

        foreach (var commit in evidence.Commits)
        {
            var scan = OptOut.Scan(commit.Message, project?.Name);
            var subject = commit.Message.Split('\n', 2)[0].Trim();
            if (found is null && scan.Reason is not null)
            {
                found = new OptOut(OptOutSource.CommitMessage, $"commit {CheckPaths.Short(commit.Sha)} \"{subject}\"", scan.Reason) { Line = scan.Line };
            }

            if (scan.Rejected is not null && scan.Reason is null)
            {
                hints.Add($"Commit {CheckPaths.Short(commit.Sha)} \"{subject}\" says '{scan.Rejected}' without a reason, which does not opt out; write '{lineSyntax}' with a real reason.");
            }
        }

        if (found is null && evidence.DescriptionTruncated)
        {
            hints.Add($"GitLab cut the merge-request description at 2,700 characters (CI_MERGE_REQUEST_DESCRIPTION_IS_TRUNCATED), so a '{lineSyntax}' line after that point was not seen: move it to the top or use the label '{configuration.NoneLabel}'.");
        }

        return (found, hints.ToImmutable());
    }

    internal static string Count(int count, string one, string many) => $"{count.ToString(CultureInfo.InvariantCulture)} {(count == 1 ? one : many)}";
}
