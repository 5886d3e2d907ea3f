using MentalHealthInsights.Core.Statistics;

namespace MentalHealthInsights.Core.Tests.Statistics;

// Reference values: SciPy 1.10.1, /usr/bin/python3,
// scipy.stats.contingency.association(t, method='cramer')  (correction=False: bias-uncorrected V
// from the chi-square without Yates' correction).
public class CramersVTests
{
    [Fact]
    public void Compute_TwoByTwo_UsesUncorrectedChiSquare()
    {
        double v = CramersV.Compute(
            new long[,]
            {
                { 12, 5 },
                { 7, 15 },
            }
        );

        StatAssert.Close(0.3846275626468413, v);
    }

    [Fact]
    public void Compute_ThreeByFour_DividesByMinDimensionMinusOne()
    {
        var table = new long[,]
        {
            { 10, 20, 30, 15 },
            { 25, 10, 12, 8 },
            { 5, 9, 14, 22 },
        };

        StatAssert.Close(0.3110548279726679, CramersV.Compute(table));
    }

    [Fact]
    public void FromChiSquare_CorrectedTest_StillUsesUncorrectedStatistic()
    {
        var corrected = ChiSquareIndependenceTest.Test(
            new long[,]
            {
                { 500, 100 },
                { 100, 500 },
            }
        );

        StatAssert.Close(0.6666666666666667, CramersV.FromChiSquare(corrected));
    }

    [Fact]
    public void Compute_PerfectAssociation_IsOne()
    {
        StatAssert.Close(
            1.0,
            CramersV.Compute(
                new long[,]
                {
                    { 7, 0, 0 },
                    { 0, 4, 0 },
                    { 0, 0, 9 },
                }
            )
        );
    }

    [Fact]
    public void Compute_SingleColumn_IsNaN()
    {
        Assert.True(
            double.IsNaN(
                CramersV.Compute(
                    new long[,]
                    {
                        { 3 },
                        { 4 },
                    }
                )
            )
        );
    }
}
