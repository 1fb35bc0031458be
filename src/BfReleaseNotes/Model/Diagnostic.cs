namespace BfReleaseNotes.Model;

/// <summary>A problem found in a release-notes file: stable code, where it is and what to do.</summary>
/// <param name="Code">Stable identifier, e.g. <c>BFRN103</c>; see <see cref="DiagnosticCodes"/>.</param>
/// <param name="Severity">Error or warning.</param>
/// <param name="File">The file's path as given by the caller (may be relative).</param>
/// <param name="Position">Line and column (1-based).</param>
/// <param name="Message">What is wrong, quoting the bad value, and what to do.</param>
/// <param name="Fixable">True when <c>lint --fix</c> can put it right without touching any entry's text.</param>
public sealed record Diagnostic(
    string Code,
    DiagnosticSeverity Severity,
    string File,
    SourcePosition Position,
    string Message,
    bool Fixable = false)
{
    /// <summary>The form editors and CI parse: <c>path:line:col: error BFRN103: message</c>.</summary>
    public override string ToString()
    {
        var severity = Severity == DiagnosticSeverity.Error ? "error" : "warning";
        var line = Math.Max(Position.Line, 1);
        var column = Math.Max(Position.Column, 1);
        return $"{File}:{line}:{column}: {severity} {Code}: {Message}";
    }
}
