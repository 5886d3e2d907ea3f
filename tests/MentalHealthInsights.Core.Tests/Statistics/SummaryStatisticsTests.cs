using MentalHealthInsights.Core.Statistics;

namespace MentalHealthInsights.Core.Tests.Statistics;

// Reference values: numpy 1.24.2 (/usr/bin/python3): s.mean(), s.std(ddof=1), s.min(),
// np.percentile(s, 25/50/75) (default 'linear'), s.max().
public class SummaryStatisticsTests
{
    [Fact]
    public void Compute_NineValues_MatchesNumpy()
    {
        double[] s = [3.2, 1.5, 7.8, 4.4, 9.1, 2.2, 5.5, 6.0, 8.3];

        var stats = SummaryStatistics.Compute(s);

        Assert.Equal(9, stats.Count);
        StatAssert.Close(5.333333333333333, stats.Mean);
        StatAssert.Close(2.726719640887196, stats.StandardDeviation);
        Assert.Equal(
            (1.5, 3.2, 5.5, 7.8, 9.1),
            (stats.Min, stats.Q1, stats.Median, stats.Q3, stats.Max)
        );
    }

    [Fact]
    public void Compute_FourValues_InterpolatesQuartilesLikeNumpy()
    {
        var stats = SummaryStatistics.Compute([3.2, 1.5, 7.8, 4.4]);

        StatAssert.Close(2.7750000000000004, stats.Q1);
        StatAssert.Close(3.8000000000000003, stats.Median);
        StatAssert.Close(5.25, stats.Q3);
    }

    [Fact]
    public void Compute_NaN_IsCountedAsMissing()
    {
        var stats = SummaryStatistics.Compute([double.NaN, 2.0, 4.0, double.NaN]);

        Assert.Equal((2L, 2L), (stats.Count, stats.Missing));
        Assert.Equal(3.0, stats.Mean);
    }

    [Fact]
    public void Compute_Empty_IsAllNaN()
    {
        var stats = SummaryStatistics.Compute([double.NaN]);

        Assert.Equal(0, stats.Count);
        Assert.True(double.IsNaN(stats.Mean) && double.IsNaN(stats.Median));
    }

    [Fact]
    public void Compute_SingleValue_HasNaNStandardDeviation()
    {
        var stats = SummaryStatistics.Compute([7.0]);

        Assert.Equal(7.0, stats.Median);
        Assert.True(double.IsNaN(stats.StandardDeviation));
    }
}
