using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace BfReleaseNotes.Cli.Tests.Check;

/// <summary>
/// The README's GitLab job and the CI/CD component <c>templates/check.yml</c>, run as written: their script lines
/// after the install step go to bash, in a clone made as GitLab Runner makes it (the merge request's ref fetched from
/// a bare origin, at the job's <c>GIT_DEPTH</c>), with GitLab's variables. The installed tool is stood in for by the
/// CLI built with these tests (<c>tools/package.sh</c> checks the real archive).
/// </summary>
public sealed partial class ReadmeJobTests : IDisposable
{
    private readonly GitLabRemote _remote = new();

    public void Dispose() => _remote.Dispose();

    [Theory]
    [InlineData(1, 0, "check passed (notes updated)")]
    [InlineData(2, 1, "check failed (notes not updated)")]
    public void The_README_job_reaches_a_decision_and_writes_its_reports(int mergeRequest, int exitCode, string decision)
    {
        var job = Job.FromReadme(File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md")));

        var (run, reports) = RunJob(job, mergeRequest);

        Assert.True(run.ExitCode == exitCode, $"exit {run.ExitCode}\n{run.Out}\n{run.Error}");
        Assert.StartsWith(decision, run.Out, StringComparison.Ordinal);
        AssertReports(reports, job, passed: exitCode == 0);
    }

    [Theory]
    [InlineData(1, 0, "check passed (notes updated)")]
    [InlineData(2, 1, "check failed (notes not updated)")]
    public void The_component_with_its_default_inputs_reaches_a_decision_and_writes_its_reports(int mergeRequest, int exitCode, string decision)
    {
        var job = Job.FromComponent(File.ReadAllText(Path.Combine(RepositoryRoot(), "templates", "check.yml")), new Dictionary<string, string>
        {
            ["version"] = "1.0.0",
            ["package-project"] = "tools%2Fbf-release-notes",
        });

        var (run, reports) = RunJob(job, mergeRequest);

        Assert.True(run.ExitCode == exitCode, $"exit {run.ExitCode}\n{run.Out}\n{run.Error}");
        Assert.StartsWith(decision, run.Out, StringComparison.Ordinal);
        Assert.Equal("0", job.Variables["GIT_DEPTH"]);
        AssertReports(reports, job, passed: exitCode == 0);
    }

    [Fact]
    public void The_README_suggests_only_fetch_commands_the_check_suggests_and_the_tests_verify()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));
        var section = readme[readme.IndexOf("#### GitLab CI job", StringComparison.Ordinal)..readme.IndexOf("#### Configuration", readme.IndexOf("#### GitLab CI job", StringComparison.Ordinal), StringComparison.Ordinal)];

        var commands = ShallowCloneTests.SuggestedCommands(section.Replace("`git fetch origin main`", string.Empty, StringComparison.Ordinal));

        Assert.Equal(["git fetch --unshallow", "git fetch --deepen=100"], commands);
        Assert.Contains("git fetch --unshallow", section, StringComparison.Ordinal);
        Assert.DoesNotContain("--depth=1000", section, StringComparison.Ordinal);
    }

    private (CheckRun Run, string Folder) RunJob(Job job, int mergeRequest)
    {
        var depth = int.Parse(job.Variables["GIT_DEPTH"], CultureInfo.InvariantCulture);
        var clone = _remote.RunnerClone($"build-{mergeRequest}", depth, withTargetBranch: false, mergeRequest);
        var tool = Path.Combine(_remote.Shell.Root, "tool");
        Directory.CreateDirectory(tool);
        File.WriteAllText(Path.Combine(tool, "bf-release-notes"), "#!/bin/sh\nexec dotnet \"$BFRN_CLI\" \"$@\"\n");
        _remote.Shell.Must(".", "chmod +x tool/bf-release-notes");

        var environment = new Dictionary<string, string>(_remote.Variables(depth, mergeRequest), StringComparer.Ordinal)
        {
            ["CI_PROJECT_DIR"] = Path.Combine(_remote.Shell.Root, clone),
            ["CI_BUILDS_DIR"] = _remote.Shell.Root,
            ["CI_API_V4_URL"] = "https://gitlab.example.com/api/v4",
        };
        foreach (var (name, value) in job.Variables)
        {
            environment[name] = value;
        }

        // What the install step would have unpacked: the tool, where the job's PATH line looks for it.
        environment["BFRN_HOME"] = tool;
        var (exitCode, output, error) = _remote.Shell.Run(clone, string.Join('\n', job.ScriptAfterInstall), environment);
        return (new CheckRun(exitCode, output, error), Path.Combine(_remote.Shell.Root, clone));
    }

    private static void AssertReports(string folder, Job job, bool passed)
    {
        var codeQuality = File.ReadAllText(Path.Combine(folder, job.Reports["codequality"]));
        var junit = XDocument.Load(Path.Combine(folder, job.Reports["junit"]));
        using var json = JsonDocument.Parse(codeQuality);
        Assert.Equal(passed, json.RootElement.GetArrayLength() == 0);
        Assert.Equal(passed ? "0" : "1", junit.Root!.Element("testsuite")!.Attribute("failures")!.Value);
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "BfReleaseNotes.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("the repository root (BfReleaseNotes.sln) is not above the test binaries");
    }

    /// <summary>A CI job as the YAML writes it: its variables, script lines and report files (a reader for these two files only).</summary>
    private sealed partial record Job(Dictionary<string, string> Variables, List<string> Script, Dictionary<string, string> Reports)
    {
        /// <summary>The script lines after the install step (the download and unpacking).</summary>
        public IEnumerable<string> ScriptAfterInstall => Script.SkipWhile(line => !line.Contains("curl ", StringComparison.Ordinal)).Skip(1);

        public static Job FromReadme(string readme)
        {
            var section = readme[readme.IndexOf("#### GitLab CI job", StringComparison.Ordinal)..];
            var yaml = YamlBlock().Matches(section).Select(match => match.Groups[1].Value).First(block => block.Contains("script:", StringComparison.Ordinal));
            return Parse(yaml);
        }

        public static Job FromComponent(string component, Dictionary<string, string> inputs)
        {
            var parts = component.Split("\n---\n");
            foreach (Match input in InputDefault().Matches(parts[0]))
            {
                inputs.TryAdd(input.Groups[1].Value, Unquote(input.Groups[2].Value));
            }

            var job = Interpolation().Replace(parts[1], match => inputs.TryGetValue(match.Groups[1].Value, out var value)
                ? value
                : throw new InvalidOperationException($"the component uses the input '{match.Groups[1].Value}' without a value"));
            return Parse(job);
        }

        private static Job Parse(string yaml)
        {
            var variables = new Dictionary<string, string>(StringComparer.Ordinal);
            var script = new List<string>();
            var reports = new Dictionary<string, string>(StringComparer.Ordinal);
            string? block = null;
            foreach (var raw in yaml.Split('\n'))
            {
                var line = raw.TrimEnd();
                if (Regex.Match(line, "^  ([a-z_]+):") is { Success: true } key)
                {
                    block = key.Groups[1].Value;
                    continue;
                }

                if (block == "variables" && Regex.Match(line, "^    ([A-Z_]+): (.*?)(?:\\s+#.*)?$") is { Success: true } variable)
                {
                    variables[variable.Groups[1].Value] = Unquote(variable.Groups[2].Value);
                }
                else if (block == "script" && line.StartsWith("    - ", StringComparison.Ordinal))
                {
                    script.Add(line["    - ".Length..]);
                }
                else if (block == "artifacts" && Regex.Match(line, "^      (codequality|junit): (.+)$") is { Success: true } report)
                {
                    reports[report.Groups[1].Value] = Unquote(report.Groups[2].Value);
                }
            }

            return new Job(variables, script, reports);
        }

        private static string Unquote(string value) => value.Length >= 2 && value[0] == '"' && value[^1] == '"' ? value[1..^1] : value;

        [GeneratedRegex("```yaml\\n(.*?)```", RegexOptions.Singleline)]
        private static partial Regex YamlBlock();

        [GeneratedRegex("^    ([a-z-]+):\\n(?:      [a-z]+:.*\\n)*?      default: (.*)$", RegexOptions.Multiline)]
        private static partial Regex InputDefault();

        [GeneratedRegex("\\$\\[\\[ inputs\\.([a-z-]+) \\]\\]")]
        private static partial Regex Interpolation();
    }
}
