namespace BfReleaseNotes.Migration;

/// <summary>A date read from a ClickUp cell.</summary>
/// <param name="Instant">The moment, in UTC.</param>
/// <param name="Date">The calendar date it stands for: the UTC date, or the local date of a date-only value.</param>
/// <param name="DateOnly">True when ClickUp stored a date without a time (4:00 AM local).</param>
public sealed record ClickUpDate(DateTimeOffset Instant, DateOnly Date, bool DateOnly);
