using BfReleaseNotes.Editing;
using BfReleaseNotes.Markdown;
using BfReleaseNotes.Merging;
using BfReleaseNotes.Model;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace BfReleaseNotes.Tests.Properties;

/// <summary>What one side does to one base entry.</summary>
public enum EntryAction
{
    Keep,
    Remove,
    Edit,
    Move,
}

/// <summary>
/// Two merge requests made from one generated file: each keeps, removes or rewords every base entry (by its action at
/// the entry's index) and adds entries of its own. An emptied flag group goes with its last entry, as graduation does.
/// </summary>
public sealed record MergeScenario(
    string Base,
    EntryAction[] Ours,
    EntryAction[] Theirs,
    (Visibility Visibility, ChangeType Type, string? Flag)[] OursAdds,
    (Visibility Visibility, ChangeType Type, string? Flag)[] TheirsAdds,
    (Visibility Visibility, ChangeType Type, string? Flag)[] OursMoves,
    (Visibility Visibility, ChangeType Type, string? Flag)[] TheirsMoves)
{
    public override string ToString() =>
        $"ours {string.Join(',', Ours.Take(24))}; adds {string.Join(", ", OursAdds)}\ntheirs {string.Join(',', Theirs.Take(24))}; adds {string.Join(", ", TheirsAdds)}\n{Base}";
}

public static class MergeScenarioArbitraries
{
    private static readonly Gen<EntryAction> Action = Gen.Frequency(
        (5, Gen.Constant(EntryAction.Keep)), (2, Gen.Constant(EntryAction.Remove)), (2, Gen.Constant(EntryAction.Edit)), (1, Gen.Constant(EntryAction.Move)));

    private static readonly Gen<(Visibility, ChangeType, string?)> Place =
        from visibility in Gen.Elements(Enum.GetValues<Visibility>())
        from type in Gen.Elements(Enum.GetValues<ChangeType>())
        from flag in Gen.Elements("new-editor", "dark_mode", "x", "brand-new-flag")
        select (visibility, type, visibility == Visibility.Internal ? flag : (string?)null);

    public static Arbitrary<MergeScenario> Scenarios() => Arb.From(
        from text in DocumentGenerators.ValidText
        from ours in Gen.ArrayOf(Action, 128)
        from drawn in Gen.ArrayOf(Action, 128)
        from apart in Gen.Elements(false, true)
        let theirs = apart ? Apart(ours, drawn) : drawn
        from oursAdds in Gen.Choose(0, 2).SelectMany(n => Gen.ArrayOf(Place, n))
        from theirsAdds in Gen.Choose(0, 2).SelectMany(n => Gen.ArrayOf(Place, n))
        from oursMoves in Gen.ArrayOf(Place, 128)
        from theirsMoves in Gen.ArrayOf(Place, 128)
        select new MergeScenario(text, ours, theirs, oursAdds, theirsAdds, oursMoves, theirsMoves));

    /// <summary>Half the scenarios have no conflict: theirs leaves alone what ours reworded or removed (or removes it too).</summary>
    private static EntryAction[] Apart(EntryAction[] ours, EntryAction[] theirs) =>
        [.. theirs.Select((action, i) => (ours[i], action) switch
        {
            (EntryAction.Edit, _) => EntryAction.Keep,
            (EntryAction.Remove, EntryAction.Edit) => EntryAction.Keep,
            _ => action,
        })];
}

/// <summary>
/// The structural merge against an oracle written from the rules, not from the merger: an entry both sides kept stays;
/// one side's removal or rewording wins over the other side keeping it; a rewording meeting a removal or another
/// rewording is one conflict; every addition arrives once, where its side put it; and the result lints.
/// </summary>
[Properties(Arbitrary = [typeof(MergeScenarioArbitraries)], MaxTest = 500)]
public class MergeEditProperties
{
    private const string File = "unreleased.md";

    [Property]
    public void A_merge_of_removals_rewordings_and_additions_follows_the_rules(MergeScenario scenario)
    {
        var baseDocument = Parse(scenario.Base);
        var baseEntries = Places(baseDocument);
        var ours = Side(baseDocument, scenario.Ours, scenario.OursMoves, "O", scenario.OursAdds, "Ours");
        var theirs = Side(baseDocument, scenario.Theirs, scenario.TheirsMoves, "T", scenario.TheirsAdds, "Theirs");

        var result = ReleaseNotesMerger.Merge(scenario.Base, ours, theirs, File);

        var expected = new List<string>();
        var conflicts = 0;
        for (var i = 0; i < baseEntries.Count; i++)
        {
            var (path, key) = baseEntries[i];
            var oursPlace = scenario.Ours[i] == EntryAction.Move ? PathOf(scenario.OursMoves[i]) : path;
            var theirsPlace = scenario.Theirs[i] == EntryAction.Move ? PathOf(scenario.TheirsMoves[i]) : path;
            // A move within its own list only reorders it: the entry stays where it was.
            var oursAction = scenario.Ours[i] == EntryAction.Move && oursPlace == path ? EntryAction.Keep : scenario.Ours[i];
            var theirsAction = scenario.Theirs[i] == EntryAction.Move && theirsPlace == path ? EntryAction.Keep : scenario.Theirs[i];
            switch (oursAction, theirsAction)
            {
                case (EntryAction.Keep or EntryAction.Move, EntryAction.Keep):
                    expected.Add($"{oursPlace}: {key}");
                    break;
                case (EntryAction.Keep, EntryAction.Move):
                    expected.Add($"{theirsPlace}: {key}");
                    break;
                case (EntryAction.Move, EntryAction.Move):
                    // Both moved it: ours' place wins, and a different place of theirs is told in a note.
                    expected.Add($"{oursPlace}: {key}");
                    break;
                case (EntryAction.Edit, EntryAction.Keep):
                    expected.Add($"{path}: O{key}");
                    break;
                case (EntryAction.Edit, EntryAction.Move):
                    expected.Add($"{theirsPlace}: O{key}");
                    break;
                case (EntryAction.Keep or EntryAction.Move, EntryAction.Edit):
                    expected.Add($"{oursPlace}: T{key}");
                    break;
                case (EntryAction.Edit, EntryAction.Edit or EntryAction.Remove) or (EntryAction.Remove, EntryAction.Edit):
                    conflicts++;
                    break;
            }
        }

        expected.AddRange(Additions(scenario.OursAdds, "Ours"));
        expected.AddRange(Additions(scenario.TheirsAdds, "Theirs"));
        Assert.Equal(MergeMethod.Structural, result.Method);
        Assert.True(conflicts == result.Conflicts, $"{conflicts} conflicts expected, {result.Conflicts} made:\n{result.Text}\n{string.Join('\n', result.Notes)}\n--- ours\n{ours}\n--- theirs\n{theirs}");
        if (conflicts > 0)
        {
            Assert.Equal(conflicts, result.Text.Split('\n').Count(line => line.StartsWith("<<<<<<< ours", StringComparison.Ordinal)));
            return;
        }

        var merged = ReleaseNotesParser.Parse(result.Text, DocumentKind.Unreleased, File);
        Assert.True(merged.IsValid, string.Join('\n', merged.Diagnostics) + "\n" + result.Text);
        var actual = Places(merged.Document!).Select(place => $"{place.Path}: {place.Key}").ToList();
        Assert.True(expected.Order(StringComparer.Ordinal).SequenceEqual(actual.Order(StringComparer.Ordinal)),
            $"missing:\n{string.Join('\n', expected.Except(actual))}\nunexpected:\n{string.Join('\n', actual.Except(expected))}\n{result.Text}\n{string.Join('\n', result.Notes)}\n--- ours\n{ours}\n--- theirs\n{theirs}");
    }

    private static EntryPath PathOf((Visibility Visibility, ChangeType Type, string? Flag) place) => new(place.Visibility, place.Type, place.Flag);

    private static IEnumerable<string> Additions((Visibility Visibility, ChangeType Type, string? Flag)[] adds, string side) =>
        adds.Select((place, index) => $"{new EntryPath(place.Visibility, place.Type, place.Flag)}: {side} added entry {index}.");

    /// <summary>One side's text: the base with the actions applied through the tree, then the additions through the adder.</summary>
    private static string Side(ReleaseNotesDocument baseDocument, EntryAction[] actions, (Visibility Visibility, ChangeType Type, string? Flag)[] moves, string editMark, (Visibility Visibility, ChangeType Type, string? Flag)[] adds, string side)
    {
        var tree = new MergeTree(baseDocument);
        var index = 0;
        var moved = new List<(Entry Entry, (Visibility Visibility, ChangeType Type, string? Flag) To)>();
        foreach (var section in tree.Sections)
        {
            foreach (var changeType in section.ChangeTypes)
            {
                Apply(changeType.Body);
                foreach (var group in changeType.Groups.ToList())
                {
                    Apply(group.Body);
                    if (!group.Body.OfType<Entry>().Any())
                    {
                        changeType.Groups.Remove(group);
                    }
                }
            }
        }

        var document = tree.ToDocument();
        foreach (var (entry, to) in moved)
        {
            var added = EntryAdder.Add(document, to.Visibility, to.Type, to.Flag, entry.Text.TrimEnd('\r', '\n'), File);
            Assert.True(added.Succeeded, string.Join('\n', added.Diagnostics));
            document = added.Document!;
        }

        for (var i = 0; i < adds.Length; i++)
        {
            var added = EntryAdder.Add(document, adds[i].Visibility, adds[i].Type, adds[i].Flag, $"{side} added entry {i}.", File);
            Assert.True(added.Succeeded, string.Join('\n', added.Diagnostics));
            document = added.Document!;
        }

        var text = document.ToText();
        var parsed = ReleaseNotesParser.Parse(text, DocumentKind.Unreleased, File);
        Assert.True(parsed.IsValid, $"{side}'s generated text does not lint:\n{string.Join('\n', parsed.Diagnostics)}\n{text}");
        return text;

        void Apply(List<DocumentPart> body)
        {
            for (var i = 0; i < body.Count; i++)
            {
                if (body[i] is not Entry entry)
                {
                    continue;
                }

                switch (actions[index++])
                {
                    case EntryAction.Remove:
                        body.RemoveAt(i--);
                        break;
                    case EntryAction.Move:
                        moved.Add((entry, moves[index - 1]));
                        body.RemoveAt(i--);
                        break;
                    case EntryAction.Edit:
                        var start = entry.Text.IndexOf("- ", StringComparison.Ordinal) + 2;
                        body[i] = entry with { Text = entry.Text.Insert(start, editMark) };
                        break;
                }
            }
        }
    }

    private static ReleaseNotesDocument Parse(string text) => ValidNotes.Unreleased(text, File);

    private static List<(EntryPath Path, string Key)> Places(ReleaseNotesDocument document) =>
        [.. document.Sections.SelectMany(section => section.ChangeTypes.SelectMany(changeType =>
            changeType.DirectEntries.Select(entry => (new EntryPath(section.Visibility!.Value, changeType.Type!.Value, null), entry.Markdown.TrimEnd()))
                .Concat(changeType.FlagGroups.SelectMany(group => group.Entries.Select(entry => (new EntryPath(section.Visibility!.Value, changeType.Type!.Value, group.Key), entry.Markdown.TrimEnd()))))))];
}
