using System.CommandLine;
using System.Text;
using BfReleaseNotes.Markdown;
using BfReleaseNotes.Workspace;

namespace BfReleaseNotes.Cli.Commands;

/// <summary><c>init</c>: writes the empty <c>unreleased.md</c> template if there is none.</summary>
internal static class InitCommand
{
    public static Command Create(CliContext context)
    {
        var dir = CommonOptions.Dir();
        var command = new Command("init", "Write the empty release-notes/unreleased.md template (Public, Beta, Internal with Added, Changed, Fixed) if there is none.\n" + ExitCodes.Help) { dir };
        command.SetAction(parse =>
        {
            var folder = new ReleaseNotesFolder(context.Resolve(parse.GetValue(dir)!));
            if (File.Exists(folder.UnreleasedPath) || new FileInfo(folder.UnreleasedPath).LinkTarget is not null)
            {
                context.Out.WriteLine($"{folder.UnreleasedPath} already exists; nothing written.");
                return ExitCodes.Ok;
            }

            using var session = CommonOptions.OpenSession(context, folder, "init", create: true);
            // Create, not Write: a file another run made in the meantime is never replaced by the empty template.
            session.Transaction().Create(folder.UnreleasedPath, Encoding.UTF8.GetBytes(ReleaseNotesWriter.EmptyUnreleased())).Commit();
            context.Out.WriteLine($"wrote {folder.UnreleasedPath}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
