namespace MentalHealthInsights.Core.Training.Calibration;

/// <summary>
/// Fits a calibrator by method, and holds the default-choice rule (written once, DESIGN.md §5.10).
/// </summary>
public static class CalibratorFactory
{
    /// <summary>
    /// Below this many calibration rows the default is Platt scaling, from this many on it is
    /// isotonic regression. scikit-learn's user guide warns that isotonic calibration overfits
    /// with fewer than about 1,000 samples; Platt's two parameters do not.
    /// </summary>
    public const int IsotonicMinimumRows = 1000;

    /// <summary>The default method for <paramref name="calibrationRows"/> out-of-fold predictions.</summary>
    public static CalibrationMethod DefaultMethod(int calibrationRows) =>
        calibrationRows >= IsotonicMinimumRows ? CalibrationMethod.Isotonic : CalibrationMethod.Platt;

    /// <summary>Fits a calibrator of the given method on (score, label) pairs.</summary>
    public static ICalibrator Fit(
        CalibrationMethod method,
        ReadOnlySpan<double> scores,
        ReadOnlySpan<bool> labels
    ) =>
        method switch
        {
            CalibrationMethod.Platt => PlattCalibrator.Fit(scores, labels),
            CalibrationMethod.Isotonic => IsotonicCalibrator.Fit(scores, labels),
            _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown calibration method."),
        };
}
