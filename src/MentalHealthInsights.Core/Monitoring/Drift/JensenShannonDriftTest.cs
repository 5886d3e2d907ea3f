namespace MentalHealthInsights.Core.Monitoring.Drift;

/// <summary>
/// "jensenshannon": the Jensen–Shannon <em>distance</em> (natural log, in [0, √ln 2]) of the
/// binned shares without zero replacement, each renormalised to sum to 1
/// (<c>scipy.spatial.distance.jensenshannon</c>; spec §1.4). Drift when ≥ 0.1.
/// </summary>
public sealed class JensenShannonDriftTest : IDriftTest
{
    /// <inheritdoc />
    public string Name => "jensenshannon";

    /// <inheritdoc />
    public double DefaultThreshold => 0.1;

    /// <inheritdoc />
    public DriftComparison Comparison => DriftComparison.DistanceAtLeast;

    /// <inheritdoc />
    public DriftTestScore Compute(DriftSample reference, DriftSample current, DriftColumnKind kind)
    {
        var (r, c) = DriftBinning.Shares(reference, current, kind, replaceZeroes: false);
        double d = Distance(r, c);
        return new DriftTestScore(d, d);
    }

    /// <summary>JS distance of two share vectors (renormalised first).</summary>
    public static double Distance(ReadOnlySpan<double> p, ReadOnlySpan<double> q)
    {
        double sp = Sum(p);
        double sq = Sum(q);
        double total = 0;
        for (int k = 0; k < p.Length; k++)
        {
            double a = p[k] / sp;
            double b = q[k] / sq;
            double m = (a + b) / 2;
            if (a > 0)
            {
                total += a * Math.Log(a / m);
            }
            if (b > 0)
            {
                total += b * Math.Log(b / m);
            }
        }
        return Math.Sqrt(Math.Max(total / 2, 0));
    }

    internal static double Sum(ReadOnlySpan<double> values)
    {
        double s = 0;
        foreach (double v in values)
        {
            s += v;
        }
        return s;
    }
}
