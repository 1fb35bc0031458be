using System.Text;

namespace BfReleaseNotes.Benchmarks;

/// <summary>A deterministic unreleased.md of a given size: nested lists, code, links, non-ASCII, flags.</summary>
public static class SampleNotes
{
    public static string Unreleased(int entries, string eol = "\n")
    {
        var builder = new StringBuilder();
        builder.Append("# Unreleased").Append(eol).Append(eol);
        var perSection = entries / 3;
        foreach (var section in new[] { "Public", "Beta", "Internal" })
        {
            builder.Append("## ").Append(section).Append(eol).Append(eol);
            foreach (var type in new[] { "Added", "Changed", "Fixed" })
            {
                builder.Append("### ").Append(type).Append(eol).Append(eol);
                var count = perSection / 3;
                for (var group = 0; group < (section == "Internal" ? 2 : 1); group++)
                {
                    if (section == "Internal")
                    {
                        builder.Append("#### Flag: `flag-").Append(group).Append('`').Append(eol).Append(eol);
                    }

                    for (var i = 0; i < count / (section == "Internal" ? 2 : 1); i++)
                    {
                        builder.Append("- ").Append(type).Append(" entry ").Append(i).Append(" for Zürich and 東京 [#").Append(i).Append(']').Append(eol);
                        if (i % 3 == 0)
                        {
                            builder.Append("  - nested detail with `code`").Append(eol);
                        }

                        if (i % 7 == 0)
                        {
                            builder.Append(eol).Append("  ```sh").Append(eol).Append("  bf-release-notes lint").Append(eol).Append("  ```").Append(eol).Append(eol);
                        }
                    }

                    builder.Append(eol);
                }
            }
        }

        for (var i = 0; i < 50; i++)
        {
            builder.Append("[#").Append(i).Append("]: https://gitlab.example.com/app/-/merge_requests/").Append(i).Append(eol);
        }

        return builder.ToString();
    }
}
