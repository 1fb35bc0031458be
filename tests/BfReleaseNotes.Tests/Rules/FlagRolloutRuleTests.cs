using BfReleaseNotes.Flags;
using BfReleaseNotes.Markdown;
using BfReleaseNotes.Model;

namespace BfReleaseNotes.Tests.Rules;

/// <summary>
/// What <c>flags check</c> tells a developer, word for word: the rollout findings with one entry and with several
/// (number agreement), the closest registry keys of an unknown flag (three at most, nearest first, ties in ordinal
/// order), an empty registry, and the guards. <see cref="FlagRolloutChecker.Check"/> on parsed notes and a hand-built registry.
/// </summary>
public sealed class FlagRolloutRuleTests
{
    private const string Notes = "# Unreleased\n\n## Internal\n\n### Added\n\n#### Flag: `new-editr`\n\n- Drafts are saved.\n\n" +
        "#### Flag: `dark-mode`\n\n- Dark mode.\n- Dark mode in the editor.\n- Dark mode follows the system.\n\n" +
        "#### Flag: `beta-search`\n\n- Search by tag.\n\n#### Flag: `old-export`\n\n- Export keeps the layout.\n\n#### Flag: `old-import`\n\n- Import keeps the layout.\n- Import is faster.\n";

    private static readonly FlagRegistry Registry = new("flags.json", "production",
    [
        new RegisteredFlag("zzz", FlagState.On, null, "r"),
        new RegisteredFlag("new-editr2", FlagState.Off, null, "r"),
        new RegisteredFlag("new-editor", FlagState.Off, null, "r"),
        new RegisteredFlag("new-edit", FlagState.Off, null, "r"),
        new RegisteredFlag("dark-mode", FlagState.On, null, "strategy 'All users' in scope '*'"),
        new RegisteredFlag("beta-search", FlagState.Beta, null, "user list 'beta'"),
        new RegisteredFlag("old-export", FlagState.Removed, null, "not in GitLab"),
        new RegisteredFlag("old-import", FlagState.Removed, null, "not in GitLab"),
    ]);

    private static ReleaseNotesDocument Document() => ValidNotes.Unreleased(Notes, "release-notes/unreleased.md");

    [Fact]
    public void Every_finding_says_what_the_flag_is_and_the_command_to_run_with_one_entry_or_several()
    {
        var result = FlagRolloutChecker.Check(Document(), Registry, "u.md");

        Assert.Equal(
            [
                "flag 'new-editr' is not in the feature-flag registry (flags.json); closest: 'new-edit', 'new-editor', 'new-editr2'. Correct the key in the notes (a typo?), or create the flag in the registry; if the flag was deleted from it, graduate or delete its entries",
                "flag 'dark-mode' is on for everyone in production (strategy 'All users' in scope '*'), but its 3 entries are still Internal; publish them: `bf-release-notes flags graduate dark-mode --to public`",
                "flag 'beta-search' is on for the beta audience in production (user list 'beta'), but its entry is still Internal; move it to Beta: `bf-release-notes flags graduate beta-search --to beta`",
                "flag 'old-export' is removed from the registry (not in GitLab), but its entry is still pending in Internal; if the feature shipped, publish it (`bf-release-notes flags graduate old-export --to public`); if it was dropped, delete it",
                "flag 'old-import' is removed from the registry (not in GitLab), but its 2 entries are still pending in Internal; if the feature shipped, publish them (`bf-release-notes flags graduate old-import --to public`); if it was dropped, delete them",
            ],
            result.Findings.Select(finding => finding.Message));
    }

    [Fact]
    public void An_empty_registry_says_it_lists_no_flags()
    {
        var result = FlagRolloutChecker.Check(Document(), Registry with { Flags = [] }, "u.md");

        Assert.Equal(
            "flag 'new-editr' is not in the feature-flag registry (flags.json), which lists no flags; create the flag there, or correct the key in the notes",
            result.Findings[0].Message);
    }

    [Theory]
    [InlineData(FlagState.Unspecified, null, "known, with no state for this environment")]
    [InlineData(FlagState.Off, null, "off")]
    [InlineData(FlagState.Internal, null, "on for chosen users only")]
    [InlineData(FlagState.Percentage, 25, "on for 25% of users")]
    [InlineData(FlagState.Beta, null, "on for the beta audience")]
    [InlineData(FlagState.On, null, "on for everyone")]
    [InlineData(FlagState.Removed, null, "removed")]
    public void A_registered_flags_state_is_described_in_words(FlagState state, int? percentage, string expected)
    {
        Assert.Equal(expected, new RegisteredFlag("k", state, percentage, "r").Describe());
    }

    [Fact]
    public void The_json_report_keeps_quotes_readable_and_names_each_findings_severity()
    {
        var registry = new FlagRegistry("flags.json", "production", [new RegisteredFlag("dark-mode", FlagState.On, null, "strategy 'All users'")]);
        var parsed = ReleaseNotesParser.Parse("# Unreleased\n\n## Internal\n\n### Added\n\n#### Flag: `dark-mode`\n\n- Dark mode.\n\n#### Flag: `ghost`\n\n- Boo.\n", DocumentKind.Unreleased, "u.md");

        var json = FlagCheckReport.ToJson(FlagRolloutChecker.Check(parsed.Document!, registry, "u.md"));

        Assert.Equal(
            """
            {
              "registry": "flags.json",
              "environment": "production",
              "passed": false,
              "errors": 1,
              "warnings": 1,
              "flags": [
                {
                  "key": "dark-mode",
                  "entries": 1,
                  "line": 7,
                  "known": true,
                  "state": "on",
                  "percentage": null,
                  "reason": "strategy 'All users'",
                  "finding": {
                    "code": "BFRN301",
                    "severity": "warning",
                    "file": "u.md",
                    "line": 7,
                    "column": 1,
                    "message": "flag 'dark-mode' is on for everyone in production (strategy 'All users'), but its entry is still Internal; publish it: `bf-release-notes flags graduate dark-mode --to public`"
                  }
                },
                {
                  "key": "ghost",
                  "entries": 1,
                  "line": 11,
                  "known": false,
                  "state": null,
                  "percentage": null,
                  "reason": null,
                  "finding": {
                    "code": "BFRN300",
                    "severity": "error",
                    "file": "u.md",
                    "line": 11,
                    "column": 1,
                    "message": "flag 'ghost' is not in the feature-flag registry (flags.json); closest: 'dark-mode'. Correct the key in the notes (a typo?), or create the flag in the registry; if the flag was deleted from it, graduate or delete its entries"
                  }
                }
              ]
            }
            """,
            json);
        Assert.Equal("result", Assert.Throws<ArgumentNullException>(() => FlagCheckReport.ToJson(null!)).ParamName);
    }

    [Fact]
    public void Missing_arguments_are_refused_by_name()
    {
        var document = Document();

        Assert.Equal("document", Assert.Throws<ArgumentNullException>(() => FlagRolloutChecker.Check(null!, Registry, "u.md")).ParamName);
        Assert.Equal("registry", Assert.Throws<ArgumentNullException>(() => FlagRolloutChecker.Check(document, null!, "u.md")).ParamName);
        Assert.Equal("file", Assert.Throws<ArgumentNullException>(() => FlagRolloutChecker.Check(document, Registry, null!)).ParamName);
    }
}
