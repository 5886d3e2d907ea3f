using System.Collections.ObjectModel;
using System.Globalization;

namespace MentalHealthInsights.Core.Training;

/// <summary>
/// One hyperparameter configuration: names to invariant-culture values, in a stable order so
/// that it can be logged as tracking params and compared. Immutable.
/// </summary>
public sealed class HyperParameters : IEquatable<HyperParameters>
{
    private readonly SortedDictionary<string, string> _values;

    /// <summary>Creates a configuration from name/value pairs.</summary>
    public HyperParameters(IEnumerable<KeyValuePair<string, string>> values)
    {
        _values = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in values)
        {
            _values[key] = value;
        }
        Values = new ReadOnlyDictionary<string, string>(_values);
    }

    /// <summary>An empty configuration (the trainer's defaults).</summary>
    public static HyperParameters Empty { get; } = new([]);

    /// <summary>The values, sorted by name.</summary>
    public IReadOnlyDictionary<string, string> Values { get; }

    /// <summary>A double value, or <paramref name="fallback"/> when absent.</summary>
    public double GetDouble(string name, double fallback) =>
        _values.TryGetValue(name, out var text)
            ? double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture)
            : fallback;

    /// <summary>An integer value, or <paramref name="fallback"/> when absent.</summary>
    public int GetInt(string name, int fallback) =>
        _values.TryGetValue(name, out var text)
            ? int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture)
            : fallback;

    /// <summary>A copy with one value set.</summary>
    public HyperParameters With(string name, double value) =>
        new(_values.Append(new(name, value.ToString("R", CultureInfo.InvariantCulture))));

    /// <summary>A copy with one value set.</summary>
    public HyperParameters With(string name, int value) =>
        new(_values.Append(new(name, value.ToString(CultureInfo.InvariantCulture))));

    /// <inheritdoc />
    public bool Equals(HyperParameters? other) =>
        other is not null
        && _values.Count == other._values.Count
        && !_values.Except(other._values).Any();

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as HyperParameters);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var (key, value) in _values)
        {
            hash.Add(key, StringComparer.Ordinal);
            hash.Add(value, StringComparer.Ordinal);
        }
        return hash.ToHashCode();
    }

    /// <summary>"a=1, b=2" (for reports and logs).</summary>
    public override string ToString() =>
        string.Join(", ", _values.Select(p => $"{p.Key}={p.Value}"));
}
