using MentalHealthInsights.Core.Training.Metrics;

namespace MentalHealthInsights.Core.Tests.Training.Metrics;

public class MetricSetTests
{
    private const double Tol = ReferenceData.Tolerance;

    [Fact]
    public void Compute_FortyRowsAtHalf_MatchesSklearn()
    {
        // reference_values.py, "forty p thr .5": acc 0.825, prec 0.7083333333333334, rec 1.0,
        // f1 0.8292682926829268, auc 0.9360613810741688, ap 0.8984593837535015,
        // log_loss(eps=1e-15) 0.39327364386456176, brier 0.12425000000000001, tn fp fn tp 16 7 0 17
        var set = MetricSet.Compute(ReferenceData.Labels, ReferenceData.P, 0.5);

        Assert.Equal(0.5, set.Threshold);
        Assert.Equal(new ConfusionMatrix(17, 7, 16, 0), set.Confusion);
        Assert.Equal(0.825, set.Accuracy, Tol);
        Assert.Equal(0.7083333333333334, set.Precision, Tol);
        Assert.Equal(1.0, set.Recall, Tol);
        Assert.Equal(0.8292682926829268, set.F1, Tol);
        Assert.Equal(0.9360613810741688, set.RocAuc, Tol);
        Assert.Equal(0.8984593837535015, set.PrAuc, Tol);
        Assert.Equal(0.39327364386456176, set.LogLoss, Tol);
        Assert.Equal(0.12425000000000001, set.BrierScore, Tol);
    }

    [Fact]
    public void Compute_AgreesWithTheSingleMetricFunctions()
    {
        var set = MetricSet.Compute(ReferenceData.Labels, ReferenceData.Q, 0.6);

        Assert.Equal(BinaryMetrics.RocAuc(ReferenceData.Labels, ReferenceData.Q), set.RocAuc, Tol);
        Assert.Equal(
            BinaryMetrics.AveragePrecision(ReferenceData.Labels, ReferenceData.Q),
            set.PrAuc,
            Tol
        );
        Assert.Equal(
            BinaryMetrics.LogLoss(ReferenceData.Labels, ReferenceData.Q),
            set.LogLoss,
            Tol
        );
        Assert.Equal(
            BinaryMetrics.BrierScore(ReferenceData.Labels, ReferenceData.Q),
            set.BrierScore,
            Tol
        );
        Assert.Equal(
            ConfusionMatrix.From(ReferenceData.Labels, ReferenceData.Q, 0.6),
            set.Confusion
        );
    }

    [Fact]
    public void AsDictionary_HasEveryMetricInReportOrder()
    {
        var set = MetricSet.Compute(ReferenceData.SixLabels, ReferenceData.SixScores, 0.5);

        var dictionary = set.AsDictionary();

        Assert.Equal(MetricNames.All, dictionary.Keys);
        Assert.Equal(set.F1, dictionary[MetricNames.F1]);
        Assert.Equal(set.RocAuc, dictionary[MetricNames.RocAuc]);
        Assert.Equal(2.0, dictionary[MetricNames.FalseNegatives]);
        Assert.Equal(set.LogLoss, set.Get(MetricNames.LogLoss));
    }

    [Fact]
    public void Get_UnknownName_Throws()
    {
        var set = MetricSet.Compute(ReferenceData.SixLabels, ReferenceData.SixScores, 0.5);

        Assert.Throws<ArgumentException>(() => set.Get("auc"));
    }

    [Fact]
    public void Compute_OneClass_AucsAreNaNOthersDefined()
    {
        var set = MetricSet.Compute([false, false, false], [0.1, 0.6, 0.3], 0.5);

        Assert.True(double.IsNaN(set.RocAuc));
        Assert.True(double.IsNaN(set.PrAuc));
        Assert.Equal(2.0 / 3.0, set.Accuracy, Tol);
        Assert.True(double.IsFinite(set.LogLoss));
    }

    [Fact]
    public void HigherIsBetter_LossesAndErrorCounts_AreFalse()
    {
        Assert.False(MetricNames.HigherIsBetter(MetricNames.LogLoss));
        Assert.False(MetricNames.HigherIsBetter(MetricNames.BrierScore));
        Assert.False(MetricNames.HigherIsBetter(MetricNames.FalsePositives));
        Assert.False(MetricNames.HigherIsBetter(MetricNames.FalseNegatives));
        Assert.True(MetricNames.HigherIsBetter(MetricNames.RocAuc));
        Assert.True(MetricNames.HigherIsBetter(MetricNames.TruePositives));
    }
}
