namespace BfReleaseNotes.Git;

/// <summary>
/// A git step of a release failed before the branch reference moved: HEAD is where it was, and the index and tag
/// were put back. The caller still has to put its files back.
/// </summary>
internal sealed class GitStepFailedException : Exception
{
    public GitStepFailedException()
    {
    }

    public GitStepFailedException(string message)
        : base(message)
    {
    }

    public GitStepFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
