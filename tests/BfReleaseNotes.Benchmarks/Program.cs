using System.Globalization;
using System.Text;
using BenchmarkDotNet.Running;
using BfReleaseNotes.Benchmarks;

// dotnet run -c Release --project tests/BfReleaseNotes.Benchmarks -- --filter '*'
// dotnet run -c Release --project tests/BfReleaseNotes.Benchmarks -- sample DIR N   (fixtures for compare-peers.sh)
if (args is ["sample", var directory, var countText])
{
    var count = int.Parse(countText, CultureInfo.InvariantCulture);
    WriteSamples(directory, count);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(EngineBenchmarks).Assembly).Run(args);

// The same N entries in each tool's own input format, so whole-process runs compare like with like.
static void WriteSamples(string directory, int count)
{
    Directory.CreateDirectory(Path.Combine(directory, "bf", "release-notes"));
    File.WriteAllText(Path.Combine(directory, "bf", "release-notes", "unreleased.md"), SampleNotes.Unreleased(count));

    var changelog = new StringBuilder("# Changelog\n\nAll notable changes to this project will be documented in this file.\n\n## [Unreleased]\n");
    foreach (var type in new[] { "Added", "Changed", "Fixed" })
    {
        changelog.Append("\n### ").Append(type).Append("\n\n");
        for (var i = 0; i < count / 3; i++)
        {
            changelog.Append("- ").Append(type).Append(" entry ").Append(i).Append(" for Zürich and 東京\n");
        }
    }

    changelog.Append("\n## [0.1.0] - 2026-01-01\n\n### Added\n\n- First release\n");
    Directory.CreateDirectory(Path.Combine(directory, "kacl"));
    File.WriteAllText(Path.Combine(directory, "kacl", "CHANGELOG.md"), changelog.ToString());

    var fragments = Path.Combine(directory, "towncrier", "changes");
    Directory.CreateDirectory(fragments);
    for (var i = 0; i < count; i++)
    {
        var type = (i % 3) switch { 0 => "feature", 1 => "bugfix", _ => "misc" };
        File.WriteAllText(Path.Combine(fragments, $"{i + 1}.{type}"), $"Entry {i} for Zürich and 東京\n");
    }

    File.WriteAllText(Path.Combine(directory, "towncrier", "towncrier.toml"), "[tool.towncrier]\ndirectory = \"changes\"\nfilename = \"CHANGES.md\"\nname = \"app\"\n");
}
