using System.CommandLine;
using BfReleaseNotes.Configuration;
using BfReleaseNotes.Model;

namespace BfReleaseNotes.Cli.Commands;

/// <summary>Options shared by several commands, so each is spelled and documented once.</summary>
internal static partial class CommonOptions
{
    /// <summary>The description of the default notes folder, shown by every command that has <c>--dir</c>.</summary>
    public const string DirDefault =
        "default: \"folder\" of release-notes/config.json in the nearest folder up to the repository root that has one, else release-notes at the repository root";

    public static Option<string?> Dir() => new("--dir")
    {
        Description = $"The release-notes folder, relative to the current folder ({DirDefault}).",
    };

    /// <summary>The description of how a command chooses its project in a monorepo.</summary>
    public const string ProjectDefault =
        "default: the project whose folder or paths hold the current folder, else the default project of \"projects\" in release-notes/config.json";

    /// <summary><c>--project NAME</c>: the monorepo project a command works on (see the README, section 'Monorepo').</summary>
    public static Option<string?> Project() => new("--project")
    {
        Description = $"The project of a monorepo whose notes to use ({ProjectDefault}).",
        HelpName = "NAME",
    };

    /// <summary>
    /// Where the notes are: <c>--dir</c> when given, else found from the current folder up to the repository root
    /// (see <see cref="ReleaseNotesLocator"/>); in a monorepo, the project's (<c>--project</c>, else inferred). Paths
    /// stay relative to the working folder where they can, so messages show them as the user would type them.
    /// </summary>
    public static ReleaseNotesLocation Locate(CliContext context, string? dir, string? project = null) =>
        Shown(context, ReleaseNotesLocator.Locate(context.CurrentDirectory, dir, project));

    /// <summary>Every project's notes in a monorepo (one location without projects), shown relative to the working folder.</summary>
    public static IReadOnlyList<ReleaseNotesLocation> LocateAll(CliContext context) =>
        [.. ReleaseNotesLocator.LocateAll(context.CurrentDirectory).Select(location => Shown(context, location))];

    /// <summary>The given or inferred project's notes, else every project's (see <see cref="ReleaseNotesLocator.LocateEach"/>).</summary>
    public static IReadOnlyList<ReleaseNotesLocation> LocateEach(CliContext context, string? dir, string? project) =>
        [.. ReleaseNotesLocator.LocateEach(context.CurrentDirectory, dir, project).Select(location => Shown(context, location))];

    private static ReleaseNotesLocation Shown(CliContext context, ReleaseNotesLocation location)
    {
        var shown = context.Resolve(Path.GetRelativePath(context.CurrentDirectory, location.Folder.Path));
        return location with { Folder = new Workspace.ReleaseNotesFolder(shown) };
    }

    /// <summary>The release-notes folder for <c>--dir</c> and <c>--project</c> (see <see cref="Locate"/>).</summary>
    public static Workspace.ReleaseNotesFolder Folder(CliContext context, string? dir, string? project = null) => Locate(context, dir, project).Folder;

    /// <summary>
    /// An option whose value is one of an enum's names, in any case (<c>--section Public</c> works); the help and
    /// shell completion list the names in lower case, and a wrong value is refused with the closest name.
    /// </summary>
    public static Option<T?> Choice<T>(string name, string description)
        where T : struct, Enum
    {
        var names = Enum.GetNames<T>().Select(value => value.ToLowerInvariant()).ToArray();
        var option = new Option<T?>(name)
        {
            Description = description,
            HelpName = string.Join('|', names),
            CustomParser = result =>
            {
                var token = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
                if (names.Contains(token.ToLowerInvariant()) && Enum.TryParse<T>(token, ignoreCase: true, out var value))
                {
                    return value;
                }

                var closest = Text.Suggestion.Closest(token, names, 1);
                result.AddError($"'{token}' is not a valid value for {name}{(closest.Count > 0 ? $"; did you mean '{closest[0]}'?" : string.Empty)} Use {Text.Suggestion.OrList(names)}.");
                return null;
            },
        };
        option.CompletionSources.Clear(); // the enum's own names are capitalised; offer what the help shows.
        option.CompletionSources.Add(names);
        return option;
    }

    /// <summary>An option taking one of <paramref name="words"/>, in any case (given back in lower case), with "did you mean".</summary>
    public static Option<string?> Word(string name, string description, params string[] words)
    {
        var option = new Option<string?>(name)
        {
            Description = description,
            HelpName = string.Join('|', words),
            CustomParser = result =>
            {
                var token = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
                var lower = token.ToLowerInvariant();
                if (words.Contains(lower))
                {
                    return lower;
                }

                var closest = Text.Suggestion.Closest(token, words, 1);
                result.AddError($"'{token}' is not a valid value for {name}{(closest.Count > 0 ? $"; did you mean '{closest[0]}'?" : string.Empty)} Use {Text.Suggestion.OrList(words)}.");
                return null;
            },
        };
        option.CompletionSources.Add(words);
        return option;
    }

    public static Option<string> Format()
    {
        var option = new Option<string>("--format")
        {
            Description = "Output format: text or json.",
            DefaultValueFactory = _ => "text",
        };
        option.AcceptOnlyFromAmong("text", "json");
        return option;
    }

    /// <summary>
    /// Makes a word that looks like an option (<c>--frobnicate</c>) an error of its own instead of a file name or an
    /// entry text, so a mistyped option is reported as one. A path that exists is taken as a path.
    /// </summary>
    public static void RefuseOptionLikeValues(Argument argument, string command)
    {
        argument.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                if (OptionLike().IsMatch(token.Value) && !File.Exists(token.Value) && !Directory.Exists(token.Value))
                {
                    result.AddError($"unknown option '{token.Value}' for '{command}'; see 'bf-release-notes {command} --help' for its options");
                }
            }
        });
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\A--?[A-Za-z][A-Za-z0-9-]*(=\S*)?\z", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex OptionLike();

    /// <summary>Prints diagnostics to stderr, one per line, in the form editors and CI parse.</summary>
    public static void PrintDiagnostics(CliContext context, IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            context.Error.WriteLine(diagnostic.ToString());
        }
    }

    /// <summary>
    /// Locks the folder for a command that writes, and prints what opening it did (a stale lock taken over, an
    /// interrupted write finished or undone) so the user hears of it before anything else.
    /// </summary>
    public static Workspace.WriteSession OpenSession(CliContext context, Workspace.ReleaseNotesFolder folder, string command, bool create = false)
    {
        var session = Workspace.WriteSession.Open(folder.Path, command, create: create);
        foreach (var notice in session.Notices)
        {
            context.Error.WriteLine($"note: {notice}");
        }

        return session;
    }

    /// <summary>
    /// Reads <c>unreleased.md</c> through a write session (so the write refuses a file changed since), for a command
    /// that needs it valid; prints its errors and returns null when it has any.
    /// </summary>
    public static ReleaseNotesDocument? ReadValidUnreleased(CliContext context, Workspace.WriteSession session) =>
        Valid(context, session.NotesFolder, session.ReadUnreleased());

    /// <summary>
    /// Reads <c>unreleased.md</c> for a command that needs it valid; when it has errors, prints them and what to do,
    /// and returns null (the command then exits 1 without touching any file).
    /// </summary>
    public static ReleaseNotesDocument? ReadValidUnreleased(CliContext context, Workspace.ReleaseNotesFolder folder)
    {
        return Valid(context, folder, folder.ReadUnreleased());
    }

    private static ReleaseNotesDocument? Valid(CliContext context, Workspace.ReleaseNotesFolder folder, ParsedFile parsed)
    {
        if (parsed.IsValid)
        {
            return parsed.Document;
        }

        PrintDiagnostics(context, parsed.Diagnostics);
        context.Error.WriteLine($"error: {folder.UnreleasedPath} has errors; fix them (see 'bf-release-notes lint') and run the command again. No file was changed.");
        return null;
    }
}
