namespace MentalHealthInsights.Core.Training.Explanations;

/// <summary>The top contributing factors of one prediction.</summary>
/// <param name="Factors">Columns with a non-zero contribution, largest |log-odds| first, at most the requested number.</param>
/// <param name="Bias">The part of the margin not attributed to any column.</param>
/// <param name="Margin">Bias plus every column's contribution (the raw model's log-odds).</param>
/// <param name="Method">The model's explanation method.</param>
public sealed record PredictionExplanation(
    IReadOnlyList<ExplanationFactor> Factors,
    double Bias,
    double Margin,
    string Method
);
