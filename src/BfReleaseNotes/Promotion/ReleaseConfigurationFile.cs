namespace BfReleaseNotes.Promotion;

/// <summary>The <c>"release"</c> object of the configuration file as JSON (see <see cref="ReleaseSettings"/>).</summary>
internal sealed class ReleaseConfigurationFile
{
    public BumpByTypeFile? Bump { get; set; }

    public string? BreakingMarker { get; set; }

    public string? BreakingBump { get; set; }

    public string? MajorWhileZero { get; set; }
}

/// <summary>The <c>"release.bump"</c> object: one optional bump per change type.</summary>
internal sealed class BumpByTypeFile
{
    public string? Added { get; set; }

    public string? Changed { get; set; }

    public string? Deprecated { get; set; }

    public string? Removed { get; set; }

    public string? Fixed { get; set; }

    public string? Security { get; set; }
}
