using System.Collections.Immutable;
using BfReleaseNotes.Flags;
using BfReleaseNotes.GitLab;
using BfReleaseNotes.Markdown;
using BfReleaseNotes.Model;

namespace BfReleaseNotes.Tests.Flags;

/// <summary>The findings of <c>flags check</c>: which flag, which code, which severity, and the command to run.</summary>
public sealed class FlagRolloutCheckerTests
{
    private const string Notes = """
        # Unreleased

        ## Internal

        ### Added

        #### Flag: `new-editr`

        - Drafts are saved.

        #### Flag: `dark-mode`

        - Dark mode.
        - Dark mode in the editor.

        #### Flag: `beta-search`

        - Search by tag.

        ### Changed

        #### Flag: `old-export`

        - Export keeps the layout.

        #### Flag: `dark-mode`

        - Dark mode follows the system.

        #### Flag: `slow-rollout`

        - Faster sync.

        #### Flag: `empty-group`

        """;

    private static readonly FlagRegistry Registry = new("flags.json", "production",
    [
        new RegisteredFlag("new-editor", FlagState.Percentage, 20, "r"),
        new RegisteredFlag("dark-mode", FlagState.On, null, "strategy 'All users' in scope '*'"),
        new RegisteredFlag("beta-search", FlagState.Beta, null, "r"),
        new RegisteredFlag("old-export", FlagState.Removed, null, "r"),
        new RegisteredFlag("slow-rollout", FlagState.Percentage, 10, "r"),
        new RegisteredFlag("empty-group", FlagState.On, null, "r"),
    ]);

    private static ReleaseNotesDocument Document(string text = Notes) => ValidNotes.Unreleased(text, "release-notes/unreleased.md");

    [Fact]
    public void Each_flag_gets_its_finding_at_its_first_heading()
    {
        var result = FlagRolloutChecker.Check(Document(), Registry, "release-notes/unreleased.md");

        Assert.Equal(
            [
                ("new-editr", 1, (string?)DiagnosticCodes.UnknownFlag, 7),
                ("dark-mode", 3, DiagnosticCodes.FlagOnForEveryone, 11),
                ("beta-search", 1, DiagnosticCodes.FlagOnForBeta, 16),
                ("old-export", 1, DiagnosticCodes.FlagRemoved, 22),
                ("slow-rollout", 1, null, 30),
                ("empty-group", 0, null, 34),
            ],
            result.Flags.Select(flag => (flag.Key, flag.Entries, flag.Finding?.Code, flag.Position.Line)));
        Assert.Equal(
            [DiagnosticSeverity.Error, DiagnosticSeverity.Warning, DiagnosticSeverity.Warning, DiagnosticSeverity.Warning],
            result.Findings.Select(finding => finding.Severity));
        Assert.True(result.HasErrors);
    }

    [Fact]
    public void An_unknown_flag_names_the_closest_registry_flags()
    {
        var finding = FlagRolloutChecker.Check(Document(), Registry, "u.md").Flags[0].Finding!;

        Assert.Contains("flag 'new-editr' is not in the feature-flag registry (flags.json); closest: 'new-editor'", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_flag_on_for_everyone_gives_the_exact_graduate_command()
    {
        var finding = FlagRolloutChecker.Check(Document(), Registry, "u.md").Flags[1].Finding!;

        Assert.Contains("on for everyone in production (strategy 'All users' in scope '*')", finding.Message, StringComparison.Ordinal);
        Assert.EndsWith("`bf-release-notes flags graduate dark-mode --to public`", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_flag_on_for_the_beta_audience_is_graduated_to_beta_and_another_folder_is_named()
    {
        var finding = FlagRolloutChecker.Check(Document(), Registry, "u.md", folder: "docs/notes").Flags[2].Finding!;

        Assert.EndsWith("`bf-release-notes flags graduate beta-search --to beta --dir docs/notes`", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Strict_makes_every_warning_an_error()
    {
        var result = FlagRolloutChecker.Check(Document(), Registry, "u.md", strict: true);

        Assert.All(result.Findings, finding => Assert.Equal(DiagnosticSeverity.Error, finding.Severity));
        Assert.Equal(4, result.Findings.Length);
    }

    [Fact]
    public void Without_an_unknown_flag_there_is_no_error()
    {
        var known = Registry with { Flags = Registry.Flags.Add(new RegisteredFlag("new-editr", FlagState.Off, null, "r")) };

        var result = FlagRolloutChecker.Check(Document(), known, "u.md");

        Assert.False(result.HasErrors);
        Assert.Equal(3, result.Findings.Length);
    }

    [Fact]
    public void An_empty_registry_says_so()
    {
        var result = FlagRolloutChecker.Check(Document(), Registry with { Flags = [] }, "u.md");

        Assert.Contains("which lists no flags", result.Flags[0].Finding!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Control_characters_from_the_registry_never_reach_a_message()
    {
        var hostile = Registry with { Flags = [new RegisteredFlag("new-editor\u001b[2J\u202e", FlagState.On, null, "r\u0007")], Source = "x\u001b]0;pwned\u0007" };

        var result = FlagRolloutChecker.Check(Document(), hostile, "u.md");

        Assert.All(result.Findings, finding => Assert.DoesNotContain(finding.Message, character => char.IsControl(character) || character == '\u202e'));
        Assert.DoesNotContain(FlagCheckReport.ToJson(result), character => character == '\u001b');
    }

    [Fact]
    public void The_merge_request_call_does_nothing_without_a_registry_or_without_notes()
    {
        Func<string, byte[]?> noFile = _ => throw new InvalidOperationException("must not read");

        Assert.Empty(FlagRolloutChecker.ForMergeRequest(Document(), null, null, noFile, "u.md", null));
        Assert.Empty(FlagRolloutChecker.ForMergeRequest(Document(), FlagsConfiguration.Default, null, noFile, "u.md", null));
        Assert.Empty(FlagRolloutChecker.ForMergeRequest(null, FlagsConfiguration.Default with { Registry = "flags.json" }, null, noFile, "u.md", null));
    }

    [Fact]
    public void The_merge_request_call_reads_the_registry_file_it_is_given()
    {
        var settings = FlagsConfiguration.Default with { Registry = "release-notes/flags.json" };
        var read = new List<string>();

        var findings = FlagRolloutChecker.ForMergeRequest(Document(), settings, null, path =>
        {
            read.Add(path);
            return """{ "flags": [ { "key": "dark-mode", "environments": { "*": { "state": "on" } } } ] }"""u8.ToArray();
        }, "u.md", "release-notes");

        Assert.Equal(["release-notes/flags.json"], read);
        Assert.Equal(5, findings.Count(finding => finding.Code == DiagnosticCodes.UnknownFlag));
        // Not strict: a flag on for everyone is a warning for the merge request, not an error.
        Assert.Equal(DiagnosticSeverity.Warning, Assert.Single(findings, finding => finding.Code == DiagnosticCodes.FlagOnForEveryone).Severity);
    }

    [Fact]
    public void Printable_text_is_required()
    {
        Assert.Equal("text", Assert.Throws<ArgumentNullException>(() => FlagRolloutChecker.Printable(null!)).ParamName);
    }

    [Fact]
    public void The_merge_request_call_asks_gitlab_through_the_reader_it_is_given()
    {
        using var stub = new GitLabStub(_ => new StubResponse(200, GitLabStub.Page(GitLabStub.Flag("dark-mode", true, GitLabStub.Strategy("default", string.Empty, ["*"]))), new Dictionary<string, string> { ["X-Next-Page"] = string.Empty }));
        var reader = new FlagRegistryReader
        {
            GitLab = GitLabCiEnvironment.FromVariables(new Dictionary<string, string>
            {
                [GitLabCiEnvironment.ApiUrlVariable] = stub.ApiUrl,
                [GitLabCiEnvironment.ProjectIdVariable] = "42",
                [GitLabCiEnvironment.TokenVariable] = "glpat-0123456789",
            }),
        };
        var settings = FlagsConfiguration.Default with { Registry = "gitlab" };

        var findings = FlagRolloutChecker.ForMergeRequest(Document(), settings, reader, _ => throw new InvalidOperationException("must not read a file"), "u.md", "release-notes");

        Assert.Equal("/api/v4/projects/42/feature_flags", Assert.Single(stub.Requests).Path);
        Assert.Single(findings, finding => finding.Code == DiagnosticCodes.FlagOnForEveryone);
    }

    [Fact]
    public void The_json_report_lists_every_flag_with_its_state_and_finding()
    {
        var json = FlagCheckReport.ToJson(FlagRolloutChecker.Check(Document(), Registry, "u.md"));

        Assert.Contains("\"state\": \"percentage\"", json, StringComparison.Ordinal);
        Assert.Contains("\"percentage\": 10", json, StringComparison.Ordinal);
        Assert.Contains("\"code\": \"BFRN300\"", json, StringComparison.Ordinal);
        Assert.Contains("\"passed\": false", json, StringComparison.Ordinal);
        Assert.Contains("\"errors\": 1", json, StringComparison.Ordinal);
        Assert.Contains("\"warnings\": 3", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Equal_results_compare_equal_by_content()
    {
        ImmutableArray<RegisteredFlag> copy = [.. Registry.Flags];

        Assert.Equal(Registry, Registry with { Flags = copy });
        Assert.Equal(FlagRolloutChecker.Check(Document(), Registry, "u.md"), FlagRolloutChecker.Check(Document(), Registry with { Flags = copy }, "u.md"));
    }
}
