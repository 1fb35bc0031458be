using System.Text;
using BfReleaseNotes.Merging;

namespace BfReleaseNotes.Tests.Rules;

/// <summary>
/// The merge driver's rules on bytes and paths, without git: which file gets the structural merge, what happens to a
/// byte-order mark and to bytes that are not UTF-8, and that the result is written over ours' file.
/// </summary>
public sealed class MergeDriverRuleTests
{
    private const string Base = "# Unreleased\n\n## Public\n\n### Added\n\n- Base entry.\n";

    private const string Ours = "# Unreleased\n\n## Public\n\n### Added\n\n- Base entry.\n- Ours added.\n";

    private const string Theirs = "# Unreleased\n\n## Public\n\n### Added\n\n- Base entry.\n- Theirs added.\n";

    private const string Merged = "# Unreleased\n\n## Public\n\n### Added\n\n- Base entry.\n- Ours added.\n- Theirs added.\n";

    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    [Theory]
    [InlineData(null, true)]
    [InlineData("release-notes/unreleased.md", true)]
    [InlineData("services/billing/release-notes/UNRELEASED.MD", true)]
    [InlineData("unreleased.md", true)]
    [InlineData("release-notes/1.2.0.md", false)]
    [InlineData("CHANGELOG.md", false)]
    [InlineData("release-notes/unreleased.md.orig", false)]
    public void Only_the_working_file_gets_the_structural_merge(string? path, bool structural)
    {
        Assert.Equal(structural, MergeDriver.IsReleaseNotesFile(path));
    }

    [Fact]
    public void The_working_file_is_merged_entry_by_entry()
    {
        var (bytes, result) = MergeDriver.Merge(Utf8(Base), Utf8(Ours), Utf8(Theirs), "release-notes/unreleased.md");

        Assert.Equal((MergeMethod.Structural, 0), (result.Method, result.Conflicts));
        Assert.Equal(Merged, Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public void Ours_byte_order_mark_is_kept_and_the_others_are_not_read_as_text()
    {
        var (bytes, result) = MergeDriver.Merge([.. Bom, .. Utf8(Base)], [.. Bom, .. Utf8(Ours)], [.. Bom, .. Utf8(Theirs)], null);

        Assert.Equal(MergeMethod.Structural, result.Method);
        Assert.Equal([.. Bom, .. Utf8(Merged)], bytes);
    }

    [Fact]
    public void No_byte_order_mark_is_added_when_ours_has_none()
    {
        var (bytes, _) = MergeDriver.Merge([.. Bom, .. Utf8(Base)], Utf8(Ours), [.. Bom, .. Utf8(Theirs)], null);

        Assert.Equal(Utf8(Merged), bytes);
    }

    [Theory]
    [InlineData("release-notes/unreleased.md", "release-notes/unreleased.md")]
    [InlineData(null, "unreleased.md")]
    public void A_version_that_is_not_utf8_gets_the_line_merge_and_keeps_its_bytes(string? path, string named)
    {
        byte[] latin1Ours = [.. Encoding.Latin1.GetBytes(Ours.Replace("Ours added.", "Ours added Z\u00fcrich.", StringComparison.Ordinal))];

        var (bytes, result) = MergeDriver.Merge(Utf8(Base), latin1Ours, Utf8(Theirs), path);

        Assert.Equal((MergeMethod.LineMerge, 1), (result.Method, result.Conflicts));
        Assert.Equal(
            $"{named}: a version is not valid UTF-8 text; git's line merge was used instead of the structural merge",
            Assert.Single(result.Notes));
        Assert.Equal(
            Encoding.Latin1.GetBytes("# Unreleased\n\n## Public\n\n### Added\n\n- Base entry.\n<<<<<<< ours\n- Ours added Z\u00fcrich.\n=======\n- Theirs added.\n>>>>>>> theirs\n"),
            bytes);
    }

    [Fact]
    public void Any_other_file_gets_git_union_and_keeps_bytes_that_are_not_utf8()
    {
        var (bytes, result) = MergeDriver.Merge(Encoding.Latin1.GetBytes("a\nb\n"), Encoding.Latin1.GetBytes("a\nZ\u00fcrich\n"), Encoding.Latin1.GetBytes("a\nc\n"), "CHANGELOG.md");

        Assert.Equal((MergeMethod.Union, 0), (result.Method, result.Conflicts));
        Assert.Empty(result.Notes);
        Assert.Equal(Encoding.Latin1.GetBytes("a\nZ\u00fcrich\nc\n"), bytes);
    }

    [Fact]
    public void Run_writes_the_result_over_ours_file_and_leaves_the_others()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.Combine("base"), Base);
        File.WriteAllText(folder.Combine("ours"), Ours);
        File.WriteAllText(folder.Combine("theirs"), Theirs);

        var result = MergeDriver.Run(folder.Combine("base"), folder.Combine("ours"), folder.Combine("theirs"), "release-notes/unreleased.md");

        Assert.False(result.NeedsResolution);
        Assert.Equal(Merged, File.ReadAllText(folder.Combine("ours")));
        Assert.Equal((Base, Theirs), (File.ReadAllText(folder.Combine("base")), File.ReadAllText(folder.Combine("theirs"))));
    }

    [Theory]
    [InlineData(0, "basePath")]
    [InlineData(1, "oursPath")]
    [InlineData(2, "theirsPath")]
    public void Run_names_a_missing_path(int missing, string name)
    {
        var paths = new[] { "base", "ours", "theirs" };
        paths[missing] = null!;

        Assert.Equal(name, Assert.Throws<ArgumentNullException>(() => MergeDriver.Run(paths[0], paths[1], paths[2], null)).ParamName);
    }

    [Theory]
    [InlineData(0, "baseBytes")]
    [InlineData(1, "oursBytes")]
    [InlineData(2, "theirsBytes")]
    public void Merge_names_a_missing_content(int missing, string name)
    {
        var contents = new[] { Utf8(Base), Utf8(Ours), Utf8(Theirs) };
        contents[missing] = null!;

        Assert.Equal(name, Assert.Throws<ArgumentNullException>(() => MergeDriver.Merge(contents[0], contents[1], contents[2], null)).ParamName);
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
