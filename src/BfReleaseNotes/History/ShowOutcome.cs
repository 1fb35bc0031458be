using System.Collections.Immutable;
using BfReleaseNotes.Model;

namespace BfReleaseNotes.History;

/// <summary>The outcome of <see cref="NoteExporter.Show"/>.</summary>
/// <param name="Status">What was found.</param>
/// <param name="Note">The note when <see cref="ShowStatus.Shown"/>.</param>
/// <param name="Diagnostics">The published file's diagnostics (errors when <see cref="ShowStatus.Invalid"/>, warnings otherwise).</param>
/// <param name="Message">What went wrong and what to do, when not shown.</param>
public sealed record ShowOutcome(ShowStatus Status, ShownNote? Note, ImmutableArray<Diagnostic> Diagnostics, string? Message);
