using System.Globalization;

namespace BfReleaseNotes.Text;

/// <summary>Counts in messages, with the right form of the noun ("1 entry", "2 entries").</summary>
public static class Plural
{
    /// <summary>The count and the noun in the form the count needs: <c>Plural.Of(1, "entry", "entries")</c> is <c>1 entry</c>.</summary>
    public static string Of(int count, string singular, string plural)
    {
        ArgumentNullException.ThrowIfNull(singular);
        ArgumentNullException.ThrowIfNull(plural);
        return count.ToString("N0", CultureInfo.InvariantCulture) + " " + (count == 1 ? singular : plural);
    }

    /// <summary>A count with a regular noun: <c>Plural.Of(2, "file")</c> is <c>2 files</c>.</summary>
    public static string Of(int count, string singular)
    {
        ArgumentNullException.ThrowIfNull(singular);
        return Of(count, singular, singular + "s");
    }
}
