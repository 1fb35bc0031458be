namespace BfReleaseNotes.Workspace;

/// <summary>A failure raised on purpose by a test (see <see cref="FaultInjection"/>); handled like an I/O error.</summary>
internal sealed class InjectedFailureException : IOException
{
    // Stryker disable once String : the standard constructor the exception rule (CA1032) asks for; every fault raised names its step
    public InjectedFailureException()
        : base("injected failure")
    {
    }

    public InjectedFailureException(string message)
        : base(message)
    {
    }

    public InjectedFailureException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
