using System.Text;
using BfReleaseNotes.Markdown;

namespace BfReleaseNotes.Cli.Tests.Safety;

/// <summary>
/// <c>add</c> refuses text a file must never hold (NUL, escape sequences, a lone carriage return), changing no
/// byte; and no message advises <c>init</c> over a file that exists.
/// </summary>
public sealed class AddRefusalTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private string UnreleasedPath => _temp.Combine("release-notes", "unreleased.md");

    [Theory]
    [InlineData("Exports\0 no longer time out.", "NUL (U+0000) at line 1, column 8")]
    [InlineData("Exports no longer\ntime \u001b[2Jout.", "ESC (U+001B, the start of terminal escape sequences) at line 2, column 6")]
    [InlineData("Exports\rno longer time out.", "CR (U+000D) not followed by a line feed at line 1, column 8")]
    [InlineData("Bell\u0007", "U+0007 at line 1, column 5")]
    [InlineData("C1 \u0085 next line", "U+0085 at line 1, column 4")]
    public void Add_refuses_control_characters_names_them_and_changes_nothing(string text, string where)
    {
        var before = WriteTemplate();

        var asArgument = Cli.Run(_temp.Path, ["add", "--section", "public", "--type", "fixed", text]);
        var fromStdin = Cli.Run(_temp.Path, ["add", "--section", "public", "--type", "fixed"], standardInput: text);

        foreach (var outcome in new[] { asArgument, fromStdin })
        {
            Assert.Equal(2, outcome.ExitCode);
            Assert.Contains($"the entry text holds the control character {where}", outcome.Error, StringComparison.Ordinal);
            Assert.Contains("No file was changed", outcome.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("init", outcome.Error, StringComparison.Ordinal);
        }

        Assert.Equal(before, File.ReadAllBytes(UnreleasedPath));
    }

    [Fact]
    public void Add_accepts_tabs_and_crlf_line_ends_from_standard_input()
    {
        WriteTemplate();

        var outcome = Cli.Run(_temp.Path, ["add", "--section", "public", "--type", "fixed"], standardInput: "Exports\tno longer\r\ntime out.\r\n");

        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("- Exports\tno longer\n  time out.\n", File.ReadAllText(UnreleasedPath), StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_with_a_nul_byte_is_reported_with_advice_that_keeps_its_entries()
    {
        Directory.CreateDirectory(_temp.Combine("release-notes"));
        File.WriteAllBytes(UnreleasedPath, Encoding.UTF8.GetBytes("# Unreleased\n\n## Public\n\n### Fixed\n\n- A pending\0 entry.\n"));

        foreach (var args in new[] { new[] { "lint" }, ["add", "--section", "public", "--type", "fixed", "New."], ["promote", "--dry-run"] })
        {
            var outcome = Cli.Run(_temp.Path, args);

            Assert.NotEqual(0, outcome.ExitCode);
            Assert.Contains("BFRN002", outcome.Error, StringComparison.Ordinal);
            Assert.Contains("restore the text file from git", outcome.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("init", outcome.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_dir_that_is_a_file_is_named_as_a_file_and_init_is_not_suggested()
    {
        File.WriteAllText(_temp.Combine("passwd"), "root:x:0:0\n");

        foreach (var args in new[] { new[] { "add", "--dir", "passwd", "--section", "public", "--type", "fixed", "New." }, ["promote", "--dir", "passwd", "--dry-run"], ["lint", "--dir", "passwd"] })
        {
            var outcome = Cli.Run(_temp.Path, args);

            Assert.Equal(2, outcome.ExitCode);
            Assert.Contains("is a file, not a folder", outcome.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("init", outcome.Error, StringComparison.Ordinal);
        }

        Assert.Equal("root:x:0:0\n", File.ReadAllText(_temp.Combine("passwd")));
    }

    private byte[] WriteTemplate()
    {
        Directory.CreateDirectory(_temp.Combine("release-notes"));
        var bytes = Encoding.UTF8.GetBytes(ReleaseNotesWriter.EmptyUnreleased());
        File.WriteAllBytes(UnreleasedPath, bytes);
        return bytes;
    }
}
