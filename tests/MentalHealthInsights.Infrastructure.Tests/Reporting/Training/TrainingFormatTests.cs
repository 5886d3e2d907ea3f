using MentalHealthInsights.Core.Training.Evaluation;
using MentalHealthInsights.Infrastructure.Reporting.Training;

namespace MentalHealthInsights.Infrastructure.Tests.Reporting.Training;

public class TrainingFormatTests
{
    [Fact]
    public void WithInterval_DefinedInterval_IsEstimateThenBoundsInBrackets()
    {
        Assert.Equal(
            "0.812 [0.781, 0.842]",
            TrainingFormat.WithInterval(new Interval(0.8123, 0.7809, 0.84249))
        );
    }

    [Fact]
    public void WithInterval_UndefinedPieces_PrintNotAvailable()
    {
        Assert.Equal("n/a", TrainingFormat.WithInterval(Interval.Undefined));
        Assert.Equal(
            "0.500 [n/a, n/a]",
            TrainingFormat.WithInterval(new Interval(0.5, double.NaN, double.NaN))
        );
    }

    [Theory]
    [InlineData(0.000123, "1.23e-04")]
    [InlineData(0.0009999, "1.00e-03")]
    [InlineData(0.001, "0.0010")]
    [InlineData(0.0312, "0.0312")]
    [InlineData(1.0, "1.0000")]
    [InlineData(double.NaN, "n/a")]
    public void PValue_BelowOneThousandth_UsesScientificNotation(double p, string expected)
    {
        Assert.Equal(expected, TrainingFormat.PValue(p));
    }

    [Fact]
    public void MeanStd_UndefinedDeviation_PrintsTheMeanOnly()
    {
        Assert.Equal("0.801 ± 0.012", TrainingFormat.MeanStd(new MetricSummary(0.8012, 0.0121, 5)));
        Assert.Equal("0.801", TrainingFormat.MeanStd(new MetricSummary(0.8012, double.NaN, 1)));
    }

    [Fact]
    public void DifferenceWithInterval_SignsEveryNumber()
    {
        Assert.Equal(
            "-0.034 [-0.051, -0.018]",
            TrainingFormat.DifferenceWithInterval(new Interval(-0.0342, -0.0511, -0.0178))
        );
    }

    [Theory]
    [InlineData(-0.3, 0.5)] // OR 0.5 to 3.2: includes 1
    [InlineData(-2.2, 1.9)] // very wide
    [InlineData(-0.05, 0.08)] // very narrow
    public void LogTicks_AnyRange_AreInRangeIncludeOneAndAreFew(double logMin, double logMax)
    {
        var ticks = TrainingPlots.LogTicks(logMin, logMax);

        Assert.InRange(ticks.Count, 2, 9);
        Assert.All(ticks, t => Assert.InRange(Math.Log10(t), logMin, logMax));
        Assert.Contains(1.0, ticks);
        Assert.Equal(ticks.Order(), ticks);
    }
}
