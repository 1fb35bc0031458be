using BfReleaseNotes.Flags;
using BfReleaseNotes.Markdown;
using BfReleaseNotes.Model;
using BfReleaseNotes.Workspace;

namespace BfReleaseNotes.Tests.Diagnostics;

/// <summary>
/// One folder per diagnostic under Cases/Diagnostics: the input file, the diagnostics it must produce
/// (<c>expected.txt</c>, one <c>line:col CODE</c> per line) and the hint the message must give (<c>hint.txt</c>).
/// A case with a <c>registry.json</c> is a <c>flags check</c> case: its findings are checked against that registry.
/// </summary>
public class DiagnosticCaseTests
{
    public static TheoryData<string> Cases() => [.. CaseFiles.DiagnosticCaseNames()];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_case_file_produces_exactly_the_diagnostics_listed_in_its_expected_file(string caseName)
    {
        var diagnostics = Diagnose(caseName);

        var actual = diagnostics.Select(diagnostic => $"{diagnostic.Position.Line}:{diagnostic.Position.Column} {diagnostic.Code}").ToList();
        Assert.Equal(CaseFiles.ExpectedDiagnostics(caseName), actual);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_case_is_named_after_a_code_it_produces_and_its_messages_give_the_hint(string caseName)
    {
        var code = caseName.Split('-')[0];

        var diagnostics = Diagnose(caseName);

        var ofCode = diagnostics.Where(diagnostic => diagnostic.Code == code).ToList();
        Assert.NotEmpty(ofCode);
        Assert.All(ofCode, diagnostic => Assert.True(diagnostic.Position.Line >= 1 && diagnostic.Position.Column >= 1, $"{diagnostic} has no position"));
        foreach (var hint in CaseFiles.ExpectedHints(caseName))
        {
            Assert.Contains(ofCode, diagnostic => diagnostic.Message.Contains(hint, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Every_diagnostic_code_has_a_case_folder()
    {
        var covered = CaseFiles.DiagnosticCaseNames().Select(name => name.Split('-')[0]).ToHashSet(StringComparer.Ordinal);

        var missing = DiagnosticCodes.All.Keys.Where(code => !covered.Contains(code)).ToList();

        Assert.True(missing.Count == 0, $"codes without a case folder under Cases/Diagnostics: {string.Join(", ", missing)}");
        Assert.Equal(39, DiagnosticCodes.All.Count);
    }

    [Fact]
    public void Every_case_folder_names_a_known_code()
    {
        var unknown = CaseFiles.DiagnosticCaseNames().Where(name => !DiagnosticCodes.All.ContainsKey(name.Split('-')[0])).ToList();

        Assert.Empty(unknown);
    }

    /// <summary>The parser's diagnostics, and for a flags case (with <c>registry.json</c>) the findings against that registry.</summary>
    private static List<Diagnostic> Diagnose(string caseName)
    {
        var input = CaseFiles.DiagnosticInput(caseName);
        var parsed = ReleaseNotesParser.Parse(File.ReadAllBytes(input), ReleaseNotesFolder.KindOf(input), input);
        var diagnostics = CaseFiles.Diagnose(caseName).ToList();
        var registryPath = Path.Combine(CaseFiles.DiagnosticsRoot, caseName, "registry.json");
        if (File.Exists(registryPath))
        {
            Assert.True(parsed.IsValid, $"a flags case must lint clean: {string.Join("; ", parsed.Diagnostics)}");
            var registry = new FlagRegistryReader().Read(registryPath, FlagsConfiguration.DefaultEnvironment, null, File.ReadAllBytes);
            diagnostics.AddRange(FlagRolloutChecker.Check(parsed.Document!, registry, input).Findings);
        }

        return diagnostics;
    }
}
