using MentalHealthInsights.Core.Statistics;

namespace MentalHealthInsights.Core.Tests.Statistics;

// Reference values: SciPy 1.10.1 has no BH function (false_discovery_control arrived in 1.11), so
// R's p.adjust(p, "BH") was written in numpy 1.24.2 (/usr/bin/python3):
//   n = len(p); i = np.arange(n, 0, -1); o = np.argsort(-p, kind='stable'); ro = np.argsort(o, kind='stable')
//   np.minimum(1, np.minimum.accumulate(n / i * p[o]))[ro]
public class BenjaminiHochbergTests
{
    private static readonly double[] P = [0.01, 0.04, 0.03, 0.005, 0.2, 0.04, 0.8, 0.001];

    private static readonly double[] Expected =
    [
        0.026666666666666665,
        0.05333333333333333,
        0.05333333333333333,
        0.02,
        0.22857142857142856,
        0.05333333333333333,
        0.8,
        0.008,
    ];

    [Fact]
    public void Adjust_KnownPValues_MatchesReference()
    {
        double[] adjusted = BenjaminiHochberg.Adjust(P);

        Assert.Equal(P.Length, adjusted.Length);
        for (int i = 0; i < P.Length; i++)
        {
            StatAssert.Close(Expected[i], adjusted[i]);
        }
    }

    [Fact]
    public void Adjust_NaN_StaysNaNAndDoesNotCountInM()
    {
        double[] withNaN = [.. P[..4], double.NaN, .. P[4..]];

        double[] adjusted = BenjaminiHochberg.Adjust(withNaN);

        Assert.True(double.IsNaN(adjusted[4]));
        double[] rest = [.. adjusted[..4], .. adjusted[5..]];
        for (int i = 0; i < P.Length; i++)
        {
            StatAssert.Close(Expected[i], rest[i]);
        }
    }

    [Fact]
    public void Adjust_LargePValues_AreCappedAtOne()
    {
        double[] adjusted = BenjaminiHochberg.Adjust([0.9, 0.95, 1.0]);

        Assert.All(adjusted, p => Assert.True(p <= 1.0));
        Assert.Equal(1.0, adjusted[2]);
    }

    [Fact]
    public void Reject_AtFivePercent_RejectsOnlyAdjustedBelowAlpha()
    {
        bool[] rejected = BenjaminiHochberg.Reject(P, 0.05);

        Assert.Equal([true, false, false, true, false, false, false, true], rejected);
    }

    [Fact]
    public void Adjust_OutOfRangePValue_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BenjaminiHochberg.Adjust([0.2, 1.5]));
    }
}
