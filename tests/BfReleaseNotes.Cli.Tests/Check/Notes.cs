namespace BfReleaseNotes.Cli.Tests.Check;

/// <summary>Release-notes texts the check tests commit.</summary>
internal static class Notes
{
    public const string UnreleasedPath = "release-notes/unreleased.md";

    /// <summary>An <c>unreleased.md</c> with the given Public/Fixed entries and Internal/Added entries behind flag <c>new-editor</c>.</summary>
    public static string Unreleased(string[]? publicFixed = null, string[]? internalAdded = null, string eol = "\n")
    {
        var lines = new List<string> { "# Unreleased", string.Empty, "## Public", string.Empty, "### Added", string.Empty, "### Fixed", string.Empty };
        foreach (var entry in publicFixed ?? [])
        {
            lines.Add("- " + entry);
        }

        if (publicFixed is { Length: > 0 })
        {
            lines.Add(string.Empty);
        }

        lines.AddRange(["## Internal", string.Empty, "### Added", string.Empty]);
        if (internalAdded is { Length: > 0 })
        {
            lines.AddRange(["#### Flag: `new-editor`", string.Empty]);
            lines.AddRange(internalAdded.Select(entry => "- " + entry));
            lines.Add(string.Empty);
        }

        return string.Join(eol, lines).TrimEnd() + eol;
    }

    /// <summary>A published release file with Public/Fixed entries.</summary>
    public static string Published(string version, string[] publicFixed, string eol = "\n")
    {
        var lines = new List<string> { $"# {version} - 2026-11-20", string.Empty, "## Public", string.Empty, "### Fixed", string.Empty };
        lines.AddRange(publicFixed.Select(entry => "- " + entry));
        return string.Join(eol, lines) + eol;
    }
}
