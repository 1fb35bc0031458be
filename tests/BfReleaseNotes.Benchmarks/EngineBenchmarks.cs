using BenchmarkDotNet.Attributes;
using BfReleaseNotes.Editing;
using BfReleaseNotes.Linting;
using BfReleaseNotes.Markdown;
using BfReleaseNotes.Model;
using BfReleaseNotes.Promotion;
using BfReleaseNotes.Workspace;
using Semver;

namespace BfReleaseNotes.Benchmarks;

/// <summary>The library's hot paths on files of realistic and large sizes.</summary>
[MemoryDiagnoser]
public class EngineBenchmarks
{
    private string _text = string.Empty;
    private ParsedFile _parsed = null!;

    [Params(500, 5000)]
    public int Entries { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _text = SampleNotes.Unreleased(Entries);
        _parsed = ReleaseNotesParser.Parse(_text, DocumentKind.Unreleased, "unreleased.md");
        if (!_parsed.IsValid)
        {
            throw new InvalidOperationException("the sample must be valid: " + string.Join('\n', _parsed.Diagnostics));
        }
    }

    [Benchmark(Description = "parse + lint")]
    public ParsedFile Parse() => ReleaseNotesParser.Parse(_text, DocumentKind.Unreleased, "unreleased.md");

    [Benchmark(Description = "write (round trip)")]
    public string Write() => ReleaseNotesWriter.Write(_parsed.Document!);

    [Benchmark(Description = "add one entry")]
    public EditResult Add() => EntryAdder.Add(_parsed.Document!, Visibility.Public, ChangeType.Fixed, null, "A benchmark fix", "unreleased.md");

    [Benchmark(Description = "lint --fix (nothing to fix)")]
    public FixResult Fix() => LintFixer.Fix(_parsed);

    [Benchmark(Description = "plan a promotion")]
    public PromotionOutcome Promote() =>
        Promoter.Plan(_parsed, [], new PromotionRequest(new SemVersion(1, 0, 0), VersionBump.Minor, new DateOnly(2026, 11, 25)), new ReleaseNotesFolder("/nonexistent"));
}
