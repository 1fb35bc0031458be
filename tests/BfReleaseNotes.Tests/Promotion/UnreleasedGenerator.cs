using System.Text;

namespace BfReleaseNotes.Tests.Promotion;

/// <summary>
/// Builds valid unreleased.md texts from a seed: random sections, change types, flag groups, entries with
/// wrapped lines, nested lists, code blocks, reference links, non-ASCII text, comments, LF or CRLF.
/// FsCheck supplies (and shrinks) the seeds.
/// </summary>
internal static class UnreleasedGenerator
{
    private static readonly string[] Words = ["export", "Zürich", "東京", "dashboard", "🎉", "search", "naïve", "PDF", "calendar", "São Paulo", "`code`", "*emphasis*"];
    private static readonly string[] Types = ["Added", "Changed", "Deprecated", "Removed", "Fixed", "Security"];

    public static string Generate(int seed)
    {
        var random = new Random(seed);
        var eol = random.Next(3) == 0 ? "\r\n" : "\n";
        var labels = new List<string>();
        var builder = new StringBuilder();
        builder.Append("# Unreleased").Append(eol).Append(eol);
        if (random.Next(2) == 0)
        {
            builder.Append("<!-- generated preamble -->").Append(eol).Append(eol);
        }

        foreach (var section in new[] { "Public", "Beta", "Internal" })
        {
            if (random.Next(5) == 0)
            {
                continue;
            }

            builder.Append("## ").Append(section).Append(eol).Append(eol);
            foreach (var type in Types.Where(_ => random.Next(2) == 0))
            {
                builder.Append("### ").Append(type).Append(eol).Append(eol);
                if (section == "Internal")
                {
                    var flags = random.Next(0, 3);
                    for (var f = 0; f < flags; f++)
                    {
                        builder.Append("#### Flag: `flag-").Append(f).Append('`').Append(eol).Append(eol);
                        AppendEntries(builder, random, eol, labels);
                    }
                }
                else
                {
                    AppendEntries(builder, random, eol, labels);
                }

                if (random.Next(4) == 0)
                {
                    builder.Append("<!-- note under ").Append(type).Append(" -->").Append(eol).Append(eol);
                }
            }
        }

        foreach (var label in labels.Distinct())
        {
            builder.Append('[').Append(label).Append("]: https://example.com/").Append(label.TrimStart('#')).Append(eol);
        }

        return builder.ToString();
    }

    private static void AppendEntries(StringBuilder builder, Random random, string eol, List<string> labels)
    {
        var count = random.Next(0, 5);
        for (var i = 0; i < count; i++)
        {
            builder.Append("- ").Append(Sentence(random));
            if (random.Next(4) == 0)
            {
                var label = "#" + random.Next(1, 40);
                labels.Add(label);
                builder.Append(" [").Append(label).Append(']');
            }

            builder.Append(eol);
            switch (random.Next(5))
            {
                case 0:
                    builder.Append("  ").Append(Sentence(random)).Append(eol);
                    break;
                case 1:
                    builder.Append("  - ").Append(Sentence(random)).Append(eol).Append("    - ").Append(Sentence(random)).Append(eol);
                    break;
                case 2:
                    builder.Append(eol).Append("  ```").Append(eol).Append("  var x = 1;").Append(eol).Append(eol).Append("  ```").Append(eol).Append(eol);
                    break;
            }
        }

        builder.Append(eol);
    }

    private static string Sentence(Random random) =>
        string.Join(' ', Enumerable.Range(0, random.Next(2, 7)).Select(_ => Words[random.Next(Words.Length)]));
}
