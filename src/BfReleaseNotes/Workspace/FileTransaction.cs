namespace BfReleaseNotes.Workspace;

/// <summary>
/// Writes several files so that either all of them change or none does. Each new content goes to a
/// temporary file beside its target; the originals are copied aside; then the temporaries are renamed into
/// place. If a write or rename fails part-way, every target already replaced is put back.
/// </summary>
public sealed class FileTransaction
{
    private readonly List<(string Path, byte[] Content)> _writes = [];

    /// <summary>
    /// Called after each rename with the number of files already in place. Tests use it to inject a failure
    /// between two renames; production code leaves it null.
    /// </summary>
    internal Action<int>? AfterRename { get; set; }

    /// <summary>Queues a file to write. Nothing touches the disk until <see cref="Commit"/>.</summary>
    public FileTransaction Write(string path, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(content);
        _writes.Add((Path.GetFullPath(path), content));
        return this;
    }

    /// <summary>The files queued so far, in order.</summary>
    public IReadOnlyList<string> Paths => [.. _writes.Select(write => write.Path)];

    /// <summary>Writes every queued file, or none.</summary>
    /// <exception cref="EnvironmentException">A file could not be written; every file is as it was.</exception>
    public void Commit()
    {
        var stamp = $".bfrn-{Environment.ProcessId}-{Guid.NewGuid():N}";
        var staged = _writes.Select(write => (write.Path, write.Content, Temp: write.Path + stamp + ".tmp", Backup: write.Path + stamp + ".bak",
            Existed: File.Exists(write.Path))).ToList();
        var renamed = 0;
        try
        {
            foreach (var file in staged)
            {
                File.WriteAllBytes(file.Temp, file.Content);
                if (file.Existed)
                {
                    File.Copy(file.Path, file.Backup);
                }
            }

            foreach (var file in staged)
            {
                File.Move(file.Temp, file.Path, overwrite: true);
                renamed++;
                AfterRename?.Invoke(renamed);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InjectedFailureException)
        {
            for (var i = 0; i < renamed; i++)
            {
                var file = staged[i];
                if (file.Existed)
                {
                    File.Move(file.Backup, file.Path, overwrite: true);
                }
                else
                {
                    File.Delete(file.Path);
                }
            }

            throw new EnvironmentException($"could not write {string.Join(", ", staged.Select(file => file.Path))}: {exception.Message}; no file was changed", exception);
        }
        finally
        {
            foreach (var file in staged)
            {
                File.Delete(file.Temp);
                File.Delete(file.Backup);
            }
        }
    }
}

/// <summary>A failure raised on purpose by a test through <see cref="FileTransaction.AfterRename"/>.</summary>
internal sealed class InjectedFailureException : Exception
{
    public InjectedFailureException()
        : base("injected failure")
    {
    }

    public InjectedFailureException(string message)
        : base(message)
    {
    }

    public InjectedFailureException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
