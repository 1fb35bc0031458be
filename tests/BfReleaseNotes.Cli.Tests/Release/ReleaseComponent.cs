using System.Diagnostics;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace BfReleaseNotes.Cli.Tests.Release;

/// <summary>
/// templates/release.yml read as GitLab reads a component: the spec document's input defaults (or given values)
/// are interpolated into the job document, then a job's script lines become one shell script, run the way the
/// runner runs it (one bash session, <c>set -eo pipefail</c>).
/// </summary>
internal sealed partial class ReleaseComponent
{
    private readonly YamlMappingNode _jobs;

    public ReleaseComponent(IReadOnlyDictionary<string, string>? inputs = null)
    {
        var text = File.ReadAllText(TemplatePath);
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        var spec = (YamlMappingNode)((YamlMappingNode)stream.Documents[0].RootNode)["spec"];
        Inputs = ((YamlMappingNode)spec["inputs"]).Children.ToDictionary(
            input => ((YamlScalarNode)input.Key).Value!,
            input => inputs is not null && inputs.TryGetValue(((YamlScalarNode)input.Key).Value!, out var given) ? given : Default((YamlMappingNode)input.Value));
        var separator = text.IndexOf("\n---\n", StringComparison.Ordinal);
        var interpolated = InputReference().Replace(text[(separator + 5)..], match =>
            Inputs.TryGetValue(match.Groups["name"].Value, out var value) ? value : throw new InvalidOperationException($"unknown input {match.Value}"));
        var jobs = new YamlStream();
        jobs.Load(new StringReader(interpolated));
        _jobs = (YamlMappingNode)jobs.Documents[0].RootNode;
    }

    /// <summary>An input's default; a required input (no default) that the test does not give stays empty.</summary>
    private static string Default(YamlMappingNode input) =>
        input.Children.TryGetValue(new YamlScalarNode("default"), out var value) ? ((YamlScalarNode)value).Value ?? string.Empty : string.Empty;

    /// <summary>The component file, found from the test's output folder up to the repository root.</summary>
    public static string TemplatePath
    {
        get
        {
            var folder = new DirectoryInfo(AppContext.BaseDirectory);
            while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "BfReleaseNotes.sln")))
            {
                folder = folder.Parent;
            }

            return Path.Combine(folder?.FullName ?? throw new InvalidOperationException("repository root not found"), "templates", "release.yml");
        }
    }

    public IReadOnlyDictionary<string, string> Inputs { get; }

    public YamlMappingNode Job(string name) => (YamlMappingNode)_jobs[name];

    public IReadOnlyList<string> Lines(string job, string key) =>
        [.. ((YamlSequenceNode)Job(job)[key]).Children.Select(line => ((YamlScalarNode)line).Value!)];

    public string Scalar(string job, params string[] path)
    {
        YamlNode node = Job(job);
        foreach (var key in path)
        {
            node = ((YamlMappingNode)node)[key];
        }

        return ((YamlScalarNode)node).Value!;
    }

    /// <summary>Runs a job's script lines in one bash session in <paramref name="workingDirectory"/>.</summary>
    public static ShellRun Run(IEnumerable<string> lines, string workingDirectory, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("bash")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("-s");
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        // As the runner does: one shell session, stop at the first failing command.
        process.StandardInput.Write("set -eo pipefail\n" + string.Join("\n", lines) + "\n");
        process.StandardInput.Close();
        // Only a guard against a hang (a git prompt, say); never a timing assertion.
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("the job script did not finish in 5 minutes");
        }

        return new ShellRun(process.ExitCode, output.Result, error.Result);
    }

    [GeneratedRegex(@"\$\[\[\s*inputs\.(?<name>[A-Za-z0-9_-]+)\s*\]\]")]
    private static partial Regex InputReference();
}

/// <summary>What a job script printed and returned.</summary>
internal sealed record ShellRun(int ExitCode, string Out, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Error}";
}
