namespace BfReleaseNotes.Model;

/// <summary>Keep a Changelog 1.1 change types, in the order they appear in a section.</summary>
public enum ChangeType
{
    /// <summary>New features.</summary>
    Added,

    /// <summary>Changes in existing functionality.</summary>
    Changed,

    /// <summary>Soon-to-be removed features.</summary>
    Deprecated,

    /// <summary>Now removed features.</summary>
    Removed,

    /// <summary>Bug fixes.</summary>
    Fixed,

    /// <summary>Vulnerabilities.</summary>
    Security,
}
