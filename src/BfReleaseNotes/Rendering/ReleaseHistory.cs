using System.Collections.Immutable;
using BfReleaseNotes.Model;

namespace BfReleaseNotes.Rendering;

/// <summary>The rendered releases of a folder, newest first, and the problems of the files left out.</summary>
/// <param name="Releases">Valid published releases, highest version first.</param>
/// <param name="Diagnostics">Diagnostics of every published file (a file with errors is not rendered).</param>
public sealed record ReleaseHistory(ImmutableArray<RenderedRelease> Releases, ImmutableArray<Diagnostic> Diagnostics)
{
    /// <summary>True when a published file had errors and was left out.</summary>
    public bool HasErrors => Diagnostics.Any(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error);

    /// <summary>The options the history was rendered with (audience, heading level).</summary>
    public RenderOptions Options { get; init; } = RenderOptions.Default;
}
