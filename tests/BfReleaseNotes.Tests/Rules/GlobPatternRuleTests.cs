using BfReleaseNotes.Checks;

namespace BfReleaseNotes.Tests.Rules;

/// <summary>
/// The edges of the ignore and project patterns: a <c>*</c> left over when the path segment is used up, folders
/// <c>.</c> refused, <c>**</c> that matches zero folders when a project pattern covers a folder, and a pattern used up
/// by the folder itself covering nothing below it.
/// </summary>
public sealed class GlobPatternRuleTests
{
    [Theory]
    [InlineData("CHANGELOG*", "CHANGELOG", true)]
    [InlineData("CHANGELOG**", "CHANGELOG", true)]
    [InlineData("*.md*", "README.md", true)]
    [InlineData("CHANGELOG*x", "CHANGELOG", false)]
    [InlineData("CHANGELOG?", "CHANGELOG", false)]
    public void A_star_left_when_the_segment_is_used_up_matches_nothing_more(string pattern, string path, bool expected)
    {
        Assert.Equal(expected, GlobPattern.Parse(pattern).IsMatch(path));
    }

    [Theory]
    [InlineData("docs/./a.md")]
    [InlineData("./docs/**")]
    [InlineData("docs/.")]
    public void A_dot_folder_is_refused_with_the_reason(string pattern)
    {
        var parsed = GlobPattern.TryParse(pattern, out var glob, out var error);

        Assert.False(parsed);
        Assert.Null(glob);
        Assert.Equal($"the ignore pattern '{pattern}' holds an empty, '.' or '..' folder; write it relative to the repository root, e.g. 'docs/**'", error);
    }

    [Fact]
    public void Parse_throws_the_reason_of_a_refused_pattern()
    {
        var exception = Assert.Throws<FormatException>(() => GlobPattern.Parse("docs\\a.md"));

        Assert.Equal("the ignore pattern 'docs\\a.md' holds '\\'; paths use '/' on every platform, e.g. 'docs/a.md'", exception.Message);
    }

    [Theory]
    [InlineData("apps/**/src/**", "apps/src", true)]
    [InlineData("apps/**/src/**", "apps/x/y/src/z", true)]
    [InlineData("apps/**/**/src/**", "apps/src", true)]
    [InlineData("apps/**/src/**", "apps/lib", false)]
    [InlineData("**/src/**", "src", true)]
    [InlineData("**/src/**", "", false)]
    [InlineData("**", "", true)]
    [InlineData("apps/manage", "apps/manage", false)]
    [InlineData("apps/manage", "apps", false)]
    [InlineData("apps/**/manage", "apps/x/manage", false)]
    public void A_pattern_covers_a_folder_only_when_everything_below_it_matches(string pattern, string folder, bool covers)
    {
        Assert.Equal(covers, GlobPattern.Parse(pattern).Covers(folder));
    }

    [Theory]
    [InlineData("apps/manage", "apps/manage/x.cs")]
    [InlineData("apps/**/manage", "apps/x/manage/x.cs")]
    public void A_pattern_that_does_not_cover_a_folder_does_not_match_a_file_in_it(string pattern, string file)
    {
        Assert.False(GlobPattern.Parse(pattern).IsMatch(file));
    }

    [Fact]
    public void Parsing_matching_and_covering_need_a_text()
    {
        var pattern = GlobPattern.Parse("docs/**");

        Assert.Equal("text", Assert.Throws<ArgumentNullException>(() => GlobPattern.Parse(null!)).ParamName);
        Assert.Equal("text", Assert.Throws<ArgumentNullException>(() => GlobPattern.TryParse(null!, out _, out _)).ParamName);
        Assert.Equal("path", Assert.Throws<ArgumentNullException>(() => pattern.IsMatch(null!)).ParamName);
        Assert.Equal("folder", Assert.Throws<ArgumentNullException>(() => pattern.Covers(null!)).ParamName);
    }

    [Fact]
    public void Patterns_are_equal_by_their_text_as_written()
    {
        Assert.Equal(GlobPattern.Parse("docs/**"), GlobPattern.Parse("docs/**"));
        Assert.Equal(GlobPattern.Parse("docs/**").GetHashCode(), GlobPattern.Parse("docs/**").GetHashCode());
        Assert.NotEqual(GlobPattern.Parse("docs/**"), GlobPattern.Parse("/docs/**"));
        Assert.NotEqual(GlobPattern.Parse("docs/**"), GlobPattern.Parse("Docs/**"));
        Assert.False(GlobPattern.Parse("docs/**").Equals(null));
        Assert.Equal("/docs/**", GlobPattern.Parse("/docs/**").ToString());
    }
}
