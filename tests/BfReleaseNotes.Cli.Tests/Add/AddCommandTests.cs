using System.Text;

namespace BfReleaseNotes.Cli.Tests.Add;

public sealed class AddCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public AddCommandTests()
    {
        UnreleasedPath = _temp.Combine("release-notes", "unreleased.md");
    }

    /// <summary>What <c>init</c> writes, spelled out here so the writer is not its own oracle.</summary>
    private const string Template =
        "# Unreleased\n\n## Public\n\n### Added\n\n### Changed\n\n### Fixed\n\n## Beta\n\n### Added\n\n### Changed\n\n### Fixed\n\n## Internal\n\n### Added\n\n### Changed\n\n### Fixed\n";

    private string UnreleasedPath { get; }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Add_with_text_argument_puts_the_entry_under_its_section_and_type()
    {
        WriteUnreleased(Template);

        var outcome = Cli.Run(_temp.Path, ["add", "--section", "public", "--type", "fixed", "Exports no longer time out."]);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("under Public > Fixed", outcome.Out, StringComparison.Ordinal);
        var expected = Template.Replace(
            "### Fixed\n\n## Beta", "### Fixed\n\n- Exports no longer time out.\n\n## Beta", StringComparison.Ordinal);
        Assert.Equal(expected, File.ReadAllText(UnreleasedPath));
    }

    [Fact]
    public void Add_reads_the_text_from_standard_input_when_no_argument_is_given()
    {
        WriteUnreleased(Template);

        var outcome = Cli.Run(_temp.Path, ["add", "--section", "internal", "--type", "added", "--flag", "new-editor"],
            standardInput: "The new editor saves drafts.\nEvery 10 seconds.\n");

        Assert.Equal(0, outcome.ExitCode);
        var text = File.ReadAllText(UnreleasedPath);
        Assert.EndsWith("## Internal\n\n### Added\n\n#### Flag: `new-editor`\n\n- The new editor saves drafts.\n  Every 10 seconds.\n\n### Changed\n\n### Fixed\n", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("add|--type|fixed|No section.", "error: add needs --section (public, beta or internal); pass it, or set a default in release-notes/config.json (\"add\": { \"section\": \"public\", \"type\": \"fixed\" }). No file was changed.\n")]
    [InlineData("add|--section|public|No type.", "error: add needs --type (added, changed, deprecated, removed, fixed or security); pass it, or set a default in release-notes/config.json (\"add\": { \"section\": \"public\", \"type\": \"fixed\" }). No file was changed.\n")]
    [InlineData("add|--section|secret|--type|fixed|Unknown section.", "error: 'secret' is not a valid value for --section Use 'public', 'beta' or 'internal'.\nRun 'bf-release-notes --help' (or '<command> --help') for usage.\n")]
    [InlineData("add|--section|public|--type|improved|Unknown type.", "error: 'improved' is not a valid value for --type Use 'added', 'changed', 'deprecated', 'removed', 'fixed' or 'security'.\nRun 'bf-release-notes --help' (or '<command> --help') for usage.\n")]
    [InlineData("add|--section|internal|--type|added|Internal needs a flag.", "error: an Internal entry needs the feature flag that hides it: add --flag <flag-key>. No file was changed.\n")]
    [InlineData("add|--section|public|--type|added|--flag|x|Public takes no flag.", "error: --flag is only for Internal entries; a Public entry is visible without a flag. No file was changed.\n")]
    [InlineData("add|--section|internal|--type|added|--flag|bad key!|Invalid key.", "error: 'bad key!' is not a valid flag key; use letters, digits, '.', '_' and '-', starting with a letter or digit. No file was changed.\n")]
    [InlineData("add|--section|public|--type|added|   ", "error: no entry text; pass it as an argument or on standard input, e.g. bf-release-notes add --section public --type fixed \"Export no longer times out\"\n")]
    [InlineData("add|--section|public|--type|added|- one\n- two", "error: the entry text does not form exactly one list item (it must not hold headings or a second top-level bullet). No file was changed.\n")]
    public void Add_usage_errors_exit_2_with_their_message_and_change_no_file(string arguments, string message)
    {
        var args = arguments.Split('|');
        var before = WriteUnreleased(Template);

        var outcome = Cli.Run(_temp.Path, args);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal(message, outcome.Error.Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.Equal(string.Empty, outcome.Out);
        Assert.Equal(before, File.ReadAllBytes(UnreleasedPath));
    }

    [Fact]
    public void Add_of_text_holding_a_heading_exits_2_blames_the_text_and_changes_no_file()
    {
        var before = WriteUnreleased(Template);

        var outcome = Cli.Run(_temp.Path, ["add", "--section", "public", "--type", "added", "- Text\n## Beta"]);

        Assert.Equal(2, outcome.ExitCode);
        // The text is at fault (its heading), not the file: the message says so and does not suggest an unclosed comment.
        Assert.StartsWith("error: the entry text does not form exactly one list item (it must not hold headings or a second top-level bullet)", outcome.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("unclosed", outcome.Error, StringComparison.Ordinal);
        Assert.EndsWith("No file was changed.\n", outcome.Error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(UnreleasedPath));
    }

    [Fact]
    public void Add_with_no_text_and_no_standard_input_exits_2()
    {
        var before = WriteUnreleased(Template);

        var outcome = Cli.Run(_temp.Path, ["add", "--section", "public", "--type", "added"]);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("no entry text", outcome.Error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(UnreleasedPath));
    }

    [Fact]
    public void Add_into_a_file_with_errors_exits_1_prints_them_and_changes_nothing()
    {
        var before = WriteUnreleased("# Unreleased\n\n## Public\n\n### Addded\n\n- Exports are faster.\n");

        var outcome = Cli.Run(_temp.Path, ["add", "--section", "public", "--type", "fixed", "Search works."]);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains($"{UnreleasedPath}:5:1: error BFRN102:", outcome.Error, StringComparison.Ordinal);
        Assert.Contains("No file was changed.", outcome.Error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(UnreleasedPath));
    }

    [Fact]
    public void Add_below_an_unclosed_comment_is_refused_with_the_diagnostic_that_blames_the_file_not_the_text()
    {
        var before = WriteUnreleased("# Unreleased\n\n<!-- draft notes\n\n## Public\n\n### Fixed\n");

        var outcome = Cli.Run(_temp.Path, ["add", "--section", "public", "--type", "fixed", "Search works."]);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("unreleased.md:3:1: error BFRN008: the HTML comment opened with '<!--' is never closed", outcome.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("does not form exactly one list item", outcome.Error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(UnreleasedPath));
    }

    [Fact]
    public void Add_into_a_binary_file_exits_1_and_changes_nothing()
    {
        var before = WriteUnreleased("# Unreleased\n\0\0\0\n");

        var outcome = Cli.Run(_temp.Path, ["add", "--section", "public", "--type", "fixed", "Search works."]);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("BFRN002", outcome.Error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(UnreleasedPath));
    }

    [Fact]
    public void Add_without_an_unreleased_file_exits_2_and_says_to_run_init()
    {
        var outcome = Cli.Run(_temp.Path, ["add", "--section", "public", "--type", "fixed", "Search works."]);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("bf-release-notes init", outcome.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(UnreleasedPath));
    }

    [Fact]
    public void Add_keeps_a_byte_order_mark_and_crlf_line_endings()
    {
        var template = Template.Replace("\n", "\r\n", StringComparison.Ordinal);
        File.WriteAllBytes(Directory.CreateDirectory(Path.GetDirectoryName(UnreleasedPath)!).FullName + "/unreleased.md",
            [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(template)]);

        var outcome = Cli.Run(_temp.Path, ["add", "--section", "beta", "--type", "changed", "Dashboards load faster."]);

        Assert.Equal(0, outcome.ExitCode);
        var bytes = File.ReadAllBytes(UnreleasedPath);
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        var expected = template.Replace("## Beta\r\n\r\n### Added\r\n\r\n### Changed\r\n\r\n", "## Beta\r\n\r\n### Added\r\n\r\n### Changed\r\n\r\n- Dashboards load faster.\r\n\r\n", StringComparison.Ordinal);
        Assert.Equal(expected, Encoding.UTF8.GetString(bytes.AsSpan(3)));
    }

    private byte[] WriteUnreleased(string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(UnreleasedPath)!);
        var bytes = Encoding.UTF8.GetBytes(text);
        File.WriteAllBytes(UnreleasedPath, bytes);
        return bytes;
    }
}
