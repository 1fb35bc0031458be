namespace BfReleaseNotes.Workspace;

/// <summary>
/// Keeps an output option from destroying input: a report or rejects file may never be one of the command's
/// inputs (the export, the mapping, a description file) nor any file in the release-notes folder, whatever
/// <c>--force</c> says; and an existing file with other content is replaced only with <c>--force</c>.
/// Paths are compared after following symbolic links, so a link cannot smuggle an input in.
/// </summary>
public static class OutputPath
{
    /// <summary>Throws unless <paramref name="output"/> may be written.</summary>
    /// <param name="output">The output file.</param>
    /// <param name="option">The option that named it (<c>--rejects</c>), for the message.</param>
    /// <param name="inputs">The command's input files, each with what it is (<c>the export</c>).</param>
    /// <param name="notesFolder">The release-notes folder, whose files are never an output; null when none.</param>
    /// <exception cref="EnvironmentException">The output is an input, in the notes folder, or a folder.</exception>
    public static void EnsureNotInput(string output, string option, IEnumerable<(string Path, string What)> inputs, string? notesFolder)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(option);
        ArgumentNullException.ThrowIfNull(inputs);
        var target = Canonical(output);
        if (Directory.Exists(target))
        {
            throw new EnvironmentException($"{option} '{output}' is a folder; pass a file path");
        }

        foreach (var (path, what) in inputs)
        {
            if (string.Equals(target, Canonical(path), StringComparison.Ordinal))
            {
                throw new EnvironmentException($"{option} '{output}' is {what} itself; writing there would destroy the input, so pass another path. Nothing was written.");
            }
        }

        if (notesFolder is not null)
        {
            var folder = Canonical(notesFolder);
            if (string.Equals(Path.GetDirectoryName(target), folder, StringComparison.Ordinal))
            {
                throw new EnvironmentException($"{option} '{output}' is in the release-notes folder '{notesFolder}', whose files only bf-release-notes writes; pass a path outside it. Nothing was written.");
            }
        }
    }

    /// <summary>
    /// Throws when <paramref name="output"/> exists with content other than <paramref name="content"/> and
    /// <paramref name="force"/> is not set (the same content is no change and is allowed), unless the existing file is
    /// one <paramref name="isEarlierOutput"/> recognises as this command's own earlier output (a check re-run in the
    /// same folder replaces its last report; nobody's other file is touched without <c>--force</c>).
    /// </summary>
    /// <param name="output">The output file.</param>
    /// <param name="option">The option that named it, for the message.</param>
    /// <param name="content">What would be written.</param>
    /// <param name="force">Whether the user passed <c>--force</c>.</param>
    /// <param name="isEarlierOutput">Recognises the bytes of an earlier output of the same kind; null recognises none.</param>
    /// <exception cref="EnvironmentException">The file exists with other content and there is no --force.</exception>
    public static void EnsureMayReplace(string output, string option, ReadOnlySpan<byte> content, bool force, Func<byte[], bool>? isEarlierOutput = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(option);
        if (force || !File.Exists(output))
        {
            return;
        }

        if (DurableIo.HashOf(output) == DurableIo.HashOf(content))
        {
            return;
        }

        // A report is small; anything larger than this is not one, and is not read whole to find out.
        const long LargestReport = 64L * 1024 * 1024;
        if (isEarlierOutput is not null && new FileInfo(output).Length <= LargestReport && isEarlierOutput(File.ReadAllBytes(output)))
        {
            return;
        }

        throw new EnvironmentException($"{option} '{output}' already exists with other content; pass --force to replace it, or choose another path. Nothing was written.");
    }

    /// <summary>The full path with every symbolic link along it followed (as far as it exists).</summary>
    private static string Canonical(string path)
    {
        var full = Path.GetFullPath(path);
        try
        {
            if (File.ResolveLinkTarget(full, returnFinalTarget: true) is { } target)
            {
                return Path.GetFullPath(target.FullName);
            }
        }
        catch (IOException)
        {
            // Missing or not a link: the path stands for itself.
        }

        var directory = Path.GetDirectoryName(full);
        if (directory is null || directory == full)
        {
            return full;
        }

        var parent = Canonical(directory);
        return Path.Combine(parent, Path.GetFileName(full));
    }
}
