namespace MentalHealthInsights.Core.Training.Calibration;

/// <summary>
/// Platt's sigmoid <c>p = 1 / (1 + exp(A·score + B))</c>, in Platt's (and scikit-learn's
/// <c>_sigmoid_calibration</c>) sign convention: <c>A</c> is negative when higher scores mean
/// "more likely positive".
/// </summary>
/// <param name="A">Slope (on the score).</param>
/// <param name="B">Offset.</param>
public sealed record PlattParameters(double A, double B);
