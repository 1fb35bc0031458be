using BfReleaseNotes.Migration;

namespace BfReleaseNotes.Tests.Migration;

public class ClickUpDateParserTests
{
    [Theory]
    [InlineData("1731643582000", "2024-11-15T04:06:22.0000000+00:00", "2024-11-15", false)]
    [InlineData("11/15/2024, 9:36:22 AM GMT+5:30", "2024-11-15T04:06:22.0000000+00:00", "2024-11-15", false)]
    [InlineData("11/15/2024, 2:10:00 AM GMT+5:30", "2024-11-14T20:40:00.0000000+00:00", "2024-11-14", false)]
    [InlineData("1/2/2025, 12:05:00 AM GMT", "2025-01-02T00:05:00.0000000+00:00", "2025-01-02", false)]
    [InlineData("1/2/2025, 12:05:00 PM GMT-5", "2025-01-02T17:05:00.0000000+00:00", "2025-01-02", false)]
    [InlineData("Friday, April 10th 2026, 4:27:19 pm -04:00", "2026-04-10T20:27:19.0000000+00:00", "2026-04-10", false)]
    [InlineData("Wednesday, January 1st 2025, 11:59:59 pm -04:00", "2025-01-02T03:59:59.0000000+00:00", "2025-01-02", false)]
    [InlineData("Tuesday, December 2nd 2025, 9:00:00 am +05:30", "2025-12-02T03:30:00.0000000+00:00", "2025-12-02", false)]
    [InlineData("Monday, November 3rd 2025, 10:00:00 AM +00:00", "2025-11-03T10:00:00.0000000+00:00", "2025-11-03", false)]
    [InlineData("Thursday, December 11th 2025, 10:00:00 am +00:00", "2025-12-11T10:00:00.0000000+00:00", "2025-12-11", false)]
    [InlineData("2024-11-15T09:36:22Z", "2024-11-15T09:36:22.0000000+00:00", "2024-11-15", false)]
    [InlineData("2024-11-15T09:36:22.5+02:00", "2024-11-15T07:36:22.5000000+00:00", "2024-11-15", false)]
    [InlineData(" 2024-11-15 ", "2024-11-15T04:00:00.0000000+00:00", "2024-11-15", true)]
    [InlineData("11/15/2024", "2024-11-15T04:00:00.0000000+00:00", "2024-11-15", true)]
    public void Every_ClickUp_date_form_reads_as_the_same_instant_in_UTC(string cell, string instant, string date, bool dateOnly)
    {
        Assert.True(ClickUpDateParser.TryParse(cell, null, out var parsed, out var error), error);

        Assert.Equal(instant, parsed.Instant.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(date, parsed.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(dateOnly, parsed.DateOnly);
    }

    [Theory]
    [InlineData("11/15/2024, 4:00:00 AM GMT+5:30")]
    [InlineData("Friday, November 15th 2024, 4:00:00 am +05:30")]
    [InlineData("2024-11-15T04:00:00+05:30")]
    public void A_date_without_time_stored_at_4_AM_local_keeps_its_local_date(string cell)
    {
        Assert.True(ClickUpDateParser.TryParse(cell, null, out var parsed, out var error), error);

        Assert.True(parsed.DateOnly);
        Assert.Equal(new DateOnly(2024, 11, 15), parsed.Date); // in UTC it is still the 14th, 22:30
        Assert.Equal(new DateTimeOffset(2024, 11, 14, 22, 30, 0, TimeSpan.Zero), parsed.Instant);
    }

    [Fact]
    public void An_epoch_at_4_AM_at_the_exporters_offset_is_a_date_without_time()
    {
        var epoch = new DateTimeOffset(2024, 11, 15, 4, 0, 0, new TimeSpan(5, 30, 0)).ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

        Assert.True(ClickUpDateParser.TryParse(epoch, new TimeSpan(5, 30, 0), out var withOffset, out _));
        Assert.True(ClickUpDateParser.TryParse(epoch, null, out var withoutOffset, out _));

        Assert.Equal(new DateOnly(2024, 11, 15), withOffset.Date);
        Assert.True(withOffset.DateOnly);
        Assert.Equal(new DateOnly(2024, 11, 14), withoutOffset.Date);
    }

    [Theory]
    [InlineData("1.73164E+12", "scientific notation")]
    [InlineData("1,73164E+12", "scientific notation")]
    [InlineData("Thursday, April 10th 2026, 4:27:19 pm -04:00", "is a Friday")]
    [InlineData("Friday, April 10nd 2026, 4:27:19 pm -04:00", "expected '10th'")]
    [InlineData("11/15/2024, 9:36:22 AM", "no time zone")]
    [InlineData("13/45/2024, 9:00:00 AM GMT+5:30", "not a calendar date")]
    [InlineData("2/30/2025", "not a calendar date")]
    [InlineData("11/15/2024, 13:36:22 PM GMT", "12-hour")]
    [InlineData("15.11.2024 09:36", "not a ClickUp date")]
    [InlineData("2024-11-15T09:36:22", "not a ClickUp date")]
    [InlineData("next friday", "not a ClickUp date")]
    [InlineData("11/15/2024, 9:36:22 AM GMT+15:00", "invalid UTC offset")]
    public void A_value_that_is_not_a_certain_date_is_refused_with_the_reason(string cell, string reason)
    {
        Assert.False(ClickUpDateParser.TryParse(cell, null, out var parsed, out var error));

        Assert.Null(parsed);
        Assert.Contains(reason, error, StringComparison.Ordinal);
        Assert.Contains(cell.Trim(), error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("+5:30", 330)]
    [InlineData("+05:30", 330)]
    [InlineData("-04:00", -240)]
    [InlineData("-4", -240)]
    [InlineData("+0530", 330)]
    [InlineData("Z", 0)]
    public void Offsets_read_in_every_written_form(string text, int minutes)
    {
        Assert.True(ClickUpDateParser.TryParseOffset(text, out var offset));
        Assert.Equal(TimeSpan.FromMinutes(minutes), offset);
    }
}
