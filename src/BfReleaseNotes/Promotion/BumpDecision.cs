using System.Globalization;
using BfReleaseNotes.Model;

namespace BfReleaseNotes.Promotion;

/// <summary>What <see cref="BumpRule.Decide"/> chose, and the entry that decided it.</summary>
/// <param name="Bump">The bump applied (after the 0.x rule).</param>
/// <param name="Wanted">The bump the deciding entry asks for before the 0.x rule (differs only while the version is 0.x).</param>
/// <param name="Entry">The deciding entry: the first entry of the file with the highest bump.</param>
/// <param name="Visibility">Its section, Public or Beta.</param>
/// <param name="Type">Its change type.</param>
/// <param name="Breaking">True when the entry carries the breaking marker.</param>
/// <param name="File">The working file's path.</param>
/// <param name="Line">The entry's first line in that file.</param>
public sealed record BumpDecision(VersionBump Bump, VersionBump Wanted, Entry Entry, Visibility Visibility, ChangeType Type, bool Breaking, string File, int Line)
{
    /// <summary>
    /// One line naming the bump, why, and the entry:
    /// <c>bump minor (breaking, major while the version is 0.x), decided by release-notes/unreleased.md:12 (Public &gt; Removed): - The v1 API is gone.</c>
    /// The entry is shown by its first line only, so a long entry stays one line of output.
    /// </summary>
    public string Describe()
    {
        var why = Breaking ? "breaking" : $"{Type} is {Wanted.ToString().ToLowerInvariant()}";
        if (Bump != Wanted)
        {
            why += $"; {Wanted.ToString().ToLowerInvariant()} becomes {Bump.ToString().ToLowerInvariant()} while the version is 0.x";
        }

        // The entry is untrusted text on a terminal: control characters (escape sequences) are shown, not sent.
        var firstLine = Safety.TerminalText.Escape(Entry.Content.Split('\n')[0].TrimEnd('\r'));
        return string.Create(CultureInfo.InvariantCulture, $"bump {Bump.ToString().ToLowerInvariant()} ({why}), decided by {File}:{Line} ({Visibility} > {Type}): {firstLine}");
    }
}
