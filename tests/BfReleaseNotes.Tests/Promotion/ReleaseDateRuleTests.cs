using BfReleaseNotes.Promotion;
using BfReleaseNotes.Workspace;

namespace BfReleaseNotes.Tests.Promotion;

public sealed class ReleaseDateRuleTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void The_latest_release_by_version_sets_the_earliest_date()
    {
        File.WriteAllText(_temp.Combine("1.9.0.md"), "# 1.9.0 - 2026-11-20\n\n## Public\n\n### Added\n\n- A.\n");
        File.WriteAllText(_temp.Combine("1.10.0.md"), "# 1.10.0 - 2026-11-24\n\n## Public\n\n### Added\n\n- B.\n");
        var folder = new ReleaseNotesFolder(_temp.Path);

        Assert.Null(ReleaseDateRule.Check(folder, new DateOnly(2026, 11, 24), allowEarlierDate: false));
        Assert.Equal(
            $"the release date 2026-11-23 is earlier than 1.10.0's (2026-11-24, {_temp.Combine("1.10.0.md")}); pass the right --date, or --allow-earlier-date if this release really is older",
            ReleaseDateRule.Check(folder, new DateOnly(2026, 11, 23), allowEarlierDate: false));
        Assert.Null(ReleaseDateRule.Check(folder, new DateOnly(2020, 1, 1), allowEarlierDate: true));
    }

    [Fact]
    public void A_folder_without_releases_allows_any_date()
    {
        Assert.Null(ReleaseDateRule.Check(new ReleaseNotesFolder(_temp.Path), new DateOnly(2000, 1, 1), allowEarlierDate: false));
    }

    [Fact]
    public void A_missing_folder_is_refused_by_name_even_when_earlier_dates_are_allowed()
    {
        Assert.Equal("folder", Assert.Throws<ArgumentNullException>(() => ReleaseDateRule.Check(null!, new DateOnly(2026, 11, 23), allowEarlierDate: true)).ParamName);
    }
}
