namespace MentalHealthInsights.Core.Monitoring.Drift;

/// <summary>Dataset-level drift (spec §1.7) with the per-column results behind it.</summary>
/// <param name="Profile">The profile used.</param>
/// <param name="Features">One result per feature column.</param>
/// <param name="ProbabilityDrift">Drift of the model's probability (null when not scored).</param>
/// <param name="LabelDrift">Drift of the model's label (null when not scored).</param>
/// <param name="TargetDrift">Drift of the observed outcome (null without labels on both sides).</param>
/// <param name="ColumnsTested">Columns counted in the share (columns with a score).</param>
/// <param name="ColumnsDrifted">Drifted columns among them.</param>
/// <param name="DriftShareThreshold">The share at which the dataset drifts.</param>
public sealed record DataDriftResult(
    DriftProfile Profile,
    IReadOnlyList<ColumnDriftResult> Features,
    ColumnDriftResult? ProbabilityDrift,
    ColumnDriftResult? LabelDrift,
    ColumnDriftResult? TargetDrift,
    int ColumnsTested,
    int ColumnsDrifted,
    double DriftShareThreshold
)
{
    /// <summary>Drifted / tested (0 when nothing could be tested).</summary>
    public double Share => ColumnsTested == 0 ? 0 : (double)ColumnsDrifted / ColumnsTested;

    /// <summary>Share ≥ threshold (≥: exactly half already drifts, as Evidently).</summary>
    public bool DatasetDrift => ColumnsTested > 0 && Share >= DriftShareThreshold;

    /// <summary>Prediction drift: the probability drifted, or the label when no probability exists.</summary>
    public bool PredictionDrift => (ProbabilityDrift ?? LabelDrift)?.Drifted ?? false;

    /// <summary>"true" or "false" for <see cref="DatasetDrift"/>, "untested" when no column could be tested.</summary>
    public string DatasetVerdict =>
        ColumnsTested == 0 ? "untested"
        : DatasetDrift ? "true"
        : "false";

    /// <summary>Whether the prediction column was tested (false when absent or not testable, e.g. too few rows).</summary>
    public bool PredictionTested =>
        (ProbabilityDrift ?? LabelDrift) is { } prediction && !double.IsNaN(prediction.Score);
}
