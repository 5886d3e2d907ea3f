namespace MentalHealthInsights.Core.Monitoring.Drift;

/// <summary>
/// "ed": energy distance, √2 · (∫ (F_r − F_c)² dx)^½ (<c>scipy.stats.energy_distance</c>).
/// Drift when the distance &gt; 0.1 (Evidently's strict comparison for this test).
/// </summary>
public sealed class EnergyDistanceDriftTest : IDriftTest
{
    /// <inheritdoc />
    public string Name => "ed";

    /// <inheritdoc />
    public double DefaultThreshold => 0.1;

    /// <inheritdoc />
    public DriftComparison Comparison => DriftComparison.DistanceAbove;

    /// <inheritdoc />
    public DriftTestScore Compute(DriftSample reference, DriftSample current, DriftColumnKind kind)
    {
        double d =
            Math.Sqrt(2) * WassersteinDriftTest.CdfDistance(reference.Values, current.Values, 2);
        return new DriftTestScore(d, d);
    }
}
