using System.Diagnostics;

namespace BfReleaseNotes.Cli.Tests.Release;

/// <summary>
/// The GitLab component's script lines, run in bash against a scratch repository whose origin is a local bare
/// repository. The push URL the component builds from GitLab's variables and the token is rewritten to that bare
/// repository by git's own <c>url.&lt;base&gt;.insteadOf</c>, so the lines run exactly as written, token included.
/// </summary>
public sealed class ReleaseComponentTests : IDisposable
{
    private const string Token = "glpat-test-token-123";

    private const string Published = "# 1.0.0 - 2026-11-18\n\n## Public\n\n### Added\n\n- The first feature.\n";

    private const string Pending =
        "# Unreleased\n\n## Public\n\n### Added\n\n- Projects can be exported as PDF. [#123]\n\n### Fixed\n\n- Search no longer ignores accented letters.\n\n" +
        "## Beta\n\n### Changed\n\n- The beta dashboard loads twice as fast.\n\n" +
        "## Internal\n\n### Added\n\n#### Flag: `new-editor`\n\n- The new editor saves drafts.\n\n" +
        "[#123]: https://gitlab.example.com/team/app/-/merge_requests/123\n";

    private readonly TempFolder _temp = new();

    public ReleaseComponentTests()
    {
        Git(_temp.Path, "init", "--quiet", "--bare", "-b", "main", "origin.git");
        Git(_temp.Path, "init", "--quiet", "-b", "main", "seed");
        Directory.CreateDirectory(_temp.Combine("seed", "release-notes"));
        File.WriteAllText(_temp.Combine("seed", "release-notes", "1.0.0.md"), Published);
        File.WriteAllText(_temp.Combine("seed", "release-notes", "unreleased.md"), Pending);
        Git(Seed, "add", "-A");
        Git(Seed, "-c", "user.name=Dev", "-c", "user.email=dev@example.com", "commit", "--quiet", "-m", "Notes for the next release");
        Git(Seed, "push", "--quiet", Origin, "main");
        // The runner's checkout: a clone of the project, detached at the pipeline's commit.
        Git(_temp.Path, "clone", "--quiet", Origin, "runner");
        Git(Runner, "checkout", "--quiet", "--detach");
        Directory.CreateDirectory(_temp.Combine("home"));
        Directory.CreateDirectory(_temp.Combine("tools"));
        var wrapper = _temp.Combine("tools", "bf-release-notes");
        File.WriteAllText(wrapper, $"#!/bin/sh\nexec dotnet \"{typeof(CliApp).Assembly.Location}\" \"$@\"\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(wrapper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private string Origin => _temp.Combine("origin.git");

    private string Seed => _temp.Combine("seed");

    private string Runner => _temp.Combine("runner");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_scheduled_run_leaves_the_origin_with_the_release_commit_the_tag_and_the_description_show_prints()
    {
        var component = new ReleaseComponent();

        var run = ReleaseComponent.Run(component.Lines("release-notes-promote", "script"), Runner, Environment(withToken: true));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("Release 1.1.0", Git(Origin, "log", "-1", "--format=%s", "main"));
        Assert.Equal(Git(Origin, "rev-parse", "main"), Git(Origin, "rev-parse", "v1.1.0^{commit}"));
        Assert.Equal("tag", Git(Origin, "cat-file", "-t", "v1.1.0"));
        Assert.Equal(Git(Origin, "rev-parse", "main~1"), Git(Seed, "rev-parse", "main"));
        Assert.Contains("bump minor (Added is minor), decided by release-notes/unreleased.md:7 (Public > Added)", run.Error, StringComparison.Ordinal);

        // The release job's description is the file the promote job wrote: show <version> --no-title of the origin.
        var description = Path.Combine(Runner, component.Scalar("release-notes-release", "release", "description"));
        Git(_temp.Path, "clone", "--quiet", Origin, "after");
        var show = Cli.Run(_temp.Combine("after"), ["show", "1.1.0", "--no-title"]);
        Assert.Equal(0, show.ExitCode);
        Assert.Equal(show.Out, File.ReadAllText(description));
        Assert.StartsWith("## Public\n", show.Out, StringComparison.Ordinal);
        Assert.Contains("[#123]: https://gitlab.example.com/team/app/-/merge_requests/123", show.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("new editor", show.Out, StringComparison.Ordinal);

        Assert.Equal("RELEASE_PROMOTED=true\nRELEASE_VERSION=1.1.0\nRELEASE_TAG=v1.1.0\nRELEASE_NAME=1.1.0\n", File.ReadAllText(Path.Combine(Runner, "release.env")));
        Assert.Equal("$RELEASE_NAME", component.Scalar("release-notes-release", "release", "name"));
        Assert.Equal("$RELEASE_TAG", component.Scalar("release-notes-release", "release", "tag_name"));
        var release = ReleaseComponent.Run(component.Lines("release-notes-release", "script"), Runner, Environment(withToken: false, ("RELEASE_PROMOTED", "true"), ("RELEASE_TAG", "v1.1.0")));
        Assert.True(release.ExitCode == 0, release.ToString());
        Assert.DoesNotContain(Token, run.Out + run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_inputs_choose_the_bump_and_the_tag_prefix()
    {
        var component = new ReleaseComponent(new Dictionary<string, string> { ["bump"] = "patch", ["tag-prefix"] = "release-" });

        var run = ReleaseComponent.Run(component.Lines("release-notes-promote", "script"), Runner, Environment(withToken: true));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("Release 1.0.1", Git(Origin, "log", "-1", "--format=%s", "main"));
        Assert.Equal(Git(Origin, "rev-parse", "main"), Git(Origin, "rev-parse", "release-1.0.1^{commit}"));
        Assert.Contains("RELEASE_TAG=release-1.0.1", File.ReadAllText(Path.Combine(Runner, "release.env")), StringComparison.Ordinal);
    }

    [Fact]
    public void With_nothing_to_promote_the_origin_is_untouched_and_the_release_job_ends_with_its_allowed_exit_code()
    {
        var component = new ReleaseComponent();
        Assert.Equal(0, ReleaseComponent.Run(component.Lines("release-notes-promote", "script"), Runner, Environment(withToken: true)).ExitCode);
        var tip = Git(Origin, "rev-parse", "main");
        var tags = Git(Origin, "tag", "--list");
        File.Delete(Path.Combine(Runner, "release.env"));

        var second = ReleaseComponent.Run(component.Lines("release-notes-promote", "script"), Runner, Environment(withToken: true));

        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains("Nothing to promote", second.Out, StringComparison.Ordinal);
        Assert.Equal(tip, Git(Origin, "rev-parse", "main"));
        Assert.Equal(tags, Git(Origin, "tag", "--list"));
        Assert.Equal("RELEASE_PROMOTED=false\n", File.ReadAllText(Path.Combine(Runner, "release.env")));
        var release = ReleaseComponent.Run(component.Lines("release-notes-release", "script"), Runner, Environment(withToken: false, ("RELEASE_PROMOTED", "false")));
        var allowed = ((YamlDotNet.RepresentationModel.YamlSequenceNode)((YamlDotNet.RepresentationModel.YamlMappingNode)component.Job("release-notes-release")["allow_failure"])["exit_codes"]).Children
            .Select(code => int.Parse(((YamlDotNet.RepresentationModel.YamlScalarNode)code).Value!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains(release.ExitCode, allowed);
    }

    [Fact]
    public void Without_the_token_variable_the_job_stops_before_promoting_and_names_the_variable()
    {
        var component = new ReleaseComponent();
        var before = File.ReadAllBytes(Path.Combine(Runner, "release-notes", "unreleased.md"));

        var run = ReleaseComponent.Run(component.Lines("release-notes-promote", "script"), Runner, Environment(withToken: false));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("RELEASE_TOKEN is not set", run.Error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(Path.Combine(Runner, "release-notes", "unreleased.md")));
        Assert.Equal(Git(Seed, "rev-parse", "main"), Git(Origin, "rev-parse", "main"));
    }

    [Fact]
    public void Both_jobs_run_only_in_the_weekly_schedule_and_the_promote_job_installs_the_tool()
    {
        var component = new ReleaseComponent();

        foreach (var job in (string[])["release-notes-promote", "release-notes-release"])
        {
            var rules = (YamlDotNet.RepresentationModel.YamlSequenceNode)component.Job(job)["rules"];
            var condition = ((YamlDotNet.RepresentationModel.YamlScalarNode)((YamlDotNet.RepresentationModel.YamlMappingNode)Assert.Single(rules.Children))["if"]).Value;
            Assert.Equal("$CI_PIPELINE_SOURCE == \"schedule\" && $RELEASE_NOTES_WEEKLY == \"true\"", condition);
        }

        // The same archive as the check component, from the generic package registry with the job token.
        Assert.Contains(component.Lines("release-notes-promote", "before_script"), line => line.StartsWith("curl --fail --silent --show-error --location --header \"JOB-TOKEN: $CI_JOB_TOKEN\" \"$BFRN_URL\" | tar -xz", StringComparison.Ordinal));
        Assert.Equal(
            "$CI_API_V4_URL/projects/tools%2Fbf-release-notes/packages/generic/bf-release-notes/1.4.0/bf-release-notes-linux-x64.tar.gz",
            new ReleaseComponent(new Dictionary<string, string> { ["version"] = "1.4.0", ["package-project"] = "tools%2Fbf-release-notes" }).Scalar("release-notes-promote", "variables", "BFRN_URL"));
        // An empty tag-prefix is "not set": config.json decides (promote.tagPrefix, else v; a project's tagPrefix, else NAME/v).
        Assert.Equal(("auto", "release-notes", "", "$CI_DEFAULT_BRANCH"), (component.Inputs["bump"], component.Inputs["folder"], component.Inputs["tag-prefix"], component.Inputs["branch"]));
        Assert.Equal((string.Empty, string.Empty), (component.Inputs["project"], component.Inputs["job-suffix"]));
    }

    [Fact]
    public void Without_the_tag_prefix_input_the_prefix_of_config_json_names_the_tag()
    {
        File.WriteAllText(_temp.Combine("seed", "release-notes", "config.json"), "{ \"promote\": { \"tagPrefix\": \"app-\" } }\n");
        Git(Seed, "add", "-A");
        Git(Seed, "-c", "user.name=Dev", "-c", "user.email=dev@example.com", "commit", "--quiet", "-m", "Tags named app-<version>");
        Git(Seed, "push", "--quiet", Origin, "main");

        var run = ReleaseComponent.Run(new ReleaseComponent().Lines("release-notes-promote", "script"), Runner, Environment(withToken: true));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("app-1.1.0", Git(Origin, "tag", "--list"));
        Assert.Equal(Git(Origin, "rev-parse", "main"), Git(Origin, "rev-parse", "app-1.1.0^{commit}"));
    }

    [Fact]
    public void With_a_project_the_jobs_carry_the_suffix_and_release_only_that_project_under_its_tag_prefix()
    {
        var (origin, runner) = Monorepo();
        var component = new ReleaseComponent(new Dictionary<string, string> { ["project"] = "billing", ["job-suffix"] = "-billing" });

        var run = ReleaseComponent.Run(component.Lines("release-notes-promote-billing", "script"), runner, Environment(withToken: true, origin));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("Release billing 1.0.1", Git(origin, "log", "-1", "--format=%s", "main"));
        Assert.Equal("billing/v1.0.1", Git(origin, "tag", "--list"));
        Assert.Equal(Git(origin, "rev-parse", "main"), Git(origin, "rev-parse", "billing/v1.0.1^{commit}"));
        Assert.Equal("services/billing/release-notes/1.0.1.md\nservices/billing/release-notes/unreleased.md", Git(origin, "diff", "--name-only", "main~1", "main"));
        Assert.Equal("RELEASE_PROMOTED=true\nRELEASE_VERSION=1.0.1\nRELEASE_TAG=billing/v1.0.1\nRELEASE_NAME=billing 1.0.1\n", File.ReadAllText(Path.Combine(runner, "release.env")));
        var show = Cli.Run(runner, ["show", "1.0.1", "--project", "billing", "--no-title"]);
        Assert.Equal(0, show.ExitCode);
        Assert.Contains("- Invoices round to the cent.", show.Out, StringComparison.Ordinal);
        Assert.Equal(show.Out, File.ReadAllText(Path.Combine(runner, component.Scalar("release-notes-release-billing", "release", "description"))));
        var needs = (YamlDotNet.RepresentationModel.YamlMappingNode)Assert.Single(((YamlDotNet.RepresentationModel.YamlSequenceNode)component.Job("release-notes-release-billing")["needs"]).Children);
        Assert.Equal("release-notes-promote-billing", ((YamlDotNet.RepresentationModel.YamlScalarNode)needs["job"]).Value);
        Assert.DoesNotContain(Token, run.Out + run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void With_a_project_that_has_nothing_pending_the_origin_is_untouched()
    {
        var (origin, runner) = Monorepo();
        var tip = Git(origin, "rev-parse", "main");
        var component = new ReleaseComponent(new Dictionary<string, string> { ["project"] = "manage", ["job-suffix"] = "-manage" });

        var run = ReleaseComponent.Run(component.Lines("release-notes-promote-manage", "script"), runner, Environment(withToken: true, origin));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Nothing to promote: Public and Beta of project manage are empty", run.Out, StringComparison.Ordinal);
        Assert.Equal(tip, Git(origin, "rev-parse", "main"));
        Assert.Equal(string.Empty, Git(origin, "tag", "--list"));
        Assert.Equal("RELEASE_PROMOTED=false\n", File.ReadAllText(Path.Combine(runner, "release.env")));
    }

    [Fact]
    public void The_tag_prefix_input_overrides_the_project_s_prefix()
    {
        var (origin, runner) = Monorepo();
        var component = new ReleaseComponent(new Dictionary<string, string> { ["project"] = "billing", ["job-suffix"] = "-billing", ["tag-prefix"] = "billing-" });

        var run = ReleaseComponent.Run(component.Lines("release-notes-promote-billing", "script"), runner, Environment(withToken: true, origin));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("billing-1.0.1", Git(origin, "tag", "--list"));
        Assert.Contains("RELEASE_TAG=billing-1.0.1\n", File.ReadAllText(Path.Combine(runner, "release.env")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "release-notes", "but job-suffix is empty; give each include its own job-suffix (e.g. job-suffix: -billing)")]
    [InlineData("-billing", "services/billing/release-notes", "the inputs project ('billing') and folder ('services/billing/release-notes') both name the notes")]
    public void A_project_without_a_job_suffix_or_with_a_folder_is_refused_before_anything_changes(string suffix, string folder, string message)
    {
        var (origin, runner) = Monorepo();
        var tip = Git(origin, "rev-parse", "main");
        var component = new ReleaseComponent(new Dictionary<string, string> { ["project"] = "billing", ["job-suffix"] = suffix, ["folder"] = folder });

        var run = ReleaseComponent.Run(component.Lines("release-notes-promote" + suffix, "script"), runner, Environment(withToken: true, origin));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.Equal(tip, Git(origin, "rev-parse", "main"));
        Assert.Equal(string.Empty, Git(runner, "status", "--porcelain"));
    }

    /// <summary>
    /// A monorepo on a bare origin: billing with a pending Public fix (a patch release with bump auto), manage with only
    /// an Internal entry; and the runner's detached clone of it.
    /// </summary>
    private (string Origin, string Runner) Monorepo()
    {
        var origin = _temp.Combine("mono-origin.git");
        var seed = _temp.Combine("mono-seed");
        Git(_temp.Path, "init", "--quiet", "--bare", "-b", "main", "mono-origin.git");
        Git(_temp.Path, "init", "--quiet", "-b", "main", "mono-seed");
        Directory.CreateDirectory(Path.Combine(seed, "release-notes"));
        File.WriteAllText(Path.Combine(seed, "release-notes", "config.json"),
            "{ \"projects\": [\n  { \"name\": \"manage\", \"folder\": \"apps/manage/release-notes\", \"paths\": [\"apps/manage/**\"] },\n" +
            "  { \"name\": \"billing\", \"folder\": \"services/billing/release-notes\", \"paths\": [\"services/billing/**\"] } ] }\n");
        Directory.CreateDirectory(Path.Combine(seed, "services", "billing", "release-notes"));
        Directory.CreateDirectory(Path.Combine(seed, "apps", "manage", "release-notes"));
        File.WriteAllText(Path.Combine(seed, "services", "billing", "release-notes", "1.0.0.md"), "# 1.0.0 - 2026-11-11\n\n## Public\n\n### Added\n\n- Invoices.\n");
        File.WriteAllText(Path.Combine(seed, "apps", "manage", "release-notes", "2.3.0.md"), "# 2.3.0 - 2026-11-11\n\n## Public\n\n### Added\n\n- Boards.\n");
        foreach (var args in (string[][])[
            ["init", "--project", "billing"],
            ["init", "--project", "manage"],
            ["add", "--project", "billing", "--section", "public", "--type", "fixed", "Invoices round to the cent."],
            ["add", "--project", "manage", "--section", "internal", "--flag", "new-board", "--type", "added", "The new board view."]])
        {
            var outcome = Cli.Run(seed, args);
            Assert.True(outcome.ExitCode == 0, $"{string.Join(' ', args)}: {outcome.Error}");
        }

        Git(seed, "add", "-A");
        Git(seed, "-c", "user.name=Dev", "-c", "user.email=dev@example.com", "commit", "--quiet", "-m", "Two projects");
        Git(seed, "push", "--quiet", origin, "main");
        Git(_temp.Path, "clone", "--quiet", origin, "mono-runner");
        var runner = _temp.Combine("mono-runner");
        Git(runner, "checkout", "--quiet", "--detach");
        return (origin, runner);
    }

    /// <summary>GitLab's variables for a scheduled pipeline, a HOME of its own, and the push URL pointed at the bare origin.</summary>
    private Dictionary<string, string> Environment(bool withToken, params (string Name, string Value)[] extra) => Environment(withToken, Origin, extra);

    private Dictionary<string, string> Environment(bool withToken, string origin, params (string Name, string Value)[] extra)
    {
        var environment = new Dictionary<string, string>
        {
            ["HOME"] = _temp.Combine("home"),
            ["XDG_CONFIG_HOME"] = _temp.Combine("home", ".config"),
            ["GIT_CONFIG_NOSYSTEM"] = "1",
            ["GIT_TERMINAL_PROMPT"] = "0",
            ["PATH"] = _temp.Combine("tools") + ":" + System.Environment.GetEnvironmentVariable("PATH"),
            ["CI_PIPELINE_SOURCE"] = "schedule",
            ["RELEASE_NOTES_WEEKLY"] = "true",
            ["CI_DEFAULT_BRANCH"] = "main",
            ["CI_SERVER_PROTOCOL"] = "https",
            ["CI_SERVER_HOST"] = "gitlab.example.com",
            ["CI_SERVER_PORT"] = "443",
            ["CI_PROJECT_PATH"] = "team/app",
            ["GITLAB_USER_NAME"] = "Schedule Owner",
            ["GITLAB_USER_EMAIL"] = "owner@example.com",
            ["GIT_CONFIG_COUNT"] = "1",
            ["GIT_CONFIG_KEY_0"] = $"url.{origin}.insteadOf",
            ["GIT_CONFIG_VALUE_0"] = $"https://oauth2:{Token}@gitlab.example.com:443/team/app.git",
        };
        if (withToken)
        {
            environment["RELEASE_TOKEN"] = Token;
        }

        foreach (var (name, value) in extra)
        {
            environment[name] = value;
        }

        return environment;
    }

    private static string Git(string directory, params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"git {string.Join(' ', args)}: {error}");
        return output.Result.Trim();
    }
}
