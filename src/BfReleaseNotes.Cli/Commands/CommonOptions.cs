using System.CommandLine;
using BfReleaseNotes.Model;

namespace BfReleaseNotes.Cli.Commands;

/// <summary>Options shared by several commands, so each is spelled and documented once.</summary>
internal static class CommonOptions
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

    /// <summary>Prints diagnostics to stderr, one per line, in the form editors and CI parse.</summary>
    public static void PrintDiagnostics(CliContext context, IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            context.Error.WriteLine(diagnostic.ToString());
        }
    }

    /// <summary>
    /// Reads <c>unreleased.md</c> for a command that needs it valid; when it has errors, prints them and what to do,
    /// and returns null (the command then exits 1 without touching any file).
    /// </summary>
    public static ReleaseNotesDocument? ReadValidUnreleased(CliContext context, Workspace.ReleaseNotesFolder folder)
    {
        var parsed = folder.ReadUnreleased();
        if (parsed.IsValid)
        {
            return parsed.Document;
        }

        PrintDiagnostics(context, parsed.Diagnostics);
        context.Error.WriteLine($"error: {folder.UnreleasedPath} has errors; fix them (see 'bf-release-notes lint') and run the command again. No file was changed.");
        return null;
    }
}
