namespace MentalHealthInsights.Core.Monitoring.Drift;

/// <summary>
/// "kl_div": <c>scipy.stats.entropy(ρ, γ)</c> = Σ ρ ln(ρ/γ) after renormalising the binned shares
/// (zero replacement as for PSI; spec §1.4). Drift when ≥ 0.1.
/// </summary>
public sealed class KullbackLeiblerDriftTest : IDriftTest
{
    /// <inheritdoc />
    public string Name => "kl_div";

    /// <inheritdoc />
    public double DefaultThreshold => 0.1;

    /// <inheritdoc />
    public DriftComparison Comparison => DriftComparison.DistanceAtLeast;

    /// <inheritdoc />
    public DriftTestScore Compute(DriftSample reference, DriftSample current, DriftColumnKind kind)
    {
        var (r, c) = DriftBinning.Shares(reference, current, kind, replaceZeroes: true);
        double sr = JensenShannonDriftTest.Sum(r);
        double sc = JensenShannonDriftTest.Sum(c);
        double kl = 0;
        for (int k = 0; k < r.Length; k++)
        {
            double a = r[k] / sr;
            double b = c[k] / sc;
            if (a > 0)
            {
                kl += a * Math.Log(a / b);
            }
        }
        return new DriftTestScore(kl, kl);
    }
}
