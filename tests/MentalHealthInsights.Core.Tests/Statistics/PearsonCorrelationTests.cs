using MentalHealthInsights.Core.Statistics;

namespace MentalHealthInsights.Core.Tests.Statistics;

// Reference values: SciPy 1.10.1, /usr/bin/python3, r = scipy.stats.pearsonr(x, y); (r.statistic, r.pvalue).
public class PearsonCorrelationTests
{
    private static readonly double[] X = [2.1, 3.4, 1.9, 5.6, 4.4, 6.1, 7.3, 5.0, 8.2, 9.9];
    private static readonly double[] Y = [1.0, 2.2, 2.1, 3.9, 3.0, 5.5, 5.1, 4.8, 7.7, 8.0];

    [Fact]
    public void Compute_StrongLinearRelation_MatchesScipy()
    {
        var result = PearsonCorrelation.Compute(X, Y);

        Assert.Equal(10, result.N);
        StatAssert.Close(0.9556675298143802, result.Coefficient);
        StatAssert.Close(1.6016667974079367e-05, result.PValue);
    }

    [Fact]
    public void Compute_WeakRelation_MatchesScipy()
    {
        double[] x = [.. Enumerable.Range(0, 40).Select(i => ((i * 37) % 101) / 7.0)];
        double[] y = [.. Enumerable.Range(0, 40).Select(i => ((i * 53) % 97) / 6.0 + (0.01 * i))];

        var result = PearsonCorrelation.Compute(x, y);

        StatAssert.Close(0.1445628127159054, result.Coefficient);
        StatAssert.Close(0.3734706963278216, result.PValue);
    }

    [Fact]
    public void Compute_PairsWithNaN_AreDropped()
    {
        double[] x = [.. X, double.NaN, 3.0];
        double[] y = [.. Y, 1.0, double.NaN];

        var result = PearsonCorrelation.Compute(x, y);

        Assert.Equal(10, result.N);
        StatAssert.Close(0.9556675298143802, result.Coefficient);
    }

    [Fact]
    public void Compute_ConstantInput_IsNaN()
    {
        var result = PearsonCorrelation.Compute([1.0, 1.0, 1.0], [1.0, 2.0, 3.0]);

        Assert.True(double.IsNaN(result.Coefficient));
    }

    [Fact]
    public void Compute_TwoPairs_HasPValueOne()
    {
        var result = PearsonCorrelation.Compute([1.0, 2.0], [5.0, 3.0]);

        Assert.Equal(-1.0, result.Coefficient);
        Assert.Equal(1.0, result.PValue);
    }
}
