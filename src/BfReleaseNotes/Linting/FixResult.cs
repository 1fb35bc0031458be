using BfReleaseNotes.Model;

namespace BfReleaseNotes.Linting;

/// <summary>The outcome of <see cref="LintFixer.Fix(ParsedFile, IReadOnlyList{ParsedFile})"/>.</summary>
/// <param name="Result">The parse of the fixed text: what is left to report.</param>
/// <param name="Text">The fixed text; null when the file could not be parsed at all.</param>
/// <param name="Changed">True when the fixed bytes differ from the input.</param>
public sealed record FixResult(ParsedFile Result, string? Text, bool Changed);
