namespace BfReleaseNotes.Cli.Tests.Lint;

/// <summary>
/// Every case of Cases/Diagnostics through the real CLI: the diagnostic is printed as <c>path:line:col</c>
/// with its hint, errors exit 1, and no file changes, with or without <c>--fix</c>.
/// </summary>
public sealed class LintDiagnosticCaseTests : IDisposable
{
    /// <summary>Codes that are warnings: lint exits 0 and <c>--fix</c> puts them right.</summary>
    private static readonly HashSet<string> WarningCodes = ["BFRN004", "BFRN107", "BFRN112", "BFRN117", "BFRN131"];

    /// <summary>Codes <c>--fix</c> puts right: the fixable warnings, sections out of order, what union merges leave (sections, flag groups twice; entries written twice or already published).</summary>
    private static readonly HashSet<string> FixableCodes = ["BFRN004", "BFRN107", "BFRN112", "BFRN117", "BFRN105", "BFRN106", "BFRN116", "BFRN207"];

    private readonly TempFolder _temp = new();

    private static string CasesRoot => Path.Combine(AppContext.BaseDirectory, "Cases", "Diagnostics");

    public static TheoryData<string> ErrorCases() => [.. CaseNames().Where(name => !WarningCodes.Contains(CodeOf(name)))];

    public static TheoryData<string> UnfixableCases() => [.. CaseNames().Where(name => !FixableCodes.Contains(CodeOf(name)) && !WarningCodes.Contains(CodeOf(name)))];

    public static TheoryData<string> FixableCases() => [.. CaseNames().Where(name => FixableCodes.Contains(CodeOf(name)))];

    public static TheoryData<string> WarningCases() => [.. CaseNames().Where(name => WarningCodes.Contains(CodeOf(name)))];

    // A case with a registry.json is a 'flags check' case (FlagsCheckDiagnosticCaseTests): its file lints clean.
    private static IEnumerable<string> CaseNames() =>
        Directory.EnumerateDirectories(CasesRoot).Where(folder => !File.Exists(Path.Combine(folder, "registry.json")))
            .Select(folder => Path.GetFileName(folder)!).Order(StringComparer.Ordinal);

    public void Dispose() => _temp.Dispose();

    [Theory]
    [MemberData(nameof(ErrorCases))]
    public void Lint_prints_each_error_with_file_line_column_and_hint_exits_1_and_changes_no_file(string caseName)
    {
        var path = CopyCase(caseName);
        var before = File.ReadAllBytes(path);

        var outcome = Cli.Run(_temp.Path, ["lint", path]);

        Assert.Equal(1, outcome.ExitCode);
        AssertPrintsExpectedDiagnostics(caseName, path, outcome.Error);
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Theory]
    [MemberData(nameof(UnfixableCases))]
    public void Lint_fix_on_an_error_case_it_cannot_fix_exits_1_and_changes_no_file(string caseName)
    {
        var path = CopyCase(caseName);
        var before = File.ReadAllBytes(path);

        var outcome = Cli.Run(_temp.Path, ["lint", "--fix", path]);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains($"{path}:", outcome.Error, StringComparison.Ordinal);
        Assert.Contains(CodeOf(caseName), outcome.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("fixed ", outcome.Out, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Theory]
    [MemberData(nameof(WarningCases))]
    public void Lint_reports_a_warning_case_with_exit_0_and_changes_no_file(string caseName)
    {
        var path = CopyCase(caseName);
        var before = File.ReadAllBytes(path);

        var outcome = Cli.Run(_temp.Path, ["lint", path]);

        Assert.Equal(0, outcome.ExitCode);
        AssertPrintsExpectedDiagnostics(caseName, path, outcome.Error);
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Theory]
    [MemberData(nameof(FixableCases))]
    public void Lint_fix_puts_a_fixable_case_right_so_a_second_lint_is_clean(string caseName)
    {
        var path = CopyCase(caseName);
        var before = File.ReadAllBytes(path);

        var fixedOutcome = Cli.Run(_temp.Path, ["lint", "--fix", path]);
        var again = Cli.Run(_temp.Path, ["lint", path]);

        Assert.Equal(0, fixedOutcome.ExitCode);
        Assert.Contains($"fixed {path}", fixedOutcome.Out, StringComparison.Ordinal);
        Assert.NotEqual(before, File.ReadAllBytes(path));
        Assert.Equal(0, again.ExitCode);
        Assert.Equal(string.Empty, again.Error);
    }

    private static string CodeOf(string caseName) => caseName.Split('-')[0];

    private string CopyCase(string caseName)
    {
        var input = Directory.GetFiles(Path.Combine(CasesRoot, caseName), "*.md").Single();
        var folder = _temp.Combine("release-notes");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, Path.GetFileName(input));
        File.Copy(input, path);
        // A rule about the folder (an entry already published) needs the published files beside the input.
        var published = Path.Combine(CasesRoot, caseName, "published");
        foreach (var file in Directory.Exists(published) ? Directory.GetFiles(published, "*.md") : [])
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        return path;
    }

    private static void AssertPrintsExpectedDiagnostics(string caseName, string path, string error)
    {
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.TrimEnd('\r')).ToList();
        foreach (var expected in File.ReadAllLines(Path.Combine(CasesRoot, caseName, "expected.txt")).Where(line => line.Length > 0))
        {
            var parts = expected.Split(' ');
            var severity = WarningCodes.Contains(parts[1]) ? "warning" : "error";
            var prefix = $"{path}:{parts[0]}: {severity} {parts[1]}: ";
            Assert.True(lines.Any(line => line.StartsWith(prefix, StringComparison.Ordinal)), $"expected a line starting with '{prefix}' in:\n{error}");
        }

        foreach (var hint in File.ReadAllLines(Path.Combine(CasesRoot, caseName, "hint.txt")).Where(line => line.Length > 0))
        {
            Assert.Contains(hint, error, StringComparison.Ordinal);
        }
    }
}
