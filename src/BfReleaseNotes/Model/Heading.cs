using System.Text;

namespace BfReleaseNotes.Model;

/// <summary>A heading line as written.</summary>
/// <param name="Text">The exact source line(s), line ending included.</param>
/// <param name="Level">1 to 6.</param>
/// <param name="Title">The heading's inline text, trimmed (e.g. <c>Added</c>, <c>Flag: `beta-x`</c>).</param>
public sealed record Heading(string Text, int Level, string Title) : DocumentPart
{
    /// <inheritdoc />
    public override void WriteTo(StringBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Append(Text);
    }
}
