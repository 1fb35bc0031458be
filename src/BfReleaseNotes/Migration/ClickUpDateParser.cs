using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace BfReleaseNotes.Migration;

/// <summary>
/// Reads the date forms ClickUp writes, with explicit, culture-invariant code (no <c>DateTime.Parse</c> guessing):
/// <list type="bullet">
/// <item>Unix milliseconds: <c>1731643582000</c>;</item>
/// <item>the export's text form, in the exporter's zone: <c>11/15/2024, 9:36:22 AM GMT+5:30</c> (month first);</item>
/// <item>the view export's form: <c>Friday, April 10th 2026, 4:27:19 pm -04:00</c> (weekday and ordinal are checked);</item>
/// <item>ISO 8601 with an offset (<c>2024-11-15T09:36:22Z</c>) or a bare ISO date (<c>2024-11-15</c>).</item>
/// </list>
/// ClickUp stores a date without a time at 4:00 AM local: such a value is read as that local date. A number in
/// scientific notation (<c>1.73164E+12</c>, what a spreadsheet makes of an epoch) lost its precision and is refused.
/// </summary>
public static partial class ClickUpDateParser
{
    private static readonly string[] Weekdays = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
    private static readonly string[] Months = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    /// <summary>Reads one cell. Returns false with a reason (quoting the value) when it is not a date this parser knows.</summary>
    /// <param name="text">The cell, trimmed or not.</param>
    /// <param name="exporterUtcOffset">The exporter's offset, to recognise date-only epoch values; null when unknown.</param>
    /// <param name="date">The date read.</param>
    /// <param name="error">Why the value is not a date.</param>
    public static bool TryParse(string text, TimeSpan? exporterUtcOffset, [NotNullWhen(true)] out ClickUpDate? date, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        date = null;
        error = null;
        var value = text.Trim();
        if (EpochPattern().IsMatch(value))
        {
            if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds)
                || milliseconds > DateTimeOffset.MaxValue.ToUnixTimeMilliseconds())
            {
                error = $"'{value}' is out of range for Unix milliseconds";
                return false;
            }

            var instant = DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
            date = exporterUtcOffset is { } offset && IsFourAm(instant.ToOffset(offset))
                ? new ClickUpDate(instant, DateOnly.FromDateTime(instant.ToOffset(offset).DateTime), DateOnly: true)
                : new ClickUpDate(instant, DateOnly.FromDateTime(instant.UtcDateTime), DateOnly: false);
            return true;
        }

        if (ScientificPattern().IsMatch(value))
        {
            error = $"'{value}' is a number in scientific notation (a spreadsheet rounded the epoch milliseconds); its precision is lost";
            return false;
        }

        var match = ExportTextPattern().Match(value);
        if (match.Success)
        {
            return FromParts(value, Int(match, "year"), Int(match, "month"), Int(match, "day"), match.Groups["hour"], match.Groups["minute"],
                match.Groups["second"], match.Groups["ampm"], match.Groups["offset"].Success ? match.Groups["offset"].Value : match.Groups["gmt"].Success ? "+0" : null,
                out date, out error);
        }

        match = ViewTextPattern().Match(value);
        if (match.Success)
        {
            var month = Array.IndexOf(Months, match.Groups["monthName"].Value.ToLowerInvariant()) + 1;
            var day = Int(match, "day");
            if (!string.Equals(match.Groups["ordinal"].Value, Ordinal(day), StringComparison.OrdinalIgnoreCase))
            {
                error = $"'{value}' writes day {day} as '{day}{match.Groups["ordinal"].Value}'; expected '{day}{Ordinal(day)}'";
                return false;
            }

            if (!FromParts(value, Int(match, "year"), month, day, match.Groups["hour"], match.Groups["minute"], match.Groups["second"],
                    match.Groups["ampm"], match.Groups["offset"].Value, out date, out error))
            {
                return false;
            }

            var local = date.Instant.ToOffset(OffsetOrZero(match.Groups["offset"].Value));
            var weekday = Weekdays[(int)local.DayOfWeek];
            if (!string.Equals(weekday, match.Groups["weekday"].Value, StringComparison.OrdinalIgnoreCase))
            {
                error = $"'{value}' says {match.Groups["weekday"].Value} but {local:yyyy-MM-dd} is a {CultureInfo.InvariantCulture.TextInfo.ToTitleCase(weekday)}";
                date = null;
                return false;
            }

            return true;
        }

        match = IsoPattern().Match(value);
        if (match.Success)
        {
            return FromIso(value, match, match.Groups["offset"].Value, out date, out error);
        }

        match = DateOnlyPattern().Match(value);
        if (match.Success)
        {
            var (year, month, day) = match.Groups["iso"].Success
                ? (Int(match, "isoYear"), Int(match, "isoMonth"), Int(match, "isoDay"))
                : (Int(match, "year"), Int(match, "month"), Int(match, "day"));
            if (!IsValidDate(year, month, day))
            {
                error = $"'{value}' is not a calendar date";
                return false;
            }

            var local = new DateOnly(year, month, day);
            date = new ClickUpDate(new DateTimeOffset(local.ToDateTime(new TimeOnly(4, 0)), TimeSpan.Zero), local, DateOnly: true);
            return true;
        }

        error = $"'{value}' is not a ClickUp date (Unix milliseconds, '11/15/2024, 9:36:22 AM GMT+5:30', 'Friday, April 10th 2026, 4:27:19 pm -04:00' or ISO 8601 with an offset)";
        return false;
    }

    /// <summary>Reads a UTC offset: <c>+5:30</c>, <c>+05:30</c>, <c>-4</c>, <c>+0530</c>, <c>Z</c>.</summary>
    public static bool TryParseOffset(string text, out TimeSpan offset)
    {
        ArgumentNullException.ThrowIfNull(text);
        offset = TimeSpan.Zero;
        if (text is "Z" or "z")
        {
            return true;
        }

        var match = OffsetPattern().Match(text);
        if (!match.Success)
        {
            return false;
        }

        var hours = Int(match, "hours");
        var minutes = match.Groups["minutes"].Success ? Int(match, "minutes") : 0;
        if (hours > 14 || minutes > 59 || (hours == 14 && minutes > 0))
        {
            return false;
        }

        offset = new TimeSpan(hours, minutes, 0);
        if (match.Groups["sign"].Value == "-")
        {
            offset = offset.Negate();
        }

        return true;
    }

    private static bool FromParts(string value, int year, int month, int day, Group hourGroup, Group minuteGroup, Group secondGroup, Group ampm,
        string? offsetText, [NotNullWhen(true)] out ClickUpDate? date, [NotNullWhen(false)] out string? error)
    {
        date = null;
        error = null;
        var hour = int.Parse(hourGroup.Value, CultureInfo.InvariantCulture);
        var minute = int.Parse(minuteGroup.Value, CultureInfo.InvariantCulture);
        var second = secondGroup.Success ? int.Parse(secondGroup.Value, CultureInfo.InvariantCulture) : 0;
        if (hour is < 1 or > 12 || minute > 59 || second > 59)
        {
            error = $"'{value}' has no valid 12-hour time";
            return false;
        }

        hour %= 12;
        if (ampm.Value.StartsWith('p') || ampm.Value.StartsWith('P'))
        {
            hour += 12;
        }

        if (!IsValidDate(year, month, day))
        {
            error = $"'{value}' is not a calendar date";
            return false;
        }

        if (offsetText is null)
        {
            error = $"'{value}' has no time zone (GMT+h:mm); without it the instant would be a guess";
            return false;
        }

        if (!TryParseOffset(offsetText, out var offset))
        {
            error = $"'{value}' has an invalid UTC offset '{offsetText}'";
            return false;
        }

        var local = new DateTimeOffset(year, month, day, hour, minute, second, offset);
        date = Dated(local);
        return true;
    }

    private static bool FromIso(string value, Match match, string offsetText, [NotNullWhen(true)] out ClickUpDate? date, [NotNullWhen(false)] out string? error)
    {
        date = null;
        error = null;
        int year = Int(match, "year"), month = Int(match, "month"), day = Int(match, "day"), hour = Int(match, "hour"), minute = Int(match, "minute");
        var second = match.Groups["second"].Success ? Int(match, "second") : 0;
        var fraction = match.Groups["fraction"].Value; // empty when the value has no fraction of a second
        if (!IsValidDate(year, month, day) || hour > 23 || minute > 59 || second > 59 || !TryParseOffset(offsetText, out var offset))
        {
            error = $"'{value}' is not a valid ISO 8601 date and time";
            return false;
        }

        var ticks = long.Parse(fraction.PadRight(7, '0')[..7], CultureInfo.InvariantCulture);
        date = Dated(new DateTimeOffset(year, month, day, hour, minute, second, offset).AddTicks(ticks));
        return true;
    }

    private static ClickUpDate Dated(DateTimeOffset local) =>
        IsFourAm(local)
            ? new ClickUpDate(local.ToUniversalTime(), DateOnly.FromDateTime(local.DateTime), DateOnly: true)
            : new ClickUpDate(local.ToUniversalTime(), DateOnly.FromDateTime(local.UtcDateTime), DateOnly: false);

    private static bool IsFourAm(DateTimeOffset local) => local.TimeOfDay == TimeSpan.FromHours(4);

    private static TimeSpan OffsetOrZero(string text) => TryParseOffset(text, out var offset) ? offset : TimeSpan.Zero;

    private static bool IsValidDate(int year, int month, int day) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);

    private static string Ordinal(int day) => (day % 100) switch
    {
        11 or 12 or 13 => "th",
        _ => (day % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" },
    };

    private static int Int(Match match, string group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^[0-9]{1,16}$", RegexOptions.CultureInvariant)]
    private static partial Regex EpochPattern();

    [GeneratedRegex(@"^[+-]?[0-9]+([.,][0-9]+)?[eE][+-]?[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex ScientificPattern();

    [GeneratedRegex(@"^(?<month>[0-9]{1,2})/(?<day>[0-9]{1,2})/(?<year>[0-9]{4}),? +(?<hour>[0-9]{1,2}):(?<minute>[0-9]{2})(:(?<second>[0-9]{2}))? *(?<ampm>[AaPp][Mm])( *(?<gmt>GMT|UTC)(?<offset>[+-][0-9]{1,2}(:?[0-9]{2})?)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex ExportTextPattern();

    [GeneratedRegex(@"^(?<weekday>[A-Za-z]+), +(?<monthName>January|February|March|April|May|June|July|August|September|October|November|December) +(?<day>[0-9]{1,2})(?<ordinal>st|nd|rd|th) +(?<year>[0-9]{4}),? +(?<hour>[0-9]{1,2}):(?<minute>[0-9]{2})(:(?<second>[0-9]{2}))? *(?<ampm>am|pm) +(?<offset>[+-][0-9]{2}:?[0-9]{2})$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ViewTextPattern();

    [GeneratedRegex(@"^(?<year>[0-9]{4})-(?<month>[0-9]{2})-(?<day>[0-9]{2})[T ](?<hour>[0-9]{2}):(?<minute>[0-9]{2})(:(?<second>[0-9]{2})(\.(?<fraction>[0-9]{1,9}))?)?(?<offset>Z|[+-][0-9]{2}:?[0-9]{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoPattern();

    [GeneratedRegex(@"^((?<iso>(?<isoYear>[0-9]{4})-(?<isoMonth>[0-9]{2})-(?<isoDay>[0-9]{2}))|(?<month>[0-9]{1,2})/(?<day>[0-9]{1,2})/(?<year>[0-9]{4}))$", RegexOptions.CultureInvariant)]
    private static partial Regex DateOnlyPattern();

    [GeneratedRegex(@"^(?<sign>[+-])(?<hours>[0-9]{1,2})(:?(?<minutes>[0-9]{2}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex OffsetPattern();
}
