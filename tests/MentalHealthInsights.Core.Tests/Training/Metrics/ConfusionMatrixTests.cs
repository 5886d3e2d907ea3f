using MentalHealthInsights.Core.Training.Metrics;

namespace MentalHealthInsights.Core.Tests.Training.Metrics;

public class ConfusionMatrixTests
{
    private const double Tol = ReferenceData.Tolerance;

    [Fact]
    public void From_SixRowsAtHalf_CountsByHand()
    {
        // Only 0.8 is >= 0.5: TP 1, FP 0, TN 3, FN 2 (sklearn confusion_matrix ravel: 3 0 2 1).
        var cm = ConfusionMatrix.From(ReferenceData.SixLabels, ReferenceData.SixScores, 0.5);

        Assert.Equal(new ConfusionMatrix(1, 0, 3, 2), cm);
        Assert.Equal(4.0 / 6.0, cm.Accuracy, Tol);
        Assert.Equal(1.0, cm.Precision, Tol);
        Assert.Equal(1.0 / 3.0, cm.Recall, Tol);
        Assert.Equal(0.5, cm.F1, Tol);
        Assert.Equal(1.0, cm.Specificity, Tol);
        Assert.Equal(0.0, cm.FalsePositiveRate, Tol);
    }

    [Fact]
    public void From_ProbabilityEqualToThreshold_IsPositive()
    {
        var cm = ConfusionMatrix.From(ReferenceData.SixLabels, ReferenceData.SixScores, 0.4);

        // 0.4 ×3 and 0.8 are called positive: TP 3, FP 1, TN 2, FN 0.
        Assert.Equal(new ConfusionMatrix(3, 1, 2, 0), cm);
    }

    [Fact]
    public void From_FortyRowsQAtPointSix_MatchesSklearn()
    {
        // sklearn: confusion_matrix(y, q >= 0.6).ravel() = tn 15 fp 8 fn 3 tp 14;
        // precision 0.6363636363636364, recall 0.8235294117647058, f1 0.717948717948718
        var cm = ConfusionMatrix.From(ReferenceData.Labels, ReferenceData.Q, 0.6);

        Assert.Equal(new ConfusionMatrix(14, 8, 15, 3), cm);
        Assert.Equal(0.725, cm.Accuracy, Tol);
        Assert.Equal(0.6363636363636364, cm.Precision, Tol);
        Assert.Equal(0.8235294117647058, cm.Recall, Tol);
        Assert.Equal(0.717948717948718, cm.F1, Tol);
    }

    [Fact]
    public void Ratios_ZeroDenominators_AreZero()
    {
        // No predicted positives and no actual positives: sklearn zero_division=0 gives 0.
        var none = ConfusionMatrix.From([false, false], [0.2, 0.3], 0.5);
        var empty = new ConfusionMatrix(0, 0, 0, 0);

        Assert.Equal(new ConfusionMatrix(0, 0, 2, 0), none);
        Assert.Equal(0.0, none.Precision);
        Assert.Equal(0.0, none.Recall);
        Assert.Equal(0.0, none.F1);
        Assert.Equal(1.0, none.Accuracy);
        Assert.Equal(0.0, empty.Accuracy);
        Assert.Equal(0.0, empty.Specificity);
        Assert.Equal(0.0, empty.FalsePositiveRate);
    }

    [Fact]
    public void From_ThresholdAboveOne_PredictsNothingPositive()
    {
        var cm = ConfusionMatrix.From([true, false], [1.0, 0.0], double.PositiveInfinity);

        Assert.Equal(0, cm.PredictedPositives);
    }

    [Fact]
    public void From_NaNThreshold_Throws()
    {
        Assert.Throws<ArgumentException>(() => ConfusionMatrix.From([true], [0.5], double.NaN));
    }
}
