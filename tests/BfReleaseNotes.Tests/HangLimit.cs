namespace BfReleaseNotes.Tests;

/// <summary>
/// Runs work that used to take minutes (or forever) on hostile input, failing only when it hangs: the limit is
/// minutes, not a speed assertion (speed is measured by the benchmark scripts and printed in the README).
/// </summary>
internal static class HangLimit
{
    public static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    public static T Run<T>(Func<T> work)
    {
        var task = Task.Run(work);
        Assert.True(task.Wait(Limit), $"still running after {Limit.TotalMinutes} minutes: a hang");
        return task.Result;
    }
}
