using System.Text;

namespace BfReleaseNotes.Model;

/// <summary>
/// A piece of a release-notes file that owns a run of whole lines of its source, line endings included.
/// Writing a document is concatenating its parts, which is what makes the round trip lossless.
/// </summary>
public abstract record DocumentPart
{
    /// <summary>Where the part started in its source file; <see cref="SourcePosition.None"/> when created.</summary>
    public SourcePosition Position { get; init; }

    /// <summary>Appends the exact text of this part (and of everything it contains).</summary>
    public abstract void WriteTo(StringBuilder builder);

    /// <summary>The exact text of this part.</summary>
    public string ToText()
    {
        var builder = new StringBuilder();
        WriteTo(builder);
        return builder.ToString();
    }
}
