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
        Command[] commands =
        [
            InitCommand.Create(context),
            LintCommand.Create(context),
            AddCommand.Create(context),
            PromoteCommand.Create(context),
            FlagsCommand.Create(context),
            CheckCommand.Create(context),
            ImportClickUpCommand.Create(context),
            RenderCommand.Create(context),
            MergeDriverCommand.Create(context),
        ];
        foreach (var command in commands)
        {
            root.Subcommands.Add(command);
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
#pragma warning disable CA1031 // The last line of defence: a bug must end in a clear message and exit 2, not a stack dump.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            context.Error.WriteLine($"error: internal error ({exception.GetType().Name}: {exception.Message}); no file was changed. Please report this with the input file.");
            return ExitCodes.CouldNotRun;
        }
    }
}
