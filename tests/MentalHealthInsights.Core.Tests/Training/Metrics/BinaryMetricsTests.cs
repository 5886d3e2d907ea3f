using MentalHealthInsights.Core.Training.Metrics;

namespace MentalHealthInsights.Core.Tests.Training.Metrics;

public class BinaryMetricsTests
{
    private const double Tol = ReferenceData.Tolerance;

    [Fact]
    public void RocAuc_TiedScores_CountsTiesAsHalf()
    {
        // By hand: positives 0.8, 0.4, 0.4 vs negatives 0.1, 0.4, 0.2 → 3 + 2.5 + 2.5 of 9 pairs.
        // sklearn: roc_auc_score([0,0,1,1,1,0], [0.1,0.4,0.4,0.8,0.4,0.2]) = 0.888888888888889
        var auc = BinaryMetrics.RocAuc(ReferenceData.SixLabels, ReferenceData.SixScores);

        Assert.Equal(8.0 / 9.0, auc, Tol);
        Assert.Equal(0.888888888888889, auc, Tol);
    }

    [Fact]
    public void RocAuc_FortyRows_MatchesSklearn()
    {
        // sklearn: roc_auc_score(y, p), roc_auc_score(y, q) (reference_values.py)
        Assert.Equal(
            0.9360613810741688,
            BinaryMetrics.RocAuc(ReferenceData.Labels, ReferenceData.P),
            Tol
        );
        Assert.Equal(
            0.7838874680306905,
            BinaryMetrics.RocAuc(ReferenceData.Labels, ReferenceData.Q),
            Tol
        );
    }

    [Fact]
    public void RocAuc_ScoresOutsideUnitInterval_AreAccepted()
    {
        // Margins are valid scores; only the order matters.
        bool[] labels = [false, true, false, true];
        double[] margins = [-3.0, 2.5, 0.5, 7.0];

        Assert.Equal(1.0, BinaryMetrics.RocAuc(labels, margins), Tol);
    }

    [Fact]
    public void RocAuc_OneClassAbsent_IsNaN()
    {
        Assert.True(double.IsNaN(BinaryMetrics.RocAuc([true, true], [0.2, 0.9])));
        Assert.True(double.IsNaN(BinaryMetrics.RocAuc([false, false], [0.2, 0.9])));
    }

    [Fact]
    public void RocAuc_ReversedScores_IsOneMinusAuc()
    {
        var reversed = ReferenceData.Q.Select(s => 1 - s).ToArray();

        Assert.Equal(
            1 - BinaryMetrics.RocAuc(ReferenceData.Labels, ReferenceData.Q),
            BinaryMetrics.RocAuc(ReferenceData.Labels, reversed),
            Tol
        );
    }

    [Fact]
    public void AveragePrecision_TiedScores_MatchesHandAndSklearn()
    {
        // By hand: threshold 0.8 → P = 1, R = 1/3; threshold 0.4 → P = 3/4, R = 1:
        // AP = 1/3·1 + 2/3·3/4 = 5/6. sklearn average_precision_score(...) = 0.8333333333333333
        var ap = BinaryMetrics.AveragePrecision(ReferenceData.SixLabels, ReferenceData.SixScores);

        Assert.Equal(5.0 / 6.0, ap, Tol);
    }

    [Fact]
    public void AveragePrecision_FortyRows_MatchesSklearn()
    {
        // sklearn: average_precision_score(y, p), average_precision_score(y, q)
        Assert.Equal(
            0.8984593837535015,
            BinaryMetrics.AveragePrecision(ReferenceData.Labels, ReferenceData.P),
            Tol
        );
        Assert.Equal(
            0.7188105860023544,
            BinaryMetrics.AveragePrecision(ReferenceData.Labels, ReferenceData.Q),
            Tol
        );
    }

    [Fact]
    public void AveragePrecision_NoPositives_IsNaN_AllPositives_IsOne()
    {
        Assert.True(double.IsNaN(BinaryMetrics.AveragePrecision([false, false], [0.3, 0.7])));
        Assert.Equal(1.0, BinaryMetrics.AveragePrecision([true, true], [0.3, 0.7]), Tol);
    }

    [Fact]
    public void LogLoss_SixRows_MatchesSklearn()
    {
        // sklearn: log_loss([0,0,1,1,1,0], [0.1,0.4,0.4,0.8,0.4,0.2], eps=1e-15) = 0.4825091176334244
        var expected =
            -(
                Math.Log(0.9)
                + Math.Log(0.6)
                + Math.Log(0.4)
                + Math.Log(0.8)
                + Math.Log(0.4)
                + Math.Log(0.8)
            ) / 6;

        var loss = BinaryMetrics.LogLoss(ReferenceData.SixLabels, ReferenceData.SixScores);

        Assert.Equal(expected, loss, Tol);
        Assert.Equal(0.4825091176334244, loss, Tol);
    }

    [Fact]
    public void LogLoss_ProbabilitiesZeroAndOne_AreClipped()
    {
        // Two perfect and two confidently wrong predictions. By hand: wrong y=1,p=0 costs
        // −ln(1e-15); wrong y=0,p=1 costs −ln(1 − (1 − 1e-15)) (the clip is applied to p).
        // sklearn: log_loss([1,0,1,0], [1.0,0.0,0.0,1.0], eps=1e-15) = 17.26958809681289
        var byHand =
            (
                -Math.Log(1 - 1e-15)
                - Math.Log(1 - 1e-15)
                - Math.Log(1e-15)
                - Math.Log(1 - (1 - 1e-15))
            ) / 4;

        var loss = BinaryMetrics.LogLoss([true, false, true, false], [1.0, 0.0, 0.0, 1.0]);

        Assert.Equal(byHand, loss, Tol);
        Assert.Equal(17.26958809681289, loss, Tol);
        Assert.True(double.IsFinite(loss));
    }

    [Fact]
    public void LogLoss_PerfectPredictions_IsClippedNotZero()
    {
        // sklearn: log_loss([1,0], [1.0,0.0], eps=1e-15) = 9.992007221626415e-16
        var loss = BinaryMetrics.LogLoss([true, false], [1.0, 0.0]);

        Assert.Equal(9.992007221626415e-16, loss, 1e-28);
        Assert.True(loss > 0);
    }

    [Fact]
    public void LogLoss_FortyRows_MatchesSklearn()
    {
        // sklearn: log_loss(y, p, eps=1e-15), log_loss(y, q, eps=1e-15); p contains exact 0 and 1.
        Assert.Equal(
            0.39327364386456176,
            BinaryMetrics.LogLoss(ReferenceData.Labels, ReferenceData.P),
            Tol
        );
        Assert.Equal(
            0.5629557201810473,
            BinaryMetrics.LogLoss(ReferenceData.Labels, ReferenceData.Q),
            Tol
        );
    }

    [Fact]
    public void BrierScore_SixRows_MatchesHandAndSklearn()
    {
        // By hand: (0.01 + 0.16 + 0.36 + 0.04 + 0.36 + 0.04) / 6 = 0.97 / 6.
        // sklearn: brier_score_loss([0,0,1,1,1,0], [0.1,0.4,0.4,0.8,0.4,0.2]) = 0.16166666666666668
        var brier = BinaryMetrics.BrierScore(ReferenceData.SixLabels, ReferenceData.SixScores);

        Assert.Equal(0.97 / 6, brier, Tol);
        Assert.Equal(0.16166666666666668, brier, Tol);
    }

    [Fact]
    public void BrierScore_FortyRows_MatchesSklearn()
    {
        // sklearn: brier_score_loss(y, p), brier_score_loss(y, q)
        Assert.Equal(
            0.12425000000000001,
            BinaryMetrics.BrierScore(ReferenceData.Labels, ReferenceData.P),
            Tol
        );
        Assert.Equal(
            0.195125,
            BinaryMetrics.BrierScore(ReferenceData.Labels, ReferenceData.Q),
            Tol
        );
    }

    [Fact]
    public void BrierScore_ConstantHalf_IsQuarter()
    {
        Assert.Equal(0.25, BinaryMetrics.BrierScore([true, false, false], [0.5, 0.5, 0.5]), Tol);
    }

    [Fact]
    public void LogLoss_LengthMismatch_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            BinaryMetrics.LogLoss([true, false], [0.5])
        );

        Assert.Contains("same length", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LogLoss_EmptyInput_Throws()
    {
        Assert.Throws<ArgumentException>(() => BinaryMetrics.LogLoss([], []));
    }

    [Theory]
    [InlineData(1.5)]
    [InlineData(-0.25)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void BrierScore_ProbabilityOutsideUnitInterval_ThrowsWithoutTheValue(double bad)
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            BinaryMetrics.BrierScore([true, false, true], [0.5, bad, 0.5])
        );

        Assert.Contains("entry 1", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(
            bad.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ex.Message,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void RocAuc_NonFiniteScore_Throws()
    {
        Assert.Throws<ArgumentException>(() =>
            BinaryMetrics.RocAuc([true, false], [double.NaN, 0.1])
        );
    }
}
