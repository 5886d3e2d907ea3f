using MentalHealthInsights.Core.Training.Evaluation;
using MentalHealthInsights.Core.Training.Metrics;

namespace MentalHealthInsights.Core.Training.Reports;

/// <summary>The final model's one and only evaluation on the held-out test part.</summary>
public sealed record TestEvaluation
{
    /// <summary>Every metric at the chosen threshold (the confusion matrix is <c>Metrics.Confusion</c>).</summary>
    public required MetricSet Metrics { get; init; }

    /// <summary>95% percentile-bootstrap interval per MetricNames key.</summary>
    public required IReadOnlyDictionary<string, Interval> Intervals { get; init; }

    /// <summary>Bootstrap resamples drawn.</summary>
    public required int BootstrapResamples { get; init; }

    /// <summary>ROC curve points (FPR ascending).</summary>
    public required IReadOnlyList<RocPoint> RocCurve { get; init; }

    /// <summary>Precision–recall curve points (recall descending, as scikit-learn).</summary>
    public required IReadOnlyList<PrecisionRecallPoint> PrecisionRecallCurve { get; init; }

    /// <summary>Calibration curve and ECE of the test probabilities.</summary>
    public required CalibrationCurve Calibration { get; init; }
}
