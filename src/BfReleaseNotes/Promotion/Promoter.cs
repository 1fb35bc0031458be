using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;
using BfReleaseNotes.Markdown;
using BfReleaseNotes.Model;
using Semver;

namespace BfReleaseNotes.Promotion;

/// <summary>
/// Plans the weekly promotion: Public and Beta of <c>unreleased.md</c> become the new published file,
/// Internal stays behind byte for byte. Pure: it reads a parsed document and returns texts; writing them
/// is <see cref="PromotionPlan.Apply(Workspace.ReleaseNotesFolder)"/>'s job.
/// </summary>
/// <example>
/// <code>
/// var folder = new ReleaseNotesFolder("release-notes");
/// var outcome = Promoter.Plan(folder.ReadUnreleased(), folder.PublishedFiles().Select(f => f.Version).ToList(),
///     new PromotionRequest(null, VersionBump.Minor, DateOnly.FromDateTime(DateTime.UtcNow)), folder);
/// if (outcome.Plan is { } plan) plan.Apply(folder);
/// </code>
/// </example>
public static partial class Promoter
{
    /// <summary>
    /// Works out the version, the published file and the rewritten unreleased file, and proves that every entry
    /// of the old file is in exactly one of the two new ones before returning a plan.
    /// </summary>
    /// <param name="unreleased">The parsed <c>unreleased.md</c>.</param>
    /// <param name="publishedVersions">Versions already published in the folder.</param>
    /// <param name="request">Version or bump, and date.</param>
    /// <param name="folder">The folder, for the paths of the files.</param>
    public static PromotionOutcome Plan(ParsedFile unreleased, IReadOnlyCollection<SemVersion> publishedVersions, PromotionRequest request, Workspace.ReleaseNotesFolder folder)
    {
        ArgumentNullException.ThrowIfNull(unreleased);
        ArgumentNullException.ThrowIfNull(publishedVersions);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(folder);
        if (!unreleased.IsValid)
        {
            return PromotionOutcome.Invalid(unreleased.Diagnostics);
        }

        // An entry already in a published file came back through a merge (a union merge keeps the other side's copy
        // of lines the promotion deleted): promoting it would publish it twice. Refused here, so every caller of the
        // library gets it, not only the CLI.
        var republished = Linting.RepublishedEntries.Find(unreleased, Linting.RepublishedEntries.PublishedBeside(folder.UnreleasedPath));
        if (!republished.IsEmpty)
        {
            return PromotionOutcome.Republished(republished, folder.UnreleasedPath);
        }

        var document = unreleased.Document;
        var latest = publishedVersions.OrderByDescending(version => version, SemVersion.PrecedenceComparer).FirstOrDefault();
        var decision = request.Version is null ? request.AutoBump?.Decide(document, latest, folder.UnreleasedPath) : null;
        var version = request.Version ?? Bump(latest, decision?.Bump ?? request.Bump);
        var samePrecedence = publishedVersions.FirstOrDefault(existing => existing.ComparePrecedenceTo(version) == 0);
        if (samePrecedence is not null && !File.Exists(folder.PublishedPath(version)))
        {
            return PromotionOutcome.Refused($"version {version} is not greater than the published {samePrecedence}: SemVer ignores build metadata (after '+') when ordering versions; pass a higher --version");
        }

        if (samePrecedence is not null || File.Exists(folder.PublishedPath(version)))
        {
            return PromotionOutcome.Refused($"{folder.PublishedPath(version)} already exists; release {version} was already promoted");
        }

        // Stryker disable once Equality : an equal version is a published one, refused just above as already promoted
        if (latest is not null && version.ComparePrecedenceTo(latest) <= 0)
        {
            return PromotionOutcome.Refused($"version {version} is not greater than the latest published version {latest}; pass a higher --version or use --bump");
        }

        var published = (Visibility[])[Visibility.Public, Visibility.Beta];
        // Stryker disable once Equality : with != the other published section comes first, but the writer groups by visibility and Internal has no direct entries in a valid file
        var entries = published
            .SelectMany(visibility => document.Sections.Where(section => section.Visibility == visibility))
            .SelectMany(section => section.ChangeTypes.SelectMany(changeType =>
                changeType.DirectEntries.Select(entry => new PublishedEntry(section.Visibility!.Value, changeType.Type!.Value, entry.Text))))
            .ToList();
        var summary = Summarize(version, request.Date, document, folder) with { Decision = decision };
        if (entries.Count == 0)
        {
            return PromotionOutcome.NothingToPromote(summary);
        }

        var eol = document.LineEnding;
        var definitions = UsedDefinitions(entries, document.LinkReferenceDefinitions);
        var publishedText = ReleaseNotesWriter.Published(version, request.Date, entries, definitions.Select(definition => definition.Text), eol);
        var remaining = document with
        {
            Sections = [.. document.Sections.Select((section, index) => published.Contains(section.Visibility!.Value)
                ? Emptied(section, eol, isLast: index == document.Sections.Length - 1)
                : section)],
        };
        var unreleasedText = remaining.ToText();

        var plan = new PromotionPlan(
            version,
            request.Date,
            folder.PublishedPath(version),
            Encoding.UTF8.GetBytes(publishedText),
            folder.UnreleasedPath,
            remaining.HasByteOrderMark ? [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(unreleasedText)] : Encoding.UTF8.GetBytes(unreleasedText),
            summary)
        {
            OriginalUnreleased = document.ToBytes(),
        };
        var violation = ConservationViolation(document, plan);

        // Stryker disable once Conditional : only a broken planner reaches a violation; the net itself is pinned with broken plans in PromotionRuleTests
        return violation is null ? PromotionOutcome.Planned(plan) : PromotionOutcome.ConservationFailed(violation);
    }

    /// <summary>The next version: the latest bumped (0.0.0 when nothing is published yet).</summary>
    public static SemVersion Bump(SemVersion? latest, VersionBump bump)
    {
        latest ??= new SemVersion(0, 0, 0);
        var release = latest.WithoutPrereleaseOrMetadata();
        var isPrerelease = latest.IsPrerelease;
        return bump switch
        {
            VersionBump.Major => isPrerelease && release.Minor == 0 && release.Patch == 0 ? release : new SemVersion(release.Major + 1, 0, 0),
            VersionBump.Minor => isPrerelease && release.Patch == 0 ? release : new SemVersion(release.Major, release.Minor + 1, 0),
            _ => isPrerelease ? release : new SemVersion(release.Major, release.Minor, release.Patch + 1),
        };
    }

    /// <summary>
    /// A Public or Beta section after promotion: its heading and leading lines as they were, then the template's
    /// change types. Comments and link definitions that stood among the entries stay under their heading.
    /// </summary>
    private static VisibilitySection Emptied(VisibilitySection section, string eol, bool isLast)
    {
        var kept = section.ChangeTypes.ToDictionary(
            changeType => changeType.Type!.Value,
            changeType => changeType.Body.OfType<Trivia>().Where(trivia => trivia.Kind != TriviaKind.Blank).ToList());
        var types = Enum.GetValues<ChangeType>()
            .Where(type => ReleaseNotesWriter.TemplateChangeTypes.Contains(type) || (kept.TryGetValue(type, out var trivia) && trivia.Count > 0))
            .ToList();
        var changeTypes = ImmutableArray.CreateBuilder<ChangeTypeSection>();
        for (var i = 0; i < types.Count; i++)
        {
            var type = types[i];
            var heading = section.Find(type)?.Heading ?? new Heading(ReleaseNotesWriter.HeadingLine(type, eol), 3, type.ToString());
            var body = ImmutableArray.CreateBuilder<DocumentPart>();
            var lastInFile = isLast && i == types.Count - 1;
            var keptTrivia = kept.TryGetValue(type, out var list) ? list : [];
            if (keptTrivia.Count > 0 || !lastInFile)
            {
                body.Add(new Trivia(eol, TriviaKind.Blank));
            }

            for (var j = 0; j < keptTrivia.Count; j++)
            {
                var text = keptTrivia[j].Text.EndsWith('\n') ? keptTrivia[j].Text : keptTrivia[j].Text + eol;
                body.Add(keptTrivia[j] with { Text = text });
                if (j < keptTrivia.Count - 1 || !lastInFile)
                {
                    body.Add(new Trivia(eol, TriviaKind.Blank));
                }
            }

            changeTypes.Add(new ChangeTypeSection(heading, type, body.ToImmutable(), []));
        }

        var leading = section.Leading;
        if (!BlankLines.AtEnd(section.Heading.Text + string.Concat(leading.Select(part => part.ToText()))))
        {
            leading = leading.Add(new Trivia(eol, TriviaKind.Blank));
        }

        return section with { Leading = leading, ChangeTypes = changeTypes.ToImmutable() };
    }

    /// <summary>
    /// The link reference definitions the published entries use: every bracketed text in an entry is a
    /// candidate label (this covers <c>[#123]</c>, <c>[text][label]</c> and <c>[label][]</c>); the first
    /// definition of a label wins, as in CommonMark.
    /// </summary>
    internal static List<Trivia> UsedDefinitions(IEnumerable<PublishedEntry> entries, IEnumerable<Trivia> definitions)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            foreach (Match match in BracketedText().Matches(entry.Text))
            {
                used.Add(ReleaseNotesParser.NormalizeLabel(match.Groups["label"].Value));
            }
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        return [.. definitions.Where(definition => definition.Label is { } label && used.Contains(label) && seen.Add(label))];
    }

    private static PromotionSummary Summarize(SemVersion version, DateOnly date, ReleaseNotesDocument document, Workspace.ReleaseNotesFolder folder)
    {
        var counts = ImmutableArray.CreateBuilder<EntryCount>();
        foreach (var section in document.Sections.Where(section => section.Visibility is Visibility.Public or Visibility.Beta))
        {
            foreach (var changeType in section.ChangeTypes)
            {
                var count = changeType.DirectEntries.Count();
                if (count > 0)
                {
                    counts.Add(new EntryCount(section.Visibility!.Value, changeType.Type!.Value, count));
                }
            }
        }

        var internalByFlag = Flags.FlagInventory.Collect(document)
            .Select(flag => new FlagCount(flag.Key, flag.Total))
            .ToImmutableArray();
        return new PromotionSummary(version, date, [folder.PublishedPath(version), folder.UnreleasedPath], counts.ToImmutable(), internalByFlag);
    }

    /// <summary>
    /// Parses both new files and checks every entry of the old file is in exactly one of them, text for text,
    /// and that Internal and the preamble did not change. Returns what is wrong, or null.
    /// </summary>
    private static string? ConservationViolation(ReleaseNotesDocument before, PromotionPlan plan)
    {
        var published = ReleaseNotesParser.Parse(plan.PublishedContent, DocumentKind.Published, plan.PublishedPath);
        var unreleased = ReleaseNotesParser.Parse(plan.UnreleasedContent, DocumentKind.Unreleased, plan.UnreleasedPath);
        if (!published.IsValid || !unreleased.IsValid)
        {
            var errors = published.Errors.Concat(unreleased.Errors).Select(error => error.ToString());
            return "the new files would not parse cleanly: " + string.Join("; ", errors);
        }

        var old = before.AllEntries.Select(entry => entry.Content).Order(StringComparer.Ordinal).ToList();
        var now = published.Document.AllEntries.Concat(unreleased.Document.AllEntries).Select(entry => entry.Content).Order(StringComparer.Ordinal).ToList();
        if (!old.SequenceEqual(now, StringComparer.Ordinal))
        {
            var missing = old.Except(now, StringComparer.Ordinal).Take(3);
            var extra = now.Except(old, StringComparer.Ordinal).Take(3);
            return $"entries are not conserved ({old.Count} before, {now.Count} after); missing: [{string.Join(" | ", missing)}], unexpected: [{string.Join(" | ", extra)}]";
        }

        var internalBefore = before.Find(Visibility.Internal)?.ToText();
        var internalAfter = unreleased.Document.Find(Visibility.Internal)?.ToText();
        if (!string.Equals(internalBefore, internalAfter, StringComparison.Ordinal))
        {
            return "the Internal section would change";
        }

        var preambleBefore = string.Concat(before.Preamble.Select(part => part.ToText()));
        var preambleAfter = string.Concat(unreleased.Document.Preamble.Select(part => part.ToText()));
        if (!string.Equals(preambleBefore, preambleAfter, StringComparison.Ordinal))
        {
            return "the preamble would change";
        }

        var triviaBefore = before.AllTrivia.Where(trivia => trivia.Kind != TriviaKind.Blank).Select(trivia => trivia.Text.TrimEnd('\r', '\n')).Order(StringComparer.Ordinal);
        var triviaAfter = unreleased.Document.AllTrivia.Where(trivia => trivia.Kind != TriviaKind.Blank).Select(trivia => trivia.Text.TrimEnd('\r', '\n')).Order(StringComparer.Ordinal);
        return triviaBefore.SequenceEqual(triviaAfter, StringComparer.Ordinal) ? null : "a comment or link definition would be lost";
    }

    [GeneratedRegex(@"\[(?<label>[^\[\]]+)\]")]
    private static partial Regex BracketedText();
}
