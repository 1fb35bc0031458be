using System.Text;
using BfReleaseNotes.Workspace;

namespace BfReleaseNotes.Rendering;

/// <summary>
/// Writes rendered history files (the page, the JSON, the feed) all together or not at all, and never over the
/// notes themselves: a path inside the release-notes folder is refused before anything is written.
/// </summary>
/// <example>
/// <code>
/// HistoryOutput.Write(folder, [(Path.Combine("site", HistoryOutput.PageFileName), HtmlPageFormatter.Format(history, new PageOptions()))]);
/// </code>
/// </example>
public static class HistoryOutput
{
    /// <summary>The page's file name in an output folder.</summary>
    public const string PageFileName = "index.html";

    /// <summary>The JSON's file name in an output folder.</summary>
    public const string JsonFileName = "releases.json";

    /// <summary>The feed's file name in an output folder.</summary>
    public const string FeedFileName = "feed.atom";

    /// <summary>
    /// Writes every file as UTF-8 (no byte-order mark), creating missing folders, or none of them.
    /// </summary>
    /// <exception cref="EnvironmentException">
    /// A path is inside the release-notes folder or is a folder, or a file could not be written; nothing was changed.
    /// </exception>
    public static IReadOnlyList<string> Write(ReleaseNotesFolder notes, IReadOnlyList<(string Path, string Content)> files)
    {
        ArgumentNullException.ThrowIfNull(notes);
        ArgumentNullException.ThrowIfNull(files);
        var notesRoot = Path.TrimEndingDirectorySeparator(Path.GetFullPath(notes.Path)) + Path.DirectorySeparatorChar;
        foreach (var (path, _) in files)
        {
            var full = Path.GetFullPath(path);
            if (full.StartsWith(notesRoot, StringComparison.Ordinal) || string.Equals(full + Path.DirectorySeparatorChar, notesRoot, StringComparison.Ordinal))
            {
                throw new EnvironmentException($"'{path}' is inside the release-notes folder '{notes.Path}'; write the rendered history somewhere else (e.g. --out site). Nothing was written.");
            }

            if (Directory.Exists(full))
            {
                throw new EnvironmentException($"'{path}' is a folder; give a file name (e.g. '{Path.Combine(path, PageFileName)}'). Nothing was written.");
            }
        }

        var created = new List<string>();
        try
        {
            foreach (var folder in files.Select(file => Path.GetDirectoryName(Path.GetFullPath(file.Path))!).Distinct(StringComparer.Ordinal))
            {
                CreateFolder(folder, created);
            }

            var transaction = new FileTransaction();
            foreach (var (path, content) in files)
            {
                transaction.Write(path, new UTF8Encoding(false).GetBytes(content));
            }

            transaction.Commit();
            return transaction.Paths;
        }
        catch (Exception exception) when (exception is EnvironmentException or IOException or UnauthorizedAccessException)
        {
            // Folders this call created go too, so a failed run leaves the disk as it found it.
            foreach (var folder in Enumerable.Reverse(created))
            {
                try
                {
                    Directory.Delete(folder);
                }
                catch (IOException)
                {
                }
            }

            throw exception as EnvironmentException ?? new EnvironmentException($"could not write the rendered history: {exception.Message}; nothing was written", exception);
        }
    }

    private static void CreateFolder(string folder, List<string> created)
    {
        if (Directory.Exists(folder))
        {
            return;
        }

        var parent = Path.GetDirectoryName(folder);
        if (parent is not null)
        {
            CreateFolder(parent, created);
        }

        Directory.CreateDirectory(folder);
        created.Add(folder);
    }
}
