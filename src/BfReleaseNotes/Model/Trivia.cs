using System.Text;

namespace BfReleaseNotes.Model;

/// <summary>Lines that are not entries: blank lines, comments, link reference definitions, free text.</summary>
/// <param name="Text">The exact source lines, line endings included.</param>
/// <param name="Kind">What the lines are.</param>
public sealed record Trivia(string Text, TriviaKind Kind) : DocumentPart
{
    /// <summary>For a link reference definition, its normalised label (lower case, inner whitespace collapsed).</summary>
    public string? Label { get; init; }

    /// <inheritdoc />
    public override void WriteTo(StringBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Append(Text);
    }
}
