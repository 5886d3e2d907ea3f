namespace MentalHealthInsights.Core.Monitoring.Drift;

/// <summary>
/// "psi": population stability index Σ (ρ − γ) ln(ρ/γ) over the binned shares with Evidently's
/// zero replacement and no renormalisation (spec §1.4/§1.5). Drift when ≥ 0.1.
/// </summary>
public sealed class PsiDriftTest : IDriftTest
{
    /// <inheritdoc />
    public string Name => "psi";

    /// <inheritdoc />
    public double DefaultThreshold => 0.1;

    /// <inheritdoc />
    public DriftComparison Comparison => DriftComparison.DistanceAtLeast;

    /// <inheritdoc />
    public DriftTestScore Compute(DriftSample reference, DriftSample current, DriftColumnKind kind)
    {
        var (r, c) = DriftBinning.Shares(reference, current, kind, replaceZeroes: true);
        double psi = Index(r, c);
        return new DriftTestScore(psi, psi);
    }

    /// <summary>Σ (ρ_k − γ_k) ln(ρ_k/γ_k); shares must be positive.</summary>
    public static double Index(ReadOnlySpan<double> reference, ReadOnlySpan<double> current)
    {
        double psi = 0;
        for (int k = 0; k < reference.Length; k++)
        {
            psi += (reference[k] - current[k]) * Math.Log(reference[k] / current[k]);
        }
        return psi;
    }
}
