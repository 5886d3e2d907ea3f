namespace MentalHealthInsights.Core.Training.Metrics;

/// <summary>
/// Ranking metrics computed from per-score group counts (descending score order). Counts may be
/// bootstrap weights, which is why they are spans rather than a <see cref="ScoreGroups"/>.
/// </summary>
internal static class RankMetrics
{
    /// <summary>
    /// Mann–Whitney AUC with ties counted as one half: the probability that a random positive
    /// scores above a random negative. NaN when either class is absent.
    /// </summary>
    public static double RocAuc(ReadOnlySpan<long> positives, ReadOnlySpan<long> negatives)
    {
        long totalPositives = 0,
            totalNegatives = 0;
        for (var g = 0; g < positives.Length; g++)
        {
            totalPositives += positives[g];
            totalNegatives += negatives[g];
        }

        if (totalPositives == 0 || totalNegatives == 0)
        {
            return double.NaN;
        }

        double pairs = 0;
        long negativesAbove = 0;
        for (var g = 0; g < positives.Length; g++)
        {
            var negativesBelow = totalNegatives - negativesAbove - negatives[g];
            pairs += positives[g] * (negativesBelow + (0.5 * negatives[g]));
            negativesAbove += negatives[g];
        }

        return pairs / ((double)totalPositives * totalNegatives);
    }

    /// <summary>
    /// Average precision, scikit-learn's definition: Σ (Rₖ − Rₖ₋₁)·Pₖ over distinct thresholds
    /// in descending order (no interpolation). NaN when there are no positives.
    /// </summary>
    public static double AveragePrecision(
        ReadOnlySpan<long> positives,
        ReadOnlySpan<long> negatives
    )
    {
        long totalPositives = 0;
        foreach (var p in positives)
        {
            totalPositives += p;
        }

        if (totalPositives == 0)
        {
            return double.NaN;
        }

        double sum = 0;
        long tp = 0,
            fp = 0;
        for (var g = 0; g < positives.Length; g++)
        {
            tp += positives[g];
            fp += negatives[g];
            if (positives[g] > 0)
            {
                sum += (double)positives[g] / totalPositives * ((double)tp / (tp + fp));
            }
        }

        return sum;
    }
}
