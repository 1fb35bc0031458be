namespace BfReleaseNotes.Tests.History;

/// <summary>Published files for the show and changelog tests: SemVer order differs from name order, Beta and links.</summary>
internal static class HistoryFolder
{
    public const string V0_9_0 = "# 0.9.0 - 2026-09-02\n\n## Public\n\n### Added\n\n- The first public preview.\n";

    public const string V1_9_0 =
        "# 1.9.0 - 2026-11-11\n\n## Public\n\n### Changed\n\n- Exports are faster. [#101]\n  They also use less memory:\n  - about half\n\n### Fixed\n\n- Search no longer ignores accented letters.\n\n" +
        "## Beta\n\n### Added\n\n- A dashboard for beta testers. [#102]\n\n[#101]: https://gitlab.example.com/team/app/-/merge_requests/101\n[#102]: https://gitlab.example.com/team/app/-/merge_requests/102\n";

    public const string V1_10_0 =
        "# 1.10.0 - 2026-11-18\n\n## Public\n\n### Added\n\n- Projects can be exported as PDF. [#123]\n- Raw <b>HTML</b> stays text.\n\n### Security\n\n- Sessions expire after 12 hours. [#101]\n\n" +
        "## Beta\n\n### Removed\n\n- **Breaking:** the old beta API is gone. [#124]\n\n" +
        "[#123]: https://gitlab.example.com/team/app/-/merge_requests/123\n[#124]: https://gitlab.example.com/team/app/-/merge_requests/124\n[#101]: https://gitlab.example.com/team/app/-/merge_requests/101\n";

    public static void WriteAll(Promotion.ScratchFolder scratch)
    {
        scratch.WriteFile("0.9.0.md", V0_9_0);
        scratch.WriteFile("1.9.0.md", V1_9_0);
        scratch.WriteFile("1.10.0.md", V1_10_0.Replace("\n", "\r\n", StringComparison.Ordinal));
        scratch.WriteUnreleased("# Unreleased\n\n## Public\n\n### Added\n\n- Not published yet.\n");
    }
}
