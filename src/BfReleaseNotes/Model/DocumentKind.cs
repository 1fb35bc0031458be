namespace BfReleaseNotes.Model;

/// <summary>The two kinds of file in a release-notes folder.</summary>
public enum DocumentKind
{
    /// <summary><c>unreleased.md</c>: Public, Beta and Internal scopes of work not yet released.</summary>
    Unreleased,

    /// <summary><c>&lt;version&gt;.md</c>: one published release (Public and Beta only).</summary>
    Published,
}
