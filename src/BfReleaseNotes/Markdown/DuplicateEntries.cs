using BfReleaseNotes.Model;

namespace BfReleaseNotes.Markdown;

/// <summary>
/// The same entry text twice in the working file: two merge requests wrote the same note (or a union merge kept both
/// copies of one). Publishing both would say it twice, so it is a warning that <c>lint --fix</c> resolves by keeping
/// the first.
/// </summary>
internal static class DuplicateEntries
{
    public static void Report(ReleaseNotesDocument document, string file, List<Diagnostic> diagnostics)
    {
        var first = new Dictionary<string, Entry>(StringComparer.Ordinal);
        foreach (var entry in document.AllEntries)
        {
            var key = entry.Markdown;
            if (string.IsNullOrWhiteSpace(key))
            {
                continue; // an empty entry has its own error.
            }

            if (!first.TryAdd(key, entry))
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.DuplicateEntry, DiagnosticSeverity.Warning, file, entry.Position,
                    $"the same entry is already at line {first[key].Position.Line} ('{ReleaseNotesParser.Shorten(key.Split('\n')[0])}'); two merge requests probably added the same text; 'bf-release-notes lint --fix' keeps the first", Fixable: true));
            }
        }
    }
}
