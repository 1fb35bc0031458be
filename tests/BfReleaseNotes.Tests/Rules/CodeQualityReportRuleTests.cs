using System.Text;
using BfReleaseNotes.Checks;
using BfReleaseNotes.Model;

namespace BfReleaseNotes.Tests.Rules;

/// <summary>
/// The exact Code Quality JSON the check writes for GitLab (<c>artifacts:reports:codequality</c>), which drops a
/// report it cannot parse without a word: field names, severity per finding, location path and line, the description
/// with hints and the project's prefix, and the fingerprint. Expected fingerprints are literal SHA-256 values computed
/// outside the product (<c>printf '%s' "check\npath\nidentity\noccurrence" | sha256sum</c>), so a change of the key
/// (which would make GitLab show every finding as new and fixed) fails here.
/// </summary>
public sealed class CodeQualityReportRuleTests
{
    private const string File = "release-notes/unreleased.md";

    [Fact]
    public void Diagnostics_and_findings_are_reported_with_their_severity_place_and_a_fingerprint_per_occurrence()
    {
        var result = new CheckResult(CheckOutcome.NotesInvalid, "check failed (notes invalid)")
        {
            Diagnostics =
            [
                new Diagnostic(DiagnosticCodes.UnknownHeading, DiagnosticSeverity.Error, File, new SourcePosition(3, 1), "unknown section '### Fixd'"),
                new Diagnostic(DiagnosticCodes.HeadingCase, DiagnosticSeverity.Warning, File, new SourcePosition(8, 1), "heading 'fixed' should be 'Fixed'"),
            ],
            Findings =
            [
                // Its diagnostics above are the findings, each at its own line: not reported again.
                new CheckFinding(CheckOutcome.NotesInvalid, "the notes are invalid", File, 3),
                new CheckFinding(CheckOutcome.PendingEntriesRemoved, "a pending entry was removed", File, 4),
                new CheckFinding(CheckOutcome.PublishedHistoryChanged, "published history changed", "release-notes/1.0.0.md", 1),
                new CheckFinding(CheckOutcome.ConfigurationChanged, "the configuration changed", "release-notes/config.json", 2) { Hints = ["hint one", "hint two"] },
                new CheckFinding(CheckOutcome.NotesNotUpdated, "the flag step objects", File, 0) { CheckName = "release-notes-flags" },
            ],
            // Two equal entries in one file: two findings that GitLab must tell apart.
            RemovedEntries = [new CheckedEntry(File, 4, "Public > Fixed", "- gone"), new CheckedEntry(File, 9, "Public > Fixed", "- gone")],
            ChangedPublishedFiles = [new PublishedFileChange("release-notes/1.0.0.md", PublishedChangeKind.Deleted)],
        };

        var expected = """
            [
              {
                "description": "unknown section '### Fixd'",
                "check_name": "BFRN102",
                "fingerprint": "0b011f744220c66665819cdf97af15429c6579fd25ae0ed654a2af8469a4f77c",
                "severity": "major",
                "location": {
                  "path": "release-notes/unreleased.md",
                  "lines": {
                    "begin": 3
                  }
                }
              },
              {
                "description": "heading 'fixed' should be 'Fixed'",
                "check_name": "BFRN107",
                "fingerprint": "0a513f06ac82859597456cee8ed23937cf814c12a4024f67aa7e9b26d0b8c774",
                "severity": "minor",
                "location": {
                  "path": "release-notes/unreleased.md",
                  "lines": {
                    "begin": 8
                  }
                }
              },
              {
                "description": "pending entry removed (Public > Fixed): - gone",
                "check_name": "release-notes-pending-entry-removed",
                "fingerprint": "9007b07c89b0a02ee3a6abdc3c84a2356069af4c1e91d9baeee7fc774cf5a3ef",
                "severity": "major",
                "location": {
                  "path": "release-notes/unreleased.md",
                  "lines": {
                    "begin": 4
                  }
                }
              },
              {
                "description": "pending entry removed (Public > Fixed): - gone",
                "check_name": "release-notes-pending-entry-removed",
                "fingerprint": "35a0f9e509d40c46073b0ef47495338fc042629a4f0d64f3f6960a414e376e25",
                "severity": "major",
                "location": {
                  "path": "release-notes/unreleased.md",
                  "lines": {
                    "begin": 9
                  }
                }
              },
              {
                "description": "published release file release-notes/1.0.0.md is deleted; published releases must not change",
                "check_name": "release-notes-published-history-changed",
                "fingerprint": "5097ae0a4e1fa5bf244e87af84c8bf063c43e6393f4f99cba39ec749d255dc11",
                "severity": "major",
                "location": {
                  "path": "release-notes/1.0.0.md",
                  "lines": {
                    "begin": 1
                  }
                }
              },
              {
                "description": "the configuration changed hint one hint two",
                "check_name": "release-notes-configuration-changed",
                "fingerprint": "f81581deb072176226488f85946a77cfc5067a34b43d5575224cc7bad213622e",
                "severity": "major",
                "location": {
                  "path": "release-notes/config.json",
                  "lines": {
                    "begin": 2
                  }
                }
              },
              {
                "description": "the flag step objects",
                "check_name": "release-notes-flags",
                "fingerprint": "01da75be31e3cd27cab7bb5a5b081fc1c2c1ae229bad4ae81f7657e66fa25eaf",
                "severity": "major",
                "location": {
                  "path": "release-notes/unreleased.md",
                  "lines": {
                    "begin": 1
                  }
                }
              }
            ]
            """;
        Assert.Equal(expected, Text(CodeQualityReport.Create(result)));
    }

    [Fact]
    public void Invalid_notes_with_only_warnings_are_reported_as_the_finding_itself_beside_the_warnings()
    {
        var result = new CheckResult(CheckOutcome.NotesInvalid, "check failed (notes invalid)")
        {
            Diagnostics = [new Diagnostic(DiagnosticCodes.HeadingCase, DiagnosticSeverity.Warning, File, new SourcePosition(8, 1), "heading 'fixed' should be 'Fixed'")],
            Findings = [new CheckFinding(CheckOutcome.NotesInvalid, "the notes are invalid", File, 8)],
        };

        var expected = """
            [
              {
                "description": "heading 'fixed' should be 'Fixed'",
                "check_name": "BFRN107",
                "fingerprint": "0a513f06ac82859597456cee8ed23937cf814c12a4024f67aa7e9b26d0b8c774",
                "severity": "minor",
                "location": {
                  "path": "release-notes/unreleased.md",
                  "lines": {
                    "begin": 8
                  }
                }
              },
              {
                "description": "the notes are invalid",
                "check_name": "release-notes-invalid",
                "fingerprint": "701bc3dc64791883031e3ada9f3a198b0844d5cc222e56115494adc67dad4100",
                "severity": "major",
                "location": {
                  "path": "release-notes/unreleased.md",
                  "lines": {
                    "begin": 8
                  }
                }
              }
            ]
            """;
        Assert.Equal(expected, Text(CodeQualityReport.Create(result)));
    }

    [Theory]
    [InlineData("", "unreleased.md", "aaddc580e9675bc2252d97f98d9bac37344b96a301166819581de5b2104342f4")]
    [InlineData("docs/notes", "docs/notes/unreleased.md", "66a02424b137712c8f6eb8c78ac8c17039b626bbb9787ee1fff36b084522d3ab")]
    public void Cannot_decide_without_a_reason_is_one_blocker_on_the_unreleased_file_of_the_folder(string folder, string path, string fingerprint)
    {
        var result = new CheckResult(CheckOutcome.CannotDecide, "cannot decide: no commits") { Folder = folder };

        Assert.Equal(Blocker(path, 1, fingerprint), Text(CodeQualityReport.Create(result)));
    }

    [Fact]
    public void Cannot_decide_because_of_a_file_is_one_blocker_at_that_file_and_line()
    {
        var result = CheckResult.CannotDecide("cannot decide: no commits", "release-notes", "release-notes/config.json", 7);

        Assert.Equal(Blocker("release-notes/config.json", 7, "830bf880b3b37bdb87eb5349d42f97b97a067a5fad3ef7871d369604455d94c8"), Text(CodeQualityReport.Create(result)));
    }

    [Fact]
    public void A_monorepo_reports_each_project_under_its_name_fingerprinted_apart_from_the_same_rule_elsewhere()
    {
        var invalid = new Diagnostic(DiagnosticCodes.UnknownHeading, DiagnosticSeverity.Error, "api/release-notes/unreleased.md", new SourcePosition(3, 1), "unknown section '### Fixd'");
        var api = new CheckResult(CheckOutcome.NotesInvalid, "api: notes invalid")
        {
            Diagnostics = [invalid],
            Findings =
            [
                new CheckFinding(CheckOutcome.NotesInvalid, "api notes are invalid", "api/release-notes/unreleased.md", 3) { Project = "api" },
                new CheckFinding(CheckOutcome.NotesNotUpdated, "api changed without notes", "api/release-notes/unreleased.md", 1) { Project = "api" },
            ],
        };
        var web = new CheckResult(CheckOutcome.NotesNotUpdated, "web: notes not updated")
        {
            Findings = [new CheckFinding(CheckOutcome.NotesNotUpdated, "web changed without notes", "release-notes/config.json", 1) { Project = "web" }],
        };
        var result = new CheckResult(CheckOutcome.NotesInvalid, "check failed (notes invalid)")
        {
            // The combined diagnostics and the projects' own findings are reported once, under their project.
            Diagnostics = [invalid],
            Findings =
            [
                api.Findings[1],
                new CheckFinding(CheckOutcome.NotesNotUpdated, "tools/x.sh belongs to no project", "release-notes/config.json", 1),
            ],
            Projects =
            [
                new ProjectCheckResult("api", "api/release-notes", true, api),
                new ProjectCheckResult("web", "web/release-notes", true, web),
            ],
        };

        var expected = """
            [
              {
                "description": "tools/x.sh belongs to no project",
                "check_name": "release-notes-not-updated",
                "fingerprint": "15834e751a5ec09364896dbe56a6c5ece64e275d0c5145b0d1a1e0a58ef6b869",
                "severity": "major",
                "location": {
                  "path": "release-notes/config.json",
                  "lines": {
                    "begin": 1
                  }
                }
              },
              {
                "description": "[api] unknown section '### Fixd'",
                "check_name": "BFRN102",
                "fingerprint": "59903a16364f02e5f1001738b697889f567b33ebd6e474bb631d787cb865116b",
                "severity": "major",
                "location": {
                  "path": "api/release-notes/unreleased.md",
                  "lines": {
                    "begin": 3
                  }
                }
              },
              {
                "description": "[api] api changed without notes",
                "check_name": "release-notes-not-updated",
                "fingerprint": "6b34f25ed85a25993fff6f768ccfa955d0f22e74c51fa099802edf81fa4a911b",
                "severity": "major",
                "location": {
                  "path": "api/release-notes/unreleased.md",
                  "lines": {
                    "begin": 1
                  }
                }
              },
              {
                "description": "[web] web changed without notes",
                "check_name": "release-notes-not-updated",
                "fingerprint": "43b7ae2e16243f2bdf9a0562883a1a59c05aeb36fb0cee99e5e3b1dcaca4f980",
                "severity": "major",
                "location": {
                  "path": "release-notes/config.json",
                  "lines": {
                    "begin": 1
                  }
                }
              }
            ]
            """;
        Assert.Equal(expected, Text(CodeQualityReport.Create(result)));
    }

    [Fact]
    public void Hostile_text_is_valid_json_with_control_characters_as_visible_escapes_and_markup_kept_readable()
    {
        var hostile = "a ]]> b <x/> & \"q\" 'e' back\\slash \u001B[2J\u0000 tab\tline\nend";
        var result = new CheckResult(CheckOutcome.NotesNotUpdated, "check failed")
        {
            Findings = [new CheckFinding(CheckOutcome.NotesNotUpdated, hostile, File, 1)],
        };

        var text = Text(CodeQualityReport.Create(result));

        Assert.Contains("""
                "description": "a ]]> b <x/> & \"q\" 'e' back\\slash \\x1b[2J\\x00 tab\tline\nend",
            """, text, StringComparison.Ordinal);
        Assert.True(CodeQualityReport.IsReport(Encoding.UTF8.GetBytes(text)));
    }

    [Fact]
    public void A_pass_is_an_empty_array_and_the_report_has_no_byte_order_mark()
    {
        var bytes = CodeQualityReport.Create(new CheckResult(CheckOutcome.NotesUpdated, "check passed"));

        Assert.Equal("[]"u8.ToArray(), bytes);
    }

    [Fact]
    public void Null_arguments_are_refused()
    {
        Assert.Throws<ArgumentNullException>(() => CodeQualityReport.Create(null!));
        Assert.Throws<ArgumentNullException>(() => CodeQualityReport.IsReport(null!));
    }

    private static string Blocker(string path, int line, string fingerprint) => $$"""
        [
          {
            "description": "cannot decide: no commits",
            "check_name": "release-notes-cannot-decide",
            "fingerprint": "{{fingerprint}}",
            "severity": "blocker",
            "location": {
              "path": "{{path}}",
              "lines": {
                "begin": {{line}}
              }
            }
          }
        ]
        """;

    private static string Text(byte[] bytes) => new UTF8Encoding(false, true).GetString(bytes).ReplaceLineEndings("\n");
}
