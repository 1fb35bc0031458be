using System.Globalization;
using BfReleaseNotes.Model;
using BfReleaseNotes.Workspace;

namespace BfReleaseNotes.Promotion;

/// <summary>
/// A new release is not dated before the latest published one (a typo such as <c>2020-01-01</c> would put it out
/// of order in every changelog reader), unless the release captain says so.
/// </summary>
public static class ReleaseDateRule
{
    /// <summary>
    /// Null when <paramref name="date"/> is allowed; else the sentence that says why not and what to do. The latest
    /// published release is the highest version in <paramref name="folder"/>; a file whose title has no valid date
    /// does not count (lint reports it).
    /// </summary>
    public static string? Check(ReleaseNotesFolder folder, DateOnly date, bool allowEarlierDate)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (allowEarlierDate)
        {
            return null;
        }

        var published = folder.PublishedFiles();
        if (published.Count == 0)
        {
            return null;
        }

        var latest = published[0];
        var latestDate = ReleaseNotesFolder.Read(latest.Path, DocumentKind.Published).Document?.Date;
        return latestDate is { } dated && date < dated
            ? $"the release date {date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} is earlier than {latest.Version}'s ({dated.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}, {latest.Path}); pass the right --date, or --allow-earlier-date if this release really is older"
            : null;
    }
}
