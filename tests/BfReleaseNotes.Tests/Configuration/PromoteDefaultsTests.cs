using BfReleaseNotes.Configuration;
using BfReleaseNotes.Promotion;

namespace BfReleaseNotes.Tests.Configuration;

public class PromoteDefaultsTests
{
    private static readonly PromoteDefaults Off = PromoteDefaults.Default;
    private static readonly PromoteDefaults Tagging = new(VersionBump.Minor, "v", Commit: false, Tag: true);

    [Fact]
    public void Options_win_over_the_configuration_and_a_tag_brings_its_commit()
    {
        Assert.Equal((false, false), Off.Decide(commit: false, noCommit: false, tag: false, noTag: false));
        Assert.Equal((true, true), Off.Decide(commit: false, noCommit: false, tag: true, noTag: false));
        Assert.Equal((true, true), Tagging.Decide(commit: false, noCommit: false, tag: false, noTag: false));
        Assert.Equal((true, false), Tagging.Decide(commit: true, noCommit: false, tag: false, noTag: true));
        Assert.Equal((false, false), Tagging.Decide(commit: false, noCommit: true, tag: false, noTag: false));
    }

    [Theory]
    [InlineData(true, true, false, false)]
    [InlineData(false, false, true, true)]
    [InlineData(false, true, true, false)]
    public void Contradicting_options_are_refused(bool commit, bool noCommit, bool tag, bool noTag)
    {
        Assert.Null(Tagging.Decide(commit, noCommit, tag, noTag));
    }
}
