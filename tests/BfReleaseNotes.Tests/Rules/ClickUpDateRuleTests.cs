using System.Globalization;
using BfReleaseNotes.Migration;

namespace BfReleaseNotes.Tests.Rules;

/// <summary>
/// The date rules of the ClickUp import pinned with literal values: every month and weekday name of the view
/// export, the edges of the calendar, the clock and the UTC offset (the last valid value read, the first invalid
/// one refused with its message word for word), times written without seconds, and the range of Unix milliseconds.
/// </summary>
public sealed class ClickUpDateRuleTests
{
    [Fact]
    public void A_null_cell_or_offset_is_refused_by_its_parameter_name()
    {
        Assert.Equal("text", Assert.Throws<ArgumentNullException>(() => ClickUpDateParser.TryParse(null!, null, out _, out _)).ParamName);
        Assert.Equal("text", Assert.Throws<ArgumentNullException>(() => ClickUpDateParser.TryParseOffset(null!, out _)).ParamName);
    }

    [Theory]
    [InlineData("Wednesday, January 1st 2025, 10:00:00 am +00:00", "2025-01-01")]
    [InlineData("Saturday, February 1st 2025, 10:00:00 am +00:00", "2025-02-01")]
    [InlineData("Saturday, March 1st 2025, 10:00:00 am +00:00", "2025-03-01")]
    [InlineData("Tuesday, April 1st 2025, 10:00:00 am +00:00", "2025-04-01")]
    [InlineData("Saturday, May 3rd 2025, 10:00:00 am +00:00", "2025-05-03")]
    [InlineData("Sunday, June 1st 2025, 10:00:00 am +00:00", "2025-06-01")]
    [InlineData("Tuesday, July 1st 2025, 10:00:00 am +00:00", "2025-07-01")]
    [InlineData("Friday, August 1st 2025, 10:00:00 am +00:00", "2025-08-01")]
    [InlineData("Monday, September 1st 2025, 10:00:00 am +00:00", "2025-09-01")]
    [InlineData("Wednesday, October 1st 2025, 10:00:00 am +00:00", "2025-10-01")]
    [InlineData("Saturday, November 1st 2025, 10:00:00 am +00:00", "2025-11-01")]
    [InlineData("Monday, December 1st 2025, 10:00:00 am +00:00", "2025-12-01")]
    [InlineData("Thursday, January 2nd 2025, 10:00:00 am +00:00", "2025-01-02")]
    public void Every_month_and_weekday_name_of_the_view_export_is_read(string cell, string day)
    {
        Assert.True(ClickUpDateParser.TryParse(cell, null, out var date, out var error), error);

        Assert.Equal(day + "T10:00:00.0000000+00:00", Utc(date.Instant));
        Assert.Equal(day, date.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Assert.False(date.DateOnly);
    }

    [Theory]
    [InlineData("Friday, April 10nd 2026, 4:27:19 pm -04:00", "'Friday, April 10nd 2026, 4:27:19 pm -04:00' writes day 10 as '10nd'; expected '10th'")]
    [InlineData("Thursday, April 31st 2025, 10:00:00 am +00:00", "'Thursday, April 31st 2025, 10:00:00 am +00:00' is not a calendar date")]
    [InlineData("Tuesday, April 1st 2025, 13:00:00 pm +00:00", "'Tuesday, April 1st 2025, 13:00:00 pm +00:00' has no valid 12-hour time")]
    [InlineData("9999999999999999", "'9999999999999999' is out of range for Unix milliseconds")]
    [InlineData("253402300800000", "'253402300800000' is out of range for Unix milliseconds")]
    [InlineData("2024-11-15T24:00Z", "'2024-11-15T24:00Z' is not a valid ISO 8601 date and time")]
    [InlineData("2024-11-15T10:60Z", "'2024-11-15T10:60Z' is not a valid ISO 8601 date and time")]
    [InlineData("2024-11-15T10:00:60Z", "'2024-11-15T10:00:60Z' is not a valid ISO 8601 date and time")]
    [InlineData("2025-02-29T10:00Z", "'2025-02-29T10:00Z' is not a valid ISO 8601 date and time")]
    [InlineData("2024-11-15T10:00+14:30", "'2024-11-15T10:00+14:30' is not a valid ISO 8601 date and time")]
    [InlineData("0000-01-01", "'0000-01-01' is not a calendar date")]
    [InlineData("2024-13-01", "'2024-13-01' is not a calendar date")]
    public void A_value_past_an_edge_is_refused_with_this_message(string cell, string message)
    {
        Assert.False(ClickUpDateParser.TryParse(cell, null, out var date, out var error));

        Assert.Null(date);
        Assert.Equal(message, error);
    }

    [Theory]
    [InlineData("253402300799999", "9999-12-31T23:59:59.9990000+00:00", "9999-12-31")]
    [InlineData("11/15/2024, 9:36 AM GMT+5:30", "2024-11-15T04:06:00.0000000+00:00", "2024-11-15")]
    [InlineData("11/15/2024, 1:05:00 AM GMT", "2024-11-15T01:05:00.0000000+00:00", "2024-11-15")]
    [InlineData("2024-11-15T09:36Z", "2024-11-15T09:36:00.0000000+00:00", "2024-11-15")]
    [InlineData("2024-11-15T23:59:59Z", "2024-11-15T23:59:59.0000000+00:00", "2024-11-15")]
    [InlineData("2024-11-15T09:36:22.123456789Z", "2024-11-15T09:36:22.1234567+00:00", "2024-11-15")]
    [InlineData("2024-02-29T10:00+14:00", "2024-02-28T20:00:00.0000000+00:00", "2024-02-28")]
    [InlineData("2024-11-15T10:00+05:59", "2024-11-15T04:01:00.0000000+00:00", "2024-11-15")]
    public void A_value_at_an_edge_or_without_seconds_is_read_as_this_instant(string cell, string instant, string day)
    {
        Assert.True(ClickUpDateParser.TryParse(cell, null, out var date, out var error), error);

        Assert.Equal(instant, Utc(date.Instant));
        Assert.Equal(day, date.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Assert.False(date.DateOnly);
    }

    [Theory]
    [InlineData("0001-01-01", "0001-01-01T04:00:00.0000000+00:00")]
    [InlineData("9999-12-31", "9999-12-31T04:00:00.0000000+00:00")]
    [InlineData("2024-02-29", "2024-02-29T04:00:00.0000000+00:00")]
    [InlineData("1/31/2025", "2025-01-31T04:00:00.0000000+00:00")]
    public void The_first_and_last_days_of_the_calendar_and_of_a_month_are_dates(string cell, string instant)
    {
        Assert.True(ClickUpDateParser.TryParse(cell, null, out var date, out var error), error);

        Assert.Equal(instant, Utc(date.Instant));
        Assert.True(date.DateOnly);
    }

    [Theory]
    [InlineData("z", 0)]
    [InlineData("Z", 0)]
    [InlineData("+14:00", 840)]
    [InlineData("-14", -840)]
    [InlineData("+05:59", 359)]
    [InlineData("+00", 0)]
    public void An_offset_up_to_fourteen_hours_with_minutes_below_sixty_is_read(string text, int minutes)
    {
        Assert.True(ClickUpDateParser.TryParseOffset(text, out var offset));

        Assert.Equal(TimeSpan.FromMinutes(minutes), offset);
    }

    [Theory]
    [InlineData("+14:01")]
    [InlineData("+15")]
    [InlineData("+05:60")]
    [InlineData("05:30")]
    [InlineData("")]
    public void An_offset_past_fourteen_hours_or_with_sixty_minutes_or_no_sign_is_refused(string text)
    {
        Assert.False(ClickUpDateParser.TryParseOffset(text, out var offset));

        Assert.Equal(TimeSpan.Zero, offset);
    }

    private static string Utc(DateTimeOffset instant) => instant.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
}
