namespace MentalHealthInsights.Core.Training;

/// <summary>
/// A per-row explanation in log-odds units: <c>Bias + Σ Values ≈ margin</c> of the raw model.
/// </summary>
/// <param name="Values">One contribution per input column.</param>
/// <param name="Bias">The part not attributed to any column (expected margin).</param>
/// <param name="Method">How the values were computed, e.g. "TreeSHAP", "coefficient × standardised value".</param>
public sealed record FeatureContributions(double[] Values, double Bias, string Method);
