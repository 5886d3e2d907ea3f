namespace MentalHealthInsights.Core.Data.Synthetic;

/// <summary>
/// What <see cref="SyntheticDataGenerator.Generate"/> produces. The same options always give the
/// same records, in the same order, on every machine.
/// </summary>
public sealed record SyntheticDataOptions
{
    /// <summary>Number of records; must be positive. Default 1,000 (the size of the public dataset).</summary>
    public int Rows { get; init; } = 1000;

    /// <summary>Seed of the random stream. Default 42. Log it beside anything trained on the data.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>How the target depends on the features. Default <see cref="SignalKind.Planted"/>.</summary>
    public SignalKind Signal { get; init; } = SignalKind.Planted;

    /// <summary>
    /// A change of the feature distributions (the monitoring simulation's drift); null, the
    /// default, generates the documented marginals.
    /// </summary>
    public SyntheticShift? Shift { get; init; }
}
