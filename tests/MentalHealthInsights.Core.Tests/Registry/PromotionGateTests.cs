using MentalHealthInsights.Core.Registry;

namespace MentalHealthInsights.Core.Tests.Registry;

public sealed class PromotionGateTests
{
    private readonly PromotionGate _gate = new(Margin: 0.01);

    [Fact]
    public void Decide_PromotableWithoutChampion_Promotes()
    {
        var decision = _gate.Decide(true, "beats the baseline", 0.8, championAuc: null);

        Assert.True(decision.Promote);
        Assert.Contains("no champion", decision.Reason);
    }

    [Theory]
    [InlineData(0.80, 0.805, true)] // within the margin
    [InlineData(0.80, 0.810, true)] // exactly the margin
    [InlineData(0.80, 0.8101, false)] // just beyond it
    [InlineData(0.85, 0.80, true)] // better
    public void Decide_PromotableWithChampion_ComparesWithinTheMargin(
        double candidate,
        double champion,
        bool promoted
    )
    {
        var decision = _gate.Decide(true, "beats the baseline", candidate, champion);

        Assert.Equal(promoted, decision.Promote);
        Assert.Contains("champion", decision.Reason);
    }

    [Fact]
    public void Decide_NotPromotable_StaysChallengerWithTheReason()
    {
        var decision = _gate.Decide(false, "the DeLong test gives p = 0.6", 0.95, 0.5);

        Assert.False(decision.Promote);
        Assert.Equal("Not promotable: the DeLong test gives p = 0.6", decision.Reason);
    }

    [Fact]
    public void Decide_Forced_PromotesAndSaysSo()
    {
        var decision = _gate.Decide(false, "no signal", 0.5, 0.9, force: true);

        Assert.True(decision.Promote);
        Assert.Contains("force", decision.Reason);
    }

    [Fact]
    public void Decide_UndefinedCandidateAuc_IsNotPromoted()
    {
        Assert.False(_gate.Decide(true, "ok", double.NaN, 0.7).Promote);
    }
}
