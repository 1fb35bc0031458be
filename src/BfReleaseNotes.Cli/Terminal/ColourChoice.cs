namespace BfReleaseNotes.Cli.Terminal;

/// <summary>Whether output is coloured: only on a terminal, and never with <c>NO_COLOR</c> (no-color.org), <c>TERM=dumb</c> or <c>--no-color</c>.</summary>
internal static class ColourChoice
{
    /// <summary>The option every command accepts.</summary>
    public const string NoColorOption = "--no-color";

    /// <summary>True when a stream that is a terminal should be coloured.</summary>
    public static bool Wanted(CliContext context, IReadOnlyList<string> args) =>
        context.Variable("NO_COLOR") is null &&
        !string.Equals(context.Variable("TERM"), "dumb", StringComparison.Ordinal) &&
        !args.TakeWhile(arg => arg != "--").Contains(NoColorOption, StringComparer.Ordinal);
}
