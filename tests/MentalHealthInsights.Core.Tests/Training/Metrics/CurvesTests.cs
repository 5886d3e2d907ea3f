using MentalHealthInsights.Core.Training.Metrics;

namespace MentalHealthInsights.Core.Tests.Training.Metrics;

public class CurvesTests
{
    private const double Tol = ReferenceData.Tolerance;

    [Fact]
    public void RocCurve_FortyRows_MatchesSklearn()
    {
        // sklearn: fpr, tpr, th = roc_curve(y, p, drop_intermediate=False)
        // (sklearn 1.2 puts max + 1 = 2.0 as the first threshold; we use +∞ like sklearn ≥ 1.3)
        double[] fpr =
        [
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
            0.2608695652173913,
            0.30434782608695654,
            0.4782608695652174,
            0.5652173913043478,
            0.8260869565217391,
            0.9565217391304348,
            1.0,
        ];
        double[] tpr =
        [
            0.0,
            0.17647058823529413,
            0.35294117647058826,
            0.5294117647058824,
            0.6470588235294118,
            0.8823529411764706,
            1.0,
            1.0,
            1.0,
            1.0,
            1.0,
            1.0,
        ];
        double[] th =
        [
            double.PositiveInfinity,
            1.0,
            0.9,
            0.8,
            0.7,
            0.6,
            0.5,
            0.4,
            0.3,
            0.2,
            0.1,
            0.0,
        ];

        var curve = Curves.RocCurve(ReferenceData.Labels, ReferenceData.P);

        Assert.Equal(fpr.Length, curve.Count);
        for (var i = 0; i < fpr.Length; i++)
        {
            Assert.Equal(fpr[i], curve[i].FalsePositiveRate, Tol);
            Assert.Equal(tpr[i], curve[i].TruePositiveRate, Tol);
            Assert.Equal(th[i], curve[i].Threshold);
        }
    }

    [Fact]
    public void RocCurve_TrapezoidArea_EqualsRocAuc()
    {
        var curve = Curves.RocCurve(ReferenceData.Labels, ReferenceData.Q);
        double area = 0;
        for (var i = 1; i < curve.Count; i++)
        {
            area +=
                (curve[i].FalsePositiveRate - curve[i - 1].FalsePositiveRate)
                * (curve[i].TruePositiveRate + curve[i - 1].TruePositiveRate)
                / 2;
        }

        Assert.Equal(BinaryMetrics.RocAuc(ReferenceData.Labels, ReferenceData.Q), area, Tol);
    }

    [Fact]
    public void RocCurve_NoNegatives_FprIsNaN()
    {
        var curve = Curves.RocCurve([true, true], [0.2, 0.7]);

        Assert.All(curve, point => Assert.True(double.IsNaN(point.FalsePositiveRate)));
    }

    [Fact]
    public void PrecisionRecallCurve_FortyRows_MatchesSklearn()
    {
        // sklearn: precision, recall, th = precision_recall_curve(y, p); the final (1, 0) point has
        // no threshold in sklearn and +∞ here.
        double[] precision =
        [
            0.425,
            0.4358974358974359,
            0.4722222222222222,
            0.5666666666666667,
            0.6071428571428571,
            0.7083333333333334,
            0.7142857142857143,
            1.0,
            1.0,
            1.0,
            1.0,
            1.0,
        ];
        double[] recall =
        [
            1.0,
            1.0,
            1.0,
            1.0,
            1.0,
            1.0,
            0.8823529411764706,
            0.6470588235294118,
            0.5294117647058824,
            0.35294117647058826,
            0.17647058823529413,
            0.0,
        ];
        double[] th =
        [
            0.0,
            0.1,
            0.2,
            0.3,
            0.4,
            0.5,
            0.6,
            0.7,
            0.8,
            0.9,
            1.0,
            double.PositiveInfinity,
        ];

        var curve = Curves.PrecisionRecallCurve(ReferenceData.Labels, ReferenceData.P);

        Assert.Equal(precision.Length, curve.Count);
        for (var i = 0; i < precision.Length; i++)
        {
            Assert.Equal(precision[i], curve[i].Precision, Tol);
            Assert.Equal(recall[i], curve[i].Recall, Tol);
            Assert.Equal(th[i], curve[i].Threshold);
        }
    }

    [Fact]
    public void PrecisionRecallCurve_StepSum_EqualsAveragePrecision()
    {
        // AP = −Σ diff(recall)·precision[:-1], sklearn's own definition over its curve.
        var curve = Curves.PrecisionRecallCurve(ReferenceData.Labels, ReferenceData.Q);
        double ap = 0;
        for (var i = 0; i < curve.Count - 1; i++)
        {
            ap -= (curve[i + 1].Recall - curve[i].Recall) * curve[i].Precision;
        }

        Assert.Equal(
            BinaryMetrics.AveragePrecision(ReferenceData.Labels, ReferenceData.Q),
            ap,
            Tol
        );
    }
}
