using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace BfReleaseNotes.Model;

/// <summary>The outcome of parsing a file: the document (unless the bytes were not text) and the diagnostics.</summary>
/// <param name="File">The path the diagnostics name.</param>
/// <param name="Document">The parsed document; null when the file could not be read as markdown at all.</param>
/// <param name="Diagnostics">Problems found, in source order.</param>
public sealed record ParsedFile(string File, ReleaseNotesDocument? Document, ImmutableArray<Diagnostic> Diagnostics)
{
    /// <summary>True when any diagnostic is an error.</summary>
    public bool HasErrors => Diagnostics.Any(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error);

    /// <summary>True when there is a document and no error: the only state in which commands write.</summary>
    [MemberNotNullWhen(true, nameof(Document))]
    public bool IsValid => Document is not null && !HasErrors;

    /// <summary>The errors only.</summary>
    public IEnumerable<Diagnostic> Errors => Diagnostics.Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error);
}
