namespace BfReleaseNotes.Rendering;

/// <summary>Who reads the rendered history, which decides the visibility sections it shows.</summary>
public enum Audience
{
    /// <summary>Every user: Public sections only.</summary>
    Public,

    /// <summary>Users in the beta programme: Public and Beta sections (the default).</summary>
    Beta,
}
