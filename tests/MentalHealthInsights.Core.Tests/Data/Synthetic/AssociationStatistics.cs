namespace MentalHealthInsights.Core.Tests.Data.Synthetic;

/// <summary>Two textbook association statistics, used to show the None signal carries no signal.</summary>
internal static class AssociationStatistics
{
    /// <summary>Pearson's chi-square statistic of the k × 2 table category × target.</summary>
    public static double ChiSquare(IReadOnlyList<string> categories, IReadOnlyList<bool> target)
    {
        var levels = categories.Distinct(StringComparer.Ordinal).ToArray();
        var n = (double)categories.Count;
        var positives = target.Count(t => t);
        var statistic = 0.0;
        foreach (var level in levels)
        {
            var inLevel = 0;
            var positivesInLevel = 0;
            for (var i = 0; i < categories.Count; i++)
            {
                if (string.Equals(categories[i], level, StringComparison.Ordinal))
                {
                    inLevel++;
                    positivesInLevel += target[i] ? 1 : 0;
                }
            }

            var expectedPositives = inLevel * positives / n;
            var expectedNegatives = inLevel * (n - positives) / n;
            statistic += Math.Pow(positivesInLevel - expectedPositives, 2) / expectedPositives;
            statistic +=
                Math.Pow(inLevel - positivesInLevel - expectedNegatives, 2) / expectedNegatives;
        }

        return statistic;
    }

    /// <summary>Welch's z statistic of mean(value | target) − mean(value | not target).</summary>
    public static double DifferenceInMeansZ(
        IReadOnlyList<double> values,
        IReadOnlyList<bool> target
    )
    {
        var yes = values.Where((_, i) => target[i]).ToArray();
        var no = values.Where((_, i) => !target[i]).ToArray();
        return (yes.Average() - no.Average())
            / Math.Sqrt((Variance(yes) / yes.Length) + (Variance(no) / no.Length));
    }

    private static double Variance(double[] xs)
    {
        var mean = xs.Average();
        return xs.Sum(x => (x - mean) * (x - mean)) / (xs.Length - 1);
    }
}
