using MentalHealthInsights.Core.Statistics;

namespace MentalHealthInsights.Core.Tests.Statistics;

// Reference values: SciPy 1.10.1, /usr/bin/python3,
// r = scipy.stats.mannwhitneyu(x, y, alternative='two-sided'); (r.statistic, r.pvalue).
public class MannWhitneyUTestTests
{
    [Fact]
    public void Test_SmallSamplesWithoutTies_UsesExactDistribution()
    {
        double[] x = [1.1, 2.3, 3.8, 4.2, 5.9];
        double[] y = [2.0, 3.1, 4.5, 6.7, 7.2, 8.8, 9.4];

        var result = MannWhitneyUTest.Test(x, y);

        Assert.Equal(MannWhitneyUMethod.Exact, result.Method);
        Assert.Equal(8.0, result.Statistic);
        StatAssert.Close(0.148989898989899, result.PValue);
    }

    [Fact]
    public void Test_OneSampleOfAtMostEightWithoutTies_UsesExactLikeScipy()
    {
        // SciPy's 'auto' goes asymptotic only when BOTH samples exceed 8 (or on ties).
        double[] x = [3.5, 7.25, 12.0, 18.5, 30.0];
        double[] y = [.. Enumerable.Range(0, 20).Select(j => ((j * 37) % 101) / 4.0 + 0.1)];

        var result = MannWhitneyUTest.Test(x, y);

        Assert.Equal(MannWhitneyUMethod.Exact, result.Method);
        Assert.Equal(54.0, result.Statistic);
        StatAssert.Close(0.8179559570863917, result.PValue);
    }

    [Fact]
    public void Test_ThreeAgainstForty_ExactTailMatchesScipy()
    {
        double[] x = [55.5, 80.25, 99.75];
        double[] y = [.. Enumerable.Range(0, 40).Select(j => j * 2.5)];

        var result = MannWhitneyUTest.Test(x, y);

        Assert.Equal(MannWhitneyUMethod.Exact, result.Method);
        Assert.Equal(96.0, result.Statistic);
        StatAssert.Close(0.09318531723523216, result.PValue);
    }

    [Fact]
    public void Test_Ties_UsesNormalApproximationWithTieAndContinuityCorrection()
    {
        double[] x = [1, 2, 2, 3, 3, 3, 4, 5, 5, 6];
        double[] y = [2, 3, 4, 4, 5, 6, 6, 7, 8, 8, 9];

        var result = MannWhitneyUTest.Test(x, y);

        Assert.Equal(MannWhitneyUMethod.Asymptotic, result.Method);
        Assert.Equal(23.5, result.Statistic);
        StatAssert.Close(0.027640884214298913, result.PValue);
    }

    [Fact]
    public void Test_BothSamplesLarge_UsesNormalApproximation()
    {
        double[] x = [.. Enumerable.Range(0, 30).Select(i => ((i * 37) % 101) / 7.0 + 0.3)];
        double[] y = [.. Enumerable.Range(0, 40).Select(j => ((j * 53) % 97) / 6.0)];

        var result = MannWhitneyUTest.Test(x, y);

        Assert.Equal(MannWhitneyUMethod.Asymptotic, result.Method);
        Assert.Equal(593.0, result.Statistic);
        StatAssert.Close(0.938511529784455, result.PValue);
    }

    [Fact]
    public void Test_CompletelySeparatedSamples_KeepsTinyTailPrecise()
    {
        double[] x = [.. Enumerable.Range(0, 50).Select(i => (double)i)];
        double[] y = [.. Enumerable.Range(0, 50).Select(i => 100.0 + i)];

        var result = MannWhitneyUTest.Test(x, y);

        Assert.Equal(0.0, result.Statistic);
        StatAssert.Close(7.066071930388932e-18, result.PValue);
        Assert.Equal(0.0, result.Auc);
        Assert.Equal(-1.0, result.RankBiserial);
    }

    [Fact]
    public void Test_UAtCentre_ClipsPValueToOne()
    {
        var result = MannWhitneyUTest.Test([1.0, 4.0], [2.0, 3.0]);

        Assert.Equal(2.0, result.Statistic);
        Assert.Equal(1.0, result.PValue);
    }

    [Fact]
    public void Test_NaNValues_AreDroppedAndCounted()
    {
        double[] x = [1.1, double.NaN, 2.3, 3.8, 4.2, 5.9];
        double[] y = [2.0, 3.1, 4.5, double.NaN, double.NaN, 6.7, 7.2, 8.8, 9.4];

        var result = MannWhitneyUTest.Test(x, y);

        Assert.Equal((5, 7, 1, 2), (result.N1, result.N2, result.Missing1, result.Missing2));
        Assert.Equal(8.0, result.Statistic);
        StatAssert.Close(0.148989898989899, result.PValue);
    }

    [Fact]
    public void Test_EmptySample_ReturnsNaN()
    {
        var result = MannWhitneyUTest.Test([double.NaN], [1.0, 2.0]);

        Assert.True(double.IsNaN(result.Statistic));
        Assert.True(double.IsNaN(result.PValue));
        Assert.True(double.IsNaN(result.RankBiserial));
        Assert.Equal(1, result.Missing1);
    }

    [Fact]
    public void Test_AllValuesTied_ReturnsPValueOne()
    {
        double[] same = [.. Enumerable.Repeat(3.0, 12)];

        var result = MannWhitneyUTest.Test(same, same);

        Assert.Equal(1.0, result.PValue);
        Assert.Equal(0.5, result.Auc);
    }

    [Fact]
    public void Test_EffectSizes_FollowFromU()
    {
        double[] x = [1.1, 2.3, 3.8, 4.2, 5.9];
        double[] y = [2.0, 3.1, 4.5, 6.7, 7.2, 8.8, 9.4];

        var result = MannWhitneyUTest.Test(x, y);

        StatAssert.Close(8.0 / 35.0, result.Auc);
        StatAssert.Close((2.0 * 8.0 / 35.0) - 1.0, result.RankBiserial);
    }
}
