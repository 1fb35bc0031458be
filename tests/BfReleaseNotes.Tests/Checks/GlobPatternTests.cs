using BfReleaseNotes.Checks;

namespace BfReleaseNotes.Tests.Checks;

public class GlobPatternTests
{
    [Theory]
    [InlineData("docs/**", "docs/a.md", true)]
    [InlineData("docs/**", "docs/img/deep/a.png", true)]
    [InlineData("docs/**", "docs", true)]
    [InlineData("docs/**", "src/docs/a.md", false)]
    [InlineData("docs/", "docs/a.md", true)]
    [InlineData("/docs/*.md", "docs/a.md", true)]
    [InlineData("docs/*.md", "docs/sub/a.md", false)]
    [InlineData("docs/**/*.md", "docs/a.md", true)]
    [InlineData("docs/**/*.md", "docs/x/y/a.md", true)]
    [InlineData("docs/**/*.md", "docs/x/y/a.mdx", false)]
    [InlineData("**/test/**", "src/test/a.cs", true)]
    [InlineData("**/test/**", "test/a.cs", true)]
    [InlineData("**/test/**", "src/testing/a.cs", false)]
    [InlineData("*.md", "README.md", true)]
    [InlineData("*.md", "src/deep/CHANGES.md", true)]
    [InlineData("*.md", "src/a.cs", false)]
    [InlineData("file?.txt", "file1.txt", true)]
    [InlineData("file?.txt", "file10.txt", false)]
    [InlineData("src/*", "src/a/b.cs", false)]
    [InlineData("src/a*b*c.cs", "src/axxbyyc.cs", true)]
    [InlineData("src/a*b*c.cs", "src/axxbyy.cs", false)]
    [InlineData(".gitlab-ci.yml", ".gitlab-ci.yml", true)]
    [InlineData(".gitlab-ci.yml", "sub/.gitlab-ci.yml", true)]
    [InlineData("/.gitlab-ci.yml", "sub/.gitlab-ci.yml", false)]
    [InlineData("Docs/**", "docs/a.md", false)]
    public void A_pattern_matches_exactly_the_paths_it_describes(string pattern, string path, bool expected)
    {
        var glob = GlobPattern.Parse(pattern);

        Assert.Equal(expected, glob.IsMatch(path));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("docs\\a.md", "'/'")]
    [InlineData("../outside/**", "'..'")]
    [InlineData("docs//a", "empty")]
    public void A_bad_pattern_is_refused_with_the_reason(string pattern, string reason)
    {
        var parsed = GlobPattern.TryParse(pattern, out var glob, out var error);

        Assert.False(parsed);
        Assert.Null(glob);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Many_double_stars_do_not_explode()
    {
        var glob = GlobPattern.Parse(string.Join('/', Enumerable.Repeat("**", 40)) + "/x");
        var path = string.Join('/', Enumerable.Repeat("a", 200));

        Assert.False(glob.IsMatch(path));
        Assert.True(glob.IsMatch(path + "/x"));
    }
}
