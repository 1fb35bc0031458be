namespace BfReleaseNotes.Promotion;

/// <summary>Which part of the latest published version the next release increments.</summary>
public enum VersionBump
{
    /// <summary>X.0.0</summary>
    Major,

    /// <summary>x.Y.0 (the default)</summary>
    Minor,

    /// <summary>x.y.Z</summary>
    Patch,
}
