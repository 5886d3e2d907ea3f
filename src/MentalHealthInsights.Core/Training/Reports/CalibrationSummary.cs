namespace MentalHealthInsights.Core.Training.Reports;

/// <summary>
/// The calibrator put on top of a model whose raw scores are not probabilities, fitted on the
/// chosen configuration's out-of-fold predictions (the model bundle stores the calibrator itself).
/// </summary>
/// <param name="Method">"Platt" or "Isotonic".</param>
/// <param name="FittedOnRows">Out-of-fold predictions it was fitted on (the training part).</param>
/// <param name="Parameters">
/// Its parameters for display: Platt "a" and "b" (p = 1 / (1 + exp(a·score + b))); isotonic
/// "knots" (the number of knots).
/// </param>
public sealed record CalibrationSummary(
    string Method,
    int FittedOnRows,
    IReadOnlyDictionary<string, double> Parameters
);
