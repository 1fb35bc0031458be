namespace BfReleaseNotes.History;

/// <summary>Which published note <see cref="NoteExporter.Show"/> prints, and how.</summary>
/// <param name="Version">A published version such as <c>1.42.0</c>, or <c>latest</c> for the highest (SemVer precedence).</param>
/// <param name="PublicOnly">Leave out the Beta section (and the link definitions only it used).</param>
/// <param name="WithoutTitle">Leave out the title line (<c># 1.42.0 - 2026-11-25</c>) and the blank lines after it: a GitLab Release has its own title.</param>
public sealed record ShowRequest(string Version, bool PublicOnly, bool WithoutTitle)
{
    /// <summary>The word that asks for the highest published version.</summary>
    public const string Latest = "latest";
}
