namespace BfReleaseNotes.Checks;

/// <summary>A multiset of entry texts, line endings, trailing spaces and the bullet character ignored.</summary>
internal sealed class EntryPool
{
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);

    public EntryPool(IEnumerable<CheckedEntry> entries)
    {
        foreach (var entry in entries)
        {
            var key = Key(entry);
            _counts[key] = _counts.GetValueOrDefault(key) + 1;
        }
    }

    public bool TryTake(CheckedEntry entry)
    {
        var key = Key(entry);
        if (_counts.GetValueOrDefault(key) == 0)
        {
            return false;
        }

        _counts[key]--;
        return true;
    }

    /// <summary>
    /// The text as a writer may reproduce it elsewhere: LF line endings, no trailing spaces, a <c>-</c> bullet
    /// (<c>lint --fix</c> turns <c>*</c> and <c>+</c> into <c>-</c>), so a moved entry still matches.
    /// </summary>
    public static string Key(CheckedEntry entry)
    {
        var lines = entry.Content.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(line => line.TrimEnd(' ', '\t'));
        var text = string.Join('\n', lines);
        return text.Length > 1 && text[0] is '*' or '+' && text[1] == ' ' ? "-" + text[1..] : text;
    }
}
