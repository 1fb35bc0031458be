namespace BfReleaseNotes.Tests;

/// <summary>The markdown inputs under Cases/, copied beside the test assembly.</summary>
public static class CaseFiles
{
    public static string Root => Path.Combine(AppContext.BaseDirectory, "Cases");

    public static string DiagnosticsRoot => Path.Combine(Root, "Diagnostics");

    /// <summary>Names of the folders under Cases/Diagnostics, e.g. <c>BFRN103-entry-outside-change-type</c>.</summary>
    public static IEnumerable<string> DiagnosticCaseNames() =>
        Directory.EnumerateDirectories(DiagnosticsRoot).Select(folder => Path.GetFileName(folder)!).Order(StringComparer.Ordinal);

    /// <summary>The one markdown input of a diagnostic case: <c>unreleased.md</c> or <c>&lt;version&gt;.md</c>.</summary>
    public static string DiagnosticInput(string caseName)
    {
        var inputs = Directory.GetFiles(Path.Combine(DiagnosticsRoot, caseName), "*.md");
        Assert.True(inputs.Length == 1, $"case '{caseName}' must hold exactly one .md input, found {inputs.Length}");
        return inputs[0];
    }

    /// <summary>
    /// The diagnostics of a case's input: the parse's, and for a working file with a <c>published/</c> folder beside it
    /// in the case, the folder rule's (<see cref="BfReleaseNotes.Linting.RepublishedEntries"/>), as <c>lint</c> reports them.
    /// </summary>
    public static IReadOnlyList<Model.Diagnostic> Diagnose(string caseName)
    {
        var input = DiagnosticInput(caseName);
        var parsed = BfReleaseNotes.Markdown.ReleaseNotesParser.Parse(File.ReadAllBytes(input), BfReleaseNotes.Workspace.ReleaseNotesFolder.KindOf(input), input);
        var published = Path.Combine(DiagnosticsRoot, caseName, "published");
        if (!Directory.Exists(published))
        {
            return parsed.Diagnostics;
        }

        var files = Directory.GetFiles(published, "*.md").Select(file => BfReleaseNotes.Markdown.ReleaseNotesParser.Parse(File.ReadAllBytes(file), Model.DocumentKind.Published, file));
        return [.. parsed.Diagnostics, .. BfReleaseNotes.Linting.RepublishedEntries.Find(parsed, files)];
    }

    /// <summary>The expected <c>line:col CODE</c> lines of a diagnostic case.</summary>
    public static IReadOnlyList<string> ExpectedDiagnostics(string caseName) =>
        ReadLines(Path.Combine(DiagnosticsRoot, caseName, "expected.txt"));

    /// <summary>Fragments the case's messages must contain: the hint that tells the user what to do.</summary>
    public static IReadOnlyList<string> ExpectedHints(string caseName) =>
        ReadLines(Path.Combine(DiagnosticsRoot, caseName, "hint.txt"));

    private static List<string> ReadLines(string path) =>
        [.. File.ReadAllLines(path).Select(line => line.Trim()).Where(line => line.Length > 0)];
}
