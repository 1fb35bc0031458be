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
            if (File.Exists(folder.UnreleasedPath))
            {
                context.Out.WriteLine($"{folder.UnreleasedPath} already exists; nothing written.");
                return ExitCodes.Ok;
            }

            try
            {
                Directory.CreateDirectory(folder.Path);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                throw new EnvironmentException($"cannot create the folder '{folder.Path}': {exception.Message}", exception);
            }

            new FileTransaction().Write(folder.UnreleasedPath, Encoding.UTF8.GetBytes(ReleaseNotesWriter.EmptyUnreleased())).Commit();
            context.Out.WriteLine($"wrote {folder.UnreleasedPath}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
