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
            throw new EnvironmentException($"'{Path}' is a file, not a folder; pass --dir the release-notes folder (the one holding unreleased.md)");
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
        // Stryker disable once String : the name check below accepts only <version>.md, so the pattern only narrows what is listed
        foreach (var file in Directory.EnumerateFiles(Path, "*.md"))
        {
            // Stryker disable once Logical : TryParsePublishedFileName sets a version exactly when it answers true; the null test is for the compiler
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
        // Stryker disable once Statement : ReadBytes below throws the same ArgumentNullException for a null path
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

        // Only a regular file is opened to peek at its title: a FIFO would wait forever, /dev/zero never ends.
        if (ReleaseNotesParser.TryParsePublishedFileName(name, out _) || FileKind.Of(path) != FileKindValue.Regular)
        {
            return DocumentKind.Published;
        }

        try
        {
            // Stryker disable once Boolean : a UTF-8 mark is skipped either way; only a UTF-16/32 mark is detected, and the parser refuses such a file as not UTF-8 whatever its kind
            using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
            var start = new char[256];
            var firstLine = new string(start, 0, reader.ReadBlock(start)).Split('\n')[0].Trim();
            return string.Equals(firstLine, "# Unreleased", StringComparison.OrdinalIgnoreCase) ? DocumentKind.Unreleased : DocumentKind.Published;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return DocumentKind.Published; // reading it again reports the real problem.
        }
    }

    /// <summary>
    /// Reads a release-notes file's bytes (a regular file of at most <see cref="InputFile.MaxNotesBytes"/>), turning
    /// I/O failures into a clear <see cref="EnvironmentException"/>.
    /// </summary>
    public static byte[] ReadBytes(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path) && !Directory.Exists(path) && new FileInfo(path).LinkTarget is null)
        {
            var parent = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
            if (parent is not null && File.Exists(parent))
            {
                throw new EnvironmentException($"'{System.IO.Path.GetDirectoryName(path)}' is a file, not a folder; pass --dir the release-notes folder (the one holding unreleased.md)");
            }

            // Only a missing unreleased.md is what init creates; init never touches an existing file.
            var advice = string.Equals(System.IO.Path.GetFileName(path), ReleaseNotesParser.UnreleasedFileName, StringComparison.OrdinalIgnoreCase)
                ? "run 'bf-release-notes init' to create it, or pass --dir"
                : "check the path";
            throw new EnvironmentException($"'{path}' does not exist; {advice}");
        }

        return InputFile.ReadAllBytes(path, "the release-notes file", InputFile.MaxNotesBytes);
    }
}
