namespace MentalHealthInsights.Core.Training.Calibration;

/// <summary>
/// A fitted, monotone (non-decreasing) map from a raw model score to a probability in [0, 1].
/// Immutable and thread-safe. Its parameters are exposed by the concrete type so that the
/// model bundle can store them beside the raw model.
/// </summary>
public interface ICalibrator
{
    /// <summary>Which method produced this calibrator.</summary>
    CalibrationMethod Method { get; }

    /// <summary>The calibrated probability of a raw score.</summary>
    double Apply(double score);
}
