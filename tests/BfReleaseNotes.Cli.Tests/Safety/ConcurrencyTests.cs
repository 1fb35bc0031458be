namespace BfReleaseNotes.Cli.Tests.Safety;

/// <summary>
/// Commands started at the same moment in separate processes, as two developers' scripts or two CI jobs do.
/// Every command that writes locks the folder from its read to its write, so none loses another's work.
/// </summary>
public sealed class ConcurrencyTests : IDisposable
{
    private readonly NotesFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Two_adds_at_once_keep_both_entries_in_each_of_50_rounds()
    {
        for (var round = 0; round < 50; round++)
        {
            var first = CliProcess.Start(_folder.Root, null, "add", "--section", "public", "--type", "added", $"First entry {round}");
            var second = CliProcess.Start(_folder.Root, null, "add", "--section", "beta", "--type", "fixed", $"Second entry {round}");

            var firstResult = CliProcess.Finish(first);
            var secondResult = CliProcess.Finish(second);

            Assert.True(firstResult.ExitCode == 0, firstResult.Error);
            Assert.True(secondResult.ExitCode == 0, secondResult.Error);
            var entries = _folder.Entries().Select(entry => entry.Entry).ToList();
            Assert.Contains($"First entry {round}", entries);
            Assert.Contains($"Second entry {round}", entries);
        }

        Assert.Equal(100, _folder.Entries().Count);
        Assert.Empty(_folder.Leftovers());
    }

    [Fact]
    public void Promote_racing_add_loses_no_entry_and_publishes_none_twice_in_50_rounds()
    {
        for (var round = 0; round < 50; round++)
        {
            var promote = CliProcess.Start(_folder.Root, null, "promote", "--bump", "patch");
            var add = CliProcess.Start(_folder.Root, null, "add", "--section", "public", "--type", "fixed", $"Raced entry {round}");

            var promoted = CliProcess.Finish(promote);
            var added = CliProcess.Finish(add);

            Assert.True(promoted.ExitCode == 0, promoted.Error);
            Assert.True(added.ExitCode == 0, added.Error);
            Assert.Single(_folder.Entries(), entry => entry.Entry == $"Raced entry {round}");
        }

        var all = _folder.Entries();
        Assert.Equal(50, all.Count);
        Assert.Equal(50, all.Select(entry => entry.Entry).Distinct().Count());
        Assert.Empty(_folder.Leftovers());
    }

    [Fact]
    public void Promote_racing_promote_publishes_each_entry_once_in_25_rounds()
    {
        for (var round = 0; round < 25; round++)
        {
            var add = CliProcess.Run(_folder.Root, "add", "--section", "public", "--type", "added", $"Released once {round}");
            Assert.True(add.ExitCode == 0, add.Error);
            var publishedBefore = _folder.PublishedFiles().Count;

            var patch = CliProcess.Start(_folder.Root, null, "promote", "--bump", "patch");
            var minor = CliProcess.Start(_folder.Root, null, "promote");
            var patchResult = CliProcess.Finish(patch);
            var minorResult = CliProcess.Finish(minor);

            Assert.True(patchResult.ExitCode == 0, patchResult.Error);
            Assert.True(minorResult.ExitCode == 0, minorResult.Error);
            Assert.Equal(publishedBefore + 1, _folder.PublishedFiles().Count);
            var copies = _folder.Entries().Where(entry => entry.Entry == $"Released once {round}").ToList();
            Assert.Single(copies);
            Assert.NotEqual("unreleased.md", copies[0].File);
        }

        Assert.Empty(_folder.Leftovers());
    }
}
