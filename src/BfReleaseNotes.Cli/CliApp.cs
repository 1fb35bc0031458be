using System.CommandLine;
using BfReleaseNotes.Cli.Commands;
using BfReleaseNotes.Workspace;

namespace BfReleaseNotes.Cli;

/// <summary>The command-line entry point: builds the command tree and runs one command.</summary>
public static class CliApp
{
    /// <summary>Runs the command line <paramref name="args"/> and returns its exit code.</summary>
    public static int Run(string[] args, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(context);
        var root = new RootCommand("bf-release-notes: release notes kept as markdown next to the code.\n" + ExitCodes.Help);
        // Each command lives in its own file under Commands/ and is a thin shell over one library call.
        root.Subcommands.Add(InitCommand.Create(context));
        root.Subcommands.Add(LintCommand.Create(context));
        root.Subcommands.Add(AddCommand.Create(context));
        foreach (var extra in ExtraCommands(context))
        {
            root.Subcommands.Add(extra);
        }

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                context.Error.WriteLine($"error: {error.Message}");
            }

            context.Error.WriteLine("Run 'bf-release-notes --help' (or '<command> --help') for usage.");
            return ExitCodes.CouldNotRun;
        }

        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = context.Out, Error = context.Error, EnableDefaultExceptionHandler = false });
        }
        catch (EnvironmentException exception)
        {
            context.Error.WriteLine($"error: {exception.Message}");
            return ExitCodes.CouldNotRun;
        }
    }

    /// <summary>Commands of the later features (promote, flags, check, import-clickup) register here.</summary>
    private static IEnumerable<Command> ExtraCommands(CliContext context)
    {
        return
        [
            ImportClickUpCommand.Create(context),
        ];
    }
}
