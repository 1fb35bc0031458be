namespace BfReleaseNotes.Model;

/// <summary>Who may read an entry. The order of the members is the order of the sections in a file.</summary>
public enum Visibility
{
    /// <summary>Every customer; published.</summary>
    Public,

    /// <summary>Customers in the beta programme; published in its own section.</summary>
    Beta,

    /// <summary>Hidden behind a feature flag; never published.</summary>
    Internal,
}
