using System.Collections.Immutable;
using BfReleaseNotes.Model;

namespace BfReleaseNotes.Editing;

/// <summary>The outcome of an edit: the new document and its text, or why the edit was refused.</summary>
/// <param name="Document">The edited document, parsed again from <paramref name="Text"/>; null when refused.</param>
/// <param name="Text">The new text of the file; null when refused.</param>
/// <param name="Diagnostics">Why the edit was refused (or problems in the input file).</param>
public sealed record EditResult(ReleaseNotesDocument? Document, string? Text, ImmutableArray<Diagnostic> Diagnostics)
{
    /// <summary>True when the edit was made.</summary>
    public bool Succeeded => Document is not null && Text is not null;

    /// <summary>A refused edit.</summary>
    public static EditResult Refused(params Diagnostic[] diagnostics) => new(null, null, [.. diagnostics]);
}
