namespace MentalHealthInsights.Core.Training.Calibration;

/// <summary>How raw scores are mapped to probabilities on out-of-fold predictions.</summary>
public enum CalibrationMethod
{
    /// <summary>Platt scaling: a two-parameter sigmoid fitted by maximum likelihood.</summary>
    Platt,

    /// <summary>Isotonic regression (pool-adjacent-violators), a monotone step function with linear interpolation.</summary>
    Isotonic,
}
