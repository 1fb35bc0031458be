using System.Text;
using BfReleaseNotes.Markdown;
using BfReleaseNotes.Workspace;

namespace BfReleaseNotes.Merging;

/// <summary>
/// Git's merge-driver protocol (<c>merge.&lt;name&gt;.driver = bf-release-notes merge-driver %O %A %B %P</c>): reads
/// the three versions, writes the result over ours, and says whether a person must resolve it. A file named
/// <c>unreleased.md</c> gets the structural merge; any other path git hands over (the driver replaces git's
/// built-in <c>union</c>) gets exactly git's union merge, so installing it changes nothing for other files.
/// </summary>
public static class MergeDriver
{
    // Stryker disable once Boolean : the identifier is what GetPreamble gives; only GetString is used, which never reads it
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Merges the three files and writes the result to <paramref name="oursPath"/>.</summary>
    /// <param name="basePath">The ancestor's temporary file (<c>%O</c>).</param>
    /// <param name="oursPath">Our temporary file (<c>%A</c>): the result is written here.</param>
    /// <param name="theirsPath">Their temporary file (<c>%B</c>).</param>
    /// <param name="path">The path in the repository (<c>%P</c>), or null; it decides structural or union.</param>
    /// <exception cref="EnvironmentException">A file cannot be read or written.</exception>
    public static MergeResult Run(string basePath, string oursPath, string theirsPath, string? path)
    {
        ArgumentNullException.ThrowIfNull(basePath);
        ArgumentNullException.ThrowIfNull(oursPath);
        ArgumentNullException.ThrowIfNull(theirsPath);
        var baseBytes = ReleaseNotesFolder.ReadBytes(basePath);
        var oursBytes = ReleaseNotesFolder.ReadBytes(oursPath);
        var theirsBytes = ReleaseNotesFolder.ReadBytes(theirsPath);
        var result = Merge(baseBytes, oursBytes, theirsBytes, path);
        new FileTransaction().Write(oursPath, result.Bytes).Commit();
        return result.Result;
    }

    /// <summary>The merge of three byte contents, without touching files: the result's bytes and how it was made.</summary>
    public static (byte[] Bytes, MergeResult Result) Merge(byte[] baseBytes, byte[] oursBytes, byte[] theirsBytes, string? path)
    {
        ArgumentNullException.ThrowIfNull(baseBytes);
        ArgumentNullException.ThrowIfNull(oursBytes);
        ArgumentNullException.ThrowIfNull(theirsBytes);
        var name = path ?? ReleaseNotesParser.UnreleasedFileName;
        if (!IsReleaseNotesFile(path))
        {
            // Latin-1 maps every byte to one character and back, so the union keeps bytes it does not understand.
            var union = LineMerger.Merge(Encoding.Latin1.GetString(baseBytes), Encoding.Latin1.GetString(oursBytes), Encoding.Latin1.GetString(theirsBytes), LineMergeFavor.Union);
            return (Encoding.Latin1.GetBytes(union.Text), new MergeResult(union.Text, 0, MergeMethod.Union, []));
        }

        var bom = Encoding.UTF8.Preamble.ToArray();
        var hasBom = oursBytes.AsSpan().StartsWith(bom);
        if (TryDecode(baseBytes, bom, out var baseText) && TryDecode(oursBytes, bom, out var oursText) && TryDecode(theirsBytes, bom, out var theirsText))
        {
            var result = ReleaseNotesMerger.Merge(baseText, oursText, theirsText, name);
            var bytes = Encoding.UTF8.GetBytes(result.Text);
            return (hasBom ? [.. bom, .. bytes] : bytes, result);
        }

        var line = LineMerger.Merge(Encoding.Latin1.GetString(baseBytes), Encoding.Latin1.GetString(oursBytes), Encoding.Latin1.GetString(theirsBytes), LineMergeFavor.Conflict);
        return (Encoding.Latin1.GetBytes(line.Text), new MergeResult(line.Text, line.Conflicts, MergeMethod.LineMerge,
            [$"{name}: a version is not valid UTF-8 text; git's line merge was used instead of the structural merge"]));
    }

    /// <summary>True for the working file (<c>unreleased.md</c>), which the structural merge understands.</summary>
    public static bool IsReleaseNotesFile(string? path) =>
        path is null || string.Equals(Path.GetFileName(path), ReleaseNotesParser.UnreleasedFileName, StringComparison.OrdinalIgnoreCase);

    private static bool TryDecode(byte[] bytes, byte[] bom, out string text)
    {
        var span = bytes.AsSpan();
        if (span.StartsWith(bom))
        {
            span = span[bom.Length..];
        }

        try
        {
            text = StrictUtf8.GetString(span);
            return true;
        }
        catch (DecoderFallbackException)
        {
            // Stryker disable once String : the text of a version that does not decode is never read
            text = string.Empty;
            return false;
        }
    }
}
