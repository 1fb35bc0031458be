using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace BfReleaseNotes.Tests.Properties;

/// <summary>A generated valid <c>unreleased.md</c>: canonical headings and order, every entry in its place.</summary>
public sealed record ValidDocument(string Text)
{
    public override string ToString() => Text;
}

/// <summary>A generated document with only fixable problems: heading case, section order, bullet characters.</summary>
public sealed record MessyDocument(string Text)
{
    public override string ToString() => Text;
}

/// <summary>Random text made of markdown-ish pieces, mixed line endings included: anything a user may type.</summary>
public sealed record MarkdownSoup(string Text)
{
    public override string ToString() => Text.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n\n", StringComparison.Ordinal);
}

/// <summary>A generated document with a few lines deleted, duplicated, swapped, re-indented or inserted.</summary>
public sealed record MutatedDocument(string Text)
{
    public override string ToString() => Text.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n\n", StringComparison.Ordinal);
}

/// <summary>What to add to a mutated document (which may or may not still be valid).</summary>
public sealed record MutatedAddRequest(AddRequest Request)
{
    public override string ToString() => Request.ToString();
}

/// <summary>What to add to a generated document.</summary>
public sealed record AddRequest(string Document, Model.Visibility Visibility, Model.ChangeType Type, string? Flag, string Text)
{
    public override string ToString() => $"{Visibility} {Type} {Flag ?? "(no flag)"} \"{Text}\"\n{Document}";
}

/// <summary>FsCheck generators of release-notes files, written the way people write them.</summary>
public static class DocumentGenerators
{
    private static readonly string[] Words =
    [
        "Exports", "search", "no", "longer", "times", "out", "Zürich", "—", "東京", "🎉", "naïve", "façade", "ß",
        "`code`", "`a|b`", "[#12]", "[#345]", "[docs](https://example.com/a_b?x=1)", "<https://example.com>", "**bold**",
        "_emphasis_", "PDF", "v2.0", "50%", "&amp;", "\"quoted\"", "it's", "(see", "below)", "C#", "e.g.", "1.", "-", "#",
    ];

    private static readonly string[] FlagKeys = ["new-editor", "dark_mode", "beta.search", "x", "a1"];

    private static readonly string[] VisibilityNames = ["Public", "Beta", "Internal"];

    private static readonly string[] ChangeTypeNames = ["Added", "Changed", "Deprecated", "Removed", "Fixed", "Security"];

    /// <summary>One line of prose; never starts with a character that would make it a block of its own.</summary>
    public static Gen<string> ProseLine =>
        from first in Gen.Elements("Exports", "Search", "Zürich", "東京", "The", "Drafts", "Ünïcödé", "🎉")
        from count in Gen.Choose(0, 7)
        from rest in Gen.ArrayOf(Gen.Elements(Words), count)
        from hardBreak in Gen.Frequency((9, Gen.Constant(string.Empty)), (1, Gen.Constant("  ")))
        select string.Join(' ', [first, .. rest]) + hardBreak;

    /// <summary>An entry (with "\n" line endings): bullet line, maybe wrapped lines, a nested list, a code block.</summary>
    public static Gen<string> Entry(char marker) =>
        from first in ProseLine
        from wrapped in Gen.Choose(0, 2).SelectMany(n => Gen.ArrayOf(ProseLine, n))
        from nested in Gen.Choose(0, 3).SelectMany(n => Gen.ArrayOf(NestedItem, n))
        from code in Gen.Frequency((3, Gen.Constant(string.Empty)), (1, CodeBlock))
        select $"{marker} {first}\n"
            + string.Concat(wrapped.Select(line => $"  {line}\n"))
            + string.Concat(nested)
            + code;

    private static Gen<string> NestedItem =>
        from line in ProseLine
        from deeper in Gen.Frequency((3, Gen.Constant(string.Empty)), (1, ProseLine.Select(inner => $"    - {inner}\n")))
        from marker in Gen.Elements("-", "*", "1.")
        select $"  {marker} {line}\n{deeper}";

    private static Gen<string> CodeBlock =>
        from fence in Gen.Elements("```", "~~~", "```sh")
        from lines in Gen.ArrayOf(Gen.Elements("## Public", "# not a title", "- not an entry", "#### Flag: `x`", "let a = 1;", "   ", "東京"), 2)
        select $"\n  {fence}\n" + string.Concat(lines.Select(line => $"  {line}\n")) + $"  {fence[..3]}\n";

    /// <summary>What stands between two entries: nothing, blank lines, a comment or a link definition.</summary>
    private static Gen<string> Separator => Gen.Frequency(
        (4, Gen.Constant(string.Empty)),
        (3, Gen.Constant("\n")),
        (1, Gen.Constant("\n\n")),
        (1, Gen.Constant("\n<!-- reviewed by Zoë -->\n\n")),
        (1, Gen.Elements("\n[#12]: https://gitlab.example.com/mr/12\n\n", "\n[Docs]: <https://example.com/docs> \"The docs\"\n\n")));

    private static Gen<string> BlankLines => Gen.Frequency((1, Gen.Constant(string.Empty)), (5, Gen.Constant("\n")), (1, Gen.Constant("\n\n")), (1, Gen.Constant(" \n")));

    private static Gen<string> Body(Gen<char> marker) =>
        from count in Gen.Choose(0, 4)
        from entries in Gen.ArrayOf(marker.SelectMany(Entry), count)
        from separators in Gen.ArrayOf(Separator, count)
        from end in BlankLines
        select string.Concat(entries.Select((entry, index) => (index > 0 ? separators[index] : string.Empty) + entry)) + end;

    private sealed record Block(string Heading, string Content);

    private static Gen<Block> FlagGroup(string key, Gen<char> marker, Gen<Func<string, string>> spell) =>
        from prefix in spell
        from after in BlankLines
        from body in Body(marker).Where(text => text.Trim().Length > 0)
        select new Block($"#### {prefix("Flag")}: `{key}`\n", after + body);

    private static Gen<Block> ChangeTypeBlock(string name, bool isInternal, Gen<char> marker, Gen<Func<string, string>> spell, bool shuffle) =>
        from spelled in spell
        from after in BlankLines
        from body in isInternal ? Gen.Constant(string.Empty) : Body(marker)
        from keys in isInternal ? Gen.SubListOf(FlagKeys).Select(list => list.ToArray()).Where(list => list.Length > 0 && list.Length <= 3) : Gen.Constant(Array.Empty<string>())
        from groups in Gen.CollectToArray(keys.Select(key => FlagGroup(key, marker, spell)))
        from ordered in shuffle ? Gen.Shuffle(groups) : Gen.Constant(groups)
        select new Block($"### {spelled(name)}\n", after + body + string.Concat(ordered.Select(flagGroup => flagGroup.Heading + flagGroup.Content)));

    private static Gen<Block> VisibilityBlock(string name, Gen<char> marker, Gen<Func<string, string>> spell, bool shuffle) =>
        from spelled in spell
        from after in BlankLines
        from comment in Gen.Frequency((4, Gen.Constant(string.Empty)), (1, Gen.Constant("<!-- only what users see -->\n\n")))
        from typeNames in Gen.SubListOf(ChangeTypeNames)
        from types in Gen.CollectToArray(typeNames.Select(type => ChangeTypeBlock(type, name == "Internal", marker, spell, shuffle)))
        from ordered in shuffle ? Gen.Shuffle(types) : Gen.Constant(types)
        select new Block($"## {spelled(name)}\n", after + comment + string.Concat(ordered.Select(type => type.Heading + type.Content)));

    private static Gen<string> Preamble(Gen<Func<string, string>> spell) =>
        from title in spell
        from after in BlankLines
        from prose in Gen.Frequency((2, Gen.Constant(string.Empty)), (1, ProseLine.Select(line => line + "\n\n")))
        from comment in Gen.Frequency((2, Gen.Constant(string.Empty)), (1, Gen.Constant("<!--\nWrite for users.\n-->\n\n")))
        from definition in Gen.Frequency((3, Gen.Constant(string.Empty)), (1, Gen.Constant("[#345]: https://gitlab.example.com/mr/345\n\n")))
        select $"# {title("Unreleased")}\n" + after + prose + comment + definition;

    private static Gen<string> Document(Gen<char> marker, Gen<Func<string, string>> spell, bool shuffle) =>
        from preamble in Preamble(spell)
        from sectionNames in Gen.SubListOf(VisibilityNames)
        from sections in Gen.CollectToArray(sectionNames.Select(name => VisibilityBlock(name, marker, spell, shuffle)))
        from ordered in shuffle ? Gen.Shuffle(sections) : Gen.Constant(sections)
        from definitions in Gen.Frequency((2, Gen.Constant(string.Empty)), (1, Gen.Constant("\n[#12]: https://gitlab.example.com/mr/12\n[#345]: https://gitlab.example.com/mr/345\n")))
        from crlf in Gen.Elements(false, true)
        from finalNewline in Gen.Frequency((5, Gen.Constant(true)), (1, Gen.Constant(false)))
        select Finish(preamble + string.Concat(ordered.Select(section => section.Heading + section.Content)) + definitions, crlf, finalNewline);

    private static string Finish(string text, bool crlf, bool finalNewline)
    {
        if (!finalNewline)
        {
            text = text.TrimEnd('\n', ' ');
        }

        return crlf ? text.Replace("\n", "\r\n", StringComparison.Ordinal) : text;
    }

    private static Gen<Func<string, string>> Canonical => Gen.Constant<Func<string, string>>(name => name);

    private static Gen<Func<string, string>> AnyCase => Gen.Elements<Func<string, string>>(
        name => name, name => name, name => name.ToLowerInvariant(), name => name.ToUpperInvariant());

    /// <summary>
    /// Canonical documents whose entries are all different: the same text twice is a warning (BFRN117, what a union
    /// merge leaves), so a short entry drawn twice by chance would make the document not valid.
    /// </summary>
    public static Gen<string> ValidText => Document(Gen.Constant('-'), Canonical, shuffle: false).Where(HasDistinctEntries);

    private static bool HasDistinctEntries(string text)
    {
        var entries = BfReleaseNotes.Markdown.ReleaseNotesParser.Parse(text, Model.DocumentKind.Unreleased, "unreleased.md").Document?.AllEntries
            .Select(entry => entry.Markdown).ToList() ?? [];
        return entries.Distinct(StringComparer.Ordinal).Count() == entries.Count;
    }

    public static Gen<string> MessyText => Document(Gen.Elements('-', '-', '*', '+'), AnyCase, shuffle: true);

    /// <summary>Pieces of markdown and of this format, glued at random; every kind of line ending.</summary>
    public static Gen<string> SoupText
    {
        get
        {
            var pieces = Gen.Elements(
                "# Unreleased", "## Public", "## Beta", "## Internal", "### Added", "### fixed", "### Addded", "#### Flag: `x`",
                "#### Flag: `bad key`", "##### deep", "#", "- ", "* ", "+ ", "1. ", "2) ", "  ", "    ", "\t", "> ", ">", "```", "~~~",
                "<!--", "-->", "<div>", "</div>", "[#1]: https://a.example", "[x]", "[", "]", "(", ")", "`", "*", "_", "|", "---", "===",
                "text", "Zürich", "東京", "🎉", "\u00e9", "\u0301", " ", "\n", "\n", "\n", "\r\n", "\r\n", "\r", "\n\n", "\\");
            return Gen.Choose(0, 80).SelectMany(count => Gen.ArrayOf(pieces, count)).Select(string.Concat);
        }
    }

    /// <summary>A valid or messy document with one to four line-level edits a careless merge might make.</summary>
    public static Gen<string> MutatedText =>
        from text in Gen.OneOf(ValidText, MessyText)
        from edits in Gen.Choose(1, 4).SelectMany(n => Gen.ArrayOf(Gen.Zip(Gen.Choose(0, 5), Gen.Zip(Gen.Choose(0, 10_000), Gen.Choose(0, 10_000))), n))
        from piece in Gen.Elements("## Public", "### Added", "#### Flag: `x`", "- new", "* new", "1. new", "  - nested", "    code", "```", "<!--", "-->", "[#1]: https://a.example", "text", "", "> quote", "---", "===")
        select Mutate(text, edits, piece);

    private static string Mutate(string text, (int Kind, (int First, int Second) Lines)[] edits, string piece)
    {
        var eol = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var lines = text.Split(eol).ToList();
        foreach (var (kind, (first, second)) in edits)
        {
            var i = first % lines.Count;
            var j = second % lines.Count;
            switch (kind)
            {
                case 0 when lines.Count > 1: lines.RemoveAt(i); break;
                case 1: lines.Insert(i, lines[i]); break;
                case 2: (lines[i], lines[j]) = (lines[j], lines[i]); break;
                case 3: lines[i] = "  " + lines[i]; break;
                case 4: lines[i] = lines[i].TrimStart(); break;
                default: lines.Insert(i, piece); break;
            }
        }

        return string.Join(eol, lines);
    }

    public static Gen<AddRequest> MutatedAddRequests =>
        from document in MutatedText
        from visibility in Gen.Elements(Enum.GetValues<Model.Visibility>())
        from type in Gen.Elements(Enum.GetValues<Model.ChangeType>())
        from flag in Gen.Elements(FlagKeys)
        from line in ProseLine
        select new AddRequest(document, visibility, type, visibility == Model.Visibility.Internal ? flag : null, line);

    public static Gen<AddRequest> AddRequests =>
        from document in ValidText
        from visibility in Gen.Elements(Enum.GetValues<Model.Visibility>())
        from type in Gen.Elements(Enum.GetValues<Model.ChangeType>())
        from flag in Gen.Elements(FlagKeys.Append("brand-new-flag").ToArray())
        from lines in Gen.Choose(1, 3).SelectMany(n => Gen.ArrayOf(ProseLine, n))
        from asBullet in Gen.Elements(false, true)
        select new AddRequest(document, visibility, type, visibility == Model.Visibility.Internal ? flag : null,
            (asBullet ? "- " : string.Empty) + string.Join(asBullet ? "\n  " : "\n", lines));
}

/// <summary>The arbitraries the property tests ask for by type.</summary>
public static class ReleaseNotesArbitraries
{
    public static Arbitrary<ValidDocument> ValidDocuments() => Arb.From(DocumentGenerators.ValidText.Select(text => new ValidDocument(text)));

    public static Arbitrary<MessyDocument> MessyDocuments() => Arb.From(DocumentGenerators.MessyText.Select(text => new MessyDocument(text)));

    public static Arbitrary<MarkdownSoup> Soups() => Arb.From(DocumentGenerators.SoupText.Select(text => new MarkdownSoup(text)));

    public static Arbitrary<AddRequest> AddRequests() => Arb.From(DocumentGenerators.AddRequests);

    public static Arbitrary<MutatedAddRequest> MutatedAddRequests() => Arb.From(DocumentGenerators.MutatedAddRequests.Select(request => new MutatedAddRequest(request)));

    public static Arbitrary<MutatedDocument> MutatedDocuments() => Arb.From(DocumentGenerators.MutatedText.Select(text => new MutatedDocument(text)));
}
