using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using BfReleaseNotes.Workspace;

namespace BfReleaseNotes.Migration;

/// <summary>
/// The time a run may spend in the mapping's regular expressions. Each value has its own limit
/// (<see cref="ClickUpMapping.RegexTimeout"/>: that row is rejected as <c>regex-timeout</c>), and the whole run has
/// <see cref="RunTotal"/>: without it, an export of many hostile values would take one limit per row, without bound.
/// </summary>
internal sealed class RegexBudget
{
    /// <summary>The most time one run spends matching, over all values.</summary>
    public static TimeSpan RunTotal { get; } = TimeSpan.FromSeconds(5);

    private TimeSpan _spent;
    private long _values;
    private long _timeouts;

    /// <summary>Matches <paramref name="value"/>; null when this value hit its limit.</summary>
    /// <exception cref="EnvironmentException">The run's budget is used up: the import stops, nothing is written.</exception>
    public Match? Match(Regex pattern, string value)
    {
        // Positive: a run that has spent its budget has already stopped (below).
        // Stryker disable once Arithmetic : a larger remainder only leaves the last value its whole limit (see below)
        var remaining = RunTotal - _spent;
        // The last value's limit is cut to what the budget has left, so a run stops at its budget, not up to one limit past it.
        var limit = TimeSpan.FromTicks(Math.Min(remaining.Ticks, pattern.MatchTimeout.Ticks));
        var cut = limit < pattern.MatchTimeout;
        // Stryker disable once Conditional : either way the limit holds or is at most one value's limit late (the pattern's own); no test times a run
        var limited = cut ? new Regex(pattern.ToString(), pattern.Options, limit) : pattern;
        var clock = Stopwatch.StartNew();
        Match? match;
        var timedOut = false;
        try
        {
            match = limited.Match(value);
        }
        catch (RegexMatchTimeoutException)
        {
            match = null;
            _timeouts++;
            timedOut = true;
        }

        _spent += clock.Elapsed;
        _values++;
        // A value cut to what the budget had left and timed out has used the budget up, even when the regex's coarser
        // clock fired a little before the stopwatch reached it (else each later value would get a sliver and time out).
        // Stryker disable once Equality : a run's time equal to its budget to the tick is not something a test can arrange
        if (_spent >= RunTotal || (timedOut && cut))
        {
            throw new EnvironmentException(
                $"release.versionPattern used the run's whole matching budget ({RunTotal.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)} s) " +
                $"after {_values.ToString("N0", CultureInfo.InvariantCulture)} values ({_timeouts.ToString("N0", CultureInfo.InvariantCulture)} of them over the " +
                $"{ClickUpMapping.RegexTimeout.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)} s limit each); simplify the pattern " +
                "(nested quantifiers such as '(a+)+' backtrack without end on some text) and run again. Nothing was written.");
        }

        return match;
    }
}
