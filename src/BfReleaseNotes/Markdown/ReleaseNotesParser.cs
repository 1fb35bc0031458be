using System.Collections.Immutable;
using System.Text;
using BfReleaseNotes.Model;
using Markdig;
using Markdig.Syntax;
using Semver;

namespace BfReleaseNotes.Markdown;

/// <summary>
/// Parses release-notes files into the immutable model. Markdig finds the blocks; every source line is then
/// given to exactly one part of the model, so the document written back is the source, byte for byte.
/// Bad content is reported as diagnostics, never thrown.
/// </summary>
/// <example>
/// <code>
/// var result = ReleaseNotesParser.Parse(File.ReadAllBytes(path), DocumentKind.Unreleased, path);
/// if (!result.IsValid) { foreach (var d in result.Diagnostics) Console.Error.WriteLine(d); }
/// </code>
/// </example>
public static class ReleaseNotesParser
{
    /// <summary>The file name of the working file.</summary>
    public const string UnreleasedFileName = "unreleased.md";

    private const string TooDeeplyNestedMessage =
        "the markdown is nested too deeply to parse (lists, quotes or brackets hundreds of levels deep); flatten it";

    private static readonly MarkdownPipeline Pipeline = BlockOnlyPipeline();

    /// <summary>
    /// Parses the bytes of a file: checks it is UTF-8 text (a BOM is accepted and kept, with a warning), then
    /// parses it. <paramref name="file"/> is used in diagnostics and, for a published file, to check the
    /// version in the title against the file name.
    /// </summary>
    public static ParsedFile Parse(ReadOnlySpan<byte> bytes, DocumentKind kind, string file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var hasBom = bytes.StartsWith(Encoding.UTF8.Preamble);
        if (hasBom)
        {
            bytes = bytes[3..];
        }

        if (Utf16Name(bytes) is { } utf16)
        {
            // UTF-16 text is full of NUL bytes, but it is text in the wrong encoding, not a binary file.
            return Failed(file, DiagnosticCodes.InvalidUtf8, new SourcePosition(1, 1),
                $"the file is {utf16} text, not UTF-8; convert it (iconv -f UTF-16 -t UTF-8 < FILE > FILE.utf8, then replace FILE with it, or save it as UTF-8 in the editor) and try again");
        }

        var nul = bytes.IndexOf((byte)0);
        if (nul >= 0)
        {
            var position = PositionOfByte(bytes, nul);
            return Failed(file, DiagnosticCodes.BinaryFile, position,
                $"the file holds a NUL byte at offset {nul}: it is binary, not markdown; restore the text file from git (git restore <file>) or delete the NUL bytes in an editor. Its entries are still in it: do not recreate the file");
        }

        // The same rules as a throwing UTF8Encoding (overlong forms, surrogates and code points past U+10FFFF are
        // invalid), checked without decoding; the decoding below then cannot fail.
        if (!System.Text.Unicode.Utf8.IsValid(bytes))
        {
            var invalid = FirstInvalidUtf8(bytes);
            return Failed(file, DiagnosticCodes.InvalidUtf8, PositionOfByte(bytes, invalid),
                $"the file is not valid UTF-8 (bad byte 0x{bytes[invalid]:X2}); save it as UTF-8 and try again");
        }

        var result = Parse(Encoding.UTF8.GetString(bytes), kind, file);
        if (!hasBom || result.Document is null)
        {
            return result;
        }

        var bom = new Diagnostic(DiagnosticCodes.ByteOrderMark, DiagnosticSeverity.Warning, file, new SourcePosition(1, 1),
            "the file starts with a UTF-8 byte-order mark; it is kept, but 'bf-release-notes lint --fix' removes it", Fixable: true);
        return result with
        {
            Document = result.Document with { HasByteOrderMark = true },
            Diagnostics = result.Diagnostics.Insert(0, bom),
        };
    }

    /// <summary>Parses text already decoded. See <see cref="Parse(ReadOnlySpan{byte}, DocumentKind, string)"/>.</summary>
    public static ParsedFile Parse(string text, DocumentKind kind, string file)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(file);
        var lines = new SourceLines(text);
        var diagnostics = new List<Diagnostic>();
        if (string.IsNullOrWhiteSpace(text))
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.EmptyFile, DiagnosticSeverity.Error, file, new SourcePosition(1, 1),
                kind == DocumentKind.Unreleased
                    ? "the file is empty; restore it from git (git restore <file>), or, if it never held entries, delete it and run 'bf-release-notes init' to write the template"
                    : "the published file is empty; restore it from git"));
        }

        if (NestingDepth.FirstLineTooDeep(text) is { } deepLine)
        {
            // Refused before Markdig, which needs seconds to find out on thousands of levels.
            return Failed(file, DiagnosticCodes.TooDeeplyNested, new SourcePosition(deepLine, 1), TooDeeplyNestedMessage);
        }

        MarkdownDocument markdown;
        try
        {
            markdown = Markdig.Markdown.Parse(text, Pipeline);
        }
        catch (ArgumentException exception) when (IsTooDeeplyNested(exception))
        {
            // Markdig counts a list and its item as two levels, so lists 64 to 128 levels deep pass the pre-scan.
            return Failed(file, DiagnosticCodes.TooDeeplyNested, new SourcePosition(FirstLineTooDeeplyNested(text), 1), TooDeeplyNestedMessage);
        }

        if (lines.FirstBareCarriageReturn is { } bareCarriageReturn)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.BareCarriageReturn, DiagnosticSeverity.Error, file, bareCarriageReturn,
                "a line ends with a bare carriage return (CR, old Mac style); save the file with LF or CRLF line endings"));
        }

        foreach (var fence in markdown.Descendants<FencedCodeBlock>().Where(fence => fence.ClosingFencedCharCount == 0))
        {
            var opening = new string(fence.FencedChar, fence.OpeningFencedCharCount);
            diagnostics.Add(new Diagnostic(DiagnosticCodes.UnclosedCodeFence, DiagnosticSeverity.Error, file, new SourcePosition(fence.Line + 1, fence.Column + 1),
                fence.Parent is MarkdownDocument
                    ? $"the code block opened with '{opening}' is never closed, so it swallows the rest of the file; close it with a line '{opening}'"
                    : $"the code block opened with '{opening}' is never closed; close it with a line '{opening}' indented like the entry's text"));
        }

        foreach (var comment in markdown.Descendants<HtmlBlock>().Where(block => block.Type == HtmlBlockType.Comment))
        {
            // Stryker disable once Arithmetic : the Min only caps a span running past the text's end, which Markdig's comment spans do not (probed on 2,970 texts: comments at the end with and without a line end, in lists and quotes, with LF, CRLF and CR); a larger cap is not observable
            var source = text.AsSpan(comment.Span.Start, Math.Max(0, Math.Min(comment.Span.Length, text.Length - comment.Span.Start)));
            if (!source.Contains("-->", StringComparison.Ordinal))
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.UnclosedComment, DiagnosticSeverity.Error, file, new SourcePosition(comment.Line + 1, comment.Column + 1),
                    "the HTML comment opened with '<!--' is never closed, so it hides everything after it; close it with '-->'"));
            }
        }

        ConflictMarkers.Report(markdown, lines, file, diagnostics);

        var units = CollectUnits(markdown, lines);
        var builder = new DocumentBuilder(kind, file, lines, diagnostics);
        foreach (var unit in units)
        {
            builder.Add(unit);
        }

        var document = builder.Build();
        var checker = new StructureChecker(kind, file, diagnostics);
        document = checker.Check(document);
        EntryContentChecker.Check(markdown, lines, file, diagnostics);
        if (kind == DocumentKind.Unreleased)
        {
            DuplicateEntries.Report(document, file, diagnostics);
        }
        if (string.IsNullOrWhiteSpace(text))
        {
            // An empty file has no title either, but saying so next to BFRN003 adds nothing.
            diagnostics.RemoveAll(diagnostic => diagnostic.Code is DiagnosticCodes.BadTitle or DiagnosticCodes.BadPublishedTitle);
        }
        // A marker line is also stray text to the structure rules; the conflict is the one thing to say about it.
        var markerLines = diagnostics.Where(diagnostic => diagnostic.Code == DiagnosticCodes.ConflictMarker).Select(diagnostic => diagnostic.Position.Line).ToHashSet();
        diagnostics.RemoveAll(diagnostic => diagnostic.Code != DiagnosticCodes.ConflictMarker && markerLines.Contains(diagnostic.Position.Line));
        diagnostics.Sort((left, right) =>
        {
            var byLine = left.Position.Line.CompareTo(right.Position.Line);
            return byLine != 0 ? byLine : left.Position.Column.CompareTo(right.Position.Column);
        });
        return new ParsedFile(file, document with { LineEnding = lines.DominantLineEnding }, [.. diagnostics]);
    }

    /// <summary>
    /// The parser needs the block structure only (headings, list items, comments, link definitions, fences):
    /// titles are read from the source lines and entries are kept as source text. Without inline parsers a
    /// 50 MB file parses in about half the time.
    /// </summary>
    private static MarkdownPipeline BlockOnlyPipeline()
    {
        var builder = new MarkdownPipelineBuilder().UsePreciseSourceLocation();
        builder.InlineParsers.Clear();
        return builder.Build();
    }

    /// <summary>True for a file name that names a published release (<c>1.42.0.md</c>).</summary>
    public static bool TryParsePublishedFileName(string fileName, out SemVersion? version)
    {
        version = null;
        var name = Path.GetFileName(fileName);
        if (!name.EndsWith(".md", StringComparison.Ordinal))
        {
            return false;
        }

        return SemVersion.TryParse(name[..^3], SemVersionStyles.Strict, out version);
    }

    /// <summary>True for Markdig's refusal of markdown nested past its limit; any other argument error is a bug and propagates.</summary>
    internal static bool IsTooDeeplyNested(ArgumentException exception) =>
        exception.Message.Contains("deeply nested", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The 1-based line where the nesting passes Markdig's limit, found by parsing ever shorter prefixes (Markdig
    /// does not say where). Long files get line 1 rather than a dozen more parses.
    /// </summary>
    internal static int FirstLineTooDeeplyNested(string text)
    {
        if (text.Length > 1_000_000)
        {
            return 1;
        }

        // Invariant: the first 'low' lines parse; the first 'high' lines do not.
        var lines = new SourceLines(text);
        var low = 0;
        var high = lines.Count;
        while (high - low > 1)
        {
            var middle = low + ((high - low) / 2);
            try
            {
                Markdig.Markdown.Parse(lines.Slice(0, middle - 1), Pipeline);
                low = middle;
            }
            catch (ArgumentException exception) when (IsTooDeeplyNested(exception))
            {
                high = middle;
            }
        }

        return high;
    }

    private static ParsedFile Failed(string file, string code, SourcePosition position, string message) =>
        new(file, null, [new Diagnostic(code, DiagnosticSeverity.Error, file, position, message)]);

    private static SourcePosition PositionOfByte(ReadOnlySpan<byte> bytes, int offset)
    {
        var before = bytes[..Math.Min(offset, bytes.Length)];
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < before.Length; i++)
        {
            // Lines end where Markdig ends them: '\n', "\r\n" or a lone '\r'. bytes[i + 1] exists: i + 1 is at most
            // the offset, the position of a byte in the file.
            if (before[i] == '\n' || (before[i] == '\r' && bytes[i + 1] != '\n'))
            {
                line++;
                lineStart = i + 1;
            }
        }

        // Columns count characters, like every other diagnostic's, not bytes.
        return new SourcePosition(line, Encoding.UTF8.GetCharCount(before[lineStart..]) + 1);
    }

    /// <summary>
    /// "UTF-16LE"/"UTF-16BE" when the bytes start with a UTF-16 byte-order mark, or when, without one, the first
    /// characters are ASCII with a NUL in every other byte (how an editor saves "Unicode" text); else null.
    /// </summary>
    private static string? Utf16Name(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return "UTF-16LE";
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return "UTF-16BE";
        }

        var sample = bytes[..(Math.Min(bytes.Length, 64) & ~1)];
        if (sample.Length < 4)
        {
            return null;
        }

        var evenNul = true;
        var oddNul = true;
        for (var i = 0; i < sample.Length; i += 2)
        {
            evenNul &= sample[i] == 0 && sample[i + 1] is > 0 and < 0x80;
            oddNul &= sample[i + 1] == 0 && sample[i] is > 0 and < 0x80;
        }

        return oddNul ? "UTF-16LE" : evenNul ? "UTF-16BE" : null;
    }

    /// <summary>
    /// The offset of the first byte of the first invalid sequence, for bytes that are not valid UTF-8: the strict
    /// conversion stops there ('read' bytes converted). The destination is large enough (one char per byte at most).
    /// </summary>
    private static int FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        System.Text.Unicode.Utf8.ToUtf16(bytes, new char[bytes.Length], out var read, out _, replaceInvalidSequences: false);
        return read;
    }

    private static List<Unit> CollectUnits(MarkdownDocument markdown, SourceLines lines)
    {
        var starts = new List<(int Line, Block Block)>();
        var others = new List<(int Line, Block Block)>();
        var definitionEnds = new Dictionary<int, int>();
        // A list or a quote owns all its lines, a link definition written inside it too.
        var containers = markdown.Where(block => block is ListBlock or QuoteBlock)
            .Select(block => (First: lines.LineOf(block.Span.Start), Last: lines.LineOf(block.Span.End)))
            .ToList();
        foreach (var block in markdown)
        {
            switch (block)
            {
                case LinkReferenceDefinitionGroup group:
                    // Markdig files every definition of the document under one group placed at the top, those
                    // written inside an entry or a quote too; each definition keeps its own line.
                    foreach (var definition in group)
                    {
                        if (IsInside(containers, definition.Line))
                        {
                            continue;
                        }

                        starts.Add((definition.Line, definition));
                        definitionEnds[definition.Line] = lines.LineOf(definition.Span.End);
                    }

                    break;
                case ListBlock list:
                    foreach (var item in list)
                    {
                        starts.Add((item.Line, item));
                    }

                    break;
                case HeadingBlock { IsSetext: true } heading:
                    // Markdig gives a setext heading the line of its underline; its text starts lines before.
                    others.Add((lines.LineOf(heading.Span.Start), heading));
                    break;
                default:
                    others.Add((block.Line, block));
                    break;
            }
        }

        foreach (var (line, block) in others)
        {
            // A paragraph or setext heading that opens with link definitions starts, to Markdig, at the first of
            // them; the definitions own their lines and the block starts after them (else the definition that
            // sorts first would take the block's text, and a heading would be lost in it).
            // Markdig keeps no block made of definitions only, so this stops inside the block.
            var first = line;
            while (definitionEnds.TryGetValue(first, out var last))
            {
                first = last + 1;
            }

            starts.Add((first, block));
        }

        starts.Sort((left, right) => left.Line.CompareTo(right.Line));
        var units = new List<Unit>();
        var next = 0;
        for (var i = 0; i < starts.Count; i++)
        {
            var (line, block) = starts[i];
            // Stryker disable once Equality,Statement,Block : no two blocks start on one line (definitions inside lists
            // and quotes are skipped, a block starts after the definitions it opens with); kept so that a block Markdig
            // might one day place on an owned line cannot have its text written twice.
            if (line < next)
            {
                continue; // a second block on a line already owned; its text is in the first one's unit.
            }

            if (line > next)
            {
                units.Add(new Unit(UnitKind.Blank, next, line - 1, null));
            }

            var limit = lines.Count - 1;
            // Stryker disable once Update : no later block starts on this block's line (see above), so the first one ends the loop before it steps
            for (var j = i + 1; j < starts.Count; j++)
            {
                // Stryker disable once Equality : no later block starts on this block's line (see above), so '>=' finds
                // the same next block.
                if (starts[j].Line > line)
                {
                    limit = starts[j].Line - 1;
                    break;
                }
            }

            var end = limit;
            while (end > line && lines.IsBlank(end))
            {
                end--;
            }

            units.Add(new Unit(KindOf(block), line, end, block));
            next = end + 1;
        }

        if (next < lines.Count)
        {
            // Stryker disable once Arithmetic : Slice reads to the end of the text for any last line at or past the
            // final one, and nothing else reads a unit's last line.
            units.Add(new Unit(UnitKind.Blank, next, lines.Count - 1, null));
        }

        return units;
    }

    /// <summary>True when a line is in one of the line ranges, which are in source order and do not overlap.</summary>
    private static bool IsInside(List<(int First, int Last)> ranges, int line)
    {
        var low = 0;
        var high = ranges.Count - 1;
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            if (ranges[middle].Last < line)
            {
                low = middle + 1;
            }
            else if (ranges[middle].First > line)
            {
                high = middle - 1;
            }
            else
            {
                return true;
            }
        }

        return false;
    }

    private static UnitKind KindOf(Block block) => block switch
    {
        HeadingBlock => UnitKind.Heading,
        ListItemBlock => UnitKind.Entry,
        HtmlBlock => UnitKind.Html,
        LinkReferenceDefinition => UnitKind.LinkReferenceDefinition,
        _ => UnitKind.Other,
    };

    internal enum UnitKind
    {
        Blank,
        Heading,
        Entry,
        Html,
        LinkReferenceDefinition,
        Other,
    }

    internal sealed record Unit(UnitKind Kind, int FirstLine, int LastLine, Block? Block);

    /// <summary>Line offsets of a text; lines keep their line endings.</summary>
    internal sealed class SourceLines
    {
        private readonly string _text;
        private readonly List<int> _starts = [0];

        public SourceLines(string text)
        {
            _text = text;
            var crlf = 0;
            var lf = 0;
            for (var i = 0; i < text.Length; i++)
            {
                var end = -1;
                if (text[i] == '\n')
                {
                    end = i;
                    if (i > 0 && text[i - 1] == '\r')
                    {
                        crlf++;
                    }
                    else
                    {
                        lf++;
                    }
                }
                else if (text[i] == '\r' && (i + 1 == text.Length || text[i + 1] != '\n'))
                {
                    // CommonMark (and so Markdig) ends a line at a bare CR too; line numbers must agree with it.
                    end = i;
                    FirstBareCarriageReturn ??= new SourcePosition(_starts.Count, i - _starts[^1] + 1);
                }

                if (end >= 0 && end + 1 < text.Length)
                {
                    _starts.Add(end + 1);
                }
            }

            if (text.Length == 0)
            {
                _starts.Clear();
            }

            DominantLineEnding = crlf > lf ? "\r\n" : "\n";
        }

        /// <summary>Where the first line ending that is a bare CR is, if any.</summary>
        public SourcePosition? FirstBareCarriageReturn { get; private set; }

        public int Count => _starts.Count;

        public string DominantLineEnding { get; }

        public string Slice(int firstLine, int lastLine)
        {
            var start = _starts[firstLine];
            var end = lastLine + 1 < _starts.Count ? _starts[lastLine + 1] : _text.Length;
            return _text[start..end];
        }

        /// <summary>The 0-based line holding a character offset.</summary>
        public int LineOf(int offset)
        {
            var index = _starts.BinarySearch(offset);
            // Stryker disable once Equality : at index 0, '~0 - 1' is negative and Math.Max makes it 0 as well.
            return Math.Max(index >= 0 ? index : ~index - 1, 0);
        }

        public bool IsBlank(int line) => string.IsNullOrWhiteSpace(Slice(line, line));

        public string LineText(int line) => Slice(line, line).TrimEnd('\r', '\n');
    }

    /// <summary>Places each unit into the tree: preamble, section, change type or flag group.</summary>
    private sealed class DocumentBuilder(DocumentKind kind, string file, SourceLines lines, List<Diagnostic> diagnostics)
    {
        private readonly List<DocumentPart> _preamble = [];
        private readonly List<SectionDraft> _sections = [];
        private bool _sawTitle;

        public void Add(Unit unit)
        {
            var text = lines.Slice(unit.FirstLine, unit.LastLine);
            var position = new SourcePosition(unit.FirstLine + 1, 1);
            switch (unit.Kind)
            {
                case UnitKind.Heading:
                    AddHeading((HeadingBlock)unit.Block!, text, position);
                    break;
                case UnitKind.Entry:
                    AddEntry((ListItemBlock)unit.Block!, text, position);
                    break;
                // Stryker disable once String : a unit between blocks holds only lines Markdig starts no block on, which
                // are white space (a line of no-break spaces starts a paragraph); the guard sends anything else to
                // the stray-text rule rather than hide it as blank.
                case UnitKind.Blank when string.IsNullOrWhiteSpace(text):
                    Current.Add(new Trivia(text, TriviaKind.Blank) { Position = position });
                    break;
                case UnitKind.Html when _sections.Count == 0 || ((HtmlBlock)unit.Block!).Type == HtmlBlockType.Comment:
                    // Comments are allowed anywhere; other HTML outside an entry would never be published.
                    Current.Add(new Trivia(text, TriviaKind.Html) { Position = position });
                    break;
                case UnitKind.LinkReferenceDefinition:
                    var definition = (LinkReferenceDefinition)unit.Block!;
                    Current.Add(new Trivia(text, TriviaKind.LinkReferenceDefinition)
                    {
                        Position = position,
                        // Stryker disable once String : Markdig sets the label of every definition it parses; the
                        // fallback only satisfies the nullable type.
                        Label = NormalizeLabel(definition.Label ?? string.Empty),
                    });
                    break;
                default:
                    AddOther(text, position);
                    break;
            }
        }

        public ReleaseNotesDocument Build() => new(kind, [.. _preamble], [.. _sections.Select(section => section.Build())]);

        private List<DocumentPart> Current
        {
            get
            {
                if (_sections.Count == 0)
                {
                    return _preamble;
                }

                var section = _sections[^1];
                if (section.ChangeTypes.Count == 0)
                {
                    return section.Leading;
                }

                var changeType = section.ChangeTypes[^1];
                return changeType.FlagGroups.Count == 0 ? changeType.Body : changeType.FlagGroups[^1].Body;
            }
        }

        private void AddHeading(HeadingBlock block, string text, SourcePosition position)
        {
            var title = InlineTitle(block, lines, position.Line - 1);
            var heading = new Heading(text, block.Level, title) { Position = position };
            switch (block.Level)
            {
                case 1 when _sections.Count == 0 && !_sawTitle:
                    _sawTitle = true;
                    _preamble.Add(heading);
                    return;
                case 2:
                    _sections.Add(new SectionDraft(heading));
                    return;
                case 3 when _sections.Count > 0:
                    _sections[^1].ChangeTypes.Add(new ChangeTypeDraft(heading));
                    return;
                case 4 when _sections.Count > 0 && _sections[^1].ChangeTypes.Count > 0:
                    _sections[^1].ChangeTypes[^1].FlagGroups.Add(new FlagDraft(heading));
                    return;
            }

            var where = block.Level switch
            {
                1 => "a second level-1 heading; the file has one title, so make it a '##' section or remove it",
                3 => "a change-type heading outside a visibility section; put it under '## Public', '## Beta' or '## Internal'",
                4 => "a flag heading outside a change-type section; put it under a '###' change type in '## Internal'",
                _ => $"a level-{block.Level} heading, which has no meaning in release notes; make it part of an entry or remove it",
            };
            diagnostics.Add(new Diagnostic(DiagnosticCodes.UnexpectedHeadingLevel, DiagnosticSeverity.Error, file, position,
                $"'{lines.LineText(position.Line - 1).Trim()}' is {where}"));
            Current.Add(new Trivia(text, TriviaKind.Stray) { Position = position });
        }

        private void AddEntry(ListItemBlock item, string text, SourcePosition position)
        {
            var entry = new Entry(text) { Position = new SourcePosition(position.Line, item.Column + 1) };
            if (_sections.Count == 0)
            {
                // A list in the preamble is free text, not an entry.
                _preamble.Add(new Trivia(text, TriviaKind.Text) { Position = position });
                return;
            }

            var section = _sections[^1];
            if (section.ChangeTypes.Count == 0)
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.EntryOutsideChangeType, DiagnosticSeverity.Error, file, entry.Position,
                    $"entry outside a change-type section in '{section.Heading.Title}'; move it under '### Added', '### Changed' or '### Fixed'"));
                section.Leading.Add(entry);
                return;
            }

            Current.Add(entry);
        }

        private void AddOther(string text, SourcePosition position)
        {
            if (_sections.Count == 0)
            {
                _preamble.Add(new Trivia(text, TriviaKind.Text) { Position = position });
                return;
            }

            var rawLine = lines.LineText(position.Line - 1);
            var firstLine = rawLine.Trim();
            var hashes = firstLine.Length - firstLine.TrimStart('#').Length;
            // '###Added' is a paragraph to markdown, but the writer meant a heading.
            var message = hashes is >= 1 and <= 6 && hashes < firstLine.Length && char.IsLetter(firstLine[hashes])
                ? $"'{Shorten(firstLine)}' is not a heading: markdown needs a space after the '#' characters; write '{firstLine[..hashes]} {firstLine[hashes..]}'"
                : $"'{Shorten(firstLine)}' is not a list item; every entry starts with '- ' (indent wrapped lines and nested content under it), and free text belongs before the first '##' heading";
            if (firstLine.Length == 0)
            {
                // Only spaces and tabs make a blank line to markdown; a no-break space is text, and invisible.
                var invisible = string.Join(", ", rawLine.Where(c => c is not (' ' or '\t')).Distinct().Select(c => $"U+{(int)c:X4}"));
                message = $"the line looks blank but holds invisible characters ({invisible}), which markdown reads as text, not as an entry; delete them";
            }

            diagnostics.Add(new Diagnostic(DiagnosticCodes.NotAnEntry, DiagnosticSeverity.Error, file, position, message));
            Current.Add(new Trivia(text, TriviaKind.Stray) { Position = position });
        }
    }

    private sealed class SectionDraft(Heading heading)
    {
        public Heading Heading { get; } = heading;

        public List<DocumentPart> Leading { get; } = [];

        public List<ChangeTypeDraft> ChangeTypes { get; } = [];

        public VisibilitySection Build() =>
            new(Heading, null, [.. Leading], [.. ChangeTypes.Select(changeType => changeType.Build())]) { Position = Heading.Position };
    }

    private sealed class ChangeTypeDraft(Heading heading)
    {
        public Heading Heading { get; } = heading;

        public List<DocumentPart> Body { get; } = [];

        public List<FlagDraft> FlagGroups { get; } = [];

        public ChangeTypeSection Build() =>
            new(Heading, null, [.. Body], [.. FlagGroups.Select(group => group.Build())]) { Position = Heading.Position };
    }

    private sealed class FlagDraft(Heading heading)
    {
        public Heading Heading { get; } = heading;

        public List<DocumentPart> Body { get; } = [];

        public FlagGroup Build() => new(Heading, null, [.. Body]) { Position = Heading.Position };
    }

    internal static string NormalizeLabel(string label) =>
        string.Join(' ', label.Split((char[])[' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();

    private static string InlineTitle(HeadingBlock block, SourceLines lines, int firstLine)
    {
        if (block.IsSetext)
        {
            // The text lines above the '---' or '===' underline.
            return string.Join(' ', Enumerable.Range(firstLine, Math.Max(block.Line - firstLine, 1)).Select(line => lines.LineText(line).Trim()));
        }

        var raw = lines.LineText(block.Line).Trim();
        if (raw.StartsWith('#'))
        {
            raw = raw.TrimStart('#').Trim();
            // A closing sequence of '#' is not part of the title when it is all there is or follows a space or a
            // tab ('C#' keeps its '#'). Without a '#' at the end, 'closing' is the trimmed title itself, which is
            // neither empty nor ends in a space, so nothing changes.
            var closing = raw.TrimEnd('#');
            if (closing.Length == 0 || closing.EndsWith(' ') || closing.EndsWith('\t'))
            {
                raw = closing.TrimEnd();
            }
        }

        return raw;
    }

    internal static string Shorten(string text) => text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 57), "...");
}
