namespace BfReleaseNotes.Tests.Workspace;

/// <summary>
/// Tests that set <c>BFRN_TEST_FAULT</c> in this process: the variable would make any other test's transaction fail at
/// the same step, so these run alone, after the parallel tests.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FaultVariableSerial
{
    /// <summary>The collection's name.</summary>
    public const string Name = "BFRN_TEST_FAULT set in-process";
}
