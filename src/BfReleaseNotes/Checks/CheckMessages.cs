using System.Collections.Immutable;
using BfReleaseNotes.Model;

namespace BfReleaseNotes.Checks;

/// <summary>The words of the check: one sentence per outcome with the reason and what to do next, kept apart from the rules.</summary>
internal sealed class CheckMessages(CheckEvidence evidence, EntryDiff diff, ImmutableArray<string> relevant, OptOut? optOut)
{
    /// <summary>A failure with its own sentence, at the file and line it is about.</summary>
    public CheckFinding Finding(CheckOutcome outcome, ImmutableArray<string> hints)
    {
        var (file, line) = outcome switch
        {
            // Where the sentence points: a file left in the old folder (the sentence names it), else the first error.
            CheckOutcome.NotesInvalid when evidence.UnreleasedMissing is null && !evidence.LeftBehind.IsEmpty => (evidence.LeftBehind[0], 1),
            CheckOutcome.NotesInvalid => evidence.Diagnostics.FirstOrDefault(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error && diagnostic.Code != DiagnosticCodes.AlreadyPublished) is { } error
                ? (error.File, error.Position.Line)
                : (evidence.HeadUnreleasedPath, 1),
            CheckOutcome.PendingEntriesRemoved => (diff.Removed[0].File, diff.Removed[0].Line),
            CheckOutcome.PublishedHistoryChanged => (diff.HistoryChanges[0].File, 1),
            // Stryker disable once Linq : this outcome is decided only when a BFRN207 diagnostic exists, so First always finds one (FirstOrDefault alike)
            CheckOutcome.EntriesAlreadyPublished => evidence.Diagnostics.Where(diagnostic => diagnostic.Code == DiagnosticCodes.AlreadyPublished).Select(back => (back.File, back.Position.Line)).First(),
            CheckOutcome.ConfigurationChanged => evidence.HeadConfigurationError is { } configError ? (configError.File, configError.Line) : (evidence.ConfigPath, 1),
            CheckOutcome.EntriesInWrongProject => (diff.Added[0].File, diff.Added[0].Line),
            CheckOutcome.NotesNotUpdated when evidence.Project is null && !evidence.Configuration.Projects.IsEmpty => (evidence.ConfigPath, 1),
            _ => (evidence.HeadUnreleasedPath, 1),
        };
        return new CheckFinding(outcome, Sentence(outcome), file, Math.Max(line, 1)) { Hints = hints };
    }

    /// <summary>
    /// The one sentence for an outcome: what was decided, why, and what to do next; in a monorepo it names the
    /// project (<c>check failed (notes not updated) for project 'admin': ...</c>).
    /// </summary>
    public string Sentence(CheckOutcome outcome)
    {
        var sentence = Plain(outcome);
        var colon = sentence.IndexOf("): ", StringComparison.Ordinal);
        // Stryker disable once Equality : every sentence starts with "check ... (outcome): ", so the colon is never at 0 (> 0 and >= 0 agree)
        return evidence.Project is { } project && colon > 0 ? $"{sentence[..(colon + 1)]} for project '{project.Name}'{sentence[(colon + 1)..]}" : sentence;
    }

    private string Plain(CheckOutcome outcome)
    {
        var configuration = evidence.Configuration;
        var unreleased = evidence.HeadUnreleasedPath;
        switch (outcome)
        {
            case CheckOutcome.NotesUpdated:
                return $"check passed (notes updated): {unreleased} adds or changes {CheckPolicy.Count(diff.Added.Length, "entry", "entries")} and lints clean.";
            case CheckOutcome.Released:
                var versions = string.Join(", ", diff.Releases.Select(release => release.Version.ToString()));
                // A release holds at least one entry and every one of them left unreleased.md (CheckPolicy.ReleaseProblem), so something always moved.
                return $"check passed (release): this merge request publishes {versions} ({string.Join(", ", diff.Releases.Select(release => release.File))}), " +
                       $"moving {CheckPolicy.Count(diff.Published.Length, "pending entry", "pending entries")} out of {evidence.UnreleasedPath}.";
            case CheckOutcome.OptedOut:
                return optOut!.Source switch
                {
                    OptOutSource.Label => $"check passed (opted out): the label '{optOut.Where}' says this merge request needs no release notes.",
                    OptOutSource.Description => $"check passed (opted out): the merge-request description says '{optOut.Line}'.",
                    _ => $"check passed (opted out): {optOut.Where} says '{optOut.Line}'.",
                };
            case CheckOutcome.NotRelevant:
                if (evidence.ChangedPaths.IsEmpty)
                {
                    return "check passed (not relevant): the range changes no file, so no release notes are needed.";
                }

                var notesFiles = new HashSet<string>(evidence.NotesFiles, StringComparer.Ordinal) { evidence.UnreleasedPath, unreleased };
                return configuration.Ignore.IsEmpty || evidence.ChangedPaths.All(notesFiles.Contains)
                    ? "check passed (not relevant): the range changes only release-notes files and adds no entry, so nothing else needs a note."
                    : $"check passed (not relevant): every changed path ({evidence.ChangedPaths.Length}) matches the ignore patterns of {evidence.ConfigPath} or is a release-notes file, so no release notes are needed.";
            case CheckOutcome.NotesNotUpdated when evidence.Project is null && !configuration.Projects.IsEmpty:
                return $"check failed (notes not updated): this merge request changes {CheckPolicy.Count(relevant.Length, "file", "files")} that no project owns (such as {relevant[0]}); " +
                       $"add {(relevant.Length == 1 ? "it" : "them")} to a project's \"paths\" or to \"ignore\" in {evidence.ConfigPath}, or mark one project \"default\": true (with the label '{configuration.EditLabel}'), " +
                       $"or opt out with the label '{configuration.NoneLabel}' or a line '{OptOut.LineSyntax}' in the description or in a commit message.";
            case CheckOutcome.NotesNotUpdated when evidence.Project is { } project:
                return $"check failed (notes not updated): this merge request changes {CheckPolicy.Count(relevant.Length, "file", "files")} of '{project.Name}' (such as {relevant[0]}) " +
                       $"but adds no entry to {unreleased}; add one with `bf-release-notes add --project {project.Name} --section public --type fixed \"What changed for users\"` and commit it, " +
                       $"or opt out of '{project.Name}' with the label '{project.NoneLabel}' or a line '{OptOut.LineSyntaxFor(project.Name)}' (or of every project with '{configuration.NoneLabel}') in the description or in a commit message.";
            case CheckOutcome.EntriesInWrongProject:
                var others = evidence.OtherTouchedProjects;
                var entries = diff.Added.Length == 1 ? "it" : "them";
                return $"check failed (entries in the wrong project): this merge request adds {CheckPolicy.Count(diff.Added.Length, "entry", "entries")} to {unreleased}, " +
                       $"but changes none of the paths of '{evidence.Project!.Name}' ({string.Join(", ", evidence.Project.Paths.Select(pattern => pattern.Text))}), only those of {string.Join(", ", others.Select(name => $"'{name}'"))}; " +
                       $"move {entries} to the project that changed (`bf-release-notes add --project {others[0]} --section public --type fixed \"...\"`) and remove {entries} from {unreleased}.";
            case CheckOutcome.NotesNotUpdated:
                var dirOption = evidence.HeadFolder == Workspace.ReleaseNotesFolder.DefaultPath ? string.Empty : $" --dir {evidence.HeadFolder}";
                return $"check failed (notes not updated): this merge request changes {CheckPolicy.Count(relevant.Length, "file", "files")} that {(relevant.Length == 1 ? "needs" : "need")} release notes (such as {relevant[0]}) " +
                       $"but adds no entry to {unreleased}; add one with `bf-release-notes add{dirOption} --section public --type fixed \"What changed for users\"` and commit it, " +
                       $"or opt out with the label '{configuration.NoneLabel}' or a line '{OptOut.LineSyntax}' in the description or in a commit message.";
            case CheckOutcome.NotesInvalid:
                if (evidence.UnreleasedMissing is not null)
                {
                    return $"check failed (notes invalid): {evidence.UnreleasedMissing}.";
                }

                if (!evidence.LeftBehind.IsEmpty)
                {
                    // CheckPaths.Join, not "folder/name": notes moved to the repository root have the folder "".
                    var moves = string.Join("; ", evidence.LeftBehind.Select(path => $"`git mv {path} {CheckPaths.Join(evidence.HeadFolder, path[(path.LastIndexOf('/') + 1)..])}`"));
                    return $"check failed (notes invalid): this merge request moves the notes folder from {FolderName(evidence.Folder)} to {FolderName(evidence.HeadFolder)} " +
                           $"but leaves {string.Join(", ", evidence.LeftBehind)} behind; every tool reads {FolderName(evidence.HeadFolder)} only, so {(evidence.LeftBehind.Length == 1 ? "that release" : "those releases")} " +
                           $"would drop out of the history and {(evidence.LeftBehind.Length == 1 ? "its version" : "their versions")} could be published again: move {(evidence.LeftBehind.Length == 1 ? "it" : "them")} ({moves}), commit and push.";
                }

                var errors = evidence.Diagnostics.Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error && diagnostic.Code != DiagnosticCodes.AlreadyPublished).ToList();
                var files = string.Join(", ", errors.Select(diagnostic => diagnostic.File).Distinct(StringComparer.Ordinal));
                var flagHint = errors.Any(error => error.Code == DiagnosticCodes.UnknownFlag)
                    ? " Flags unknown to the feature-flag registry: correct the key or create the flag (`bf-release-notes flags check` shows them)."
                    : string.Empty;
                return $"check failed (notes invalid): {files} at head {(errors.Count == 1 ? "has 1 error" : $"has {errors.Count} errors")} (listed as file:line:col); " +
                       "fix them (`bf-release-notes lint` shows them, `lint --fix` repairs the fixable ones), commit and push." + flagHint;
            case CheckOutcome.PendingEntriesRemoved:
                return $"check failed (pending entries removed): this merge request removes or rewrites {CheckPolicy.Count(diff.Removed.Length, "pending entry", "pending entries")} of {evidence.UnreleasedPath} " +
                       $"that it did not add (listed below); restore {(diff.Removed.Length == 1 ? "it" : "them")}, or add the label '{configuration.EditLabel}' if this is intended.";
            case CheckOutcome.PublishedHistoryChanged:
                var changed = string.Join(", ", diff.HistoryChanges.Select(change => change.ToString()));
                return $"check failed (published history changed): {changed}; published releases must not change (a release is a new, newer, lint-clean file holding only entries that left {evidence.UnreleasedPath}, as `bf-release-notes promote` writes it), " +
                       $"so revert {(diff.HistoryChanges.Length == 1 ? "it" : "them")}, or add the label '{configuration.EditLabel}' if this is intended (a history import, a move of the notes folder).";
            case CheckOutcome.EntriesAlreadyPublished:
                var count = evidence.Diagnostics.Count(diagnostic => diagnostic.Code == DiagnosticCodes.AlreadyPublished);
                var them = count == 1 ? "it" : "them";
                return $"check failed (entries already published): {unreleased} at head holds {CheckPolicy.Count(count, "entry", "entries")} already in a published file (listed as file:line:col); a merge brought {them} back, and the next promotion would publish {them} twice. " +
                       "Run `bf-release-notes lint --fix` (it removes them from unreleased.md; they stay in the published files), commit and push.";
            case CheckOutcome.ConfigurationChanged:
                if (evidence.HeadConfigurationError is { } error)
                {
                    return $"check failed (configuration changed): {evidence.ConfigPath} at head is not valid ({error}), so every later check would stop; fix it.";
                }

                return $"check failed (configuration changed): this merge request changes the check's rules in {evidence.ConfigPath} ({string.Join("; ", evidence.ConfigurationChanges)}); " +
                       $"it was judged by the base's rules, and the change itself needs the label '{configuration.EditLabel}'.";
            default:
                throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "no sentence for this outcome");
        }
    }

    /// <summary>A notes folder as a sentence names it: the root's folder is <c>""</c>.</summary>
    private static string FolderName(string folder) => folder.Length == 0 ? "the repository root" : folder;
}
