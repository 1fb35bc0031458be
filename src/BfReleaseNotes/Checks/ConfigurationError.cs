namespace BfReleaseNotes.Checks;

/// <summary>Why a configuration file is not valid, and where (for <c>file:line:col</c> output and report locations).</summary>
/// <param name="File">The repository-relative configuration file.</param>
/// <param name="Line">The 1-based line of the problem (1 when the whole file is wrong).</param>
/// <param name="Column">The 1-based column (1 when unknown).</param>
/// <param name="Message">What is wrong and what the file must hold.</param>
public sealed record ConfigurationError(string File, int Line, int Column, string Message)
{
    /// <summary>The error as editors and CI parse it: <c>file:line:col: message</c>.</summary>
    public override string ToString() => FormattableString.Invariant($"{File}:{Line}:{Column}: {Message}");
}
