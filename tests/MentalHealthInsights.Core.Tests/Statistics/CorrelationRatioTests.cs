using MentalHealthInsights.Core.Statistics;

namespace MentalHealthInsights.Core.Tests.Statistics;

public class CorrelationRatioTests
{
    // numpy 1.24.2 (/usr/bin/python3): c, v = np.array(cats), np.array(vals); m = v.mean();
    // ssb = sum(((v[c==g].mean()-m)**2)*np.sum(c==g) for g in np.unique(c)); np.sqrt(ssb/((v-m)**2).sum())
    [Fact]
    public void Compute_ThreeGroups_MatchesNumpyDefinition()
    {
        int[] cats = [0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 2];
        double[] vals = [1.0, 2.0, 1.5, 3.0, 3.5, 2.5, 4.0, 6.0, 5.5, 7.0, 6.5, 5.0];

        StatAssert.Close(0.9518582277181852, CorrelationRatio.Compute(cats, vals));
    }

    [Fact]
    public void Compute_MissingValuesAndCodes_AreSkipped()
    {
        int[] cats = [0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 2, -1, 1];
        double[] vals =
        [
            1.0,
            2.0,
            1.5,
            3.0,
            3.5,
            2.5,
            4.0,
            6.0,
            5.5,
            7.0,
            6.5,
            5.0,
            99.0,
            double.NaN,
        ];

        StatAssert.Close(0.9518582277181852, CorrelationRatio.Compute(cats, vals));
    }

    [Fact]
    public void Compute_TwoGroups_EqualsAbsolutePointBiserialCorrelation()
    {
        int[] cats = [1, 0, 1, 1, 0, 0, 1, 0, 1, 0];
        double[] vals = [5.1, 2.0, 4.4, 6.3, 3.3, 1.8, 3.9, 4.0, 5.0, 2.7];
        double[] indicator = [.. cats.Select(c => (double)c)];

        double eta = CorrelationRatio.Compute(cats, vals);
        double r = PearsonCorrelation.Compute(indicator, vals).Coefficient;

        StatAssert.Close(Math.Abs(r), eta);
    }

    [Fact]
    public void Compute_IdenticalGroupMeans_IsZero()
    {
        Assert.Equal(0.0, CorrelationRatio.Compute([0, 0, 1, 1], [1.0, 3.0, 3.0, 1.0]));
    }

    [Fact]
    public void Compute_ConstantValues_IsNaN()
    {
        Assert.True(double.IsNaN(CorrelationRatio.Compute([0, 1, 2], [4.0, 4.0, 4.0])));
    }
}
