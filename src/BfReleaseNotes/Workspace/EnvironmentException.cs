namespace BfReleaseNotes.Workspace;

/// <summary>
/// The command could not run because of its environment (missing folder, unreadable file, not a git
/// repository). The CLI prints the message and exits 2. Bad content is never an exception: it is a diagnostic.
/// </summary>
public sealed class EnvironmentException : Exception
{
    /// <summary>Creates the exception with a message that says what to do.</summary>
    public EnvironmentException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message that says what to do, and its cause.</summary>
    public EnvironmentException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with no message (for serializers; prefer the other constructors).</summary>
    public EnvironmentException()
    {
    }
}
