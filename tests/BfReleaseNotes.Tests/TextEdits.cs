namespace BfReleaseNotes.Tests;

/// <summary>Checks on edited text: which bytes an edit added, and nothing else.</summary>
public static class TextEdits
{
    /// <summary>
    /// The one chunk inserted into <paramref name="original"/> to give <paramref name="edited"/>, or null when the
    /// edit did anything else (changed or removed a character of the original, or inserted in two places).
    /// </summary>
    public static string? InsertedChunk(string original, string edited)
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(edited);
        if (edited.Length < original.Length)
        {
            return null;
        }

        var prefix = 0;
        while (prefix < original.Length && original[prefix] == edited[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < original.Length - prefix && original[^(suffix + 1)] == edited[^(suffix + 1)])
        {
            suffix++;
        }

        return prefix + suffix == original.Length ? edited[prefix..(edited.Length - suffix)] : null;
    }

    /// <summary>Asserts <paramref name="edited"/> is <paramref name="original"/> with one chunk inserted, and returns it.</summary>
    public static string AssertOnlyInserted(string original, string edited)
    {
        var chunk = InsertedChunk(original, edited);
        Assert.True(chunk is not null, "the edit changed bytes of the original instead of only inserting");
        Assert.NotEmpty(chunk);
        return chunk;
    }

    /// <summary>Shows carriage returns, so an approved file records the line endings whatever git does to it.</summary>
    public static string ShowCarriageReturns(string text) => text.Replace("\r", "␍", StringComparison.Ordinal);
}
