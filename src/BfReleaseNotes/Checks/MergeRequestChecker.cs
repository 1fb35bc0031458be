using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using BfReleaseNotes.Git;
using BfReleaseNotes.Markdown;
using BfReleaseNotes.Model;
using LibGit2Sharp;
using Semver;

namespace BfReleaseNotes.Checks;

/// <summary>
/// Decides whether a merge request handled its release notes: it compares the head commit with the merge base of
/// base and head (what the merge request itself changed, like GitLab's diff), reading every file from those
/// commits' trees, never from the working tree. It never passes without having read both commits: a missing
/// base (a shallow clone) is <see cref="CheckOutcome.CannotDecide"/>. It gathers <see cref="CheckEvidence"/> from
/// git (with the base's configuration) and leaves the decision to <see cref="CheckPolicy.Decide"/>.
/// </summary>
/// <example>
/// <code>
/// var request = GitLabPipeline.FromEnvironment(name => Environment.GetEnvironmentVariable(name)).ToCheckRequest(".");
/// var result = MergeRequestChecker.Check(request);
/// Console.WriteLine(result.Summary);
/// </code>
/// </example>
public static partial class MergeRequestChecker
{
    /// <summary>
    /// Runs the check. Never throws for a repository, revision or configuration problem: those are
    /// <see cref="CheckOutcome.CannotDecide"/>. Throws <see cref="Workspace.EnvironmentException"/> when the native
    /// libgit2 library cannot be loaded (the message names the file).
    /// </summary>
    public static CheckResult Check(CheckRequest request) => Check(request, null);

    /// <summary>
    /// Runs the check with an extra step: <paramref name="extraFindings"/> sees what was read (for example the pending
    /// entries at head, to look up their feature flags in a registry) and returns findings of its own, which fail the
    /// check and are reported with the others. It is not called when the check cannot decide.
    /// </summary>
    public static CheckResult Check(CheckRequest request, Func<CheckEvidence, IEnumerable<CheckFinding>>? extraFindings)
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

            // GitLab may have built head as a merge commit on the target branch (merged results, merge trains)
            // whatever the event type says: compare with that target commit, not with an older diff base.
            var baseChoice = request.Base;
            if (request.TargetBranchCommit is { } target && git.FindCommit(target.Revision) is { } targetSha && targetSha != baseCommit)
            {
                var parents = git.Parents(head);
                if (parents.Count >= 2 && parents[0] == targetSha)
                {
                    baseChoice = target;
                    baseCommit = targetSha;
                }
            }

            var mergeBase = git.MergeBase(baseCommit, head);
            if (mergeBase is null)
            {
                return CheckResult.CannotDecide(MissingMergeBase(git, request with { Base = baseChoice }, baseCommit, head), folderForMessages);
            }

            var range = new CheckRange(baseChoice, baseCommit, mergeBase, request.Head, head);
            var configPath = Join(folderForMessages, CheckConfiguration.FileName);
            var baseConfigBytes = git.ReadFile(mergeBase, configPath);
            var configuration = CheckConfiguration.Default;
            if (baseConfigBytes is not null && !CheckConfiguration.TryRead(baseConfigBytes, configPath, out configuration, out var configError))
            {
                return CheckResult.CannotDecide(
                    $"cannot decide: the check's configuration at base {Short(mergeBase)} is not valid: {configError}. Fix {configPath} on the target branch (see the README, section 'check'); " +
                    "the rules always come from the target branch, so a merge request cannot fix or loosen them for itself.",
                    folderForMessages, configError.File, configError.Line);
            }

            // Read once: a monorepo gathers evidence for the repository and for each project from the same reading.
            var reading = RangeReading.Read(git, range, configPath, baseConfigBytes);
            if (requestedFolder is null && !configuration.Projects.IsEmpty)
            {
                // A monorepo: the rules run once per project the range touches, then the results are combined.
                try
                {
                    return ProjectCheckPolicy.Decide(ProjectEvidence.Gather(git, request, configuration, reading, range, extraFindings));
                }
                catch (Workspace.EnvironmentException exception)
                {
                    return CheckResult.CannotDecide($"cannot decide: the feature-flag registry of {configPath} cannot be read: {exception.Message}.", folderForMessages) with { Range = range };
                }
            }

            CheckEvidence evidence;
            try
            {
                evidence = Gather(git, request, configuration, reading, requestedFolder, range);
            }
            catch (Workspace.EnvironmentException exception)
            {
                return CheckResult.CannotDecide($"cannot decide: the feature-flag registry of {configPath} cannot be read: {exception.Message}.", folderForMessages) with { Range = range };
            }

            if (extraFindings is not null)
            {
                evidence = evidence with { ExtraFindings = [.. evidence.ExtraFindings, .. extraFindings(evidence)] };
            }

            return CheckPolicy.Decide(evidence);
        }
        catch (LibGit2SharpException exception)
        {
            // An object the history needs is missing or unreadable: the check cannot see what it must judge.
            var shallow = git.IsShallow ? " The clone is shallow: set `GIT_DEPTH: 0` in the job's variables, or run `git fetch --unshallow` before the check." : string.Empty;
            return CheckResult.CannotDecide($"cannot decide: git could not read the repository: {exception.Message}.{shallow}", folderForMessages);
        }
    }

    /// <summary>
    /// Reads what the rules need from the two commits: the base's configuration decides the folder, the labels and
    /// the ignore patterns; the head's is only compared with it. When the merge request moves the notes folder, base
    /// entries are looked for at the new place and published files that moved are history changes. A monorepo
    /// project passes its folder at both ends (<paramref name="requestedFolder"/>, and <paramref name="project"/> as
    /// the head configuration places it).
    /// </summary>
    internal static CheckEvidence Gather(GitRepository git, CheckRequest request, CheckConfiguration configuration, RangeReading reading, string? requestedFolder, CheckRange range, ProjectAtHead? project = null)
    {
        var baseSha = range.MergeBaseCommit;
        var headSha = range.HeadCommit;
        var changes = reading.Changes;
        var configPath = reading.ConfigPath;
        var changedPaths = changes.SelectMany(change => new[] { change.OldPath, change.Path }).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToImmutableArray();

        var folder = requestedFolder ?? configuration.Folder ?? Workspace.ReleaseNotesFolder.DefaultPath;
        var headFolder = folder;
        var configurationChanges = ImmutableArray<string>.Empty;
        ConfigurationError? headConfigError = null;
        if (reading.ConfigurationChanged)
        {
            if (reading.HeadConfigBytes is null)
            {
                configurationChanges = CheckConfiguration.Default.DifferencesFrom(configuration);
            }
            else if (reading.HeadConfiguration is { } headConfiguration)
            {
                configurationChanges = headConfiguration.DifferencesFrom(configuration);
                headFolder = requestedFolder ?? headConfiguration.Folder ?? Workspace.ReleaseNotesFolder.DefaultPath;
            }
            else
            {
                headConfigError = reading.HeadConfigurationError;
            }
        }

        if (project is not null)
        {
            headFolder = project.Folder;
        }

        var unreleasedPath = Join(folder, ReleaseNotesParser.UnreleasedFileName);
        var headUnreleasedPath = Join(headFolder, ReleaseNotesParser.UnreleasedFileName);
        var baseUnreleased = git.ReadFile(baseSha, unreleasedPath);
        var headUnreleased = git.ReadFile(headSha, headUnreleasedPath);
        var unreleasedChanged = !(baseUnreleased ?? []).AsSpan().SequenceEqual(headUnreleased ?? []) || (baseUnreleased is null) != (headUnreleased is null);

        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        string? unreleasedMissing = null;
        ImmutableArray<CheckedEntry>? headEntries = null;
        ReleaseNotesDocument? headDocument = null;
        if (unreleasedChanged && headUnreleased is null)
        {
            var renamedTo = changes.FirstOrDefault(change => change.Kind == GitChangeKind.Renamed && change.OldPath == unreleasedPath).Path;
            var setFolder = project is null ? "set \"folder\"" : $"set the \"folder\" of '{project.Name}'";
            unreleasedMissing = renamedTo is not null
                ? $"{unreleasedPath} is renamed to {renamedTo} in this range, but every tool reads {headUnreleasedPath}: rename it back" +
                  (headFolder == folder && renamedTo.EndsWith("/" + ReleaseNotesParser.UnreleasedFileName, StringComparison.Ordinal)
                    ? $" (to move the {(project is null ? "notes folder" : "project")}, also {setFolder} in {configPath}, with the label '{configuration.EditLabel}')"
                    : string.Empty)
                : headFolder == folder
                    ? $"{unreleasedPath} is deleted in this range: restore it (`git checkout {Short(baseSha)} -- {unreleasedPath}`)"
                    : $"{headUnreleasedPath} is missing at head, where the merge request moves the notes folder: move {unreleasedPath} there (`git mv {unreleasedPath} {headUnreleasedPath}`)";
        }
        else if (unreleasedChanged && headUnreleased is not null)
        {
            var parsed = ReleaseNotesParser.Parse(headUnreleased, DocumentKind.Unreleased, headUnreleasedPath);
            diagnostics.AddRange(parsed.Diagnostics);
            headDocument = parsed.Document;
            if (parsed.Document is not null)
            {
                headEntries = [.. Locate(parsed.Document, headUnreleasedPath)];
            }

            // The feature-flag registry named by the base's configuration: unknown flags are errors (notes invalid),
            // the other findings warnings. An unreadable registry throws EnvironmentException: cannot decide.
            diagnostics.AddRange(Flags.FlagRolloutChecker.ForMergeRequest(
                parsed.Document, configuration.Flags, request.FlagRegistryReader, path => git.ReadFile(headSha, path), headUnreleasedPath, headFolder));
        }

        ImmutableArray<CheckedEntry> baseEntries = baseUnreleased is null ? [] : [.. Locate(ReleaseNotesParser.Parse(baseUnreleased, DocumentKind.Unreleased, unreleasedPath).Document, unreleasedPath)];

        var basePublished = PublishedFiles(git.FilesIn(baseSha, folder));
        var headPublished = PublishedFiles(git.FilesIn(headSha, headFolder));
        if (headDocument is not null)
        {
            // Issue 8: pending entries a merge brought back from a published file (RepublishedEntries' rule, code BFRN207).
            // Stryker disable once NullCoalescing : every file read here is listed in head's tree, so ReadFile never returns null
            diagnostics.AddRange(Linting.RepublishedEntries.Find(
                new ParsedFile(headUnreleasedPath, headDocument, []),
                headPublished.Keys.Select(name => Join(headFolder, name)).Select(file => ReleaseNotesParser.Parse(git.ReadFile(headSha, file) ?? [], DocumentKind.Published, file))));
        }

        // Stryker disable once Conditional : with one folder both branches read the same files; the shortcut only saves a tree walk
        var leftBehind = headFolder == folder ? headPublished : PublishedFiles(git.FilesIn(headSha, folder));
        var changedPublished = ImmutableArray.CreateBuilder<PublishedFileChange>();
        var leftInOldFolder = ImmutableArray.CreateBuilder<string>();
        foreach (var (name, blob) in basePublished.OrderBy(file => file.Key, StringComparer.Ordinal))
        {
            var file = Join(folder, name);
            if (leftBehind.TryGetValue(name, out var stayed))
            {
                if (headFolder != folder)
                {
                    leftInOldFolder.Add(file);
                }

                if (stayed != blob)
                {
                    changedPublished.Add(new PublishedFileChange(file, PublishedChangeKind.Modified));
                }

                continue;
            }

            if (headFolder != folder && headPublished.TryGetValue(name, out var moved))
            {
                changedPublished.Add(moved == blob
                    ? new PublishedFileChange(file, PublishedChangeKind.Moved) { Detail = $"to {Join(headFolder, name)}" }
                    : new PublishedFileChange(file, PublishedChangeKind.Modified) { Detail = $"moved to {Join(headFolder, name)} and changed" });
                continue;
            }

            var renamedTo = changes.FirstOrDefault(change => change.Kind == GitChangeKind.Renamed && change.OldPath == file).Path;
            changedPublished.Add(new PublishedFileChange(file, PublishedChangeKind.Deleted) { Detail = renamedTo is null ? null : $"renamed to {renamedTo}" });
        }

        if (headFolder != folder)
        {
            // A release written into the old folder during the move is read by no tool either: it is left behind too.
            leftInOldFolder.AddRange(leftBehind.Keys.Where(name => !basePublished.ContainsKey(name)).Order(StringComparer.Ordinal).Select(name => Join(folder, name)));
        }

        var latestAtBase = basePublished.Keys
            .Select(name => ReleaseNotesParser.TryParsePublishedFileName(name, out var version) ? version : null)
            .OfType<SemVersion>()
            .OrderByDescending(version => version, SemVersion.PrecedenceComparer)
            .FirstOrDefault();
        var candidates = ImmutableArray.CreateBuilder<ReleaseCandidate>();
        foreach (var name in headPublished.Keys.Where(name => !basePublished.ContainsKey(name)).Order(StringComparer.Ordinal))
        {
            var file = Join(headFolder, name);
            // Stryker disable once NullCoalescing : every file read here is listed in head's tree, so ReadFile never returns null
            var parsed = ReleaseNotesParser.Parse(git.ReadFile(headSha, file) ?? [], DocumentKind.Published, file);
            diagnostics.AddRange(parsed.Diagnostics);
            // Stryker disable once all : PublishedFiles keeps only names that parse as versions, so this guard (for the compiler's null analysis) never fires
            if (!ReleaseNotesParser.TryParsePublishedFileName(name, out var version) || version is null)
            {
                continue;
            }

            candidates.Add(new ReleaseCandidate(file, version)
            {
                LintsClean = parsed.IsValid,
                LatestAtBase = latestAtBase,
                Entries = [.. Locate(parsed.Document, file)],
            });
        }

        var notesFiles = new HashSet<string>(StringComparer.Ordinal) { unreleasedPath, headUnreleasedPath };
        notesFiles.UnionWith(basePublished.Keys.Select(name => Join(folder, name)));
        notesFiles.UnionWith(leftBehind.Keys.Select(name => Join(folder, name)));
        notesFiles.UnionWith(headPublished.Keys.Select(name => Join(headFolder, name)));

        return new CheckEvidence
        {
            Configuration = configuration,
            ConfigPath = configPath,
            Folder = folder,
            HeadFolder = headFolder,
            Range = range,
            ChangedPaths = changedPaths,
            NotesFiles = [.. notesFiles.Order(StringComparer.Ordinal)],
            UnreleasedChanged = unreleasedChanged,
            UnreleasedMissing = unreleasedMissing,
            LeftBehind = leftInOldFolder.ToImmutable(),
            BaseEntries = baseEntries,
            HeadEntries = headEntries,
            Diagnostics = diagnostics.ToImmutable(),
            AddedPublishedFiles = candidates.ToImmutable(),
            ChangedPublishedFiles = changedPublished.ToImmutable(),
            ConfigurationChanges = configurationChanges,
            HeadConfigurationError = headConfigError,
            Labels = request.Labels,
            Description = request.Description,
            DescriptionTruncated = request.DescriptionTruncated,
            Commits = [.. git.CommitsBetween(baseSha, headSha).Select(commit => new RangeCommit(commit.Sha, commit.Message))],
        };
    }

    /// <summary>
    /// What reaches the merge base in a shallow clone, each verified on real depth-limited clones
    /// (<c>ShallowCloneTests</c>). Fetching the target branch alone does not: the merge request's own commits
    /// beyond the depth stay cut off.
    /// </summary>
    internal const string ShallowAdvice =
        "set `GIT_DEPTH: 0` in the job's variables, or fetch the missing history before the check with `git fetch --unshallow` " +
        "(or, to fetch less, `git fetch --deepen=100`, repeated while the check still says this); fetching only the target branch does not reach it.";

    private static string MissingRevision(GitRepository git, CheckRequest request, RevisionChoice choice, string role, string? headSha)
    {
        var fetch = FetchAdvice(choice.Revision);
        if (git.IsShallow)
        {
            var depth = ShallowDepth(git, request, headSha);
            return $"cannot decide: the {role} commit '{choice.Revision}' (from {choice.Source}) is not in this clone, which is shallow{depth}, so the check cannot see what the merge request changed; " +
                   ShallowAdvice;
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
                   ShallowAdvice;
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
        // Stryker disable once all : the parser keeps a list before the first section as text (trivia), never as an Entry
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

    // Stryker disable once all : only commit ids (40 hex digits) are shortened here
    private static string Short(string sha) => sha.Length > 8 ? sha[..8] : sha;

    [GeneratedRegex("^[0-9a-fA-F]{7,64}$")]
    private static partial Regex CommitId();
}
