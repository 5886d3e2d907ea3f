using MentalHealthInsights.Core.Training.Evaluation;

namespace MentalHealthInsights.Core.Monitoring.Performance;

/// <summary>Quality of one window: realised (with labels) and estimated (CBPE, without).</summary>
/// <param name="Start">Window start (null: the whole current data).</param>
/// <param name="End">Window end.</param>
/// <param name="Rows">Predictions in the window.</param>
/// <param name="LabelledRows">Predictions whose outcome has arrived.</param>
/// <param name="Realized">Realised metrics with percentile-bootstrap intervals on the labelled rows;
/// null with fewer than <see cref="PerformanceOptions.MinimumLabelledRows"/> labelled rows.</param>
/// <param name="Estimated">CBPE estimates on every row; null without a fitted estimator or with
/// fewer than <see cref="PerformanceOptions.MinimumEstimatedRows"/> rows.</param>
public sealed record PerformanceWindow(
    DateTimeOffset? Start,
    DateTimeOffset? End,
    int Rows,
    int LabelledRows,
    IReadOnlyDictionary<string, Interval>? Realized,
    IReadOnlyDictionary<string, CbpeEstimate>? Estimated
);
