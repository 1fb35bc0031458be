using BfReleaseNotes.Workspace;

namespace BfReleaseNotes.Tests.Rules;

/// <summary>
/// Where an output option may write, on real files and links: never onto an input or into the release-notes folder
/// (whatever --force says), never onto a folder, and over an existing file only with --force, when the content is
/// the same, or when the file is this command's own earlier output.
/// </summary>
public sealed class OutputPathRuleTests : IDisposable
{
    private readonly TempFolder _temp = new();

    private string Export => _temp.Combine("export.csv");

    private string NotesFolder => _temp.Combine("release-notes");

    public OutputPathRuleTests()
    {
        File.WriteAllText(Export, "id,title\n");
        Directory.CreateDirectory(NotesFolder);
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void An_output_that_is_an_input_is_refused_even_through_a_chain_of_links()
    {
        var first = _temp.Combine("first-link.csv");
        var second = _temp.Combine("second-link.csv");
        File.CreateSymbolicLink(second, Export);
        File.CreateSymbolicLink(first, second);

        var exception = Assert.Throws<EnvironmentException>(() => OutputPath.EnsureNotInput(first, "--rejects", [(_temp.Combine("mapping.json"), "the mapping"), (Export, "the export")], null));

        Assert.Equal($"--rejects '{first}' is the export itself; writing there would destroy the input, so pass another path. Nothing was written.", exception.Message);
        Assert.Equal("id,title\n", File.ReadAllText(Export));
    }

    [Fact]
    public void An_output_reached_through_a_linked_folder_is_still_the_input()
    {
        var linkedFolder = _temp.Combine("linked");
        Directory.CreateSymbolicLink(linkedFolder, _temp.Path);
        var output = Path.Combine(linkedFolder, "export.csv");

        var exception = Assert.Throws<EnvironmentException>(() => OutputPath.EnsureNotInput(output, "--report", [(Export, "the export")], null));

        Assert.Equal($"--report '{output}' is the export itself; writing there would destroy the input, so pass another path. Nothing was written.", exception.Message);
    }

    [Fact]
    public void An_output_in_the_release_notes_folder_is_refused_and_one_beside_it_is_not()
    {
        var inside = Path.Combine(NotesFolder, "rejects.csv");

        var exception = Assert.Throws<EnvironmentException>(() => OutputPath.EnsureNotInput(inside, "--rejects", [(Export, "the export")], NotesFolder));
        OutputPath.EnsureNotInput(_temp.Combine("rejects.csv"), "--rejects", [(Export, "the export")], NotesFolder);
        OutputPath.EnsureNotInput(inside, "--rejects", [(Export, "the export")], null);

        Assert.Equal($"--rejects '{inside}' is in the release-notes folder '{NotesFolder}', whose files only bf-release-notes writes; pass a path outside it. Nothing was written.", exception.Message);
        Assert.Empty(Directory.EnumerateFileSystemEntries(NotesFolder));
    }

    [Fact]
    public void An_output_that_is_a_folder_is_refused()
    {
        var exception = Assert.Throws<EnvironmentException>(() => OutputPath.EnsureNotInput(NotesFolder, "--report", [], null));

        Assert.Equal($"--report '{NotesFolder}' is a folder; pass a file path", exception.Message);
    }

    [Fact]
    public void An_existing_file_with_other_content_is_replaced_only_with_force()
    {
        var report = _temp.Combine("report.json");
        File.WriteAllText(report, "someone's notes\n");

        var exception = Assert.Throws<EnvironmentException>(() => OutputPath.EnsureMayReplace(report, "--report", "{}\n"u8, force: false));
        OutputPath.EnsureMayReplace(report, "--report", "{}\n"u8, force: true);

        Assert.Equal($"--report '{report}' already exists with other content; pass --force to replace it, or choose another path. Nothing was written.", exception.Message);
        Assert.Equal("someone's notes\n", File.ReadAllText(report));
    }

    [Fact]
    public void A_missing_file_or_one_with_the_same_content_may_be_written_without_force()
    {
        var report = _temp.Combine("report.json");
        OutputPath.EnsureMayReplace(report, "--report", "{}\n"u8, force: false, isEarlierOutput: _ => throw new InvalidOperationException("a missing file has nothing to recognise"));
        File.WriteAllText(report, "{}\n");

        // Another program holding the file open (an editor, a tail -f) does not keep it from being compared.
        using (new FileStream(report, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite))
        {
            OutputPath.EnsureMayReplace(report, "--report", "{}\n"u8, force: false, isEarlierOutput: _ => throw new InvalidOperationException("the same content needs no recognising"));
        }

        Assert.Equal("{}\n", File.ReadAllText(report));
        Assert.False(File.Exists(_temp.Combine("nothing.json")));
    }

    [Fact]
    public void An_earlier_output_of_the_command_is_replaced_without_force_and_another_file_is_not()
    {
        var report = _temp.Combine("report.json");
        File.WriteAllText(report, "{\"kind\":\"check\"}\n");
        byte[]? seen = null;

        OutputPath.EnsureMayReplace(report, "--report", "{}\n"u8, force: false, isEarlierOutput: bytes => (seen = bytes).Length > 0);
        var exception = Assert.Throws<EnvironmentException>(() => OutputPath.EnsureMayReplace(report, "--report", "{}\n"u8, force: false, isEarlierOutput: _ => false));

        Assert.Equal("{\"kind\":\"check\"}\n"u8.ToArray(), seen);
        Assert.Equal($"--report '{report}' already exists with other content; pass --force to replace it, or choose another path. Nothing was written.", exception.Message);
    }

    [Fact]
    public void A_file_larger_than_64_MiB_is_never_taken_for_an_earlier_report_and_one_of_64_MiB_is_read()
    {
        var largest = _temp.Combine("largest.json");
        var larger = _temp.Combine("larger.json");
        using (var stream = File.Create(largest))
        {
            stream.SetLength(64L * 1024 * 1024);
        }

        using (var stream = File.Create(larger))
        {
            stream.SetLength((64L * 1024 * 1024) + 1);
        }

        long? read = null;
        OutputPath.EnsureMayReplace(largest, "--report", "{}\n"u8, force: false, isEarlierOutput: bytes => (read = bytes.LongLength) > 0);
        var exception = Assert.Throws<EnvironmentException>(() => OutputPath.EnsureMayReplace(larger, "--report", "{}\n"u8, force: false, isEarlierOutput: _ => throw new InvalidOperationException("must not be read")));

        Assert.Equal(64L * 1024 * 1024, read);
        Assert.Equal($"--report '{larger}' already exists with other content; pass --force to replace it, or choose another path. Nothing was written.", exception.Message);
    }

    [Fact]
    public void The_output_path_option_and_inputs_are_required()
    {
        Assert.Equal("output", Assert.Throws<ArgumentNullException>(() => OutputPath.EnsureNotInput(null!, "--report", [], null)).ParamName);
        Assert.Equal("option", Assert.Throws<ArgumentNullException>(() => OutputPath.EnsureNotInput(Export, null!, [], null)).ParamName);
        Assert.Equal("inputs", Assert.Throws<ArgumentNullException>(() => OutputPath.EnsureNotInput(_temp.Combine("out.csv"), "--report", null!, null)).ParamName);
        Assert.Equal("output", Assert.Throws<ArgumentNullException>(() => OutputPath.EnsureMayReplace(null!, "--report", [], force: true)).ParamName);
        Assert.Equal("option", Assert.Throws<ArgumentNullException>(() => OutputPath.EnsureMayReplace(Export, null!, [], force: true)).ParamName);
    }
}
