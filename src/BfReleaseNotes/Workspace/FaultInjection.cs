using System.Diagnostics;

namespace BfReleaseNotes.Workspace;

/// <summary>
/// A test-only hook: when the environment variable <c>BFRN_TEST_FAULT</c> names a step (<c>STEP</c> to fail with an
/// I/O error, <c>STEP:crash</c> to kill the process on the spot), that step of a transaction fails. Tests of crash
/// recovery run the real CLI as a child process with it; nothing else sets it, and an unknown step does nothing.
/// </summary>
internal static class FaultInjection
{
    /// <summary>The variable the tests set.</summary>
    public const string Variable = "BFRN_TEST_FAULT";

    /// <summary>Fails or crashes when the variable names <paramref name="step"/>.</summary>
    /// <exception cref="InjectedFailureException">The variable asks for a failure at this step.</exception>
    public static void At(string step)
    {
        // Unset, the variable equals no step name, so the comparisons below are the whole test.
        var fault = Environment.GetEnvironmentVariable(Variable);
        if (string.Equals(fault, step + ":crash", StringComparison.Ordinal))
        // Stryker disable once Block : killing the test host would end the run; the CLI crash tests run this step in a child process
        {
            // SIGKILL, as a power cut or an OOM kill would: no finally block, no flush, no exit code of ours.
            using var self = Process.GetCurrentProcess();
            // Stryker disable once Statement : killing the test host ends the run; the CLI crash tests start a child process for this
            self.Kill();
            // Stryker disable once Statement : as above
            Thread.Sleep(Timeout.Infinite);
        }

        if (string.Equals(fault, step, StringComparison.Ordinal))
        {
            throw new InjectedFailureException($"injected failure at {step}");
        }
    }
}
