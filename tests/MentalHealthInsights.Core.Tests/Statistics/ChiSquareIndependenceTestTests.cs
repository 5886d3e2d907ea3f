using MentalHealthInsights.Core.Statistics;

namespace MentalHealthInsights.Core.Tests.Statistics;

// Reference values: SciPy 1.10.1, /usr/bin/python3,
// c = scipy.stats.chi2_contingency(t)  (correction=True) and
// u = scipy.stats.chi2_contingency(t, correction=False); (statistic, pvalue, dof).
public class ChiSquareIndependenceTestTests
{
    [Fact]
    public void Test_TwoByTwo_AppliesYatesCorrection()
    {
        var result = ChiSquareIndependenceTest.Test(
            new long[,]
            {
                { 12, 5 },
                { 7, 15 },
            }
        );

        Assert.True(result.YatesCorrectionApplied);
        Assert.Equal(1, result.DegreesOfFreedom);
        StatAssert.Close(4.322120391218687, result.Statistic);
        StatAssert.Close(0.03762001663483994, result.PValue);
        StatAssert.Close(5.769596115958342, result.UncorrectedStatistic);
    }

    [Fact]
    public void Test_TwoByTwoWithoutCorrection_MatchesUncorrectedScipy()
    {
        var result = ChiSquareIndependenceTest.Test(
            new long[,]
            {
                { 12, 5 },
                { 7, 15 },
            },
            correction: false
        );

        Assert.False(result.YatesCorrectionApplied);
        StatAssert.Close(5.769596115958342, result.Statistic);
        StatAssert.Close(0.01630578158465016, result.PValue);
    }

    [Fact]
    public void Test_ThreeByFour_NoYatesBecauseDofAboveOne()
    {
        var table = new long[,]
        {
            { 10, 20, 30, 15 },
            { 25, 10, 12, 8 },
            { 5, 9, 14, 22 },
        };

        var result = ChiSquareIndependenceTest.Test(table);

        Assert.False(result.YatesCorrectionApplied);
        Assert.Equal(6, result.DegreesOfFreedom);
        StatAssert.Close(34.83183816183817, result.Statistic);
        StatAssert.Close(4.645130450461103e-06, result.PValue);
        Assert.Equal(result.Statistic, result.UncorrectedStatistic);
    }

    [Fact]
    public void Test_DifferencesBelowHalf_YatesShrinksToZeroNotPastIt()
    {
        var result = ChiSquareIndependenceTest.Test(
            new long[,]
            {
                { 10, 10 },
                { 10, 11 },
            }
        );

        Assert.Equal(0.0, result.Statistic);
        Assert.Equal(1.0, result.PValue);
        StatAssert.Close(0.02324263038548757, result.UncorrectedStatistic);
    }

    [Fact]
    public void Test_StrongAssociation_KeepsTinyPValuePrecise()
    {
        var result = ChiSquareIndependenceTest.Test(
            new long[,]
            {
                { 500, 100 },
                { 100, 500 },
            }
        );

        StatAssert.Close(530.67, result.Statistic);
        StatAssert.Close(2.0192350142982948e-117, result.PValue);
    }

    [Fact]
    public void Test_EmptyRow_IsDroppedBeforeTesting()
    {
        // SciPy raises on the zero expected count; the reference is the table without the row.
        var result = ChiSquareIndependenceTest.Test(
            new long[,]
            {
                { 5, 3 },
                { 0, 0 },
                { 2, 8 },
            }
        );

        Assert.Equal((2, 2, 18L), (result.Rows, result.Columns, result.N));
        StatAssert.Close(1.8262987012987018, result.Statistic);
        StatAssert.Close(0.17656535073105556, result.PValue);
    }

    [Fact]
    public void Test_SingleNonEmptyRow_IsDegenerateWithPValueOne()
    {
        var result = ChiSquareIndependenceTest.Test(
            new long[,]
            {
                { 4, 6, 9 },
                { 0, 0, 0 },
            }
        );

        Assert.Equal(0, result.DegreesOfFreedom);
        Assert.Equal(0.0, result.Statistic);
        Assert.Equal(1.0, result.PValue);
    }

    [Fact]
    public void Test_EmptyTable_ReturnsNaN()
    {
        var result = ChiSquareIndependenceTest.Test(new long[2, 2]);

        Assert.True(double.IsNaN(result.PValue));
        Assert.Equal(0, result.N);
    }

    [Fact]
    public void Test_NegativeCount_Throws()
    {
        Assert.Throws<ArgumentException>(() =>
            ChiSquareIndependenceTest.Test(
                new long[,]
                {
                    { 1, -1 },
                    { 2, 3 },
                }
            )
        );
    }
}
