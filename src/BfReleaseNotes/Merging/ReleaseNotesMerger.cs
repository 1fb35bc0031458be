using System.Collections.Immutable;
using BfReleaseNotes.Editing;
using BfReleaseNotes.Markdown;
using BfReleaseNotes.Model;

namespace BfReleaseNotes.Merging;

/// <summary>
/// The structural three-way merge of <c>unreleased.md</c>. Entries of base, ours and theirs are aligned by their
/// place (visibility, change type, flag) and their text, so two merge requests that each add an entry to the same
/// change type merge cleanly, an entry one side deleted (promotion, a removal) stays deleted, an entry one side moved
/// (graduation) is moved, and only an entry both sides changed differently is a conflict, with markers around that
/// entry alone. The result starts from our text: every part theirs did not change keeps our bytes.
/// When a side does not parse, or the result cannot be proved, it falls back to git's line merge.
/// </summary>
/// <example>
/// <code>
/// var result = ReleaseNotesMerger.Merge(baseText, oursText, theirsText, "release-notes/unreleased.md");
/// File.WriteAllText(oursPath, result.Text);
/// return result.NeedsResolution ? 1 : 0;
/// </code>
/// </example>
public static class ReleaseNotesMerger
{
    /// <summary>Merges theirs into ours, both derived from base.</summary>
    /// <param name="baseText">The common ancestor (git's <c>%O</c>).</param>
    /// <param name="oursText">Our version (git's <c>%A</c>): the result starts from it.</param>
    /// <param name="theirsText">Their version (git's <c>%B</c>).</param>
    /// <param name="file">The file's path, for messages.</param>
    public static MergeResult Merge(string baseText, string oursText, string theirsText, string file)
    {
        ArgumentNullException.ThrowIfNull(baseText);
        ArgumentNullException.ThrowIfNull(oursText);
        ArgumentNullException.ThrowIfNull(theirsText);
        ArgumentNullException.ThrowIfNull(file);
        if (oursText == theirsText || theirsText == baseText)
        {
            return new MergeResult(oursText, 0, MergeMethod.Structural, []);
        }

        if (oursText == baseText)
        {
            return new MergeResult(theirsText, 0, MergeMethod.Structural, []);
        }

        var sides = new[] { ("base", baseText), ("ours", oursText), ("theirs", theirsText) }
            .Select(side => (side.Item1, Parsed: ReleaseNotesParser.Parse(side.Item2, DocumentKind.Unreleased, file))).ToList();
        var broken = sides.FirstOrDefault(side => !side.Parsed.IsValid);
        if (broken.Parsed is not null)
        {
            // Stryker disable once Linq : a side that is not valid has an error, so First and FirstOrDefault agree
            var first = broken.Parsed.Errors.FirstOrDefault();
            return LineMerge(baseText, oursText, theirsText,
                $"{file}: {broken.Item1}'s version does not parse ({first?.Code}: {first?.Message}); git's line merge was used instead of the structural merge");
        }

        try
        {
            var merge = new MergeRun(sides[0].Parsed.Document!, sides[1].Parsed.Document!, sides[2].Parsed.Document!, file);
            return merge.Run();
        }
        catch (UnprovableMergeException exception)
        {
            return LineMerge(baseText, oursText, theirsText, $"{file}: the structural merge could not be proved ({exception.Message}); git's line merge was used instead");
        }
    }

    private static MergeResult LineMerge(string baseText, string oursText, string theirsText, string note)
    {
        var line = LineMerger.Merge(baseText, oursText, theirsText, LineMergeFavor.Conflict);
        return new MergeResult(line.Text, line.Conflicts, MergeMethod.LineMerge, [note]);
    }

    /// <summary>One entry of one side; <see cref="Id"/> tells apart two entries with the same text.</summary>
    private sealed record Item(EntryPath Path, string Key, int Occurrence, Entry Entry, string? PreviousKey)
    {
        public string Id => $"{Key}\u0000{Occurrence}";
    }

    private enum ChangeKind
    {
        Same,
        Moved,
        Deleted,
        Edited,
    }

    /// <summary>What one side did to a base entry; <see cref="Now"/> is the side's entry (moved or edited).</summary>
    private sealed record Change(ChangeKind Kind, Item? Now);

    /// <summary>What one side did relative to base.</summary>
    private sealed record SideChanges(Dictionary<string, Change> ByBaseId, List<Item> Added, List<Item> Items);

    private sealed class UnprovableMergeException(string message) : Exception(message);

    /// <summary>The key that says two entries are the same: the markdown without bullet and indentation.</summary>
    private static string KeyOf(Entry entry) => Linting.RepublishedEntries.KeyOf(entry);

    private static List<Item> ItemsOf(ReleaseNotesDocument document)
    {
        var items = new List<Item>();
        var occurrences = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var section in document.Sections)
        {
            foreach (var changeType in section.ChangeTypes)
            {
                AddAll(new EntryPath(section.Visibility!.Value, changeType.Type!.Value, null), changeType.DirectEntries);
                foreach (var group in changeType.FlagGroups)
                {
                    AddAll(new EntryPath(section.Visibility!.Value, changeType.Type!.Value, group.Key), group.Entries);
                }
            }
        }

        return items;

        void AddAll(EntryPath path, IEnumerable<Entry> entries)
        {
            string? previous = null;
            foreach (var entry in entries)
            {
                var key = KeyOf(entry);
                // Stryker disable once Arithmetic : any count that tells the repeats of a text apart will do; every side uses the same
                var occurrence = occurrences[key] = occurrences.GetValueOrDefault(key) + 1;
                items.Add(new Item(path, key, occurrence, entry, previous));
                previous = key;
            }
        }
    }

    private static SideChanges Analyze(List<Item> baseItems, List<Item> sideItems)
    {
        var sideById = sideItems.ToDictionary(item => item.Id, StringComparer.Ordinal);
        var baseIds = baseItems.Select(item => item.Id).ToHashSet(StringComparer.Ordinal);
        var changes = new Dictionary<string, Change>(StringComparer.Ordinal);
        var deletedByAnchor = new Dictionary<(EntryPath, string?), List<Item>>();
        var baseById = baseItems.ToDictionary(item => item.Id, StringComparer.Ordinal);
        foreach (var group in baseItems.GroupBy(item => item.Path))
        {
            string? anchor = null;
            foreach (var item in group)
            {
                if (sideById.TryGetValue(item.Id, out var now))
                {
                    changes[item.Id] = new Change(now.Path == item.Path ? ChangeKind.Same : ChangeKind.Moved, now);
                    if (now.Path == item.Path)
                    {
                        anchor = item.Id;
                    }

                    continue;
                }

                changes[item.Id] = new Change(ChangeKind.Deleted, null);
                var slot = (item.Path, anchor);
                if (!deletedByAnchor.TryGetValue(slot, out var list))
                {
                    deletedByAnchor[slot] = list = [];
                }

                list.Add(item);
            }
        }

        // An entry deleted and an entry added in the same gap between unchanged neighbours is an edit of it.
        var added = new List<Item>();
        foreach (var group in sideItems.GroupBy(item => item.Path))
        {
            string? anchor = null;
            foreach (var item in group)
            {
                if (baseIds.Contains(item.Id))
                {
                    if (baseById[item.Id].Path == item.Path)
                    {
                        anchor = item.Id;
                    }

                    continue;
                }

                var edited = deletedByAnchor.TryGetValue((item.Path, anchor), out var gap) ? MostSimilar(gap, item.Key) : null;
                // A side that also reordered the list leaves its rewording in another gap: then the whole list is
                // searched, so a rewording meeting a removal (a promotion) is still a conflict, not a new entry that
                // the next promotion would publish a second time.
                edited ??= MostSimilar([.. deletedByAnchor.Where(slot => slot.Key.Item1 == item.Path).SelectMany(slot => slot.Value)], item.Key);
                if (edited is not null)
                {
                    foreach (var deleted in deletedByAnchor.Values)
                    {
                        deleted.Remove(edited);
                    }

                    changes[edited.Id] = new Change(ChangeKind.Edited, item);
                }
                else
                {
                    added.Add(item);
                }
            }
        }

        return new SideChanges(changes, added, sideItems);
    }

    /// <summary>
    /// The deleted entry that the added text rewords, if any: deletion and addition in the same gap are an edit only
    /// when the texts are alike (at least 60% the same characters, by edit distance). Otherwise an entry that left
    /// (promoted, removed) and an unrelated one that arrived at the same place would be taken for an edit, and an
    /// edit meeting a deletion is a conflict.
    /// </summary>
    private static Item? MostSimilar(List<Item> deleted, string text)
    {
        Item? best = null;
        var bestScore = 0.6;
        foreach (var candidate in deleted)
        {
            var score = Similarity(candidate.Key, text);
            if (score >= bestScore)
            {
                best = candidate;
                bestScore = score;
            }
        }

        return best;
    }

    private static double Similarity(string left, string right)
    {
        // Long entries are compared by their start: the quadratic distance stays small, and a rewording shows there.
        const int Limit = 2000;
        // Stryker disable once Equality : a text exactly Limit long is cut to itself
        left = left.Length > Limit ? left[..Limit] : left;
        // Stryker disable once Equality : as above
        right = right.Length > Limit ? right[..Limit] : right;
        var longest = Math.Max(left.Length, right.Length);
        // Stryker disable once Conditional : an entry with no text does not lint (BFRN114), and only valid sides are merged
        return longest == 0 ? 1 : 1 - ((double)StructureChecker.Distance(left, right) / longest);
    }

    /// <summary>One merge: the result is a mutable copy of ours that theirs' changes are applied to.</summary>
    private sealed class MergeRun(ReleaseNotesDocument baseDocument, ReleaseNotesDocument ours, ReleaseNotesDocument theirs, string file)
    {
        private readonly List<string> _notes = [];
        private readonly List<(EntryPath Path, string Key, string OursText, string TheirsText)> _conflicts = [];
        private readonly HashSet<string> _oursAddedKeys = new(StringComparer.Ordinal);
        private readonly string _eol = ours.LineEnding;
        private MergeTree _result = new(ours);

        public MergeResult Run()
        {
            var baseItems = ItemsOf(baseDocument);
            var oursChanges = Analyze(baseItems, ItemsOf(ours));
            var theirsChanges = Analyze(baseItems, ItemsOf(theirs));
            foreach (var item in oursChanges.Added)
            {
                _oursAddedKeys.Add(item.Key);
            }

            foreach (var change in oursChanges.ByBaseId.Values.Where(change => change.Kind == ChangeKind.Edited))
            {
                _oursAddedKeys.Add(change.Now!.Key);
            }

            var inserts = new List<(Item Item, string Text)>();
            foreach (var baseItem in baseItems)
            {
                var ourChange = oursChanges.ByBaseId[baseItem.Id];
                var theirChange = theirsChanges.ByBaseId[baseItem.Id];
                var ourPath = ourChange.Now?.Path ?? baseItem.Path;
                var ourKey = ourChange.Now?.Key ?? baseItem.Key;
                switch (ourChange.Kind, theirChange.Kind)
                {
                    case (_, ChangeKind.Same):
                    case (ChangeKind.Deleted, ChangeKind.Deleted or ChangeKind.Moved):
                        break;
                    case (ChangeKind.Same or ChangeKind.Moved, ChangeKind.Deleted):
                        Remove(ourChange.Now!);
                        break;
                    case (ChangeKind.Same or ChangeKind.Moved, ChangeKind.Edited):
                        Replace(ourChange.Now!, theirChange.Now!.Entry.Text);
                        break;
                    case (ChangeKind.Same or ChangeKind.Edited, ChangeKind.Moved):
                        Remove(ourChange.Now!);
                        inserts.Add((theirChange.Now!, ourChange.Now?.Entry.Text ?? baseItem.Entry.Text));
                        break;
                    case (ChangeKind.Moved, ChangeKind.Moved):
                        if (ourPath != theirChange.Now!.Path)
                        {
                            _notes.Add($"{file}: '{Shorten(baseItem.Key)}' was moved to {ourPath} by ours and to {theirChange.Now.Path} by theirs; ours kept");
                        }

                        break;
                    case (ChangeKind.Edited, ChangeKind.Edited) when ourKey == theirChange.Now!.Key:
                        break;
                    case (ChangeKind.Edited, ChangeKind.Edited):
                        _conflicts.Add((ourPath, ourKey, ourChange.Now!.Entry.Text, theirChange.Now.Entry.Text));
                        break;
                    case (ChangeKind.Edited, ChangeKind.Deleted):
                        _conflicts.Add((ourPath, ourKey, ourChange.Now!.Entry.Text, string.Empty));
                        break;
                    case (ChangeKind.Deleted, ChangeKind.Edited):
                        inserts.Add((theirChange.Now!, theirChange.Now!.Entry.Text));
                        _conflicts.Add((theirChange.Now!.Path, theirChange.Now.Key, string.Empty, theirChange.Now.Entry.Text));
                        break;
                }
            }

            foreach (var item in theirsChanges.Added)
            {
                // Two merge requests that wrote the same text at the same place added one entry, not two.
                var same = oursChanges.Added.FindIndex(candidate => candidate.Key == item.Key && candidate.Path == item.Path);
                if (same >= 0)
                {
                    oursChanges.Added.RemoveAt(same);
                    continue;
                }

                inserts.Add((item, item.Entry.Text));
            }

            // Theirs' order, so an entry inserted after another of theirs finds it already in place.
            var order = theirsChanges.Items.Select((item, index) => (item.Id, index)).ToDictionary(pair => pair.Id, pair => pair.index, StringComparer.Ordinal);
            foreach (var (item, entryText) in inserts.OrderBy(insert => order[insert.Item.Id]))
            {
                Insert(item, entryText, theirsChanges.Items);
            }

            MergeTrivia();
            RemoveContainersTheirsRemoved();
            foreach (var conflict in _conflicts)
            {
                MarkConflict(conflict.Path, conflict.Key, conflict.OursText, conflict.TheirsText);
            }

            var text = _result.ToDocument().ToText();
            // Markers are for a person to resolve (lint refuses them until then), so only a clean result is proved.
            // Stryker disable once all : a safety net no input found reaches (MergeEditProperties); MergeProofRuleTests pins the proof's rules
            if (_conflicts.Count == 0 && MergeProof.Refute(text, ours, theirs, file) is { } reason)
            {
                throw new UnprovableMergeException(reason);
            }

            return new MergeResult(text, _conflicts.Count, MergeMethod.Structural, [.. _notes]);
        }

        private void Remove(Item ourItem)
        {
            var (body, index) = Locate(ourItem);
            body.RemoveAt(index);
            // Two blank lines that the entry kept apart become one.
            if (index < body.Count && IsBlank(body[index]) && (index == 0 || IsBlank(body[index - 1])))
            {
                body.RemoveAt(index);
            }
        }

        private void Replace(Item ourItem, string text)
        {
            var (body, index) = Locate(ourItem);
            body[index] = ourItem.Entry with { Text = WithEndingOf(text, ourItem.Entry.Text) };
        }

        /// <summary>
        /// Where ours' entry is in the result: found as the very entry ours' analysis saw (the result starts as ours,
        /// holding the same parts), not by its text, so of two identical entries the one meant is the one touched.
        /// </summary>
        private (List<DocumentPart> Body, int Index) Locate(Item ourItem)
        {
            // Stryker disable once String : a safety net: the result starts as ours, which holds this place (its analysis found the entry there)
            var body = _result.Body(ourItem.Path) ?? throw new UnprovableMergeException($"no {ourItem.Path} in ours for '{Shorten(ourItem.Key)}'");
            var index = body.FindIndex(part => ReferenceEquals(part, ourItem.Entry));
            if (index < 0)
            {
                // Stryker disable once Statement,String : a safety net: the result starts as ours, which holds the entry there (its analysis found it)
                throw new UnprovableMergeException($"'{Shorten(ourItem.Key)}' is not under {ourItem.Path} in ours");
            }

            return (body, index);
        }

        private void Insert(Item item, string text, List<Item> theirsItems)
        {
            var body = _result.Body(item.Path);
            if (body is null || !body.OfType<Entry>().Any())
            {
                // A heading to create or an empty list to start: the adder knows the canonical places and spacing.
                var added = EntryAdder.Insert(_result.ToDocument(), item.Path.Visibility, item.Path.Type, item.Path.Flag, text, file);
                if (!added.Succeeded)
                {
                    // Stryker disable once all : a safety net: the adder takes any entry a valid side holds, at a place a valid side has
                    throw new UnprovableMergeException(added.Diagnostics.FirstOrDefault()?.Message ?? "an entry could not be inserted");
                }

                _result = new MergeTree(added.Document!);
                return;
            }

            // After the nearest entry that precedes it in theirs and is in the result, then after our own additions
            // there (ours first); else after the last entry.
            var index = -1;
            var theirsContainer = theirsItems.Where(candidate => candidate.Path == item.Path).ToList();
            var at = theirsContainer.FindIndex(candidate => candidate.Id == item.Id);
            for (var i = at - 1; i >= 0 && index < 0; i--)
            {
                var previous = theirsContainer[i].Key;
                index = body.FindLastIndex(part => part is Entry entry && KeyOf(entry) == previous);
            }

            if (index < 0)
            {
                // Nothing of theirs before it is here: before the first entry that follows it in theirs, else last.
                var before = -1;
                for (var i = at + 1; i < theirsContainer.Count && before < 0; i++)
                {
                    var following = theirsContainer[i].Key;
                    before = body.FindIndex(part => part is Entry entry && KeyOf(entry) == following);
                }

                if (before >= 0)
                {
                    var entryText = text.EndsWith('\n') ? text : text + _eol;
                    body.Insert(before, new Entry(entryText));
                    return;
                }

                index = body.FindLastIndex(part => part is Entry);
            }
            else
            {
                while (index + 1 < body.Count && body[index + 1] is Entry next && _oursAddedKeys.Contains(KeyOf(next)))
                {
                    index++;
                }
            }

            if (!body[index].ToText().EndsWith('\n'))
            {
                body[index] = WithLineEnding(body[index]);
            }

            body.Insert(index + 1, new Entry(text.EndsWith('\n') ? text : text + _eol));
        }

        private DocumentPart WithLineEnding(DocumentPart part) => part switch
        {
            Entry entry => entry with { Text = entry.Text + _eol },
            Trivia trivia => trivia with { Text = trivia.Text + _eol },
            _ => part,
        };

        /// <summary>
        /// Comments, free text and link definitions: what theirs added (and ours does not hold) is inserted after the
        /// part that precedes it in theirs; what theirs deleted (and ours kept unchanged) is deleted.
        /// </summary>
        private void MergeTrivia()
        {
            var baseTrivia = TriviaOf(new MergeTree(baseDocument));
            var oursTrivia = TriviaOf(new MergeTree(ours));
            var theirsTrivia = TriviaOf(new MergeTree(theirs));

            // Copies of one text are told apart by the heading they sit under: a base copy that theirs no longer has
            // under that heading, and ours still has, goes from there (not the first copy found in the file).
            var theirsPlaces = PlacesOf(theirsTrivia);
            var oursPlaces = PlacesOf(oursTrivia);
            foreach (var location in baseTrivia)
            {
                var keptByTheirs = theirsPlaces.Remove(location.Place);
                if (oursPlaces.Remove(location.Place) && !keptByTheirs)
                {
                    var body = _result.Body(location.Container);
                    // Stryker disable once Unary : a safety net: ours holds this heading, and the result keeps ours' headings until later
                    var index = body?.FindIndex(part => part is Trivia { Kind: not TriviaKind.Blank } trivia && TriviaKey(trivia) == location.Key) ?? -1;
                    if (index >= 0)
                    {
                        body!.RemoveAt(index);
                        // Two blank lines that the comment kept apart become one.
                        if (index > 0 && index < body.Count && IsBlank(body[index]) && IsBlank(body[index - 1]))
                        {
                            body.RemoveAt(index);
                        }
                    }
                }
            }

            // What theirs has under a heading where neither base nor ours has it was added (or moved there) by theirs.
            var basePlaces = PlacesOf(baseTrivia);
            oursPlaces = PlacesOf(oursTrivia);
            foreach (var location in theirsTrivia)
            {
                if (basePlaces.Remove(location.Place) || oursPlaces.Remove(location.Place))
                {
                    continue;
                }

                // A heading theirs added with no entry under it (only this text) is not in the result: the line
                // merge places it, instead of this text landing under another heading.
                var body = _result.Body(location.Container)
                    ?? throw new UnprovableMergeException($"theirs added '{Shorten(location.Key)}' under {location.Container.Replace("/", " > ", StringComparison.Ordinal)}, which the merge does not hold");
                // After the part that precedes it in theirs (else first, or last when that part is not here). When
                // theirs set it apart with a blank line, it goes after the blank lines there, and when it then ends
                // its body, a blank line keeps it apart from the next heading.
                var index = 0;
                if (location.Previous is { } previous)
                {
                    index = body.FindIndex(part => part is Entry or Trivia && part.ToText() == previous.ToText()) + 1;
                    if (index == 0)
                    {
                        index = body.Count;
                        while (index > 0 && IsBlank(body[index - 1]))
                        {
                            index--;
                        }
                    }
                }

                if (location.BlankBefore)
                {
                    while (index < body.Count && IsBlank(body[index]))
                    {
                        index++;
                    }
                }

                if (index > 0 && !body[index - 1].ToText().EndsWith('\n'))
                {
                    body[index - 1] = WithLineEnding(body[index - 1]);
                }

                var part = location.Part;
                body.Insert(index, part.Text.EndsWith('\n') || index < body.Count ? part with { Text = part.Text.EndsWith('\n') ? part.Text : part.Text + _eol } : part);
                // (A blank line just before it is there only when theirs had one: the blank lines skipped above.)
                if (index > 0 && IsBlank(body[index - 1]) && index == body.Count - 1)
                {
                    body.Insert(index + 1, new Trivia(_eol, TriviaKind.Blank));
                }
            }
        }

        /// <summary>
        /// A flag group or change type theirs removed (graduation) goes when nothing is left in it. A section heading
        /// stays: an empty section is valid, and which sections a file has is its layout, not a change.
        /// </summary>
        private void RemoveContainersTheirsRemoved()
        {
            var theirsTree = new MergeTree(theirs);
            var baseTree = new MergeTree(baseDocument);
            foreach (var section in _result.Sections.ToList())
            {
                foreach (var changeType in section.ChangeTypes.ToList())
                {
                    foreach (var group in changeType.Groups.ToList())
                    {
                        // Stryker disable once Logical : a flag group with no entry does not lint, so a blank one in the result is one theirs removed
                        if (baseTree.Find(section.Visibility, changeType.Type, group.Key) is not null
                            && theirsTree.Find(section.Visibility, changeType.Type, group.Key) is null
                            && group.Body.All(IsBlank))
                        {
                            changeType.Groups.Remove(group);
                        }
                    }

                    if (baseTree.Find(section.Visibility, changeType.Type, null) is not null
                        && theirsTree.Find(section.Visibility, changeType.Type, null) is null
                        && changeType.Groups.Count == 0 && changeType.Body.All(IsBlank))
                    {
                        section.ChangeTypes.Remove(changeType);
                    }
                }
            }
        }

        private void MarkConflict(EntryPath path, string key, string oursText, string theirsText)
        {
            // Stryker disable once String : a safety net: a conflict's place holds the entry just put there or kept from ours
            var body = _result.Body(path) ?? throw new UnprovableMergeException($"no {path} for the conflict on '{Shorten(key)}'");
            var index = body.FindIndex(part => part is Entry entry && KeyOf(entry) == key);
            if (index < 0)
            {
                // Stryker disable once String : a safety net: a conflict's place holds the entry just put there or kept from ours
                throw new UnprovableMergeException($"'{Shorten(key)}' is not under {path} for its conflict");
            }

            var marker = new string('<', LineMerger.MarkerSize) + " ours" + _eol
                + Line(oursText)
                + new string('=', LineMerger.MarkerSize) + _eol
                + Line(theirsText)
                + new string('>', LineMerger.MarkerSize) + " theirs" + _eol;
            body[index] = new Trivia(marker, TriviaKind.Stray);
            _notes.Add($"{file}: conflict under {path}: '{Shorten(key)}' was changed differently by both sides (or changed by one and deleted by the other); keep one version between the markers and delete the marker lines");

            string Line(string text) => text.Length == 0 || text.EndsWith('\n') ? text : text + _eol;
        }

        private static List<(string Key, string Container)> PlacesOf(List<TriviaLocation> trivia) => [.. trivia.Select(location => location.Place)];

        private static string TriviaKey(Trivia trivia) => trivia.Text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n');

        private static bool IsBlank(DocumentPart part) => part is Trivia { Kind: TriviaKind.Blank };

        private static string WithEndingOf(string text, string model)
        {
            var bare = text.TrimEnd('\r', '\n');
            var ending = model[model.TrimEnd('\r', '\n').Length..];
            return bare + ending;
        }

        /// <summary>Every comment, free text and link definition of a tree, in document order, with where it sits.</summary>
        private static List<TriviaLocation> TriviaOf(MergeTree tree)
        {
            var result = new List<TriviaLocation>();
            foreach (var body in tree.Bodies())
            {
                DocumentPart? previous = null;
                var blankBefore = false;
                foreach (var part in body)
                {
                    if (part is Trivia { Kind: not TriviaKind.Blank } trivia)
                    {
                        result.Add(new TriviaLocation(TriviaKey(trivia), tree.KeyOf(body), trivia, previous, blankBefore));
                    }

                    blankBefore = IsBlank(part);
                    if (!blankBefore)
                    {
                        previous = part;
                    }
                }
            }

            return result;
        }

        /// <summary>A non-blank trivia part: its text (line ends made equal), its body's name, the part before it, and whether a blank line sits between them.</summary>
        private sealed record TriviaLocation(string Key, string Container, Trivia Part, DocumentPart? Previous, bool BlankBefore)
        {
            public (string Key, string Container) Place => (Key, Container);
        }
    }

    /// <summary>The first line of an entry or comment, at most 60 characters, for a note.</summary>
    internal static string Shorten(string text)
    {
        var firstLine = text.Split('\n')[0];
        return firstLine.Length <= 60 && !text.Contains('\n', StringComparison.Ordinal) ? firstLine : string.Concat(firstLine.AsSpan(0, Math.Min(57, firstLine.Length)), "...");
    }
}
