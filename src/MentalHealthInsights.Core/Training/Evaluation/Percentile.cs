using MathNet.Numerics.Statistics;

namespace MentalHealthInsights.Core.Training.Evaluation;

/// <summary>Percentile intervals of bootstrap replicates.</summary>
internal static class Percentile
{
    /// <summary>
    /// The central <paramref name="confidence"/> interval of the replicates: the
    /// (1 − c)/2 and (1 + c)/2 quantiles with linear interpolation between order statistics
    /// (Hyndman–Fan type 7, numpy's default). NaN replicates are ignored; the array is sorted in place.
    /// </summary>
    /// <returns>(lower, upper, replicates used); NaN bounds when no replicate is usable.</returns>
    public static (double Lower, double Upper, int Used) Interval(
        double[] replicates,
        double confidence
    )
    {
        var used = 0;
        for (var i = 0; i < replicates.Length; i++)
        {
            if (!double.IsNaN(replicates[i]))
            {
                replicates[used++] = replicates[i];
            }
        }

        if (used == 0)
        {
            return (double.NaN, double.NaN, 0);
        }

        var values = used == replicates.Length ? replicates : replicates[..used];
        Array.Sort(values);
        var alpha = 1.0 - confidence;
        return (
            SortedArrayStatistics.QuantileCustom(values, alpha / 2, QuantileDefinition.R7),
            SortedArrayStatistics.QuantileCustom(values, 1 - (alpha / 2), QuantileDefinition.R7),
            used
        );
    }
}
