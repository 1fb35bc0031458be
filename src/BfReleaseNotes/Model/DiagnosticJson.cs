namespace BfReleaseNotes.Model;

/// <summary>
/// A diagnostic as it appears in the JSON reports of the check and of lint (stable field names for scripts).
/// Shared so the two reports cannot drift apart.
/// </summary>
internal sealed record DiagnosticJson(string Code, string Severity, string File, int Line, int Column, string Message, bool Fixable)
{
    /// <summary>The diagnostic's report form; positions are at least 1, as editors count them.</summary>
    public static DiagnosticJson From(Diagnostic diagnostic) => new(
        diagnostic.Code,
        diagnostic.Severity == DiagnosticSeverity.Error ? "error" : "warning",
        diagnostic.File,
        Math.Max(diagnostic.Position.Line, 1),
        Math.Max(diagnostic.Position.Column, 1),
        diagnostic.Message,
        diagnostic.Fixable);
}
