using BfReleaseNotes.Markdown;
using BfReleaseNotes.Model;
using Semver;

namespace BfReleaseNotes.Workspace;

/// <summary>
/// A release-notes folder on disk: <c>unreleased.md</c> and one <c>&lt;version&gt;.md</c> per published release.
/// The edge where the library reads files; operations themselves never touch the disk.
/// </summary>
/// <param name="Path">The folder (default <c>release-notes</c>).</param>
public sealed record ReleaseNotesFolder(string Path)
{
    /// <summary>The default folder name, relative to the repository root.</summary>
    public const string DefaultPath = "release-notes";

    /// <summary>The path of <c>unreleased.md</c> in this folder.</summary>
    public string UnreleasedPath => System.IO.Path.Combine(Path, ReleaseNotesParser.UnreleasedFileName);

    /// <summary>The path of the published file for a version.</summary>
    public string PublishedPath(SemVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        return System.IO.Path.Combine(Path, $"{version}.md");
    }

    /// <summary>Throws unless the folder exists.</summary>
    /// <exception cref="EnvironmentException">The folder does not exist.</exception>
    public void EnsureExists()
    {
        if (File.Exists(Path))
        {
            // Suggesting 'init --dir' here would point init at an existing file.
            throw new EnvironmentException($"'{Path}' is a file, not a folder; pass --dir with the folder that holds unreleased.md");
        }

        if (!Directory.Exists(Path))
        {
            throw new EnvironmentException($"the release-notes folder '{Path}' does not exist; run 'bf-release-notes init --dir {Path}' or pass --dir");
        }
    }

    /// <summary>Published files in the folder, highest version first (SemVer precedence, not string order).</summary>
    public IReadOnlyList<(string Path, SemVersion Version)> PublishedFiles()
    {
        if (!Directory.Exists(Path))
        {
            return [];
        }

        var files = new List<(string Path, SemVersion Version)>();
        foreach (var file in Directory.EnumerateFiles(Path, "*.md"))
        {
            if (ReleaseNotesParser.TryParsePublishedFileName(file, out var version) && version is not null)
            {
                files.Add((file, version));
            }
        }

        files.Sort((left, right) => right.Version.ComparePrecedenceTo(left.Version));
        return files;
    }

    /// <summary>Reads and parses <c>unreleased.md</c>.</summary>
    /// <exception cref="EnvironmentException">The file does not exist or cannot be read.</exception>
    public ParsedFile ReadUnreleased() => Read(UnreleasedPath, DocumentKind.Unreleased);

    /// <summary>Reads and parses a file of the given kind.</summary>
    /// <exception cref="EnvironmentException">The file does not exist or cannot be read.</exception>
    public static ParsedFile Read(string path, DocumentKind kind)
    {
        ArgumentNullException.ThrowIfNull(path);
        return ReleaseNotesParser.Parse(ReadBytes(path), kind, path);
    }

    /// <summary>
    /// The kind a file is: <c>unreleased.md</c> is the working file and <c>&lt;version&gt;.md</c> a published one;
    /// any other name (a file passed to <c>lint</c> by hand) is the working file when its first line is
    /// <c># Unreleased</c>, else a published file.
    /// </summary>
    public static DocumentKind KindOf(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var name = System.IO.Path.GetFileName(path);
        if (string.Equals(name, ReleaseNotesParser.UnreleasedFileName, StringComparison.OrdinalIgnoreCase))
        {
            return DocumentKind.Unreleased;
        }

        if (ReleaseNotesParser.TryParsePublishedFileName(name, out _) || !File.Exists(path))
        {
            return DocumentKind.Published;
        }

        try
        {
            using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
            var firstLine = reader.ReadLine()?.Trim();
            return string.Equals(firstLine, "# Unreleased", StringComparison.OrdinalIgnoreCase) ? DocumentKind.Unreleased : DocumentKind.Published;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return DocumentKind.Published; // reading it again reports the real problem.
        }
    }

    /// <summary>Reads a file's bytes, turning I/O failures into a clear <see cref="EnvironmentException"/>.</summary>
    public static byte[] ReadBytes(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            if (System.IO.Path.GetDirectoryName(path) is { Length: > 0 } parent && File.Exists(parent))
            {
                throw new EnvironmentException($"'{parent}' is a file, not a folder; pass --dir with the folder that holds unreleased.md", exception);
            }

            throw new EnvironmentException($"'{path}' does not exist; run 'bf-release-notes init' to create the release-notes folder, or pass --dir", exception);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new EnvironmentException($"cannot read '{path}': {exception.Message}", exception);
        }
    }
}
