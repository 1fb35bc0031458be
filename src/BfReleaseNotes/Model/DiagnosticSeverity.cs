namespace BfReleaseNotes.Model;

/// <summary>How bad a diagnostic is. Errors fail <c>lint</c> and block every writing command.</summary>
public enum DiagnosticSeverity
{
    /// <summary>Worth fixing; does not fail a check.</summary>
    Warning,

    /// <summary>The file is not valid; commands that write refuse to touch it.</summary>
    Error,
}
