using System.Text.Json;
using System.Text.Json.Serialization;

namespace BfReleaseNotes.Workspace;

/// <summary>One file of a journalled transaction: where it goes, its temporary and backup copies, and the hashes
/// of its content before and after (null: absent, as a new file before or a deleted one after).</summary>
internal sealed record JournalFile(string Target, string Temp, string? Backup, string? OldHash, string? NewHash);

/// <summary>
/// The intent record a transaction writes (atomically, flushed) before its first rename and removes after its
/// last: what it is replacing, with what. A run that finds one knows a transaction was interrupted and can finish
/// it (every new content is in its flushed temporary file) or undo it (every replaced file has a backup).
/// </summary>
internal sealed record TransactionJournal(string Command, int ProcessId, DateTimeOffset Started, IReadOnlyList<JournalFile> Files)
{
    /// <summary>The journal's file name inside the locked folder.</summary>
    public const string FileName = ".bfrn-journal.json";

    public static string PathIn(string folder) => Path.Combine(folder, FileName);

    public void Save(string folder, string stamp)
    {
        var path = PathIn(folder);
        var temp = path + stamp + ".tmp";
        DurableIo.WriteFile(temp, JsonSerializer.SerializeToUtf8Bytes(this, JournalJsonContext.Default.TransactionJournal));
        File.Move(temp, path, overwrite: true);
        // Stryker disable once Statement : flushing the folder shows only across a power cut, which no test can cause
        DurableIo.FlushFolder(folder);
    }

    public static TransactionJournal? Load(string folder)
    {
        var path = PathIn(folder);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(File.ReadAllBytes(path), JournalJsonContext.Default.TransactionJournal)
                ?? throw new JsonException("empty journal");
        }
        catch (JsonException exception)
        {
            throw new EnvironmentException(
                $"'{path}' (the record of an interrupted write) cannot be read: {exception.Message}; compare the files in '{folder}' with their '.bfrn-*.tmp' and '.bfrn-*.bak' copies, keep the right ones, then delete the record and the copies", exception);
        }
    }

    public static void Delete(string folder)
    {
        File.Delete(PathIn(folder));
        // Stryker disable once Statement : flushing the folder shows only across a power cut, which no test can cause
        DurableIo.FlushFolder(folder);
    }

    /// <summary>
    /// Finishes (or, when it cannot, undoes) this interrupted transaction. Finishing needs every file to hold its
    /// new content or its old content with the temporary still there; undoing needs every file to hold its old
    /// content or its new content with a backup. A file that holds neither was changed by someone since: then
    /// nothing is touched and the message says what to compare.
    /// </summary>
    /// <returns>A sentence saying what was done.</returns>
    public string Recover(string folder)
    {
        var states = Files.Select(file => (File: file, Current: DurableIo.HashOf(file.Target))).ToList();
        var who = $"an interrupted 'bf-release-notes {Command}' (process {ProcessId}, started {Started:yyyy-MM-ddTHH:mm:ssZ})";
        var canFinish = states.All(state => state.Current == state.File.NewHash || (state.Current == state.File.OldHash && (state.File.NewHash is null || File.Exists(state.File.Temp))));
        if (canFinish)
        {
            foreach (var (file, current) in states)
            {
                if (current == file.NewHash)
                {
                    continue;
                }

                if (file.NewHash is null)
                {
                    File.Delete(file.Target);
                }
                else
                {
                    File.Move(file.Temp, file.Target, overwrite: true);
                }
            }

            // Stryker disable once Statement : flushing the folders shows only across a power cut, which no test can cause
            FlushFolders(Files.Select(file => file.Target));
            Cleanup(folder);
            return $"finished {who}: {string.Join(", ", Files.Select(file => file.Target))} now hold what it wrote";
        }

        var canUndo = states.All(state => state.Current == state.File.OldHash || (state.Current == state.File.NewHash && (state.File.OldHash is null || File.Exists(state.File.Backup!))));
        if (canUndo)
        {
            foreach (var (file, current) in states)
            {
                if (current == file.OldHash)
                {
                    continue;
                }

                if (file.OldHash is null)
                {
                    File.Delete(file.Target);
                }
                else
                {
                    File.Move(file.Backup!, file.Target, overwrite: true);
                }
            }

            // Stryker disable once Statement : flushing the folders shows only across a power cut, which no test can cause
            FlushFolders(Files.Select(file => file.Target));
            Cleanup(folder);
            return $"undid {who}: {string.Join(", ", Files.Select(file => file.Target))} are as they were before it";
        }

        var changed = states.Where(state => state.Current != state.File.OldHash && state.Current != state.File.NewHash).Select(state => state.File.Target);
        throw new EnvironmentException(
            $"{who} left a half-done write, and {string.Join(", ", changed)} changed since, so it can be neither finished nor undone safely. " +
            $"Compare each file with its '.bfrn-*.tmp' (new) and '.bfrn-*.bak' (old) copy beside it, keep what is right, then delete '{PathIn(folder)}' and the copies. No file was changed.");
    }

    private void Cleanup(string folder)
    {
        foreach (var file in Files)
        {
            File.Delete(file.Temp);
            if (file.Backup is not null)
            {
                File.Delete(file.Backup);
            }
        }

        Delete(folder);
    }

    // Stryker disable once Block : flushing the folders shows only across a power cut, which no test can cause
    private static void FlushFolders(IEnumerable<string> targets)
    {
        foreach (var directory in targets.Select(target => Path.GetDirectoryName(target)!).Distinct(StringComparer.Ordinal))
        {
            // Stryker disable once Statement : flushing the folder shows only across a power cut, which no test can cause
            DurableIo.FlushFolder(directory);
        }
    }
}

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(TransactionJournal))]
internal sealed partial class JournalJsonContext : JsonSerializerContext;
