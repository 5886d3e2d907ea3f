namespace MentalHealthInsights.Core.Monitoring.Drift;

/// <summary>
/// "TVD": total variation distance ½ Σ |ρ_k − γ_k| between the shares of each distinct value,
/// with a permutation p-value as Evidently computes it: numpy's global generator seeded with 0,
/// then 1,000 times the reference size is drawn without replacement from reference followed by
/// current (<c>np.random.choice(…, replace=False)</c>, i.e. the first n_ref of a full shuffle),
/// the rest is the current sample, and p = the share of permuted distances ≥ the observed one.
/// The generator and shuffle are numpy's draw for draw (<see cref="NumpyLegacyRandom"/>), so the
/// p-value is numpy's for the same input order; samples arrive here sorted, so it equals
/// Evidently's when each sample is given in ascending order. Ties are compared exactly on the
/// integer form Σ |a_k·n_c − b_k·n_r|. Cost: 1,000 shuffles of n_ref + n_cur values.
/// Drift when p &lt; 0.1.
/// </summary>
public sealed class TotalVariationDriftTest : IDriftTest
{
    /// <summary>Permutations (Evidently's 1,000).</summary>
    public const int Permutations = 1000;

    /// <inheritdoc />
    public string Name => "TVD";

    /// <inheritdoc />
    public double DefaultThreshold => 0.1;

    /// <inheritdoc />
    public DriftComparison Comparison => DriftComparison.PValueBelow;

    /// <inheritdoc />
    public DriftTestScore Compute(DriftSample reference, DriftSample current, DriftColumnKind kind)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(current);
        var r = reference.Values;
        var c = current.Values;
        int nr = r.Length;
        int nc = c.Length;
        // Codes of the distinct values of the union (one walk of both sorted samples), then the
        // counts per code.
        var combined = new int[nr + nc];
        int keys = Code(r, c, combined.AsSpan(0, nr), combined.AsSpan(nr));
        var refCounts = new long[keys];
        var total = new long[keys];
        for (int i = 0; i < combined.Length; i++)
        {
            total[combined[i]]++;
            if (i < nr)
            {
                refCounts[combined[i]]++;
            }
        }
        double tvd = 0;
        long observed = 0;
        for (int k = 0; k < keys; k++)
        {
            long curCount = total[k] - refCounts[k];
            tvd += Math.Abs((double)refCounts[k] / nr - (double)curCount / nc);
            observed += Math.Abs(refCounts[k] * nc - curCount * nr);
        }
        tvd *= 0.5;

        var random = new NumpyLegacyRandom(0);
        var work = new int[combined.Length];
        var counts = new long[keys];
        int atLeast = 0;
        for (int iteration = 0; iteration < Permutations; iteration++)
        {
            combined.CopyTo(work, 0);
            random.Shuffle(work.AsSpan());
            Array.Clear(counts);
            for (int i = 0; i < nr; i++)
            {
                counts[work[i]]++;
            }
            long permuted = 0;
            for (int k = 0; k < keys; k++)
            {
                permuted += Math.Abs(counts[k] * nc - (total[k] - counts[k]) * nr);
            }
            if (observed <= permuted)
            {
                atLeast++;
            }
        }
        return new DriftTestScore((double)atLeast / Permutations, tvd);
    }

    // Both samples are sorted: walk them together, numbering distinct values in ascending order;
    // returns how many there are.
    private static int Code(double[] r, double[] c, Span<int> refCodes, Span<int> curCodes)
    {
        int i = 0;
        int j = 0;
        int code = -1;
        double last = double.NaN;
        while (i < r.Length || j < c.Length)
        {
            bool takeRef = j >= c.Length || (i < r.Length && r[i] <= c[j]);
            double v = takeRef ? r[i] : c[j];
            if (code < 0 || v != last)
            {
                code++;
                last = v;
            }
            if (takeRef)
            {
                refCodes[i++] = code;
            }
            else
            {
                curCodes[j++] = code;
            }
        }
        return code + 1;
    }
}
