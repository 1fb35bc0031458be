using System.CommandLine;
using BfReleaseNotes.Model;

namespace BfReleaseNotes.Cli.Commands;

/// <summary>Options shared by several commands, so each is spelled and documented once.</summary>
internal static partial class CommonOptions
{
    public static Option<string> Dir() => new("--dir")
    {
        Description = "The release-notes folder.",
        DefaultValueFactory = _ => Workspace.ReleaseNotesFolder.DefaultPath,
    };

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
