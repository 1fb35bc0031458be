namespace BfReleaseNotes.Merging;

/// <summary>How a merge was made.</summary>
public enum MergeMethod
{
    /// <summary>On the model: entries aligned by section, change type, flag and text.</summary>
    Structural,

    /// <summary>A side did not parse (or the structural result could not be proved): git's line merge, with markers.</summary>
    LineMerge,

    /// <summary>Not a release-notes file: git's union merge, both sides' lines kept.</summary>
    Union,
}
