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
        var remaining = RunTotal - _spent;
        var limited = remaining < pattern.MatchTimeout
            ? new Regex(pattern.ToString(), pattern.Options, remaining > TimeSpan.Zero ? remaining : TimeSpan.FromMilliseconds(1))
            : pattern;
        var clock = Stopwatch.StartNew();
        Match? match;
        try
        {
            match = limited.Match(value);
        }
        catch (RegexMatchTimeoutException)
        {
            match = null;
            _timeouts++;
        }

        _spent += clock.Elapsed;
        _values++;
        if (_spent >= RunTotal)
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
