using System.Collections.Immutable;
using BfReleaseNotes.Model;

namespace BfReleaseNotes.Flags;

/// <summary>What <see cref="FlagGraduator.Graduate"/> did.</summary>
public enum GraduationStatus
{
    /// <summary>The flag's entries moved; the new text is ready to write.</summary>
    Graduated,

    /// <summary>No flag group has that key (exit 1); <see cref="GraduationResult.Suggestions"/> lists the closest.</summary>
    UnknownFlag,

    /// <summary>The move was refused (bad target, or the result would not conserve entries).</summary>
    Refused,
}

/// <summary>The outcome of graduating a flag.</summary>
/// <param name="Status">What happened.</param>
/// <param name="Document">The new document when graduated.</param>
/// <param name="Text">The new text when graduated.</param>
/// <param name="Moved">Entries moved, per change type, in order.</param>
/// <param name="Suggestions">The closest known flags for an unknown one.</param>
/// <param name="Message">Why, when not graduated.</param>
public sealed record GraduationResult(
    GraduationStatus Status,
    ReleaseNotesDocument? Document,
    string? Text,
    ImmutableArray<(ChangeType Type, Entry Entry)> Moved,
    ImmutableArray<string> Suggestions,
    string? Message);
