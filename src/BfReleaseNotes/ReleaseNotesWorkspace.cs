using System.Collections.Immutable;
using BfReleaseNotes.Checks;
using BfReleaseNotes.Configuration;
using BfReleaseNotes.Editing;
using BfReleaseNotes.Flags;
using BfReleaseNotes.Model;
using BfReleaseNotes.Promotion;
using BfReleaseNotes.Rendering;
using BfReleaseNotes.Workspace;

namespace BfReleaseNotes;

/// <summary>
/// The one entry point of the library: the release notes of a repository, opened from any folder in it, with
/// every operation the CLI has. It reads the files, calls the pure operations (<see cref="EntryAdder"/>,
/// <see cref="Promoter"/>, <see cref="FlagGraduator"/>...) and writes their results atomically.
/// </summary>
/// <example>
/// <code>
/// var notes = ReleaseNotesWorkspace.Open(".");
/// notes.Add(Visibility.Public, ChangeType.Fixed, "Exports no longer time out. [#123]",
///     links: [new LinkDefinition("#123", "https://gitlab.example.com/app/-/merge_requests/123")]);
/// var outcome = notes.PlanPromotion();
/// outcome.Plan?.Apply(notes.Folder);
/// </code>
/// </example>
public sealed class ReleaseNotesWorkspace
{
    private readonly TimeProvider _clock;

    private ReleaseNotesWorkspace(ReleaseNotesLocation location, TimeProvider clock)
    {
        Location = location;
        _clock = clock;
    }

    /// <summary>Where the notes are and which configuration applies.</summary>
    public ReleaseNotesLocation Location { get; }

    /// <summary>The release-notes folder (full path).</summary>
    public ReleaseNotesFolder Folder => Location.Folder;

    /// <summary>The settings of <c>config.json</c> (the defaults when there is none).</summary>
    public ReleaseNotesConfiguration Configuration => Location.Configuration;

    /// <summary>
    /// Opens the notes of the repository holding <paramref name="path"/> (any folder in it): the <c>"folder"</c> of
    /// the nearest <c>release-notes/config.json</c> up to the repository root, else <c>release-notes</c> there.
    /// </summary>
    /// <param name="path">A folder inside the repository.</param>
    /// <param name="folder">A release-notes folder to use instead (relative to <paramref name="path"/>), like <c>--dir</c>.</param>
    /// <param name="clock">Today's date for releases (default: the system clock).</param>
    /// <exception cref="EnvironmentException">The configuration file cannot be read or is not valid.</exception>
    public static ReleaseNotesWorkspace Open(string path, string? folder = null, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        return new ReleaseNotesWorkspace(ReleaseNotesLocator.Locate(path, folder), clock ?? TimeProvider.System);
    }

    /// <summary>Parses <c>unreleased.md</c> (when it exists) and every published file, oldest release first; each result carries its diagnostics.</summary>
    /// <exception cref="EnvironmentException">The folder does not exist or a file cannot be read.</exception>
    public ImmutableArray<ParsedFile> Lint()
    {
        Folder.EnsureExists();
        var files = ImmutableArray.CreateBuilder<ParsedFile>();
        if (File.Exists(Folder.UnreleasedPath))
        {
            files.Add(Folder.ReadUnreleased());
        }

        files.AddRange(Folder.PublishedFiles().Reverse().Select(file => ReleaseNotesFolder.Read(file.Path, DocumentKind.Published)));
        return files.ToImmutable();
    }

    /// <summary>
    /// Adds an entry to <c>unreleased.md</c> and writes the file when it succeeds (see
    /// <see cref="EntryAdder.Add(ReleaseNotesDocument, Visibility, ChangeType, string?, string, string, IReadOnlyList{LinkDefinition})"/>);
    /// a refused edit, or a file with errors, writes nothing and says why in the result's diagnostics.
    /// </summary>
    /// <exception cref="EnvironmentException"><c>unreleased.md</c> cannot be read or written.</exception>
    public EditResult Add(Visibility section, ChangeType type, string text, string? flag = null, IReadOnlyList<LinkDefinition>? links = null)
    {
        var parsed = Folder.ReadUnreleased();
        if (!parsed.IsValid)
        {
            return EditResult.Refused([.. parsed.Errors]);
        }

        var result = EntryAdder.Add(parsed.Document, section, type, flag, text, Folder.UnreleasedPath, links ?? []);
        if (result.Succeeded)
        {
            new FileTransaction().Write(Folder.UnreleasedPath, result.Document!.ToBytes()).Commit();
        }

        return result;
    }

    /// <summary>
    /// Plans the weekly release without writing: <paramref name="request"/>, or the latest version bumped by the
    /// configured bump and dated today (UTC). A date earlier than the latest release's is refused unless
    /// <paramref name="allowEarlierDate"/>. Apply the plan with <see cref="PromotionPlan.Apply(ReleaseNotesFolder)"/>.
    /// </summary>
    /// <exception cref="EnvironmentException">The folder or <c>unreleased.md</c> cannot be read.</exception>
    public PromotionOutcome PlanPromotion(PromotionRequest? request = null, bool allowEarlierDate = false)
    {
        Folder.EnsureExists();
        request ??= new PromotionRequest(null, Configuration.Promote.Bump, DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime));
        if (ReleaseDateRule.Check(Folder, request.Date, allowEarlierDate) is { } refusal)
        {
            return new PromotionOutcome(PromotionStatus.Refused, null, null, [], refusal + ". No file was written");
        }

        return Promoter.Plan(Folder.ReadUnreleased(), [.. Folder.PublishedFiles().Select(file => file.Version)], request, Folder);
    }

    /// <summary>The feature flags of the Internal section, with their entries and counts per change type.</summary>
    /// <exception cref="EnvironmentException"><c>unreleased.md</c> cannot be read.</exception>
    /// <exception cref="InvalidOperationException"><c>unreleased.md</c> has errors (see <see cref="Lint"/>).</exception>
    public ImmutableArray<FlagStatus> Flags() => FlagInventory.Collect(ValidUnreleased());

    /// <summary>
    /// Moves a flag's Internal entries to Beta or Public and writes <c>unreleased.md</c> when it succeeds (see
    /// <see cref="FlagGraduator.Graduate"/>); an unknown flag writes nothing and names the close ones.
    /// </summary>
    /// <exception cref="EnvironmentException"><c>unreleased.md</c> cannot be read or written.</exception>
    /// <exception cref="InvalidOperationException"><c>unreleased.md</c> has errors (see <see cref="Lint"/>).</exception>
    public GraduationResult Graduate(string flag, Visibility to)
    {
        var result = FlagGraduator.Graduate(ValidUnreleased(), flag, to, Folder.UnreleasedPath);
        if (result.Status == GraduationStatus.Graduated)
        {
            new FileTransaction().Write(Folder.UnreleasedPath, result.Document!.ToBytes()).Commit();
        }

        return result;
    }

    /// <summary>
    /// The merge-request check of <paramref name="head"/> against its merge base with <paramref name="baseRevision"/>,
    /// read from git (never from the working tree). Never throws for a git or configuration problem: that is
    /// <see cref="CheckOutcome.CannotDecide"/>.
    /// </summary>
    public CheckResult Check(string baseRevision, string head = "HEAD", IEnumerable<string>? labels = null, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(baseRevision);
        ArgumentNullException.ThrowIfNull(head);
        return MergeRequestChecker.Check(new CheckRequest(Location.RepositoryRoot ?? Location.Root, new RevisionChoice(baseRevision, "base"), new RevisionChoice(head, "head"))
        {
            Labels = [.. labels ?? []],
            Description = description,
        });
    }

    /// <summary>Every valid published release, newest first, as markdown and HTML (see <see cref="ReleaseHistoryRenderer"/>).</summary>
    public ReleaseHistory Render(bool includeBeta = true) => ReleaseHistoryRenderer.Render(Folder, includeBeta);

    private ReleaseNotesDocument ValidUnreleased()
    {
        var parsed = Folder.ReadUnreleased();
        return parsed.IsValid
            ? parsed.Document
            : throw new InvalidOperationException($"{Folder.UnreleasedPath} has errors; fix them first ({string.Join("; ", parsed.Errors.Select(error => error.ToString()))})");
    }
}
