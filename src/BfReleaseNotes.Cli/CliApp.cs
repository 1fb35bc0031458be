using System.CommandLine;
using System.CommandLine.Help;
using System.Globalization;
using System.Text.RegularExpressions;
using BfReleaseNotes.Cli.Commands;
using BfReleaseNotes.Cli.Terminal;
using BfReleaseNotes.Text;
using BfReleaseNotes.Workspace;

namespace BfReleaseNotes.Cli;

/// <summary>The command-line entry point: builds the command tree and runs one command.</summary>
public static partial class CliApp
{
    /// <summary>Runs the command line <paramref name="args"/> and returns its exit code.</summary>
    public static int Run(string[] args, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(context);
        var colour = ColourChoice.Wanted(context, args);
        using var output = context.OutIsTerminal ? new TerminalWriter(context.Out, colour) : null;
        using var error = context.ErrorIsTerminal ? new TerminalWriter(context.Error, colour) : null;
        try
        {
            return RunCommand(args, output is null && error is null ? context : context.WithStreams(output ?? context.Out, error ?? context.Error));
        }
        finally
        {
            output?.Flush();
            error?.Flush();
            TerminalSafeWriter.Finish(context.Out);
            TerminalSafeWriter.Finish(context.Error);
        }
    }

    /// <summary>The root command with every command; also what <c>completion</c> describes.</summary>
    internal static RootCommand Build(CliContext context)
    {
        var root = new RootCommand("bf-release-notes: release notes kept as markdown next to the code.\n" + ExitCodes.Help);
        root.Options.Add(new Option<bool>(ColourChoice.NoColorOption) { Description = "No colour (also off with NO_COLOR set, or when the output is not a terminal).", Recursive = true });
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
            NextVersionCommand.Create(context),
            ShowCommand.Create(context),
            ChangelogCommand.Create(context),
            CompletionCommand.Create(context),
            MergeDriverCommand.Create(context),
        ];
        foreach (var command in commands)
        {
            root.Subcommands.Add(command);
        }

        return root;
    }

    private static int RunCommand(string[] args, CliContext context)
    {
        var root = Build(context);
        var parsed = root.Parse(args);
        var unknownOptions = UnknownOptions(args, parsed.CommandResult.Command);
        if (parsed.Errors.Count > 0 || unknownOptions.Count > 0)
        {
            // A mistyped option such as '--sektion' would otherwise be taken as the entry text, or blamed on its value.
            var command = parsed.CommandResult.Command;
            var messages = unknownOptions.Select(option => $"unknown option '{option}' for '{CommandPath(command)}'.{DidYouMean($"Unrecognized command or argument '{option}'", command)}")
                .Concat(parsed.Errors.Where(error => !unknownOptions.Any(option => error.Message.Contains($"'{option}'", StringComparison.Ordinal)))
                    .Select(error => error.Message + DidYouMean(error.Message, command)))
                .ToList();
            if (messages.Count > 1)
            {
                messages.RemoveAll(message => message.StartsWith("Required command was not provided", StringComparison.Ordinal));
            }

            foreach (var message in messages)
            {
                context.Error.WriteLine($"error: {message}");
            }

            context.Error.WriteLine("Run 'bf-release-notes --help' (or '<command> --help') for usage.");
            return ExitCodes.CouldNotRun;
        }

        try
        {
            if (parsed.Action is HelpAction && parsed.CommandResult.Command == root)
            {
                using var help = new StringWriter(CultureInfo.InvariantCulture);
                var helpExit = parsed.Invoke(new InvocationConfiguration { Output = help, Error = context.Error, EnableDefaultExceptionHandler = false });
                context.Out.Write(ListArgumentsAsUsageDoes(help.ToString(), root));
                return helpExit;
            }

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

    /// <summary>
    /// The root help lists each command with its arguments as <c>&lt;FILE&gt;</c> whatever their arity, which told users
    /// that <c>lint</c> needs a file; this lists optional and repeatable arguments as the command's own usage line does
    /// (<c>lint [&lt;FILE&gt;...]</c>, <c>add [&lt;TEXT&gt;]</c>), keeping the column. System.CommandLine 2.0 offers no
    /// public hook for that column. A name that spells its own syntax (merge-driver's) is left as it is.
    /// </summary>
    internal static string ListArgumentsAsUsageDoes(string help, RootCommand root)
    {
        foreach (var command in root.Subcommands.Where(command => !command.Hidden))
        {
            var arguments = command.Arguments.Where(argument => !argument.Hidden).ToList();
            if (!arguments.Any(argument => argument.Arity.MinimumNumberOfValues == 0 || argument.Arity.MaximumNumberOfValues > 1) || arguments.Any(argument => argument.Name.Contains(' ', StringComparison.Ordinal)))
            {
                continue;
            }

            var listed = string.Join(' ', arguments.Select(argument => $"<{argument.HelpName ?? argument.Name}>").Prepend(command.Name));
            var usage = string.Join(' ', arguments.Select(argument => argument.Arity.MinimumNumberOfValues == 0
                ? $"[<{argument.HelpName ?? argument.Name}>{(argument.Arity.MaximumNumberOfValues > 1 ? "..." : string.Empty)}]"
                : $"<{argument.HelpName ?? argument.Name}>{(argument.Arity.MaximumNumberOfValues > 1 ? "..." : string.Empty)}").Prepend(command.Name));
            help = Regex.Replace(
                help,
                $"^  {Regex.Escape(listed)}(?<padding> +)",
                match => "  " + usage + new string(' ', Math.Max(2, match.Groups["padding"].Length - (usage.Length - listed.Length))),
                RegexOptions.Multiline,
                TimeSpan.FromSeconds(1));
        }

        return help;
    }

    /// <summary>
    /// Arguments that look like long options (<c>--x</c>) but are none of the command's, unless they are the value of
    /// the option before them (<c>--description "--draft"</c>) or follow <c>--</c>.
    /// </summary>
    private static List<string> UnknownOptions(string[] args, Command command)
    {
        var options = command.Options.Concat(Ancestors(command).SelectMany(parent => parent.Options.Where(option => option.Recursive))).ToList();
        var names = options.SelectMany(option => option.Aliases.Append(option.Name)).ToHashSet(StringComparer.Ordinal);
        var takesValue = options.Where(option => option.Arity.MaximumNumberOfValues > 0 && option.ValueType != typeof(bool))
            .SelectMany(option => option.Aliases.Append(option.Name)).ToHashSet(StringComparer.Ordinal);
        var unknown = new List<string>();
        for (var index = 0; index < args.Length && args[index] != "--"; index++)
        {
            var name = args[index].Split('=')[0];
            var isValue = index > 0 && takesValue.Contains(args[index - 1]);
            if (name.Length > 2 && name.StartsWith("--", StringComparison.Ordinal) && !isValue && !names.Contains(name))
            {
                unknown.Add(name);
            }
        }

        return unknown;
    }

    private static string CommandPath(Command command) =>
        string.Join(' ', Enumerable.Reverse(Ancestors(command)).Select(parent => parent.Name).Append(command.Name).Skip(1).Prepend("bf-release-notes"));

    /// <summary>The commands above <paramref name="command"/>, nearest first (<c>Symbol.Parents</c> holds only the nearest).</summary>
    private static List<Command> Ancestors(Command command)
    {
        var ancestors = new List<Command>();
        for (var parent = command.Parents.OfType<Command>().FirstOrDefault(); parent is not null; parent = parent.Parents.OfType<Command>().FirstOrDefault())
        {
            ancestors.Add(parent);
        }

        return ancestors;
    }

    /// <summary>" Did you mean 'promote'?" for a mistyped command or option, else nothing.</summary>
    private static string DidYouMean(string message, Command command)
    {
        var match = UnrecognizedToken().Match(message);
        if (!match.Success)
        {
            return string.Empty;
        }

        var token = match.Groups["token"].Value;
        IEnumerable<string> candidates = token.StartsWith('-')
            ? command.Options.Concat(Ancestors(command).SelectMany(parent => parent.Options.Where(option => option.Recursive)))
                .Where(option => !option.Hidden).SelectMany(option => option.Aliases.Append(option.Name)).Where(name => name.StartsWith("--", StringComparison.Ordinal))
            : command.Subcommands.Where(subcommand => !subcommand.Hidden).Select(subcommand => subcommand.Name);
        var closest = Suggestion.Closest(token.Split('=')[0], candidates);
        return closest.Count == 0 ? string.Empty : $" Did you mean {Suggestion.OrList(closest)}?";
    }

    [GeneratedRegex(@"^Unrecognized command or argument '(?<token>[^']+)'")]
    private static partial Regex UnrecognizedToken();
}
