namespace BfReleaseNotes.Migration;

/// <summary>How a team kept its release notes in ClickUp.</summary>
public enum HistoryShape
{
    /// <summary>Each task is one note; its release is in a column or custom field.</summary>
    EntryPerRow,

    /// <summary>Each task is a release; its content holds the whole note under headings.</summary>
    ReleasePerRow,
}
