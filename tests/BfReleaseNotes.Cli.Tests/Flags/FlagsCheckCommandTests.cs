using System.Text;
using BfReleaseNotes.Cli.Tests.Check;
using BfReleaseNotes.Tests.Flags;
using static BfReleaseNotes.Tests.Flags.GitLabStub;

namespace BfReleaseNotes.Cli.Tests.Flags;

/// <summary><c>flags check</c> and the merge-request check's flag rule, end to end through the real entry point.</summary>
public sealed class FlagsCheckCommandTests : IDisposable
{
    private const string Secret = "glpat-NEVER-PRINT-ME-42";

    private const string Unreleased = """
        # Unreleased

        ## Public

        ### Fixed

        - Search no longer ignores accented letters.

        ## Internal

        ### Added

        #### Flag: `dark-mode`

        - Dark mode.

        #### Flag: `new-editr`

        - Drafts are saved.

        """;

    private readonly TempFolder _temp = new();

    private static string CasesRoot => Path.Combine(AppContext.BaseDirectory, "Cases", "Diagnostics");

    public static TheoryData<string> FlagCases() =>
        [.. Directory.EnumerateDirectories(CasesRoot).Where(folder => File.Exists(Path.Combine(folder, "registry.json"))).Select(folder => Path.GetFileName(folder)!).Order(StringComparer.Ordinal)];

    public void Dispose() => _temp.Dispose();

    private static CliOutcome Run(string directory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = new CliContext { Out = output, Error = error, CurrentDirectory = directory, Environment = environment };
        var exit = CliApp.Run(args, context);
        return new CliOutcome(exit, output.ToString(), error.ToString());
    }

    private string WriteNotes(string text = Unreleased)
    {
        var path = _temp.Combine("release-notes", "unreleased.md");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private static Dictionary<string, string> GitLabVariables(GitLabStub stub, string tokenVariable = "GITLAB_TOKEN") => new()
    {
        ["CI_API_V4_URL"] = stub.ApiUrl,
        ["CI_PROJECT_ID"] = "42",
        [tokenVariable] = Secret,
    };

    [Theory]
    [MemberData(nameof(FlagCases))]
    public void Each_flags_case_prints_its_finding_with_file_line_column_and_hint_and_changes_no_file(string caseName)
    {
        var notes = WriteNotes(File.ReadAllText(Path.Combine(CasesRoot, caseName, "unreleased.md")));
        var registry = Path.Combine(CasesRoot, caseName, "registry.json");
        var before = File.ReadAllBytes(notes);
        var code = caseName.Split('-')[0];
        var isError = code == "BFRN300";

        var outcome = Run(_temp.Path, new Dictionary<string, string>(), "flags", "check", "--registry", registry);
        var strict = Run(_temp.Path, new Dictionary<string, string>(), "flags", "check", "--registry", registry, "--strict");

        Assert.Equal(isError ? 1 : 0, outcome.ExitCode);
        Assert.Contains($"release-notes/unreleased.md:13:1: {(isError ? "error" : "warning")} {code}: ", outcome.Error, StringComparison.Ordinal);
        Assert.Contains(File.ReadAllText(Path.Combine(CasesRoot, caseName, "hint.txt")).Trim(), outcome.Error, StringComparison.Ordinal);
        Assert.Equal(1, strict.ExitCode);
        Assert.Contains($"release-notes/unreleased.md:13:1: error {code}: ", strict.Error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(notes));
    }

    [Fact]
    public void A_flag_gitlab_has_on_for_everyone_in_production_is_reported_with_the_command_that_then_clears_it()
    {
        WriteNotes(Unreleased.Replace("new-editr", "new-editor", StringComparison.Ordinal));
        using var stub = new GitLabStub(request => request.Page == 1
            ? new StubResponse(200, Page(Flag("dark_mode_unused", true), Flag("dark-mode", true, Strategy("flexibleRollout", "\"rollout\":\"100\",\"stickiness\":\"default\",\"groupId\":\"default\"", ["production"]))), new Dictionary<string, string> { ["X-Next-Page"] = "2" })
            : new StubResponse(200, Page(Flag("new-editor", true, Strategy("gitlabUserList", "", ["*"], "beta-testers"))), new Dictionary<string, string> { ["X-Next-Page"] = "" }));
        var variables = GitLabVariables(stub);

        var outcome = Run(_temp.Path, variables, "flags", "check", "--registry", "gitlab");

        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("warning BFRN301: flag 'dark-mode' is on for everyone in production (strategy 'Percent rollout' at 100% in scope 'production')", outcome.Error, StringComparison.Ordinal);
        Assert.Contains("`bf-release-notes flags graduate dark-mode --to public`", outcome.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("BFRN302", outcome.Error, StringComparison.Ordinal);
        Assert.Contains("dark-mode: 1 entry; on for everyone", outcome.Out, StringComparison.Ordinal);

        var graduated = Run(_temp.Path, variables, "flags", "graduate", "dark-mode", "--to", "public");
        var again = Run(_temp.Path, variables, "flags", "check", "--registry", "gitlab", "--beta-audience", "beta-testers", "--strict");

        Assert.Equal(0, graduated.ExitCode);
        Assert.Equal(1, again.ExitCode);
        Assert.DoesNotContain("dark-mode", again.Error, StringComparison.Ordinal);
        Assert.Contains("error BFRN302: flag 'new-editor' is on for the beta audience", again.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, outcome.Out + outcome.Error + again.Out + again.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_server_answering_401_exits_2_naming_the_token_variable_and_never_printing_the_token()
    {
        WriteNotes();
        using var stub = new GitLabStub(_ => new StubResponse(401, "{\"message\":\"401 Unauthorized\"}"));

        var outcome = Run(_temp.Path, GitLabVariables(stub), "flags", "check", "--registry", "gitlab");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("error: GitLab refused the token in GITLAB_TOKEN", outcome.Error, StringComparison.Ordinal);
        Assert.Contains("set GITLAB_TOKEN to a valid token", outcome.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, outcome.Out + outcome.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, outcome.Out);
    }

    [Fact]
    public void A_job_token_refused_with_403_says_which_token_to_set_instead()
    {
        WriteNotes();
        using var stub = new GitLabStub(_ => new StubResponse(403, "{\"message\":\"403 Forbidden\"}"));

        var outcome = Run(_temp.Path, GitLabVariables(stub, "CI_JOB_TOKEN"), "flags", "check", "--registry", "gitlab");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("CI_JOB_TOKEN", outcome.Error, StringComparison.Ordinal);
        Assert.Contains("set GITLAB_TOKEN to a project access token with the read_api scope", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_override_the_project_and_api_address_of_the_ci_variables()
    {
        WriteNotes(Unreleased.Replace("new-editr", "dark-mode-v2", StringComparison.Ordinal));
        using var stub = new GitLabStub(_ => new StubResponse(200, Page(Flag("dark-mode", true), Flag("dark-mode-v2", false))));

        var outcome = Run(_temp.Path, new Dictionary<string, string> { ["GITLAB_TOKEN"] = Secret, ["CI_PROJECT_ID"] = "1", ["CI_API_V4_URL"] = "https://elsewhere.invalid/api/v4" },
            "flags", "check", "--registry", "gitlab", "--api-url", stub.ApiUrl, "--project", "team/app", "--format", "json");

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal("/api/v4/projects/team%2Fapp/feature_flags", Assert.Single(stub.Requests).Path);
        Assert.Contains("\"passed\": true", outcome.Out, StringComparison.Ordinal);
        Assert.Contains("\"state\": \"off\"", outcome.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void The_configuration_names_the_registry_relative_to_the_repository_root_and_the_environment()
    {
        WriteNotes();
        File.WriteAllText(_temp.Combine("release-notes", "config.json"), """{ "flags": { "registry": "ops/flags.json", "environment": "staging" } }""");
        Directory.CreateDirectory(_temp.Combine("ops"));
        File.WriteAllText(_temp.Combine("ops", "flags.json"), """{ "flags": [ { "key": "dark-mode", "environments": { "staging": { "state": "on" } } }, { "key": "new-editor" } ] }""");

        var outcome = Run(_temp.Path, new Dictionary<string, string>(), "flags", "check");

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("error BFRN300: flag 'new-editr' is not in the feature-flag registry (ops/flags.json); closest: 'new-editor'", outcome.Error, StringComparison.Ordinal);
        Assert.Contains("warning BFRN301: flag 'dark-mode' is on for everyone in staging", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_registry_the_command_cannot_run_and_says_how_to_name_one()
    {
        WriteNotes();

        var outcome = Run(_temp.Path, new Dictionary<string, string>(), "flags", "check");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("no feature-flag registry: pass --registry FILE or --registry gitlab", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_registry_file_exits_2_with_its_line_and_column()
    {
        WriteNotes();
        File.WriteAllText(_temp.Combine("flags.json"), "{\n  \"flags\": [ { \"key\": \"a\", \"state\": \"on\" } ]\n}");

        var outcome = Run(_temp.Path, new Dictionary<string, string>(), "flags", "check", "--registry", "flags.json");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("flags.json:2:", outcome.Error, StringComparison.Ordinal);
        Assert.Contains("'state'", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_merge_request_check_fails_on_an_unknown_flag_when_a_registry_is_configured_and_lists_the_rest_as_information()
    {
        using var repository = new GitTestRepository();
        repository.Write("release-notes/unreleased.md", Unreleased.Replace("new-editr", "new-editor", StringComparison.Ordinal))
            .Write("release-notes/config.json", """{ "flags": { "registry": "release-notes/flags.json" } }""")
            .Write("release-notes/flags.json", """{ "flags": [ { "key": "new-editor" }, { "key": "dark-mode", "environments": { "*": { "state": "on" } } } ] }""")
            .Write("src/app.cs", "class App {}\n")
            .Commit("Start");
        var baseSha = repository.Head;
        repository.Branch("feature")
            .Write("src/app.cs", "class App { int Drafts; }\n")
            .Write("release-notes/unreleased.md", Unreleased.Replace("new-editr", "new-editor", StringComparison.Ordinal) + "#### Flag: `new-edtor`\n\n- Drafts sync.\n")
            .Commit("Drafts");

        var failed = CheckRun.In(repository.Path, null, "--base", baseSha);

        Assert.Equal(1, failed.ExitCode);
        Assert.Contains("check failed (notes invalid)", failed.Out, StringComparison.Ordinal);
        Assert.Contains("`bf-release-notes flags check` shows them", failed.Out, StringComparison.Ordinal);
        Assert.Contains("release-notes/unreleased.md:20:1: error BFRN300: flag 'new-edtor' is not in the feature-flag registry (release-notes/flags.json); closest: 'new-editor'", failed.Error, StringComparison.Ordinal);
        Assert.Contains("warning BFRN301: flag 'dark-mode' is on for everyone", failed.Error, StringComparison.Ordinal);

        repository.Write("release-notes/unreleased.md", Unreleased.Replace("new-editr", "new-editor", StringComparison.Ordinal) + "- Drafts sync.\n").Commit("Fix the flag key");
        var fixedRun = CheckRun.In(repository.Path, null, "--base", baseSha);

        Assert.Contains("check passed (notes updated)", fixedRun.Out, StringComparison.Ordinal);
        Assert.Equal(0, fixedRun.ExitCode);
        Assert.Contains("warning BFRN301", fixedRun.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_merge_request_check_cannot_decide_when_the_gitlab_registry_cannot_be_read()
    {
        using var stub = new GitLabStub(_ => new StubResponse(401, "{}"));
        using var repository = new GitTestRepository();
        repository.Write("release-notes/unreleased.md", Unreleased)
            .Write("release-notes/config.json", """{ "flags": { "registry": "gitlab" } }""")
            .Commit("Start");
        var baseSha = repository.Head;
        repository.Write("release-notes/unreleased.md", Unreleased + "- Drafts sync.\n").Commit("More");

        var run = CheckRun.In(repository.Path, GitLabVariables(stub), "--base", baseSha);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("cannot decide: the feature-flag registry of release-notes/config.json cannot be read: GitLab refused the token in GITLAB_TOKEN", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, run.All, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_documents_the_options_and_exit_codes()
    {
        var outcome = Run(_temp.Path, new Dictionary<string, string>(), "flags", "check", "--help");

        Assert.Equal(0, outcome.ExitCode);
        foreach (var text in new[] { "--registry", "--environment", "--beta-audience", "--strict", "--api-url", "--project", "GITLAB_TOKEN", "Exit codes: 0" })
        {
            Assert.Contains(text, outcome.Out, StringComparison.Ordinal);
        }
    }
}
