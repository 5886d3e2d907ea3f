namespace MentalHealthInsights.Core.Training.Metrics;

/// <summary>
/// A reliability diagram: predicted probabilities binned, each bin's mean prediction against its
/// observed positive rate. Bins match scikit-learn's <c>calibration_curve</c>: edges
/// e₀ = 0 &lt; e₁ &lt; … &lt; e_B = 1 (uniform) or the probabilities' quantiles (quantile); a
/// probability p falls in the first bin k with p &lt;= e_{k+1} (so bins are (eₖ, eₖ₊₁], the
/// first also holding 0); empty bins are dropped.
/// </summary>
/// <param name="Strategy">How the edges were placed.</param>
/// <param name="RequestedBins">Number of bins asked for (empty ones are not in <paramref name="Bins"/>).</param>
/// <param name="Bins">Non-empty bins in increasing probability order.</param>
/// <param name="ExpectedCalibrationError">
/// ECE = Σ_b (n_b / n)·|observed_b − meanPredicted_b| over the same non-empty bins: the
/// count-weighted mean gap between the diagram and the diagonal, in probability units (0 = perfectly
/// calibrated on these bins). It depends on the binning, so compare ECEs only at equal bins/strategy.
/// </param>
public sealed record CalibrationCurve(
    CalibrationStrategy Strategy,
    int RequestedBins,
    IReadOnlyList<CalibrationBin> Bins,
    double ExpectedCalibrationError
)
{
    /// <summary>Default bin count (scikit-learn's <c>n_bins=5</c> is coarser; 10 is the usual reliability-diagram choice).</summary>
    public const int DefaultBins = 10;

    /// <summary>Bins the probabilities and computes the curve and its ECE.</summary>
    /// <param name="labels">True classes.</param>
    /// <param name="probabilities">Probabilities of the positive class in [0, 1].</param>
    /// <param name="bins">Number of bins, at least 1 (default 10).</param>
    /// <param name="strategy">Edge placement (default <see cref="CalibrationStrategy.Uniform"/>).</param>
    /// <exception cref="ArgumentException">Empty or mismatched input or a probability outside [0, 1].</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bins"/> &lt; 1.</exception>
    public static CalibrationCurve Compute(
        ReadOnlySpan<bool> labels,
        ReadOnlySpan<double> probabilities,
        int bins = DefaultBins,
        CalibrationStrategy strategy = CalibrationStrategy.Uniform
    )
    {
        InputGuard.LabelsAndProbabilities(labels, probabilities);
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);

        var edges =
            strategy == CalibrationStrategy.Quantile
                ? QuantileEdges(probabilities, bins)
                : UniformEdges(bins);
        var inner = edges.AsSpan(1, bins - 1);

        var sums = new double[bins];
        var positives = new long[bins];
        var counts = new long[bins];
        for (var i = 0; i < probabilities.Length; i++)
        {
            var bin = LowerBound(inner, probabilities[i]);
            sums[bin] += probabilities[i];
            counts[bin]++;
            if (labels[i])
            {
                positives[bin]++;
            }
        }

        var result = new List<CalibrationBin>(bins);
        double ece = 0;
        for (var b = 0; b < bins; b++)
        {
            if (counts[b] == 0)
            {
                continue;
            }

            var meanPredicted = sums[b] / counts[b];
            var observed = (double)positives[b] / counts[b];
            result.Add(
                new CalibrationBin(edges[b], edges[b + 1], meanPredicted, observed, counts[b])
            );
            ece += (double)counts[b] / probabilities.Length * Math.Abs(observed - meanPredicted);
        }

        return new CalibrationCurve(strategy, bins, result, ece);
    }

    /// <summary>numpy.linspace(0, 1, bins + 1): i·(1/bins), with the last edge exactly 1.</summary>
    private static double[] UniformEdges(int bins)
    {
        var edges = new double[bins + 1];
        var step = 1.0 / bins;
        for (var i = 0; i < bins; i++)
        {
            edges[i] = i * step;
        }

        edges[bins] = 1.0;
        return edges;
    }

    /// <summary>
    /// numpy.percentile(p, linspace(0, 1, bins + 1) * 100) with the default linear method,
    /// reproduced operation by operation so edges (and thus bin membership of values lying on an
    /// edge) agree with scikit-learn exactly.
    /// </summary>
    private static double[] QuantileEdges(ReadOnlySpan<double> probabilities, int bins)
    {
        var sorted = probabilities.ToArray();
        Array.Sort(sorted);
        var n = sorted.Length;
        var edges = UniformEdges(bins);
        for (var i = 0; i <= bins; i++)
        {
            var q = edges[i] * 100.0 / 100.0;
            var virtualIndex = (n - 1) * q;
            var previous = Math.Floor(virtualIndex);
            if (virtualIndex >= n - 1)
            {
                edges[i] = sorted[n - 1];
                continue;
            }

            var a = sorted[(int)previous];
            var b = sorted[(int)previous + 1];
            var t = virtualIndex - previous;
            var difference = b - a;
            edges[i] = t >= 0.5 ? b - (difference * (1 - t)) : a + (difference * t);
        }

        return edges;
    }

    /// <summary>numpy.searchsorted(side='left'): the number of edges strictly below <paramref name="value"/>.</summary>
    private static int LowerBound(ReadOnlySpan<double> edges, double value)
    {
        int lo = 0,
            hi = edges.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (edges[mid] < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
