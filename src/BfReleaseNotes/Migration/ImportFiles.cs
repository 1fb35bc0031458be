using System.Collections.Immutable;
using System.Runtime.InteropServices;
using BfReleaseNotes.Workspace;

namespace BfReleaseNotes.Migration;

/// <summary>
/// The files of an import and how they stand against the folder: new, unchanged (same bytes), or in conflict
/// with a published file that says something else. Writes them all through one <see cref="FileTransaction"/>.
/// </summary>
public static class ImportFiles
{
    /// <summary>Compares the import's files with what is on disk.</summary>
    /// <param name="import">The import.</param>
    /// <param name="folder">The release-notes folder the published files go to.</param>
    /// <param name="rejectsPath">Where the rejects file goes.</param>
    /// <param name="force">Whether a published file or rejects file with other content is replaced instead of being a conflict.</param>
    /// <exception cref="EnvironmentException">An existing file cannot be read.</exception>
    public static ImmutableArray<PlannedFile> Plan(ClickUpImport import, ReleaseNotesFolder folder, string rejectsPath, bool force)
    {
        ArgumentNullException.ThrowIfNull(import);
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(rejectsPath);
        var files = ImmutableArray.CreateBuilder<PlannedFile>();
        foreach (var release in import.Releases)
        {
            var path = folder.PublishedPath(release.Version);
            // The import's bytes, not a copy: a large history is held once.
            var content = ImmutableCollectionsMarshal.AsArray(release.Content)!;
            var status = StatusOf(path, content, force ? FileStatus.Replaced : FileStatus.Conflict);
            files.Add(new PlannedFile(path, release.Version, release.Date, release.Entries, status, content));
        }

        var rejects = ImmutableCollectionsMarshal.AsArray(import.RejectsContent)!;
        files.Add(new PlannedFile(rejectsPath, null, null, import.Rejects.Length, StatusOf(rejectsPath, rejects, force ? FileStatus.Replaced : FileStatus.Conflict), rejects));
        return files.ToImmutable();
    }

    /// <summary>
    /// Writes every new or replaced file, all or none, creating the folder when it is missing. Writes nothing
    /// when a file is in conflict.
    /// </summary>
    /// <returns>The paths written.</returns>
    /// <exception cref="EnvironmentException">A file or the folder could not be written; no file changed.</exception>
    public static ImmutableArray<string> Write(IReadOnlyList<PlannedFile> files) => Write(files, session: null);

    /// <summary>
    /// Writes every new or replaced file, all or none, through a transaction of <paramref name="session"/> (which
    /// locks the release-notes folder and journals the write so a crash is finished or undone by the next run).
    /// Writes nothing when a file is in conflict.
    /// </summary>
    /// <returns>The paths written.</returns>
    /// <exception cref="EnvironmentException">A file or a folder could not be written, or a file changed meanwhile; no file changed.</exception>
    public static ImmutableArray<string> Write(IReadOnlyList<PlannedFile> files, WriteSession? session)
    {
        ArgumentNullException.ThrowIfNull(files);
        if (files.Any(file => file.Status == FileStatus.Conflict))
        {
            return [];
        }

        var toWrite = files.Where(file => file.Status is FileStatus.New or FileStatus.Replaced).ToList();
        // Stryker disable once Block : a shortcut: with nothing to write, no folder is created and the transaction commits nothing
        if (toWrite.Count == 0)
        {
            return [];
        }

        var created = new List<string>();
        try
        {
            foreach (var directory in toWrite.Select(file => Path.GetDirectoryName(Path.GetFullPath(file.Path))!).Distinct(StringComparer.Ordinal))
            {
                if (!Directory.Exists(directory))
                {
                    Directory.CreateDirectory(directory);
                    created.Add(directory);
                }
            }

            var transaction = session?.Transaction() ?? new FileTransaction();
            foreach (var file in toWrite)
            {
                if (file.Status == FileStatus.New)
                {
                    transaction.Create(file.Path, file.Content);
                }
                else
                {
                    transaction.Write(file.Path, file.Content);
                }
            }

            transaction.Commit();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or EnvironmentException)
        {
            foreach (var directory in created.AsEnumerable().Reverse())
            {
                // Stryker disable once Logical : a safety net for a folder someone else filled or removed between the failure and this cleanup
                if (Directory.Exists(directory) && !Directory.EnumerateFileSystemEntries(directory).Any())
                {
                    Directory.Delete(directory);
                }
            }

            throw exception as EnvironmentException ?? new EnvironmentException($"cannot write the import: {exception.Message}; no file was changed", exception);
        }

        return [.. toWrite.Select(file => file.Path)];
    }

    private static FileStatus StatusOf(string path, byte[] content, FileStatus whenDifferent)
    {
        if (!File.Exists(path))
        {
            return FileStatus.New;
        }

        return ReleaseNotesFolder.ReadBytes(path).AsSpan().SequenceEqual(content) ? FileStatus.Unchanged : whenDifferent;
    }
}
