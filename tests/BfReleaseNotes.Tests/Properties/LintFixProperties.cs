using BfReleaseNotes.Linting;
using BfReleaseNotes.Markdown;
using BfReleaseNotes.Model;
using FsCheck.Xunit;

namespace BfReleaseNotes.Tests.Properties;

/// <summary>
/// <c>lint --fix</c> is idempotent and never adds, drops or rewrites an entry; the one thing it drops is a second copy
/// of an entry (BFRN117, what a union merge writes), so every distinct entry text is kept.
/// </summary>
[Properties(Arbitrary = [typeof(ReleaseNotesArbitraries)], MaxTest = 200)]
public class LintFixProperties
{
    [Property]
    public void Fixing_a_messy_file_leaves_no_diagnostic_and_keeps_every_entry(MessyDocument document)
    {
        var parsed = ReleaseNotesParser.Parse(document.Text, DocumentKind.Unreleased, "unreleased.md");
        Assert.DoesNotContain(parsed.Diagnostics, diagnostic => !diagnostic.Fixable);

        var result = LintFixer.Fix(parsed);

        Assert.Empty(result.Result.Diagnostics);
        Assert.Equal(EntrySet(parsed), EntrySet(result.Result));
    }

    /// <summary>
    /// The fix can only put right what lint reports, so a mess lint misses would survive the fix unseen. The oracle
    /// reads the messy text line by line, without the parser: every entry bullet that is not <c>-</c> (an entry starts
    /// at column 0) and every heading whose name is not spelled the canonical way is reported on its own line, and no
    /// other line gets those warnings.
    /// </summary>
    [Property]
    public void Lint_reports_every_bullet_and_heading_case_mess_on_its_own_line(MessyDocument document)
    {
        var lines = document.Text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var bullets = new List<int>();
        var headings = new List<int>();
        for (var index = 0; index < lines.Length; index++)
        {
            var line = lines[index];
            if (line.StartsWith("* ", StringComparison.Ordinal) || line.StartsWith("+ ", StringComparison.Ordinal))
            {
                bullets.Add(index + 1);
            }
            else if (line.StartsWith('#') && !IsCanonicalHeading(line))
            {
                headings.Add(index + 1);
            }
        }

        var diagnostics = ReleaseNotesParser.Parse(document.Text, DocumentKind.Unreleased, "unreleased.md").Diagnostics;

        Assert.Equal(bullets, LinesOf(diagnostics, DiagnosticCodes.BulletMarker));
        Assert.Equal(headings, LinesOf(diagnostics, DiagnosticCodes.HeadingCase));
    }

    private static readonly string[] CanonicalHeadings =
    [
        "# Unreleased", "## Public", "## Beta", "## Internal",
        "### Added", "### Changed", "### Deprecated", "### Removed", "### Fixed", "### Security",
    ];

    private static bool IsCanonicalHeading(string line) =>
        CanonicalHeadings.Contains(line, StringComparer.Ordinal) || line.StartsWith("#### Flag: ", StringComparison.Ordinal);

    private static List<int> LinesOf(IEnumerable<Diagnostic> diagnostics, string code) =>
        [.. diagnostics.Where(diagnostic => diagnostic.Code == code).Select(diagnostic => diagnostic.Position.Line).Distinct().Order()];

    [Property]
    public void Fixing_twice_gives_the_same_text_as_fixing_once(MessyDocument document)
    {
        var once = LintFixer.Fix(ReleaseNotesParser.Parse(document.Text, DocumentKind.Unreleased, "unreleased.md"));

        var twice = LintFixer.Fix(ReleaseNotesParser.Parse(once.Text!, DocumentKind.Unreleased, "unreleased.md"));

        Assert.Equal(once.Text, twice.Text);
        Assert.False(twice.Changed);
    }

    [Property]
    public void Fixing_a_valid_file_changes_nothing(ValidDocument document)
    {
        var result = LintFixer.Fix(ReleaseNotesParser.Parse(document.Text, DocumentKind.Unreleased, "unreleased.md"));

        Assert.False(result.Changed);
        Assert.Equal(document.Text, result.Text);
    }

    [Property]
    public void Fixing_any_soup_is_idempotent_and_keeps_every_entry(MarkdownSoup soup)
    {
        var parsed = ReleaseNotesParser.Parse(soup.Text, DocumentKind.Unreleased, "unreleased.md");
        if (parsed.Document is null)
        {
            return;
        }

        var once = LintFixer.Fix(parsed);
        var twice = LintFixer.Fix(ReleaseNotesParser.Parse(once.Text!, DocumentKind.Unreleased, "unreleased.md"));

        Assert.Equal(EntrySet(parsed), EntrySet(once.Result));
        Assert.True(once.Result.Document!.AllEntries.Count() >= EntrySet(parsed).Count);
        Assert.Equal(once.Text, twice.Text);
    }

    /// <summary>Distinct entries without their bullet character (the one thing a fix may change), sorted.</summary>
    private static List<string> EntrySet(ParsedFile parsed) =>
        [.. parsed.Document!.AllEntries.Select(entry => entry.Markdown).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
}
