namespace MentalHealthInsights.Core.Monitoring.Drift;

/// <summary>
/// Data and prediction drift of one time window of the current data against the whole reference,
/// with the same profile, tests and dataset rule as the whole-period result.
/// </summary>
public sealed record DriftWindowResult
{
    /// <summary>Inclusive start of the window.</summary>
    public DateTimeOffset? Start { get; init; }

    /// <summary>Exclusive end of the window.</summary>
    public DateTimeOffset? End { get; init; }

    /// <summary>Current rows in the window (0: nothing tested).</summary>
    public required int Rows { get; init; }

    /// <summary>Columns counted in the share (as <see cref="DataDriftResult.ColumnsTested"/>).</summary>
    public required int ColumnsTested { get; init; }

    /// <summary>Drifted columns among them.</summary>
    public required int ColumnsDrifted { get; init; }

    /// <summary>Drifted / tested (0 when nothing was tested).</summary>
    public required double Share { get; init; }

    /// <summary>Share ≥ the drift share.</summary>
    public required bool DatasetDrift { get; init; }

    /// <summary>The probability drifted (the label when there is no probability).</summary>
    public required bool PredictionDrift { get; init; }

    /// <summary>Whether the prediction column was tested in this window (not with too few rows).</summary>
    public bool PredictionTested { get; init; }

    /// <summary>Features first, then prediction_probability, prediction_label and the target when present.</summary>
    public IReadOnlyList<DriftWindowColumn> Columns { get; init; } = [];
}
