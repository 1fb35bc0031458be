using System.CommandLine;
using BfReleaseNotes.Merging;
using BfReleaseNotes.Workspace;

namespace BfReleaseNotes.Cli.Commands;

/// <summary>
/// <c>merge-driver BASE OURS THEIRS [PATH]</c>: git's merge-driver protocol over <see cref="MergeDriver"/>;
/// <c>merge-driver install</c>: the set-up of <see cref="MergeDriverSetup"/>.
/// </summary>
internal static class MergeDriverCommand
{
    public static Command Create(CliContext context)
    {
        var files = new Argument<string[]>("BASE OURS THEIRS [PATH]")
        {
            Description = "git's %O %A %B %P: the ancestor, ours (the result is written here), theirs, and the path in the repository.",
            Arity = new ArgumentArity(0, 4),
        };
        var command = new Command("merge-driver", "Three-way merge for git (merge.union.driver = bf-release-notes merge-driver %O %A %B %P): structural for unreleased.md, git's union for other files. The result is written to OURS.\nExit codes: 0 merged cleanly, 1 conflict markers written (resolve them), 2 the command could not run.")
        {
            files,
        };
        command.Subcommands.Add(Install(context));
        command.SetAction(parse =>
        {
            var values = parse.GetValue(files) ?? [];
            if (values.Length < 3)
            {
                context.Error.WriteLine("error: merge-driver needs BASE OURS THEIRS [PATH] (git passes them as %O %A %B %P); to set it up, run 'bf-release-notes merge-driver install'");
                return ExitCodes.CouldNotRun;
            }

            var result = MergeDriver.Run(context.Resolve(values[0]), context.Resolve(values[1]), context.Resolve(values[2]), values.Length > 3 ? values[3] : null);
            foreach (var note in result.Notes)
            {
                context.Error.WriteLine(note);
            }

            if (result.NeedsResolution)
            {
                context.Error.WriteLine($"merge-driver: {values.ElementAtOrDefault(3) ?? values[1]}: {result.Conflicts} conflict(s) marked; keep the right version between '<<<<<<<' and '>>>>>>>', delete the marker lines, run 'bf-release-notes lint', then 'git add' the file");
                return ExitCodes.ContentProblems;
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Install(CliContext context)
    {
        var repo = new Option<string>("--repo") { Description = "A folder inside the repository (default: the current directory).", DefaultValueFactory = _ => "." };
        var dir = CommonOptions.Dir();
        dir.Description = "The release-notes folder, relative to the repository root.";
        var uninstall = new Option<bool>("--uninstall") { Description = "Remove the .gitattributes line and the git config keys." };
        var driver = new Option<string?>("--command") { Description = "The program git runs (default: this program as it was started, e.g. its full path)." };
        var command = new Command("install", "Mark <dir>/unreleased.md (every project's in a monorepo) merge=union in .gitattributes (GitLab's merge button) and set merge.union.driver in the repository's git config to the structural driver (local merges, rebases, cherry-picks). Idempotent; prints what it changed.\n" + ExitCodes.Help)
        {
            repo, dir, uninstall, driver,
        };
        command.SetAction(parse =>
        {
            // The folders as the repository names them: --dir, else "folder" of the configuration (every project's in a monorepo), else release-notes.
            IReadOnlyList<string> folders = parse.GetValue(dir) is { } given ? [given]
                : [.. CommonOptions.LocateAll(context).Select(location => location.Configuration.Folder ?? ReleaseNotesFolder.DefaultPath)];
            var changes = MergeDriverSetup.Apply(context.Resolve(parse.GetValue(repo)!), folders, parse.GetValue(driver) ?? ThisProgram(), parse.GetValue(uninstall));
            foreach (var change in changes)
            {
                context.Out.WriteLine(change);
            }

            if (changes.Count == 0)
            {
                context.Out.WriteLine(parse.GetValue(uninstall) ? "merge-driver: nothing to remove" : "merge-driver: already installed; nothing changed");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>How to start this program again from a git hook: the apphost or AOT binary, or dotnet with the dll.</summary>
    private static string ThisProgram()
    {
        var process = Environment.ProcessPath ?? "bf-release-notes";
        var name = Path.GetFileNameWithoutExtension(process);
        return name.Equals("dotnet", StringComparison.OrdinalIgnoreCase)
            ? $"{Quote(process)} {Quote(Path.Combine(AppContext.BaseDirectory, "bf-release-notes.dll"))}"
            : Quote(process);
    }

    /// <summary>Git runs the driver through the shell; single quotes keep spaces and other characters literal.</summary>
    private static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
