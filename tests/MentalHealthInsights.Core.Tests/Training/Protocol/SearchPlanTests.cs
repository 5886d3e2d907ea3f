using MentalHealthInsights.Core.Training.Protocol;

namespace MentalHealthInsights.Core.Tests.Training.Protocol;

public sealed class SearchPlanTests
{
    [Fact]
    public void Rungs_HalvingTwentyConfigurationsFiveFolds_OneThreeFiveFoldsFortyFits()
    {
        var rungs = SearchPlan.Rungs(20, 5, SearchStrategy.Halving);

        Assert.Equal([new(20, 1), new(7, 3), new(3, 5)], rungs);
        // 20 × 1 + 7 × 2 + 3 × 2.
        Assert.Equal(40, SearchPlan.Fits(rungs));
    }

    [Fact]
    public void Rungs_HalvingWithStandIns_EarlyRungsOnStandInsLastRefitsEveryFold()
    {
        var rungs = SearchPlan.Rungs(20, 5, SearchStrategy.Halving, standIns: true);

        Assert.Equal(
            [new(20, 1) { StandIns = true }, new(7, 3) { StandIns = true }, new(3, 5)],
            rungs
        );
        // 20 × 1 + 7 × 2 stand-ins, then 3 × 5 from fold 0 again.
        Assert.Equal(20 + 14 + 15, SearchPlan.Fits(rungs));
    }

    [Fact]
    public void Rungs_FullWithStandIns_NoStandIns()
    {
        var rungs = SearchPlan.Rungs(20, 5, SearchStrategy.Full, standIns: true);

        Assert.Equal([new SearchRung(20, 5)], rungs);
        Assert.Equal(100, SearchPlan.Fits(rungs));
    }

    [Fact]
    public void Rungs_Full_OneRungEveryConfigurationEveryFold()
    {
        var rungs = SearchPlan.Rungs(20, 5, SearchStrategy.Full);

        Assert.Equal([new SearchRung(20, 5)], rungs);
        Assert.Equal(100, SearchPlan.Fits(rungs));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Rungs_HalvingAtMostRateConfigurations_IsFull(int configurations)
    {
        Assert.Equal(
            [new SearchRung(configurations, 5)],
            SearchPlan.Rungs(configurations, 5, SearchStrategy.Halving)
        );
    }

    [Fact]
    public void Rungs_HalvingTwoFolds_LastRungHasEveryFold()
    {
        var rungs = SearchPlan.Rungs(20, 2, SearchStrategy.Halving);

        Assert.Equal([new(20, 1), new(7, 2)], rungs);
        Assert.Equal(27, SearchPlan.Fits(rungs));
    }

    [Fact]
    public void Rungs_HalvingFourConfigurationsTenFolds_KeepsOneForTheRest()
    {
        var rungs = SearchPlan.Rungs(4, 10, SearchStrategy.Halving);

        Assert.Equal([new(4, 1), new(2, 3), new(1, 10)], rungs);
        Assert.Equal(4 + 4 + 7, SearchPlan.Fits(rungs));
    }

    [Fact]
    public void Rungs_ZeroConfigurations_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            SearchPlan.Rungs(0, 5, SearchStrategy.Halving)
        );
    }
}
