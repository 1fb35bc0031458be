using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using BfReleaseNotes.Git;
using BfReleaseNotes.Markdown;
using BfReleaseNotes.Model;
using LibGit2Sharp;

namespace BfReleaseNotes.Checks;

/// <summary>
/// Decides whether a merge request handled its release notes: it compares the head commit with the merge base of
/// base and head (what the merge request itself changed, like GitLab's diff), reading every file from those
/// commits' trees, never from the working tree. It never passes without having read both commits: a missing
/// base (a shallow clone) is <see cref="CheckOutcome.CannotDecide"/>.
/// </summary>
/// <example>
/// <code>
/// var result = MergeRequestChecker.Check(new CheckRequest(".",
///     new RevisionChoice("origin/main", "--base"), new RevisionChoice("HEAD", "--head")) { Labels = ["bug"] });
/// Console.WriteLine(result.Summary);
/// </code>
/// </example>
public static partial class MergeRequestChecker
{
    /// <summary>Runs the check. Never throws for a repository, revision or configuration problem: those are <see cref="CheckOutcome.CannotDecide"/>.</summary>
    public static CheckResult Check(CheckRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        string? requestedFolder = null;
        if (request.Folder is not null)
        {
            requestedFolder = CheckConfiguration.NormalizeFolder(request.Folder);
            if (requestedFolder is null)
            {
                return CheckResult.CannotDecide(
                    $"cannot decide: the release-notes folder '{request.Folder}' must be relative to the repository root (with '/'), e.g. --dir release-notes.",
                    request.Folder);
            }
        }

        var folderForMessages = requestedFolder ?? Workspace.ReleaseNotesFolder.DefaultPath;
        using var git = GitRepository.TryOpen(request.RepositoryPath);
        if (git is null)
        {
            return CheckResult.CannotDecide(
                $"cannot decide: '{request.RepositoryPath}' is not inside a git repository; run the check in the clone of the project or pass --repo PATH.",
                folderForMessages);
        }

        try
        {
            var head = git.FindCommit(request.Head.Revision);
            if (head is null)
            {
                return CheckResult.CannotDecide(MissingRevision(git, request, request.Head, "head", null), folderForMessages);
            }

            var baseCommit = git.FindCommit(request.Base.Revision);
            if (baseCommit is null)
            {
                return CheckResult.CannotDecide(MissingRevision(git, request, request.Base, "base", head), folderForMessages);
            }

            var mergeBase = git.MergeBase(baseCommit, head);
            if (mergeBase is null)
            {
                return CheckResult.CannotDecide(MissingMergeBase(git, request, baseCommit, head), folderForMessages);
            }

            var configPath = Join(folderForMessages, CheckConfiguration.FileName);
            var configuration = CheckConfiguration.Default;
            var configBytes = git.ReadFile(head, configPath);
            if (configBytes is not null && !CheckConfiguration.TryParse(configBytes, configPath, out configuration, out var configError))
            {
                return CheckResult.CannotDecide(
                    $"cannot decide: the check's configuration is not valid: {configError}. Fix {configPath} (see the README, section 'check').",
                    folderForMessages);
            }

            var folder = requestedFolder ?? configuration.Folder ?? Workspace.ReleaseNotesFolder.DefaultPath;
            var range = new CheckRange(request.Base, baseCommit, mergeBase, request.Head, head);
            return Judge(git, request, configuration, configPath, folder, range);
        }
        catch (LibGit2SharpException exception)
        {
            // An object the history needs is missing or unreadable: the check cannot see what it must judge.
            var shallow = git.IsShallow ? " The clone is shallow: set `GIT_DEPTH: 0` in the job's variables." : string.Empty;
            return CheckResult.CannotDecide($"cannot decide: git could not read the repository: {exception.Message}.{shallow}", folderForMessages);
        }
    }

    private static CheckResult Judge(GitRepository git, CheckRequest request, CheckConfiguration configuration, string configPath, string folder, CheckRange range)
    {
        var baseSha = range.MergeBaseCommit;
        var headSha = range.HeadCommit;
        var changes = git.Changes(baseSha, headSha);
        var changedPaths = changes.SelectMany(change => new[] { change.OldPath, change.Path }).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToImmutableArray();

        var unreleasedPath = Join(folder, ReleaseNotesParser.UnreleasedFileName);
        var baseUnreleased = git.ReadFile(baseSha, unreleasedPath);
        var headUnreleased = git.ReadFile(headSha, unreleasedPath);
        var unreleasedChanged = !(baseUnreleased ?? []).AsSpan().SequenceEqual(headUnreleased ?? []) || (baseUnreleased is null) != (headUnreleased is null);

        var basePublished = PublishedFiles(git.FilesIn(baseSha, folder));
        var headPublished = PublishedFiles(git.FilesIn(headSha, folder));
        var addedPublished = headPublished.Keys.Where(name => !basePublished.ContainsKey(name)).Select(name => Join(folder, name)).Order(StringComparer.Ordinal).ToImmutableArray();
        var changedPublished = basePublished
            .Where(file => !headPublished.TryGetValue(file.Key, out var blob) || blob != file.Value)
            .Select(file => new PublishedFileChange(Join(folder, file.Key), headPublished.ContainsKey(file.Key) ? PublishedChangeKind.Modified : PublishedChangeKind.Deleted))
            .OrderBy(change => change.File, StringComparer.Ordinal)
            .ToImmutableArray();

        var notesPaths = new HashSet<string>(StringComparer.Ordinal) { unreleasedPath };
        notesPaths.UnionWith(basePublished.Keys.Concat(headPublished.Keys).Select(name => Join(folder, name)));
        // The configuration itself is never ignored: a merge request must not exempt itself by widening "ignore".
        var relevantPaths = changedPaths.Where(path => path == configPath || (!notesPaths.Contains(path) && !configuration.IsIgnored(path))).ToImmutableArray();

        // Lint what the range changed, as it stands at head.
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        string? unreleasedMissing = null;
        ReleaseNotesDocument? headDocument = null;
        if (unreleasedChanged && headUnreleased is null)
        {
            var renamedTo = changes.FirstOrDefault(change => change.Kind == GitChangeKind.Renamed && change.OldPath == unreleasedPath).Path;
            unreleasedMissing = renamedTo is not null
                ? $"{unreleasedPath} is renamed to {renamedTo} in this range, but every tool reads {unreleasedPath}: rename it back"
                : $"{unreleasedPath} is deleted in this range: restore it (`git checkout {Short(baseSha)} -- {unreleasedPath}`)";
        }
        else if (unreleasedChanged && headUnreleased is not null)
        {
            var parsed = ReleaseNotesParser.Parse(headUnreleased, DocumentKind.Unreleased, unreleasedPath);
            diagnostics.AddRange(parsed.Diagnostics);
            headDocument = parsed.Document;
        }

        var publishedPool = new EntryPool();
        foreach (var file in addedPublished)
        {
            var parsed = ReleaseNotesParser.Parse(git.ReadFile(headSha, file) ?? [], DocumentKind.Published, file);
            diagnostics.AddRange(parsed.Diagnostics);
            if (parsed.Document is not null)
            {
                publishedPool.AddRange(Locate(parsed.Document, file));
            }
        }

        // Compare entries by text (line endings aside): an entry still in unreleased.md under another section
        // (graduated) or in a published file this range adds (promoted) moved; it was not removed.
        var added = ImmutableArray.CreateBuilder<CheckedEntry>();
        var removed = ImmutableArray.CreateBuilder<CheckedEntry>();
        var published = ImmutableArray.CreateBuilder<CheckedEntry>();
        if (unreleasedChanged && headDocument is not null)
        {
            var baseEntries = baseUnreleased is null ? [] : Locate(ReleaseNotesParser.Parse(baseUnreleased, DocumentKind.Unreleased, unreleasedPath).Document, unreleasedPath);
            var headEntries = Locate(headDocument, unreleasedPath);
            var headPool = new EntryPool();
            headPool.AddRange(headEntries);
            var basePool = new EntryPool();
            basePool.AddRange(baseEntries);
            foreach (var entry in baseEntries)
            {
                if (headPool.TryTake(entry))
                {
                    continue;
                }

                (publishedPool.TryTake(entry) ? published : removed).Add(entry);
            }

            added.AddRange(headEntries.Where(entry => !basePool.TryTake(entry)));
        }

        var labels = request.Labels.Select(label => label.Trim()).Where(label => label.Length > 0).ToList();
        var editAllowed = labels.Contains(configuration.EditLabel, StringComparer.OrdinalIgnoreCase);
        var (optOut, optOutHints) = FindOptOut(git, request, configuration, labels, range);

        var failures = new List<CheckOutcome>();
        var invalid = unreleasedMissing is not null || diagnostics.Any(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error);
        if (invalid)
        {
            failures.Add(CheckOutcome.NotesInvalid);
        }

        if (removed.Count > 0 && !editAllowed)
        {
            failures.Add(CheckOutcome.PendingEntriesRemoved);
        }

        if (changedPublished.Length > 0 && !editAllowed)
        {
            failures.Add(CheckOutcome.PublishedHistoryChanged);
        }

        // Issue 8: entries a merge brought back from a published file; the rule is RepublishedEntries', listed as diagnostics.
        var republished = headDocument is null ? [] : Linting.RepublishedEntries.Find(new ParsedFile(unreleasedPath, headDocument, []),
            headPublished.Keys.Select(name => Join(folder, name)).Select(file => ReleaseNotesParser.Parse(git.ReadFile(headSha, file) ?? [], DocumentKind.Published, file)));
        if (!republished.IsEmpty)
        {
            failures.Add(CheckOutcome.EntriesAlreadyPublished);
            diagnostics.AddRange(republished);
        }

        var notesUpdated = unreleasedChanged && headDocument is not null && added.Count > 0;
        CheckOutcome? pass = notesUpdated ? CheckOutcome.NotesUpdated
            : addedPublished.Length > 0 ? CheckOutcome.Released
            : optOut is not null ? CheckOutcome.OptedOut
            : relevantPaths.IsEmpty ? CheckOutcome.NotRelevant
            : null;
        if (pass is null)
        {
            failures.Add(CheckOutcome.NotesNotUpdated);
        }

        var facts = new Facts(configuration, configPath, folder, unreleasedPath, range, changedPaths, relevantPaths, added.ToImmutable(), removed.ToImmutable(),
            published.ToImmutable(), addedPublished, changedPublished, diagnostics.ToImmutable(), unreleasedMissing, optOut);
        var outcome = failures.Count > 0 ? failures[0] : pass!.Value;
        var details = new List<string>();
        details.AddRange(failures.Skip(1).Select(failure => Sentence(failure, facts)));
        if (range.MergeBaseCommit != range.BaseCommit)
        {
            details.Add($"The base {Short(range.BaseCommit)} ({range.Base.Source}) is not an ancestor of head, so head was compared with their merge base {Short(range.MergeBaseCommit)}.");
        }

        if (editAllowed && (removed.Count > 0 || changedPublished.Length > 0))
        {
            details.Add($"The label '{configuration.EditLabel}' allows this merge request to remove {removed.Count} pending entr{(removed.Count == 1 ? "y" : "ies")} and change {changedPublished.Length} published file(s).");
        }

        if (pass is not (CheckOutcome.OptedOut or CheckOutcome.Released) && !notesUpdated && unreleasedChanged && headDocument is not null && added.Count == 0)
        {
            details.Add($"{unreleasedPath} changes, but no entry was added or changed.");
        }

        if (failures.Contains(CheckOutcome.NotesNotUpdated))
        {
            details.AddRange(optOutHints);
        }

        return new CheckResult(outcome, Sentence(outcome, facts))
        {
            Failures = [.. failures],
            Details = [.. details],
            Range = range,
            Folder = folder,
            Diagnostics = facts.Diagnostics,
            AddedEntries = facts.Added,
            RemovedEntries = facts.Removed,
            PublishedEntries = facts.Published,
            AddedPublishedFiles = addedPublished,
            ChangedPublishedFiles = changedPublished,
            OptOut = optOut,
            EditAllowed = editAllowed,
            ChangedPaths = changedPaths,
            RelevantPaths = relevantPaths,
        };
    }

    /// <summary>The opt-out (label, then description, then the range's commit messages) and hints about near misses.</summary>
    private static (OptOut? OptOut, List<string> Hints) FindOptOut(GitRepository git, CheckRequest request, CheckConfiguration configuration, List<string> labels, CheckRange range)
    {
        var hints = new List<string>();
        OptOut? found = null;
        if (labels.Contains(configuration.NoneLabel, StringComparer.OrdinalIgnoreCase))
        {
            found = new OptOut(OptOutSource.Label, configuration.NoneLabel, null);
        }

        var reason = OptOut.FindReason(request.Description, out var descriptionWithoutReason);
        if (found is null && reason is not null)
        {
            found = new OptOut(OptOutSource.Description, "the merge-request description", reason);
        }

        if (descriptionWithoutReason && reason is null)
        {
            hints.Add($"The description says 'Release-Notes: none' without a reason, which does not opt out; write '{OptOut.LineSyntax}'.");
        }

        foreach (var commit in git.CommitsBetween(range.MergeBaseCommit, range.HeadCommit))
        {
            var commitReason = OptOut.FindReason(commit.Message, out var commitWithoutReason);
            var subject = commit.Message.Split('\n', 2)[0].Trim();
            if (found is null && commitReason is not null)
            {
                found = new OptOut(OptOutSource.CommitMessage, $"commit {Short(commit.Sha)} \"{subject}\"", commitReason);
            }

            if (commitWithoutReason && commitReason is null)
            {
                hints.Add($"Commit {Short(commit.Sha)} \"{subject}\" says 'Release-Notes: none' without a reason, which does not opt out; write '{OptOut.LineSyntax}'.");
            }
        }

        if (found is null && request.DescriptionTruncated)
        {
            hints.Add($"GitLab cut the merge-request description at 2,700 characters (CI_MERGE_REQUEST_DESCRIPTION_IS_TRUNCATED), so a '{OptOut.LineSyntax}' line after that point was not seen: move it to the top or use the label '{configuration.NoneLabel}'.");
        }

        return (found, hints);
    }

    /// <summary>The one sentence for an outcome: what was decided, why, and what to do next.</summary>
    private static string Sentence(CheckOutcome outcome, Facts facts)
    {
        var noneLabel = facts.Configuration.NoneLabel;
        var editLabel = facts.Configuration.EditLabel;
        switch (outcome)
        {
            case CheckOutcome.NotesUpdated:
                return $"check passed (notes updated): {facts.UnreleasedPath} adds or changes {Count(facts.Added.Length, "entry", "entries")} and lints clean.";
            case CheckOutcome.Released:
                var versions = string.Join(", ", facts.AddedPublished.Select(path => Path.GetFileNameWithoutExtension(path)));
                var moved = facts.Published.IsEmpty ? string.Empty : $", moving {Count(facts.Published.Length, "pending entry", "pending entries")} out of {facts.UnreleasedPath}";
                return $"check passed (release): this merge request publishes {versions} ({string.Join(", ", facts.AddedPublished)}){moved}.";
            case CheckOutcome.OptedOut:
                var optOut = facts.OptOut!;
                return optOut.Source switch
                {
                    OptOutSource.Label => $"check passed (opted out): the label '{optOut.Where}' says this merge request needs no release notes.",
                    OptOutSource.Description => $"check passed (opted out): the merge-request description says 'Release-Notes: none - {optOut.Reason}'.",
                    _ => $"check passed (opted out): {optOut.Where} says 'Release-Notes: none - {optOut.Reason}'.",
                };
            case CheckOutcome.NotRelevant:
                if (facts.ChangedPaths.IsEmpty)
                {
                    return "check passed (not relevant): the range changes no file, so no release notes are needed.";
                }

                return facts.Configuration.Ignore.IsEmpty || facts.ChangedPaths.All(path => path == facts.UnreleasedPath || facts.IsPublished(path))
                    ? $"check passed (not relevant): the range changes only release-notes files and adds no entry, so nothing else needs a note."
                    : $"check passed (not relevant): every changed path ({facts.ChangedPaths.Length}) matches the ignore patterns of {facts.ConfigPath} or is a release-notes file, so no release notes are needed.";
            case CheckOutcome.NotesNotUpdated:
                var dirOption = facts.Folder == Workspace.ReleaseNotesFolder.DefaultPath ? string.Empty : $" --dir {facts.Folder}";
                return $"check failed (notes not updated): this merge request changes {Count(facts.RelevantPaths.Length, "file", "files")} that {(facts.RelevantPaths.Length == 1 ? "needs" : "need")} release notes (such as {facts.RelevantPaths[0]}) " +
                       $"but adds no entry to {facts.UnreleasedPath}; add one with `bf-release-notes add{dirOption} --section public --type fixed \"What changed for users\"` and commit it, " +
                       $"or opt out with the label '{noneLabel}' or a line '{OptOut.LineSyntax}' in the description.";
            case CheckOutcome.NotesInvalid:
                if (facts.UnreleasedMissing is not null)
                {
                    return $"check failed (notes invalid): {facts.UnreleasedMissing}.";
                }

                var errors = facts.Diagnostics.Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error).ToList();
                var files = string.Join(", ", errors.Select(diagnostic => diagnostic.File).Distinct(StringComparer.Ordinal));
                return $"check failed (notes invalid): {files} at head {(errors.Count == 1 ? "has 1 error" : $"has {errors.Count} errors")} (listed as file:line:col); " +
                       "fix them (`bf-release-notes lint` shows them, `lint --fix` repairs the fixable ones), commit and push.";
            case CheckOutcome.PendingEntriesRemoved:
                return $"check failed (pending entries removed): this merge request removes or rewrites {Count(facts.Removed.Length, "pending entry", "pending entries")} of {facts.UnreleasedPath} " +
                       $"that it did not add (listed below); restore {(facts.Removed.Length == 1 ? "it" : "them")}, or add the label '{editLabel}' if this is intended.";
            case CheckOutcome.PublishedHistoryChanged:
                var changed = string.Join(", ", facts.ChangedPublished.Select(change => $"{change.File} is {(change.Kind == PublishedChangeKind.Deleted ? "deleted" : "modified")}"));
                return $"check failed (published history changed): {changed}; published releases must not change, so revert it, or add the label '{editLabel}' if this is intended.";
            case CheckOutcome.EntriesAlreadyPublished:
                var back = facts.Diagnostics.Count(diagnostic => diagnostic.Code == DiagnosticCodes.AlreadyPublished);
                return $"check failed (entries already published): {facts.UnreleasedPath} at head holds {Count(back, "entry", "entries")} already in a published file (listed as file:line:col); a merge brought {(back == 1 ? "it" : "them")} back, and the next promotion would publish {(back == 1 ? "it" : "them")} twice. " +
                       "Run `bf-release-notes lint --fix` (it removes them from unreleased.md; they stay in the published files), commit and push.";
            default:
                throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "no sentence for this outcome");
        }
    }

    private static string MissingRevision(GitRepository git, CheckRequest request, RevisionChoice choice, string role, string? headSha)
    {
        var fetch = FetchAdvice(choice.Revision);
        if (git.IsShallow)
        {
            var depth = ShallowDepth(git, request, headSha);
            return $"cannot decide: the {role} commit '{choice.Revision}' (from {choice.Source}) is not in this clone, which is shallow{depth}, so the check cannot see what the merge request changed; " +
                   $"set `GIT_DEPTH: 0` in the job's variables, or fetch more history before the check (`git fetch --unshallow`, or {fetch}).";
        }

        return CommitId().IsMatch(choice.Revision)
            ? $"cannot decide: the {role} commit '{choice.Revision}' (from {choice.Source}) is not in this repository; fetch it ({fetch}) or pass --{role} with a commit that is."
            : $"cannot decide: the {role} revision '{choice.Revision}' (from {choice.Source}) names no commit in this repository; fetch it ({fetch}) or pass --{role} REV.";
    }

    private static string MissingMergeBase(GitRepository git, CheckRequest request, string baseSha, string headSha)
    {
        if (git.IsShallow)
        {
            var depth = ShallowDepth(git, request, headSha);
            return $"cannot decide: the history between base {Short(baseSha)} (from {request.Base.Source}) and head {Short(headSha)} is cut off in this shallow clone{depth}, so their merge base is missing; " +
                   $"set `GIT_DEPTH: 0` in the job's variables, or fetch more history before the check (`git fetch --unshallow`, or {FetchAdvice(request.Base.Revision)}).";
        }

        return $"cannot decide: base {Short(baseSha)} (from {request.Base.Source}) and head {Short(headSha)} share no history; pass --base with a commit of the target branch.";
    }

    private static string ShallowDepth(GitRepository git, CheckRequest request, string? headSha)
    {
        if (request.CloneDepth is int configured)
        {
            return $" (GIT_DEPTH {configured.ToString(CultureInfo.InvariantCulture)})";
        }

        var walked = headSha is null ? null : git.HistoryDepth(headSha);
        return walked is int depth ? $" (depth {depth.ToString(CultureInfo.InvariantCulture)})" : string.Empty;
    }

    private static string FetchAdvice(string revision) =>
        revision.StartsWith("origin/", StringComparison.Ordinal)
            ? $"`git fetch origin {revision["origin/".Length..]}`"
            : "`git fetch origin <target-branch>`";

    /// <summary>Entries of a document with their place and line.</summary>
    private static List<CheckedEntry> Locate(ReleaseNotesDocument? document, string file)
    {
        var entries = new List<CheckedEntry>();
        if (document is null)
        {
            return entries;
        }

        void Add(Entry entry, string place) => entries.Add(new CheckedEntry(file, entry.Position.Line, place, entry.Content));
        foreach (var entry in document.Preamble.OfType<Entry>())
        {
            Add(entry, "before the first section");
        }

        foreach (var section in document.Sections)
        {
            var visibility = section.Visibility?.ToString() ?? section.Heading.Title;
            foreach (var entry in section.Leading.OfType<Entry>())
            {
                Add(entry, visibility);
            }

            foreach (var changeType in section.ChangeTypes)
            {
                var place = $"{visibility} > {changeType.Type?.ToString() ?? changeType.Heading.Title}";
                foreach (var entry in changeType.DirectEntries)
                {
                    Add(entry, place);
                }

                foreach (var group in changeType.FlagGroups)
                {
                    foreach (var entry in group.Entries)
                    {
                        Add(entry, $"{place} > flag {group.Key ?? group.Heading.Title}");
                    }
                }
            }
        }

        return entries;
    }

    private static Dictionary<string, string> PublishedFiles(IReadOnlyDictionary<string, string> files) =>
        files.Where(file => ReleaseNotesParser.TryParsePublishedFileName(file.Key, out _)).ToDictionary(file => file.Key, file => file.Value, StringComparer.Ordinal);

    private static string Join(string folder, string name) => folder.Length == 0 ? name : $"{folder}/{name}";

    private static string Short(string sha) => sha.Length > 8 ? sha[..8] : sha;

    private static string Count(int count, string one, string many) => $"{count.ToString(CultureInfo.InvariantCulture)} {(count == 1 ? one : many)}";

    [GeneratedRegex("^[0-9a-fA-F]{7,64}$")]
    private static partial Regex CommitId();

    /// <summary>Everything the sentences need, gathered once.</summary>
    private sealed record Facts(
        CheckConfiguration Configuration,
        string ConfigPath,
        string Folder,
        string UnreleasedPath,
        CheckRange Range,
        ImmutableArray<string> ChangedPaths,
        ImmutableArray<string> RelevantPaths,
        ImmutableArray<CheckedEntry> Added,
        ImmutableArray<CheckedEntry> Removed,
        ImmutableArray<CheckedEntry> Published,
        ImmutableArray<string> AddedPublished,
        ImmutableArray<PublishedFileChange> ChangedPublished,
        ImmutableArray<Diagnostic> Diagnostics,
        string? UnreleasedMissing,
        OptOut? OptOut)
    {
        public bool IsPublished(string path) =>
            (Folder.Length == 0 ? !path.Contains('/', StringComparison.Ordinal) : path.StartsWith(Folder + "/", StringComparison.Ordinal) && !path[(Folder.Length + 1)..].Contains('/', StringComparison.Ordinal))
            && ReleaseNotesParser.TryParsePublishedFileName(path, out _);
    }

    /// <summary>A multiset of entry texts, line endings, trailing spaces and the bullet character ignored.</summary>
    private sealed class EntryPool
    {
        private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);

        public void AddRange(IEnumerable<CheckedEntry> entries)
        {
            foreach (var entry in entries)
            {
                var key = Key(entry);
                _counts[key] = _counts.GetValueOrDefault(key) + 1;
            }
        }

        public bool TryTake(CheckedEntry entry)
        {
            var key = Key(entry);
            if (_counts.GetValueOrDefault(key) == 0)
            {
                return false;
            }

            _counts[key]--;
            return true;
        }

        /// <summary>
        /// The text as a writer may reproduce it elsewhere: LF line endings, no trailing spaces, a <c>-</c> bullet
        /// (<c>lint --fix</c> turns <c>*</c> and <c>+</c> into <c>-</c>), so a moved entry still matches.
        /// </summary>
        private static string Key(CheckedEntry entry)
        {
            var lines = entry.Content.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(line => line.TrimEnd(' ', '\t'));
            var text = string.Join('\n', lines);
            return text.Length > 1 && text[0] is '*' or '+' && text[1] == ' ' ? "-" + text[1..] : text;
        }
    }
}
