namespace BfReleaseNotes.Model;

/// <summary>What a run of non-entry lines is.</summary>
public enum TriviaKind
{
    /// <summary>Blank lines.</summary>
    Blank,

    /// <summary>An HTML block, usually a comment (<c>&lt;!-- ... --&gt;</c>).</summary>
    Html,

    /// <summary>A link reference definition (<c>[#123]: https://...</c>).</summary>
    LinkReferenceDefinition,

    /// <summary>Free text in the preamble, where it is allowed.</summary>
    Text,

    /// <summary>Content where it is not allowed; kept verbatim so nothing is lost, and reported.</summary>
    Stray,
}
