namespace BfReleaseNotes.Migration;

/// <summary>
/// Why a row of a ClickUp export was not imported: the stable codes of the rejects file's <c>Reason</c> column.
/// </summary>
public static class RejectReason
{
    /// <summary>The row's CSV quoting is broken (a stray or unterminated quote); its fields cannot be trusted.</summary>
    public const string MalformedRow = "malformed-row";

    /// <summary>The row has more or fewer fields than the header.</summary>
    public const string FieldCount = "field-count";

    /// <summary>A field is not valid UTF-8 text.</summary>
    public const string InvalidText = "invalid-text";

    /// <summary>The row has no task id, or one that cannot be a reference label.</summary>
    public const string BadTaskId = "bad-task-id";

    /// <summary>The task id appeared on an earlier row.</summary>
    public const string DuplicateTask = "duplicate-task";

    /// <summary>The status is not one the mapping imports.</summary>
    public const string Status = "status";

    /// <summary>The list or folder is filtered out by the mapping.</summary>
    public const string Filtered = "filtered";

    /// <summary>The row (or every item of a release row) is Internal: never published.</summary>
    public const string Internal = "internal";

    /// <summary>One Internal item of a release row that is otherwise imported (listed, not counted as a row).</summary>
    public const string InternalItem = "internal-item";

    /// <summary>A visibility value the mapping does not know, or two that disagree.</summary>
    public const string Visibility = "visibility";

    /// <summary>A change-type value the mapping does not know, two that disagree, or none and no default.</summary>
    public const string ChangeType = "type";

    /// <summary>No release version, or one that is not SemVer (after the pattern and completion).</summary>
    public const string Version = "version";

    /// <summary>A date that cannot be read (release or task date), or no release date.</summary>
    public const string Date = "date";

    /// <summary>No entry text.</summary>
    public const string EmptyText = "empty-text";

    /// <summary>A user regular expression ran out of time on the row.</summary>
    public const string RegexTimeout = "regex-timeout";

    /// <summary>The entry would make the published file fail <c>lint</c>.</summary>
    public const string Lint = "lint";
}
