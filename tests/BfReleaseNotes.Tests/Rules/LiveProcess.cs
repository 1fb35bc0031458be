using System.Diagnostics;

namespace BfReleaseNotes.Tests.Rules;

/// <summary>A real running process (<c>sleep</c>) for tests that need a live process id other than their own; killed on dispose.</summary>
internal sealed class LiveProcess : IDisposable
{
    private readonly Process _process;

    private LiveProcess(Process process) => _process = process;

    public int Id => _process.Id;

    /// <summary>When the process started, in UTC.</summary>
    public DateTimeOffset StartTime => new(_process.StartTime.ToUniversalTime());

    public static LiveProcess Start() => new(Process.Start(new ProcessStartInfo("sleep", ["300"]))!);

    public void Dispose()
    {
        _process.Kill();
        _process.WaitForExit();
        _process.Dispose();
    }
}
