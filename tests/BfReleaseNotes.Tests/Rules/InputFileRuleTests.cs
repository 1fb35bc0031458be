using System.Diagnostics;
using System.Net.Sockets;
using BfReleaseNotes.Workspace;

namespace BfReleaseNotes.Tests.Rules;

/// <summary>
/// What an input file the user named must be, on real files, pipes and sockets: a regular file (or a link to one)
/// of at most the cap, anything else refused up front with a message that says what the path is instead.
/// </summary>
public sealed class InputFileRuleTests : IDisposable
{
    private const long Cap = 2L * 1024 * 1024;
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_named_pipe_is_refused_without_being_opened()
    {
        var fifo = _temp.Combine("export.csv");
        using (var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [fifo]))!)
        {
            mkfifo.WaitForExit();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        var exception = HangLimit.Run(() => Assert.Throws<EnvironmentException>(() => InputFile.ReadAllBytes(fifo, "the export", Cap)));

        Assert.Equal($"the export '{fifo}' is a named pipe (FIFO), not a regular file; reading it could wait forever, so pass a regular file", exception.Message);
    }

    [Fact]
    public void A_socket_is_refused()
    {
        var path = _temp.Combine("mapping.json");
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(path));

        var exception = Assert.Throws<EnvironmentException>(() => InputFile.EnsureRegular(path, "the mapping"));

        Assert.Equal($"the mapping '{path}' is a socket, not a regular file; pass a regular file", exception.Message);
    }

    [Fact]
    public void A_folder_and_a_device_are_refused_with_what_they_are()
    {
        var folder = _temp.Combine("exports");
        Directory.CreateDirectory(folder);

        var forFolder = Assert.Throws<EnvironmentException>(() => InputFile.ReadAllBytes(folder, "the export", Cap));
        var forDevice = HangLimit.Run(() => Assert.Throws<EnvironmentException>(() => InputFile.ReadAllBytes("/dev/zero", "the export", Cap)));

        Assert.Equal($"the export '{folder}' is a folder, not a file; pass the path of a file", forFolder.Message);
        Assert.Equal("the export '/dev/zero' is a device, not a regular file; pass a regular file", forDevice.Message);
    }

    [Fact]
    public void A_missing_file_is_refused_before_reading()
    {
        var path = _temp.Combine("missing.json");

        var exception = Assert.Throws<EnvironmentException>(() => InputFile.EnsureRegular(path, "the mapping"));

        Assert.Equal($"the mapping '{path}' does not exist; check the path", exception.Message);
    }

    [Fact]
    public void A_link_to_nothing_is_reported_missing_and_a_link_loop_unreadable()
    {
        var dangling = _temp.Combine("dangling.json");
        File.CreateSymbolicLink(dangling, _temp.Combine("gone.json"));
        var loop = _temp.Combine("loop.json");
        File.CreateSymbolicLink(loop, _temp.Combine("back.json"));
        File.CreateSymbolicLink(_temp.Combine("back.json"), loop);

        var missing = Assert.Throws<EnvironmentException>(() => InputFile.ReadAllBytes(dangling, "the mapping", Cap));
        var unreadable = Assert.Throws<EnvironmentException>(() => InputFile.ReadAllBytes(loop, "the mapping", Cap));

        Assert.Equal($"the mapping '{dangling}' does not exist; check the path", missing.Message);
        Assert.Equal($"cannot read the mapping '{loop}': {unreadable.InnerException!.Message}", unreadable.Message);
        Assert.IsAssignableFrom<IOException>(unreadable.InnerException);
    }

    [Fact]
    public void A_file_of_exactly_the_cap_is_read_and_one_byte_more_is_refused()
    {
        var exact = _temp.Combine("exact.json");
        var over = _temp.Combine("over.json");
        File.WriteAllBytes(exact, Enumerable.Repeat((byte)'x', (int)Cap).ToArray());
        File.WriteAllBytes(over, Enumerable.Repeat((byte)'x', (int)Cap + 1).ToArray());

        var read = InputFile.ReadAllBytes(exact, "the mapping", Cap);
        var exception = Assert.Throws<EnvironmentException>(() => InputFile.ReadAllBytes(over, "the mapping", Cap));

        Assert.Equal(Cap, read.LongLength);
        Assert.Equal($"the mapping '{over}' is larger than 2 MiB, the most this command reads; pass the right file (or split it)", exception.Message);
    }

    [Fact]
    public void A_file_another_program_holds_open_for_writing_is_still_read()
    {
        var path = _temp.Combine("export.csv");
        File.WriteAllText(path, "id,title\n");
        using var writer = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);

        Assert.Equal("id,title\n"u8.ToArray(), InputFile.ReadAllBytes(path, "the export", Cap));
    }

    [Fact]
    public void The_path_and_what_it_is_are_required()
    {
        var path = _temp.Combine("export.csv");
        File.WriteAllText(path, "id,title\n");

        Assert.Equal("path", Assert.Throws<ArgumentNullException>(() => InputFile.EnsureRegular(null!, "the export")).ParamName);
        Assert.Equal("what", Assert.Throws<ArgumentNullException>(() => InputFile.EnsureRegular(path, null!)).ParamName);
    }
}
