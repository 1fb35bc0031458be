using BfReleaseNotes.Checks;
using BfReleaseNotes.Model;
using Semver;

namespace BfReleaseNotes.Tests.Checks;

/// <summary>The hand-built evidence both the policy tests and the policy rule tests decide on.</summary>
internal static class PolicyEvidence
{
    public const string Unreleased = "release-notes/unreleased.md";
    public static readonly CheckedEntry Earlier = Pending("- Search no longer ignores accented letters.", 9);
    public static readonly CheckedEntry Other = Pending("- Exports no longer time out.", 10);

    public static CheckEvidence Code() => new() { ChangedPaths = ["src/App.cs"] };

    public static CheckEvidence ReleasePromotion(ReleaseCandidate release) => new()
    {
        ChangedPaths = [Unreleased, release.File],
        NotesFiles = [release.File],
        UnreleasedChanged = true,
        BaseEntries = [Earlier, Other],
        HeadEntries = [],
        AddedPublishedFiles = [release],
    };

    public static ReleaseCandidate Release(string version, params CheckedEntry[] entries) =>
        new($"release-notes/{version}.md", SemVersion.Parse(version))
        {
            LintsClean = true,
            LatestAtBase = SemVersion.Parse("1.0.0"),
            Entries = [.. entries.Select((entry, index) => entry with { File = $"release-notes/{version}.md", Line = 5 + index, Place = "Public > Fixed" })],
        };

    public static CheckedEntry Pending(string content, int line) => new(Unreleased, line, "Public > Fixed", content);

    public static Diagnostic Error(int line) =>
        new(DiagnosticCodes.UnknownHeading, DiagnosticSeverity.Error, Unreleased, new SourcePosition(line, 1), "unknown section '### Fixd'");
}
