using MentalHealthInsights.Core.Training.Metrics;

namespace MentalHealthInsights.Core.Training.Reports;

/// <summary>
/// The chosen configuration's out-of-fold predictions on the training part (each row predicted by
/// the fold model that did not see it), after calibration when the model needs it. They choose the
/// threshold and fit the calibrator, so their calibration curve is optimistic for calibrated models;
/// the test part's is the honest one.
/// </summary>
public sealed record OutOfFoldEvaluation
{
    /// <summary>Metrics of the (calibrated) out-of-fold probabilities at the chosen threshold.</summary>
    public required MetricSet Metrics { get; init; }

    /// <summary>Calibration curve and ECE of the (calibrated) out-of-fold probabilities.</summary>
    public required CalibrationCurve Calibration { get; init; }

    /// <summary>Calibration curve and ECE of the raw out-of-fold scores; null when the model is not calibrated.</summary>
    public CalibrationCurve? UncalibratedCalibration { get; init; }
}
