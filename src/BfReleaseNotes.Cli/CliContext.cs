namespace BfReleaseNotes.Cli;

/// <summary>
/// What a command may touch of the outside world: its output streams, standard input, environment variables,
/// working directory and clock. <c>Program.Main</c> passes the real ones; tests pass their own, in-process.
/// </summary>
public sealed class CliContext
{
    private readonly TextWriter _out = TextWriter.Null;
    private readonly TextWriter _error = TextWriter.Null;

    /// <summary>
    /// Standard output: the product (a rendered note, JSON, a summary). Whatever is given is wrapped in a
    /// <see cref="TerminalSafeWriter"/>, so no command can print a control character from a file, commit or CI variable.
    /// </summary>
    public required TextWriter Out { get => _out; init => _out = TerminalSafeWriter.Wrap(value); }

    /// <summary>Standard error: diagnostics and errors; wrapped like <see cref="Out"/>.</summary>
    public required TextWriter Error { get => _error; init => _error = TerminalSafeWriter.Wrap(value); }

    /// <summary>Standard input, or null when none is redirected.</summary>
    public TextReader? In { get; init; }

    /// <summary>The working directory relative paths are resolved against.</summary>
    public string CurrentDirectory { get; init; } = System.Environment.CurrentDirectory;

    /// <summary>Environment variables (GitLab CI's among them).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>True when standard error is a terminal (progress and colour are shown only then).</summary>
    public bool ErrorIsTerminal { get; init; }

    /// <summary>True when standard output is a terminal (colour is shown only then).</summary>
    public bool OutIsTerminal { get; init; }

    /// <summary>The clock (today's date for releases).</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>The context of the running process.</summary>
    public static CliContext FromProcess()
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry variable in System.Environment.GetEnvironmentVariables())
        {
            variables[(string)variable.Key] = variable.Value as string ?? string.Empty;
        }

        return new CliContext
        {
            Out = Console.Out,
            Error = Console.Error,
            In = Console.IsInputRedirected ? Console.In : null,
            Environment = variables,
            ErrorIsTerminal = !Console.IsErrorRedirected,
            OutIsTerminal = !Console.IsOutputRedirected,
        };
    }

    /// <summary>This context with other output streams (the terminal decoration of <see cref="CliApp"/>).</summary>
    public CliContext WithStreams(TextWriter output, TextWriter error) => new()
    {
        Out = output,
        Error = error,
        In = In,
        CurrentDirectory = CurrentDirectory,
        Environment = Environment,
        ErrorIsTerminal = ErrorIsTerminal,
        OutIsTerminal = OutIsTerminal,
        Clock = Clock,
    };

    /// <summary>An environment variable's value, or null when unset or empty.</summary>
    public string? Variable(string name) =>
        Environment.TryGetValue(name, out var value) && !string.IsNullOrEmpty(value) ? value : null;

    /// <summary>
    /// Resolves a path given on the command line against <see cref="CurrentDirectory"/>, keeping it relative to
    /// the process directory where possible so messages show the path as the user typed it.
    /// </summary>
    public string Resolve(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Path.IsPathRooted(path))
        {
            return path;
        }

        var full = Path.GetFullPath(Path.Combine(CurrentDirectory, path));
        var relative = Path.GetRelativePath(System.Environment.CurrentDirectory, full);
        return relative.StartsWith("..", StringComparison.Ordinal) ? full : relative;
    }
}
