using BfReleaseNotes.Markdown;
using BfReleaseNotes.Model;

namespace BfReleaseNotes.Editing;

/// <summary>
/// Adds one entry to <c>unreleased.md</c> at its canonical place: last in its change type (and flag group for
/// Internal), creating any missing heading in canonical order. Only inserted bytes differ from the input.
/// </summary>
public static class EntryAdder
{
    /// <summary>Code of the diagnostic for a refused addition (bad arguments, or the result would not parse).</summary>
    public const string RefusedCode = "BFRN900";

    /// <summary>
    /// Adds an entry. <paramref name="text"/> is the entry's markdown: plain text gets a <c>- </c> bullet, and its
    /// later lines are indented under it; text that already starts with <c>- </c> is taken as written.
    /// </summary>
    /// <param name="document">A valid (error-free) unreleased document.</param>
    /// <param name="visibility">Target section.</param>
    /// <param name="type">Target change type.</param>
    /// <param name="flag">Flag key: required for Internal, refused for Public and Beta.</param>
    /// <param name="text">The entry text.</param>
    /// <param name="file">The file name used in diagnostics.</param>
    /// <example><code>var result = EntryAdder.Add(doc, Visibility.Public, ChangeType.Fixed, null, "Export no longer times out", path);</code></example>
    public static EditResult Add(ReleaseNotesDocument document, Visibility visibility, ChangeType type, string? flag, string text, string file) =>
        Add(document, visibility, type, flag, text, file, []);

    /// <summary>
    /// Adds an entry and the link reference definitions it uses. Definitions in <paramref name="text"/> (lines
    /// <c>[label]: url</c>) are taken out of the entry and, with <paramref name="links"/>, appended at the end of the
    /// file, where <c>promote</c> copies each used one once; a definition the file already holds with the same URL
    /// is reused, one with another URL is refused (a label means one thing in a file).
    /// </summary>
    /// <param name="document">A valid (error-free) unreleased document.</param>
    /// <param name="visibility">Target section.</param>
    /// <param name="type">Target change type.</param>
    /// <param name="flag">Flag key: required for Internal, refused for Public and Beta.</param>
    /// <param name="text">The entry text, possibly followed by definitions.</param>
    /// <param name="file">The file name used in diagnostics.</param>
    /// <param name="links">More definitions to add (<c>add --link LABEL=URL</c>).</param>
    /// <example><code>EntryAdder.Add(doc, Visibility.Public, ChangeType.Fixed, null, "Export no longer times out [#123]", path, [new LinkDefinition("#123", "https://gitlab.example.com/app/-/merge_requests/123")])</code></example>
    public static EditResult Add(ReleaseNotesDocument document, Visibility visibility, ChangeType type, string? flag, string text, string file, IReadOnlyList<LinkDefinition> links)
    {
        // Checked here, before the links read the document: a null would otherwise surface as a NullReferenceException.
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(links);
        var (entryText, found) = LinkDefinitionSplitter.Split(text);
        if (found.FirstOrDefault(item => item.Error is not null) is { Error: { } splitError })
        {
            return Refuse(file, splitError);
        }

        var wanted = new List<LinkDefinition>();
        foreach (var link in found.Select(item => item.Definition!).Concat(links))
        {
            var same = wanted.FirstOrDefault(other => other.NormalizedLabel == link.NormalizedLabel);
            if (same is not null && same.Url != link.Url)
            {
                return Refuse(file, $"the link [{link.Label}] is given twice with different URLs ('{same.Url}' and '{link.Url}'); keep one");
            }

            if (same is null)
            {
                wanted.Add(link);
            }
        }

        var existing = LinkDefinitionSplitter.Existing(document);
        foreach (var link in wanted)
        {
            if (existing.TryGetValue(link.NormalizedLabel, out var url) && url != link.Url)
            {
                return Refuse(file, $"the link [{link.Label}] is already defined in this file as '{url}'; use that URL, or another label for '{link.Url}'");
            }
        }

        var added = AddEntry(document, visibility, type, flag, entryText.TrimEnd(' ', '\t', '\r', '\n'), file);
        var toAppend = wanted.Where(link => !existing.ContainsKey(link.NormalizedLabel)).ToList();
        if (!added.Succeeded || toAppend.Count == 0)
        {
            return added;
        }

        var eol = document.LineEnding;
        var newText = added.Text!;
        var lastLine = newText.TrimEnd('\r', '\n');
        lastLine = lastLine[(lastLine.LastIndexOf('\n') + 1)..];
        var endsWithDefinition = added.Document!.LinkReferenceDefinitions.Any() && LinkDefinitionSplitter.Split(lastLine).Definitions.Count == 1;
        // Appended after what is there (trailing blank lines kept), separated by a blank line unless the file
        // already ends with definitions, so only inserted bytes differ.
        var body = newText.EndsWith('\n') ? newText : newText + eol;
        var separator = endsWithDefinition || body.TrimEnd('\r', '\n').Length < body.Length - eol.Length ? string.Empty : eol;
        newText = body + separator + string.Concat(toAppend.Select(link => link + eol));
        var reparsed = ReleaseNotesParser.Parse(newText, DocumentKind.Unreleased, file);
        // Stryker disable once Logical,Equality,String : a safety net; the entry was added to a valid file, and a block that could swallow the definitions (an open comment, fence or HTML block) has already refused the entry or made the file invalid
        if (!reparsed.IsValid || reparsed.Document.AllEntries.Count() != added.Document.AllEntries.Count() ||
            reparsed.Document.LinkReferenceDefinitions.Sum(definition => definition.Text.Count(character => character == '\n')) <
            added.Document.LinkReferenceDefinitions.Sum(definition => definition.Text.Count(character => character == '\n')) + toAppend.Count)
        {
            return Refuse(file, "the link definitions would not stand on their own at the end of this file (an unclosed '<!--' comment or code fence?); fix the file and try again");
        }

        return new EditResult(reparsed.Document with { HasByteOrderMark = document.HasByteOrderMark }, newText, reparsed.Diagnostics);
    }

    private static EditResult AddEntry(ReleaseNotesDocument document, Visibility visibility, ChangeType type, string? flag, string text, string file)
    {
        if (document.Kind != DocumentKind.Unreleased)
        {
            return Refuse(file, "entries are added to unreleased.md only; published files are history");
        }

        if (visibility == Visibility.Internal && string.IsNullOrWhiteSpace(flag))
        {
            return Refuse(file, "an Internal entry needs the feature flag that hides it: add --flag <flag-key>");
        }

        if (visibility != Visibility.Internal && flag is not null)
        {
            return Refuse(file, $"--flag is only for Internal entries; a {visibility} entry is visible without a flag");
        }

        if (flag is not null && !StructureChecker.IsValidFlagKey(flag))
        {
            return Refuse(file, $"'{flag}' is not a valid flag key; use letters, digits, '.', '_' and '-', starting with a letter or digit");
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return Refuse(file, "the entry text is empty; say what changed for users");
        }

        if (ControlCharacter(text) is { } control)
        {
            // Saved, a NUL would make the whole file binary (BFRN002) and an ESC would reach every terminal that shows it.
            return Refuse(file, $"the entry text holds the control character {control.Name} at line {control.Line}, column {control.Column}; " +
                "entries are plain text, so remove it (it often comes from pasting terminal output) and run the command again");
        }

        var eol = document.LineEnding;
        var trimmed = text.TrimStart();
        var entryText = trimmed.StartsWith("- ", StringComparison.Ordinal)
            ? NormalizeLineEndings(trimmed.TrimEnd('\r', '\n'), eol) + eol
            : ReleaseNotesWriter.EntryText(text, eol);

        return Insert(document, visibility, type, flag, entryText, file, followListBullet: true);
    }

    /// <summary>
    /// Inserts entry lines exactly as given (a moved entry keeps its bytes), then parses the result and checks it
    /// holds exactly one more entry and no error.
    /// </summary>
    internal static EditResult Insert(ReleaseNotesDocument document, Visibility visibility, ChangeType type, string? flag, string entryText, string file, bool followListBullet = false)
    {
        var eol = document.LineEnding;
        if (!entryText.EndsWith('\n'))
        {
            entryText += eol;
        }

        var layout = new DocumentLayout(document);
        var newText = Splice(document, layout, visibility, type, flag, entryText, eol, followListBullet);
        return Verify(document, newText, visibility, type, entryText, 1, file);
    }

    /// <summary>
    /// Inserts several entries, exactly as given and in order, last in one change type of Public or Beta, with one
    /// splice and one parse: the same text as inserting them one by one, in time linear in the file's size (moving
    /// 2,000 entries one parse each took minutes on a 5 MB file).
    /// </summary>
    internal static EditResult InsertMany(ReleaseNotesDocument document, Visibility visibility, ChangeType type, IReadOnlyList<string> entryTexts, string file)
    {
        var eol = document.LineEnding;
        var block = new System.Text.StringBuilder();
        foreach (var text in entryTexts)
        {
            block.Append(text);
            if (!text.EndsWith('\n'))
            {
                block.Append(eol);
            }
        }

        var layout = new DocumentLayout(document);
        var newText = Splice(document, layout, visibility, type, null, block.ToString(), eol, followListBullet: false);
        return Verify(document, newText, visibility, type, block.ToString(), entryTexts.Count, file);
    }

    private static EditResult Verify(ReleaseNotesDocument document, string newText, Visibility visibility, ChangeType type, string entryText, int added, string file)
    {
        var eol = document.LineEnding;
        var reparsed = ReleaseNotesParser.Parse(newText, DocumentKind.Unreleased, file);
        // A heading in one entry's text ('- One.\n\n## Beta') opens a section of its own and still leaves a valid file
        // with one more entry, so the text is checked on its own too. Moved entries (several) were entries already.
        var textIsOneEntry = added != 1 || FormsOneEntry(entryText, eol);
        if (!textIsOneEntry || !reparsed.IsValid || reparsed.Document.AllEntries.Count() != document.AllEntries.Count() + added)
        {
            if (added == 1 && textIsOneEntry)
            {
                // The text is fine on its own; what comes before it in the file reads it differently.
                return Refuse(file, $"the new entry would not stand on its own under '{visibility} > {type}' in this file: something before it (an unclosed '<!--' comment or code fence?) swallows it; fix the file and try again");
            }

            var problems = string.Join("; ", reparsed.Errors.Select(error => error.Message));
            return Refuse(file, $"the entry text does not form exactly one list item (it must not hold headings or a second top-level bullet){(problems.Length > 0 ? ": " + problems : string.Empty)}");
        }

        return new EditResult(reparsed.Document with { HasByteOrderMark = document.HasByteOrderMark }, newText, reparsed.Diagnostics);
    }

    private static string Splice(ReleaseNotesDocument document, DocumentLayout layout, Visibility visibility, ChangeType type, string? flag, string entryText, string eol, bool followListBullet)
    {
        var section = document.Find(visibility);
        if (section is null)
        {
            // Stryker disable once Equality : the section of this visibility is missing here, so '>' and '>=' find the same one
            var next = document.Sections.FirstOrDefault(candidate => candidate.Visibility > visibility);
            var offset = next is not null ? layout.Start(next) : layout.BeforeTrailingBlankLines(layout.Text.Length);
            var block = ReleaseNotesWriter.HeadingLine(visibility, eol) + eol + ReleaseNotesWriter.HeadingLine(type, eol) + eol + FlagPrefix(flag, eol) + entryText;
            return layout.InsertBlock(offset, block, eol);
        }

        var changeType = section.Find(type);
        if (changeType is null)
        {
            // Stryker disable once Equality : the change type is missing here, so '>' and '>=' find the same one
            var next = section.ChangeTypes.FirstOrDefault(candidate => candidate.Type > type);
            var offset = next is not null ? layout.Start(next) : layout.BeforeTrailingBlankLines(layout.End(section));
            var block = ReleaseNotesWriter.HeadingLine(type, eol) + eol + FlagPrefix(flag, eol) + entryText;
            return layout.InsertBlock(offset, block, eol);
        }

        if (flag is not null)
        {
            var group = changeType.FlagGroups.FirstOrDefault(candidate => candidate.Key == flag);
            if (group is null)
            {
                var offset = layout.BeforeTrailingBlankLines(layout.End(changeType));
                return layout.InsertBlock(offset, FlagPrefix(flag, eol) + entryText, eol);
            }

            return AppendToBody(layout, group.Heading, group.Body, entryText, eol, followListBullet);
        }

        return AppendToBody(layout, changeType.Heading, changeType.Body, entryText, eol, followListBullet);
    }

    private static string AppendToBody(DocumentLayout layout, Heading heading, System.Collections.Immutable.ImmutableArray<DocumentPart> body, string entryText, string eol, bool followListBullet)
    {
        var lastEntry = body.OfType<Entry>().LastOrDefault();
        if (lastEntry is not null)
        {
            // A new entry takes the bullet of the list it joins, so a '*' list stays one list; a moved entry keeps its bytes.
            var text = followListBullet && lastEntry.Marker is '*' or '+' && entryText.StartsWith('-') ? lastEntry.Marker + entryText[1..] : entryText;
            return layout.InsertAfterEntry(layout.End(lastEntry), text, eol);
        }

        var lastContent = body.LastOrDefault(part => part is not Trivia { Kind: TriviaKind.Blank }) ?? heading;
        return layout.InsertBlock(layout.End(lastContent), entryText, eol);
    }

    /// <summary>
    /// The first control character of <paramref name="text"/> other than tab, line feed and a carriage return that
    /// ends a line (CR LF), with its 1-based line and column; null when there is none.
    /// </summary>
    internal static (string Name, int Line, int Column)? ControlCharacter(string text)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n')
            {
                line++;
                lineStart = i + 1;
                continue;
            }

            // Stryker disable once Equality,Arithmetic : a CR that ends the text was trimmed by the caller, so i + 1 < text.Length holds whenever c is a CR
            if (c == '\t' || (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') || !char.IsControl(c))
            {
                continue;
            }

            var code = "U+" + ((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture);
            var name = c switch
            {
                '\0' => $"NUL ({code})",
                '\u001b' => $"ESC ({code}, the start of terminal escape sequences)",
                '\r' => $"CR ({code}) not followed by a line feed",
                _ => code,
            };
            return (name, line, i - lineStart + 1);
        }

        return null;
    }

    private static bool FormsOneEntry(string entryText, string eol)
    {
        var alone = ReleaseNotesParser.Parse($"# Unreleased{eol}{eol}## Public{eol}{eol}### Added{eol}{eol}{entryText}", DocumentKind.Unreleased, ReleaseNotesParser.UnreleasedFileName);
        // A heading in the text ('## Beta') opens a section of its own, which is valid on its own: the text is at
        // fault then, not the file, so it does not count as one entry.
        return alone.IsValid && alone.Document.AllEntries.Count() == 1 &&
            alone.Document.Sections.Length == 1 && alone.Document.Sections[0].ChangeTypes.Length == 1;
    }

    private static string FlagPrefix(string? flag, string eol) =>
        flag is null ? string.Empty : ReleaseNotesWriter.FlagHeadingLine(flag, eol) + eol;

    private static string NormalizeLineEndings(string text, string eol) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", eol, StringComparison.Ordinal);

    private static EditResult Refuse(string file, string message) =>
        EditResult.Refused(new Diagnostic(RefusedCode, DiagnosticSeverity.Error, file, SourcePosition.None, message));
}
