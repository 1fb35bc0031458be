using System.Collections.Immutable;

namespace BfReleaseNotes.Migration;

/// <summary>
/// Collects an import's warnings in constant memory: a count and the first few per kind. Every warning also goes
/// to the caller's callback as it happens (the CLI prints them with <c>--verbose</c>), so none is hidden for good.
/// </summary>
public sealed class ImportWarnings
{
    /// <summary>How many examples a summary keeps per kind.</summary>
    public const int ExamplesPerKind = 3;

    private readonly Dictionary<string, (long Count, List<string> Examples)> _kinds = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];
    private readonly Action<string>? _onWarning;

    /// <summary>Creates a collector.</summary>
    /// <param name="onWarning">Called with every warning as it is found; null for none.</param>
    public ImportWarnings(Action<string>? onWarning = null) => _onWarning = onWarning;

    /// <summary>Adds a warning of <paramref name="kind"/>.</summary>
    /// <param name="kind">Its kind (see <see cref="ImportWarningGroup.Kind"/>).</param>
    /// <param name="message">The warning, naming its row.</param>
    public void Add(string kind, string message)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(message);
        _onWarning?.Invoke(message);
        if (!_kinds.TryGetValue(kind, out var group))
        {
            group = (0, []);
            _order.Add(kind);
        }

        if (group.Examples.Count < ExamplesPerKind)
        {
            group.Examples.Add(message);
        }

        _kinds[kind] = (group.Count + 1, group.Examples);
    }

    /// <summary>The summaries, in the order each kind was first seen.</summary>
    public ImmutableArray<ImportWarningGroup> Summaries() =>
        [.. _order.Select(kind => new ImportWarningGroup(kind, _kinds[kind].Count, [.. _kinds[kind].Examples]))];
}
