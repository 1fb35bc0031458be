using System.Globalization;
using System.Text;

namespace BfReleaseNotes.Cli.Tests;

/// <summary>
/// A deterministic <c>unreleased.md</c> written the way people write them: wrapped lines, nested lists, fenced
/// code, inline and reference links, comments, loose and tight lists, non-ASCII text, CRLF line endings.
/// The messy variant differs only by same-length substitutions lint --fix puts right (bullets, heading case).
/// </summary>
public static class HandWrittenNotes
{
    private static readonly (string Visibility, string Type, string? Flag)[] Places =
    [
        ("Public", "Added", null), ("Public", "Changed", null), ("Public", "Fixed", null),
        ("Beta", "Added", null), ("Beta", "Changed", null),
        ("Internal", "Added", "new-editor"), ("Internal", "Added", "dark-mode"), ("Internal", "Fixed", "new-editor"),
    ];

    public static string Generate(int entries, bool messy)
    {
        var text = new StringBuilder();
        text.Append(messy ? "# unreleased\n" : "# Unreleased\n").Append('\n');
        text.Append("Notes for the next release. Zürich — 東京 — emoji 🎉\n\n<!--\nKeep entries short; link the merge request.\n-->\n\n");
        string? visibility = null;
        string? type = null;
        for (var place = 0; place < Places.Length; place++)
        {
            var (placeVisibility, placeType, flag) = Places[place];
            if (placeVisibility != visibility)
            {
                text.Append("## ").Append(messy && placeVisibility == "Beta" ? "BETA" : placeVisibility).Append("\n\n");
                visibility = placeVisibility;
                type = null;
            }

            if (placeType != type)
            {
                text.Append("### ").Append(messy && placeType == "Changed" ? "changed" : placeType).Append("\n\n");
                type = placeType;
            }

            if (flag is not null)
            {
                text.Append("#### ").Append(messy && flag == "dark-mode" ? "flag" : "Flag").Append(": `").Append(flag).Append("`\n\n");
            }

            var first = entries * place / Places.Length;
            var last = entries * (place + 1) / Places.Length;
            for (var index = first; index < last; index++)
            {
                // Public > Fixed keeps '-' everywhere: the tests add there and compare with the canonical text.
                var marker = messy && placeType != "Fixed" && index % 5 == 0 ? (index % 10 == 0 ? '*' : '+') : '-';
                text.Append(Entry(index, marker));
                text.Append(Separator(index));
            }

            if (!text.ToString().EndsWith("\n\n", StringComparison.Ordinal))
            {
                text.Append('\n');
            }
        }

        for (var index = 0; index < entries; index += 7)
        {
            text.Append(CultureInfo.InvariantCulture, $"[#{1000 + index}]: https://gitlab.example.com/team/app/-/merge_requests/{1000 + index}\n");
        }

        return text.ToString().Replace("\n", "\r\n", StringComparison.Ordinal);
    }

    private static string Entry(int index, char marker)
    {
        var number = index.ToString(CultureInfo.InvariantCulture);
        return (index % 6) switch
        {
            0 => $"{marker} Entry {number}: exports from Zürich — 東京 — emoji 🎉 no longer time out. [#{1000 + index - (index % 7)}]\n",
            1 => $"{marker} Entry {number}: a long entry that wraps onto\n  a second line, with `inline code` and a [link](https://example.com/{number}).\n",
            2 => $"{marker} Entry {number}: nested details:\n  - first point, naïve façade\n  - second point\n    - deeper, with **bold**\n  1. an ordered one\n",
            3 => $"{marker} Entry {number}: run this:\n\n  ```sh\n  bf-release-notes add --section public --type fixed \"x\"\n  # not a heading\n  - not an entry\n  ```\n",
            4 => $"{marker} Entry {number}: see [the docs][docs-{number}] and <https://example.com/{number}>.\n\n  [docs-{number}]: https://docs.example.com/{number}\n",
            _ => $"{marker} Entry {number}: quoted feedback:\n\n  > It works — ありがとう!\n",
        };
    }

    private static string Separator(int index) => (index % 11) switch
    {
        3 => "\n<!-- reviewed by Zoë -->\n\n",
        5 or 7 => "\n",
        _ => string.Empty,
    };
}
