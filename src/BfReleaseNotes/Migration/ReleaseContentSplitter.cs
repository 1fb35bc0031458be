using System.Collections.Immutable;
using System.Text.RegularExpressions;
using BfReleaseNotes.Model;

namespace BfReleaseNotes.Migration;

/// <summary>
/// Splits the content of a release task (markdown or plain text) into entries: a heading (<c>## New features</c>,
/// or a line that is only a known heading such as <c>Bug fixes:</c> or <c>**Beta**</c>) says what the items under
/// it are; each top-level bullet item, with everything indented under it, is one entry; a paragraph that is not
/// a bullet is one entry too. Nothing is dropped: text under no heading, or under a heading the mapping does not
/// know, becomes an entry of the default type and is flagged so it can be reported.
/// </summary>
public static partial class ReleaseContentSplitter
{
    /// <summary>Splits <paramref name="markdown"/> (LF line ends) with the headings of the mapping.</summary>
    public static ImmutableArray<ContentItem> Split(string markdown, IReadOnlyDictionary<string, HeadingMeaning> headings)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        ArgumentNullException.ThrowIfNull(headings);
        var items = ImmutableArray.CreateBuilder<ContentItem>();
        var stack = new List<(int Level, string Name, HeadingMeaning? Meaning)>();
        List<string>? current = null;
        var currentIndent = 0;
        // Stryker disable once Boolean : both are read only while an item is open, and every line that opens one sets them
        var pendingBlank = false;
        // Stryker disable once Boolean : both are read only while an item is open, and every line that opens one sets them
        var inFence = false;

        void Flush()
        {
            // An open item always holds a line with text: blank lines never open one (lines are trimmed at the end).
            if (current is not null)
            {
                items.Add(Item(current, stack));
            }

            current = null;
            pendingBlank = false;
        }

        var lines = markdown.Split('\n').Select(line => line.Replace("\t", "    ", StringComparison.Ordinal).TrimEnd()).ToArray();
        for (var index = 0; index < lines.Length; index++)
        {
            var line = lines[index];
            if (current is not null && inFence)
            {
                current.Add(Dedent(line, currentIndent));
                inFence = !IsFence(line.Trim()) && inFence;
                continue;
            }

            if (line.Length == 0)
            {
                pendingBlank = current is not null;
                continue;
            }

            var indent = line.Length - line.TrimStart().Length;
            if (current is not null && indent >= Math.Max(currentIndent, 2))
            {
                if (pendingBlank)
                {
                    current.Add(string.Empty);
                    pendingBlank = false;
                }

                current.Add(Dedent(line, currentIndent));
                inFence = IsFence(line.Trim()); // inside a fence the line was taken above, so this one opens it
                continue;
            }

            var heading = MarkdownHeading().Match(line);
            if (heading.Success)
            {
                Flush();
                var level = heading.Groups["marks"].Length;
                stack.RemoveAll(entry => entry.Level >= level);
                var name = heading.Groups["text"].Value.Trim();
                stack.Add((level, name, headings.TryGetValue(ClickUpMapping.HeadingKey(name), out var meaning) ? meaning : null));
                continue;
            }

            if (IsRule(line))
            {
                Flush();
                continue;
            }

            var bullet = Bullet().Match(line);
            if (bullet.Success)
            {
                Flush();
                current = [bullet.Groups["text"].Value];
                currentIndent = bullet.Groups["text"].Index;
                inFence = IsFence(bullet.Groups["text"].Value.Trim());
                continue;
            }

            var known = headings.TryGetValue(ClickUpMapping.HeadingKey(line), out var plainMeaning);
            if (indent < 4 && (known || IsPlainHeading(line, lines, index)))
            {
                // In plain-text notes a line that is only a known heading ("Bug fixes:", "**Beta**"), or a short
                // "Label:" line followed by bullets, is a heading.
                Flush();
                stack.RemoveAll(entry => entry.Level >= PlainHeadingLevel);
                stack.Add((PlainHeadingLevel, line.Trim(), plainMeaning));
                continue;
            }

            if (current is not null && !pendingBlank)
            {
                current.Add(line.Trim()); // a lazy continuation line of the paragraph
                continue;
            }

            Flush();
            current = [line.Trim()];
            currentIndent = indent;
            inFence = IsFence(line.Trim());
        }

        Flush();
        return items.ToImmutable();
    }

    private const int PlainHeadingLevel = 7;

    private static ContentItem Item(List<string> lines, List<(int Level, string Name, HeadingMeaning? Meaning)> stack)
    {
        ChangeType? type = null;
        Visibility? visibility = null;
        foreach (var (_, _, meaning) in stack)
        {
            type = meaning?.Type ?? type;
            visibility = meaning?.Visibility ?? visibility;
        }

        var fits = stack.Count > 0 && stack[^1].Meaning is not null;
        var text = string.Join('\n', lines).TrimEnd();
        return new ContentItem(text, type, visibility, fits, stack.Count == 0 ? null : stack[^1].Name);
    }

    private static bool IsPlainHeading(string line, string[] lines, int index)
    {
        var trimmed = line.Trim();
        if (trimmed.Length > 60 || !(trimmed.EndsWith(':') || (trimmed.StartsWith("**", StringComparison.Ordinal) && trimmed.EndsWith("**", StringComparison.Ordinal) && trimmed.Length >= 5)))
        {
            return false;
        }

        var next = lines.Skip(index + 1).FirstOrDefault(candidate => candidate.Length > 0);
        return next is not null && Bullet().IsMatch(next);
    }

    private static string Dedent(string line, int indent)
    {
        var remove = Math.Min(indent, line.Length - line.TrimStart().Length);
        return line[remove..];
    }

    private static bool IsFence(string trimmed) => trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal);

    private static bool IsRule(string line) => Rule().IsMatch(line);

    [GeneratedRegex(@"^ {0,3}(?<marks>#{1,6})[ \t]+(?<text>.*?)[ \t]*#*[ \t]*$", RegexOptions.CultureInvariant)]
    private static partial Regex MarkdownHeading();

    [GeneratedRegex(@"^ {0,3}(?<marker>[-*+•]|[0-9]{1,9}[.)])[ \t]+(?<text>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex Bullet();

    [GeneratedRegex(@"^ {0,3}(([-*_])[ \t]*)(\2[ \t]*){2,}$", RegexOptions.CultureInvariant)]
    private static partial Regex Rule();
}
