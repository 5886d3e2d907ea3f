using System.Runtime.CompilerServices;
using MentalHealthInsights.Core.Data;

namespace MentalHealthInsights.Core.Features;

/// <summary>
/// The fitted state of one feature column and where its slots sit in the output row.
/// Immutable once built, so a <see cref="FittedPreprocessor"/> can be shared across threads.
/// </summary>
internal sealed class FittedColumn
{
    private FittedColumn(string name, FeatureKind kind, int offset, int width, long missing)
    {
        Name = name;
        Kind = kind;
        Offset = offset;
        Width = width;
        MissingInTraining = missing;
    }

    public string Name { get; }

    public FeatureKind Kind { get; }

    /// <summary>Index of this column's first output slot.</summary>
    public int Offset { get; }

    /// <summary>Number of output slots: 1 for numeric, levels + 1 for categorical.</summary>
    public int Width { get; }

    /// <summary>Training rows where the value was missing.</summary>
    public long MissingInTraining { get; }

    public Func<MentalHealthRecord, double>? ReadNumeric { get; private init; }

    public double Median { get; private init; }

    public double Mean { get; private init; }

    public double StandardDeviation { get; private init; }

    /// <summary>The divisor: <see cref="StandardDeviation"/>, or 1 for a (near-)constant column.</summary>
    public double Scale { get; private init; }

    public Func<MentalHealthRecord, string?>? ReadCategory { get; private init; }

    /// <summary>Training levels, sorted ordinally; slot i of the column is level i.</summary>
    public IReadOnlyList<string> Levels { get; private init; } = [];

    /// <summary>Level → slot within the column. Ordinal, so lookups never allocate.</summary>
    public Dictionary<string, int>? LevelIndex { get; private init; }

    // The levels as the runtime's interned instances (a handful of short strings, kept for the
    // process's life): the validator hands out the schema's own category strings, which are
    // literals and so the same interned instances, so most lookups end at a reference
    // comparison instead of hashing the text; any other string still finds its level by value.
    private string[] _internedLevels = [];

    /// <summary>The slot of <paramref name="value"/> within the column, or −1 for a level not seen in training.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int FindLevel(string value)
    {
        var levels = _internedLevels;
        for (var i = 0; i < levels.Length; i++)
        {
            if (ReferenceEquals(levels[i], value))
            {
                return i;
            }
        }

        return LevelIndex!.TryGetValue(value, out var level) ? level : -1;
    }

    public static FittedColumn Numeric(
        string name,
        int offset,
        long missing,
        double median,
        double mean,
        double standardDeviation,
        double scale
    ) =>
        new(name, FeatureKind.Numeric, offset, 1, missing)
        {
            ReadNumeric = FeatureColumns.GetNumericReader(name),
            Median = median,
            Mean = mean,
            StandardDeviation = standardDeviation,
            Scale = scale,
        };

    public static FittedColumn Categorical(
        string name,
        int offset,
        long missing,
        IReadOnlyList<string> levels
    )
    {
        // One copy of the levels serves both the public list and the reference lookups.
        var interned = levels.Select(string.Intern).ToArray();
        var index = new Dictionary<string, int>(levels.Count, StringComparer.Ordinal);
        for (var i = 0; i < levels.Count; i++)
        {
            index.Add(levels[i], i);
        }

        return new(name, FeatureKind.Categorical, offset, levels.Count + 1, missing)
        {
            ReadCategory = FeatureColumns.GetCategoricalReader(name),
            Levels = Array.AsReadOnly(interned),
            LevelIndex = index,
            _internedLevels = interned,
        };
    }
}
