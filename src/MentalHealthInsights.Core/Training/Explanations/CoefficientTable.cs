using MentalHealthInsights.Core.Training.Reports;

namespace MentalHealthInsights.Core.Training.Explanations;

/// <summary>The outcome of <see cref="WaldCoefficients.Compute"/>.</summary>
/// <param name="Coefficients">One entry per slot observed in training, in slot order.</param>
/// <param name="Intercept">The intercept (log-odds at all-zero inputs, i.e. at the training means of numeric columns).</param>
/// <param name="InterceptStandardError">Its Wald standard error (NaN when the information matrix is singular).</param>
/// <param name="Notes">Slots left out and numerical problems, as sentences (never record values).</param>
public sealed record CoefficientTable(
    IReadOnlyList<LinearCoefficient> Coefficients,
    double Intercept,
    double InterceptStandardError,
    IReadOnlyList<string> Notes
);
