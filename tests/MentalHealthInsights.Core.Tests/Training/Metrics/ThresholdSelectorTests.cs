using MentalHealthInsights.Core.Training.Metrics;

namespace MentalHealthInsights.Core.Tests.Training.Metrics;

public class ThresholdSelectorTests
{
    private const double Tol = ReferenceData.Tolerance;

    [Fact]
    public void MaximiseF1_SixRows_PicksTheBestCandidate()
    {
        // By hand, F1 at 0.8, 0.4, 0.2, 0.1 = 1/2, 6/7, 3/4, 2/3.
        var selection = ThresholdSelector.MaximiseF1(
            ReferenceData.SixLabels,
            ReferenceData.SixScores
        );

        Assert.True(selection.IsReachable);
        Assert.Equal(0.4, selection.Threshold);
        Assert.Equal(6.0 / 7.0, selection.F1, Tol);
        Assert.Equal(new ConfusionMatrix(3, 1, 2, 0), selection.Confusion);
        Assert.Null(selection.Reason);
    }

    [Fact]
    public void MaximiseF1_Tie_PicksTheHighestThreshold()
    {
        // F1 at 0.9, 0.8, 0.7, 0.6 = 2/3, 1/2, 2/5, 2/3: tie between 0.9 and 0.6.
        var selection = ThresholdSelector.MaximiseF1(
            [true, false, false, true],
            [0.9, 0.8, 0.7, 0.6]
        );

        Assert.Equal(0.9, selection.Threshold);
        Assert.Equal(2.0 / 3.0, selection.F1, Tol);
    }

    [Fact]
    public void MaximiseF1_MatchesExhaustiveSearch()
    {
        var labels = ReferenceData.Labels;
        var probabilities = ReferenceData.Q;
        var best = probabilities
            .Distinct()
            .Select(t => (t, f1: ConfusionMatrix.From(labels, probabilities, t).F1))
            .OrderByDescending(x => x.f1)
            .ThenByDescending(x => x.t)
            .First();

        var selection = ThresholdSelector.MaximiseF1(labels, probabilities);

        Assert.Equal(best.t, selection.Threshold);
        Assert.Equal(best.f1, selection.F1, Tol);
    }

    [Fact]
    public void MaximiseF1_NoPositives_IsUnreachable()
    {
        var selection = ThresholdSelector.MaximiseF1([false, false], [0.2, 0.4]);

        Assert.False(selection.IsReachable);
        Assert.True(double.IsNaN(selection.Threshold));
        Assert.NotNull(selection.Reason);
    }

    [Theory]
    [InlineData(1.0 / 3.0, 0.8)]
    [InlineData(0.5, 0.4)]
    [InlineData(1.0, 0.4)]
    public void ForTargetRecall_SixRows_HighestThresholdReachingTarget(
        double target,
        double expected
    )
    {
        // Recall at 0.8 is 1/3, at 0.4 and below 1.
        var selection = ThresholdSelector.ForTargetRecall(
            ReferenceData.SixLabels,
            ReferenceData.SixScores,
            target
        );

        Assert.True(selection.IsReachable);
        Assert.Equal(expected, selection.Threshold);
        Assert.True(selection.Recall >= target);
    }

    [Theory]
    [InlineData(0.75, 0.4)]
    [InlineData(0.9, 0.8)]
    public void ForTargetPrecision_SixRows_LowestThresholdReachingTarget(
        double target,
        double expected
    )
    {
        // Precision at 0.8, 0.4, 0.2, 0.1 = 1, 3/4, 3/5, 1/2.
        var selection = ThresholdSelector.ForTargetPrecision(
            ReferenceData.SixLabels,
            ReferenceData.SixScores,
            target
        );

        Assert.True(selection.IsReachable);
        Assert.Equal(expected, selection.Threshold);
    }

    [Fact]
    public void ForTargetPrecision_NonMonotonePrecision_StillFindsTheLowest()
    {
        // Precision at 0.9, 0.8, 0.7, 0.6, 0.5 = 0, 1/2, 2/3, 1/2, 3/5: 0.6 is met at 0.7 and 0.5.
        var selection = ThresholdSelector.ForTargetPrecision(
            [false, true, true, false, true],
            [0.9, 0.8, 0.7, 0.6, 0.5],
            0.6
        );

        Assert.Equal(0.5, selection.Threshold);
        Assert.Equal(0.6, selection.Precision, Tol);
        Assert.Equal(1.0, selection.Recall, Tol);
    }

    [Fact]
    public void ForTargetPrecision_Unreachable_ReturnsFailureWithReason()
    {
        // Precision at 0.9 is 0 and at 0.1 is 1/2: 0.9 cannot be met.
        var selection = ThresholdSelector.ForTargetPrecision([false, true], [0.9, 0.1], 0.9);

        Assert.False(selection.IsReachable);
        Assert.True(double.IsNaN(selection.Threshold));
        Assert.Contains("target precision", selection.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void ForTargetRecall_TargetOutsideUnitInterval_Throws(double target)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            ThresholdSelector.ForTargetRecall([true], [0.5], target)
        );
    }

    [Fact]
    public void Select_Strategy_DispatchesAndNamesItself()
    {
        var labels = ReferenceData.SixLabels;
        var scores = ReferenceData.SixScores;

        var recall = ThresholdSelector.Select(labels, scores, ThresholdStrategy.ForRecall(0.3));
        var precision = ThresholdSelector.Select(
            labels,
            scores,
            ThresholdStrategy.ForPrecision(0.9)
        );
        var f1 = ThresholdSelector.Select(labels, scores, ThresholdStrategy.MaxF1);

        Assert.Equal(0.8, recall.Threshold);
        Assert.Equal(0.8, precision.Threshold);
        Assert.Equal(0.4, f1.Threshold);
        Assert.Equal("target_recall:0.3", recall.Strategy.ToString());
        Assert.Equal("target_precision:0.9", precision.Strategy.ToString());
        Assert.Equal("max_f1", f1.Strategy.ToString());
    }
}
