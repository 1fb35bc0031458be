using System.CommandLine;
using System.Text;
using BfReleaseNotes.Configuration;
using BfReleaseNotes.Markdown;
using BfReleaseNotes.Workspace;

namespace BfReleaseNotes.Cli.Commands;

/// <summary><c>init</c>: writes the empty <c>unreleased.md</c> template if there is none.</summary>
internal static class InitCommand
{
    public static Command Create(CliContext context)
    {
        var dir = CommonOptions.Dir();
        var project = CommonOptions.Project();
        var command = new Command("init", "Write the empty unreleased.md template (Public, Beta, Internal with Added, Changed, Fixed) in the repository's notes folder if there is none. Refused when the repository already keeps unreleased.md in another folder, unless --dir names the new folder.\n" + ExitCodes.Help) { dir, project };
        command.SetAction(parse =>
        {
            var location = CommonOptions.Locate(context, parse.GetValue(dir), parse.GetValue(project));
            var folder = location.Folder;
            if (File.Exists(folder.UnreleasedPath) || new FileInfo(folder.UnreleasedPath).LinkTarget is not null)
            {
                context.Out.WriteLine($"{folder.UnreleasedPath} already exists; nothing written.");
                return ExitCodes.Ok;
            }

            // Only inside a repository: outside one there is no "the project" to search (it could be a home folder).
            if (parse.GetValue(dir) is null && location.Project is null && location.RepositoryRoot is not null)
            {
                var existing = ReleaseNotesLocator.FindNotesFolders(location.RepositoryRoot);
                if (existing.Count > 0)
                {
                    var shown = existing.Select(path => context.Resolve(Path.GetRelativePath(context.CurrentDirectory, path))).ToList();
                    var relative = Path.GetRelativePath(location.Root, existing[0]).Replace('\\', '/');
                    context.Error.WriteLine($"error: this repository already keeps its release notes in {string.Join(", ", shown)}; nothing written. " +
                        $"Work there (set \"folder\": \"{relative}\" in {Path.Combine(location.Root, ReleaseNotesFolder.DefaultPath, ReleaseNotesConfiguration.FileName)} so every command finds it), or pass --dir to start another notes folder on purpose.");
                    return ExitCodes.CouldNotRun;
                }
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
