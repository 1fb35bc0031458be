namespace BfReleaseNotes.Model;

/// <summary>A 1-based line and column in a source file; <see cref="None"/> for content the tool created.</summary>
/// <param name="Line">1-based line number, 0 when unknown.</param>
/// <param name="Column">1-based column number, 0 when unknown.</param>
public readonly record struct SourcePosition(int Line, int Column)
{
    /// <summary>The position of content that has no source (created by an operation).</summary>
    public static SourcePosition None => default;

    /// <inheritdoc />
    public override string ToString() => $"{Line}:{Column}";
}
