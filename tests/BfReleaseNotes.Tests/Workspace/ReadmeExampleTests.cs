using System.Diagnostics;
using System.Text.RegularExpressions;
using BfReleaseNotes.Markdown;

namespace BfReleaseNotes.Tests.Workspace;

/// <summary>
/// The README's library example is what a first consumer copies: this test takes exactly that code block, builds
/// it as a new console app referencing the library (outside this repository, so nothing of our build leaks in),
/// and runs it on a real repository folder.
/// </summary>
public sealed partial class ReadmeExampleTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose()
    {
        foreach (var file in Directory.EnumerateFiles(_temp.Path, "*", SearchOption.AllDirectories))
        {
            File.SetAttributes(file, FileAttributes.Normal);
        }

        _temp.Dispose();
    }

    [Fact]
    public void The_readme_library_example_compiles_and_runs_as_a_new_consumer_app()
    {
        var root = RepositoryRoot();
        var readme = File.ReadAllText(Path.Combine(root, "README.md"));
        var example = LibraryExample().Match(readme);
        Assert.True(example.Success, "README.md has no '## Library' section with a ```csharp block");

        var app = _temp.Combine("ConsumerApp");
        Directory.CreateDirectory(app);
        File.WriteAllText(Path.Combine(app, "Program.cs"), example.Groups["code"].Value);
        File.WriteAllText(Path.Combine(app, "ConsumerApp.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <NoWarn>NU1603</NoWarn>
              </PropertyGroup>
              <ItemGroup>
                <ProjectReference Include="{Path.Combine(root, "src", "BfReleaseNotes", "BfReleaseNotes.csproj")}" />
              </ItemGroup>
            </Project>
            """);

        var repository = _temp.Combine("product");
        LibGit2Sharp.Repository.Init(repository);
        Directory.CreateDirectory(Path.Combine(repository, "release-notes"));
        Directory.CreateDirectory(Path.Combine(repository, "src"));
        File.WriteAllText(Path.Combine(repository, "release-notes", "unreleased.md"), ReleaseNotesWriter.EmptyUnreleased());

        var (exitCode, output) = Dotnet(app, "run", "--project", app, "-v", "q", "--", Path.Combine(repository, "src"));

        Assert.True(exitCode == 0, output);
        Assert.Contains("added", output, StringComparison.Ordinal);
        Assert.Contains("- Exports no longer time out. [#123]", output, StringComparison.Ordinal);
        Assert.Contains("[#123]: https://gitlab.example.com/app/-/merge_requests/123", output, StringComparison.Ordinal);
        Assert.Single(Directory.EnumerateFiles(Path.Combine(repository, "release-notes"), "0.1.0.md"));
    }

    private static (int ExitCode, string Output) Dotnet(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        // A generous limit that only catches a hang (a cold restore and build take about a minute here).
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(8)), "dotnet run did not finish");
        return (process.ExitCode, output.Result + error.Result);
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "BfReleaseNotes.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("the repository root (BfReleaseNotes.sln) was not found above the test binaries");
    }

    [GeneratedRegex(@"\n## Library\n.*?```csharp\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex LibraryExample();
}
