namespace BfReleaseNotes.Model;

/// <summary>
/// Every diagnostic code the parser and linter emit. Codes are stable: scripts and CI may match on them.
/// BFRN0xx are about the file as bytes, BFRN1xx about its structure, BFRN2xx about published files, BFRN30x about
/// the feature flags of the notes checked against a feature-flag registry (<c>flags check</c>).
/// </summary>
public static class DiagnosticCodes
{
    /// <summary>The file is not valid UTF-8.</summary>
    public const string InvalidUtf8 = "BFRN001";

    /// <summary>The file holds NUL bytes: it is binary, not markdown.</summary>
    public const string BinaryFile = "BFRN002";

    /// <summary>The file is empty (or whitespace only).</summary>
    public const string EmptyFile = "BFRN003";

    /// <summary>The file starts with a UTF-8 byte-order mark (warning; <c>--fix</c> removes it).</summary>
    public const string ByteOrderMark = "BFRN004";

    /// <summary>Markdown nested too deeply to parse safely.</summary>
    public const string TooDeeplyNested = "BFRN005";

    /// <summary>A line ends with a bare carriage return (neither LF nor CRLF).</summary>
    public const string BareCarriageReturn = "BFRN006";

    /// <summary>A fenced code block that is never closed.</summary>
    public const string UnclosedCodeFence = "BFRN007";

    /// <summary>An HTML comment that is never closed.</summary>
    public const string UnclosedComment = "BFRN008";

    /// <summary>A conflict marker line (<c>&lt;&lt;&lt;&lt;&lt;&lt;&lt;</c>, <c>=======</c>, <c>&gt;&gt;&gt;&gt;&gt;&gt;&gt;</c>, <c>|||||||</c>) outside a code block: an unresolved merge conflict.</summary>
    public const string ConflictMarker = "BFRN009";

    /// <summary>The first heading is missing or is not the expected title.</summary>
    public const string BadTitle = "BFRN101";

    /// <summary>A heading that is not a known section (with the closest valid one).</summary>
    public const string UnknownHeading = "BFRN102";

    /// <summary>An entry (list item) outside a change-type section.</summary>
    public const string EntryOutsideChangeType = "BFRN103";

    /// <summary>Text that is not a list item where an entry is expected.</summary>
    public const string NotAnEntry = "BFRN104";

    /// <summary>A section out of canonical order (<c>--fix</c> reorders).</summary>
    public const string SectionOutOfOrder = "BFRN105";

    /// <summary>A section that appears twice at the same level.</summary>
    public const string DuplicateSection = "BFRN106";

    /// <summary>A heading whose case differs from the canonical form (warning; <c>--fix</c>).</summary>
    public const string HeadingCase = "BFRN107";

    /// <summary>An Internal entry outside a feature-flag group.</summary>
    public const string InternalEntryWithoutFlag = "BFRN108";

    /// <summary>A flag group outside the Internal section.</summary>
    public const string FlagGroupOutsideInternal = "BFRN109";

    /// <summary>A flag key that does not match the allowed pattern.</summary>
    public const string InvalidFlagKey = "BFRN110";

    /// <summary>A level-4 heading that is not <c>#### Flag: `key`</c>.</summary>
    public const string BadFlagHeading = "BFRN111";

    /// <summary>An entry whose bullet is not <c>-</c> (warning; <c>--fix</c>).</summary>
    public const string BulletMarker = "BFRN112";

    /// <summary>An ordered-list item used as an entry.</summary>
    public const string OrderedEntry = "BFRN113";

    /// <summary>An entry with no text.</summary>
    public const string EmptyEntry = "BFRN114";

    /// <summary>A heading level that has no meaning in this format (level 5 or 6, or a second level 1).</summary>
    public const string UnexpectedHeadingLevel = "BFRN115";

    /// <summary>The same flag group twice in one change-type section.</summary>
    public const string DuplicateFlagGroup = "BFRN116";

    /// <summary>A link, image, autolink or reference definition whose URL has a scheme other than http, https or mailto.</summary>
    public const string UnsafeLinkUrl = "BFRN130";

    /// <summary>A heading written inside an entry (warning: the app demotes it below the change type).</summary>
    public const string HeadingInsideEntry = "BFRN131";
    /// <summary>The same entry text twice in <c>unreleased.md</c> (two merge requests wrote it; warning; <c>--fix</c> keeps the first).</summary>
    public const string DuplicateEntry = "BFRN117";

    /// <summary>A published file's title is not <c># X.Y.Z - YYYY-MM-DD</c>.</summary>
    public const string BadPublishedTitle = "BFRN201";

    /// <summary>The version in a published title is not SemVer 2.0.</summary>
    public const string BadVersion = "BFRN202";

    /// <summary>The date in a published title is not a valid ISO date.</summary>
    public const string BadDate = "BFRN203";

    /// <summary>The version in the title differs from the file name.</summary>
    public const string VersionMismatch = "BFRN204";

    /// <summary>A published file with an Internal section.</summary>
    public const string InternalInPublished = "BFRN205";

    /// <summary>A flag group in a published file.</summary>
    public const string FlagGroupInPublished = "BFRN206";

    /// <summary>A flag group names a flag the feature-flag registry does not know (error; the closest known flags are named).</summary>
    public const string UnknownFlag = "BFRN300";

    /// <summary>A flag is on for everyone in the checked environment, but its entries are still Internal (warning; graduate to Public).</summary>
    public const string FlagOnForEveryone = "BFRN301";

    /// <summary>A flag is on for the beta audience, but its entries are still Internal (warning; graduate to Beta).</summary>
    public const string FlagOnForBeta = "BFRN302";

    /// <summary>A flag is removed from the registry, but its entries are still pending in Internal (warning).</summary>
    public const string FlagRemoved = "BFRN303";
    /// <summary>A pending entry of <c>unreleased.md</c> whose text is already in a published file (a merge brought it back; <c>--fix</c> removes it).</summary>
    public const string AlreadyPublished = "BFRN207";

    /// <summary>All codes with a one-line description, for documentation and tests.</summary>
    public static IReadOnlyDictionary<string, string> All { get; } = new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        [InvalidUtf8] = "the file is not valid UTF-8",
        [BinaryFile] = "the file is binary (holds NUL bytes)",
        [EmptyFile] = "the file is empty",
        [ByteOrderMark] = "the file starts with a UTF-8 byte-order mark (warning, fixable)",
        [TooDeeplyNested] = "markdown nested too deeply to parse",
        [BareCarriageReturn] = "a line ends with a bare carriage return (CR)",
        [UnclosedCodeFence] = "a fenced code block is never closed",
        [UnclosedComment] = "an HTML comment is never closed",
        [ConflictMarker] = "unresolved merge conflict (a conflict marker line)",
        [BadTitle] = "missing or wrong title line",
        [UnknownHeading] = "unknown or misspelled section heading",
        [EntryOutsideChangeType] = "entry outside a change-type section",
        [NotAnEntry] = "text that is not a list item where an entry is expected",
        [SectionOutOfOrder] = "section out of order (fixable)",
        [DuplicateSection] = "duplicate section",
        [HeadingCase] = "heading case differs from the canonical form (warning, fixable)",
        [InternalEntryWithoutFlag] = "Internal entry outside a feature-flag group",
        [FlagGroupOutsideInternal] = "flag group outside the Internal section",
        [InvalidFlagKey] = "invalid flag key",
        [BadFlagHeading] = "level-4 heading that is not a flag group",
        [BulletMarker] = "entry bullet is not '-' (warning, fixable)",
        [OrderedEntry] = "ordered-list item used as an entry",
        [EmptyEntry] = "entry with no text",
        [UnexpectedHeadingLevel] = "heading level with no meaning here",
        [DuplicateFlagGroup] = "duplicate flag group",
        [UnsafeLinkUrl] = "link URL with a scheme other than http, https or mailto",
        [HeadingInsideEntry] = "heading inside an entry (warning)",
        [DuplicateEntry] = "the same entry twice in unreleased.md (warning, fixable)",
        [BadPublishedTitle] = "published title is not '# X.Y.Z - YYYY-MM-DD'",
        [BadVersion] = "version is not SemVer 2.0",
        [BadDate] = "date is not a valid ISO date",
        [VersionMismatch] = "title version differs from the file name",
        [InternalInPublished] = "Internal section in a published file",
        [FlagGroupInPublished] = "flag group in a published file",
        [UnknownFlag] = "flag unknown to the feature-flag registry",
        [FlagOnForEveryone] = "flag on for everyone, entries still Internal (warning)",
        [FlagOnForBeta] = "flag on for the beta audience, entries still Internal (warning)",
        [FlagRemoved] = "flag removed from the registry, entries still pending (warning)",
        [AlreadyPublished] = "pending entry already published; a merge brought it back (fixable)",
    };
}
