namespace MentalHealthInsights.Core.Monitoring.Drift;

/// <summary>
/// "hellinger": H = √(1 − clip(BC, 0, 1)). Categorical: BC = Σ √(ρ_k γ_k) over value shares.
/// Numerical: density histograms on numpy Sturges edges computed from the <em>distinct</em>
/// values of reference ∪ current, BC = Σ √(h_r h_c)·width (spec §1.4). Drift when ≥ 0.1.
/// </summary>
public sealed class HellingerDriftTest : IDriftTest
{
    /// <inheritdoc />
    public string Name => "hellinger";

    /// <inheritdoc />
    public double DefaultThreshold => 0.1;

    /// <inheritdoc />
    public DriftComparison Comparison => DriftComparison.DistanceAtLeast;

    /// <inheritdoc />
    public DriftTestScore Compute(DriftSample reference, DriftSample current, DriftColumnKind kind)
    {
        double bc = 0;
        if (kind == DriftColumnKind.Categorical)
        {
            var (r, c) = DriftBinning.DistinctValueCounts(reference.Values, current.Values);
            for (int k = 0; k < r.Length; k++)
            {
                bc += Math.Sqrt(r[k] / reference.Count * (c[k] / current.Count));
            }
        }
        else
        {
            var edges = DriftBinning.SturgesEdges(
                reference.Values,
                current.Values,
                distinctOnly: true
            );
            var r = DriftBinning.Histogram(reference.Values, edges);
            var c = DriftBinning.Histogram(current.Values, edges);
            for (int k = 0; k < r.Length; k++)
            {
                double width = edges[k + 1] - edges[k];
                double hr = r[k] / reference.Count / width;
                double hc = c[k] / current.Count / width;
                bc += Math.Sqrt(hr * hc) * width;
            }
        }
        double h = Math.Sqrt(1 - Math.Clamp(bc, 0, 1));
        return new DriftTestScore(h, h);
    }
}
