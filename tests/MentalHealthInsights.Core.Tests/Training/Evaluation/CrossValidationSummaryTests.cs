using MentalHealthInsights.Core.Tests.Training.Metrics;
using MentalHealthInsights.Core.Training.Evaluation;
using MentalHealthInsights.Core.Training.Metrics;

namespace MentalHealthInsights.Core.Tests.Training.Evaluation;

public class CrossValidationSummaryTests
{
    [Fact]
    public void Summarise_ThreeFolds_MeanAndSampleStandardDeviation()
    {
        // mean 0.8; sample sd = sqrt((0.01 + 0 + 0.01) / 2) = 0.1 (numpy std ddof=1).
        IReadOnlyDictionary<string, double>[] folds =
        [
            new Dictionary<string, double> { ["f1"] = 0.7 },
            new Dictionary<string, double> { ["f1"] = 0.8 },
            new Dictionary<string, double> { ["f1"] = 0.9 },
        ];

        var summary = CrossValidationSummary.Summarise(folds);

        Assert.Equal(0.8, summary["f1"].Mean, 1e-12);
        Assert.Equal(0.1, summary["f1"].StandardDeviation, 1e-12);
        Assert.Equal(3, summary["f1"].Count);
    }

    [Fact]
    public void Summarise_NaNFold_IsLeftOutAndCounted()
    {
        IReadOnlyDictionary<string, double>[] folds =
        [
            new Dictionary<string, double> { ["roc_auc"] = 0.6, ["x"] = double.NaN },
            new Dictionary<string, double> { ["roc_auc"] = double.NaN },
            new Dictionary<string, double> { ["roc_auc"] = 0.8 },
        ];

        var summary = CrossValidationSummary.Summarise(folds);

        Assert.Equal(0.7, summary["roc_auc"].Mean, 1e-12);
        Assert.Equal(Math.Sqrt(0.02), summary["roc_auc"].StandardDeviation, 1e-12);
        Assert.Equal(2, summary["roc_auc"].Count);
        Assert.Equal(0, summary["x"].Count);
        Assert.True(double.IsNaN(summary["x"].Mean));
    }

    [Fact]
    public void Summarise_SingleFold_StandardDeviationIsNaN()
    {
        IReadOnlyDictionary<string, double>[] folds =
        [
            new Dictionary<string, double> { ["f1"] = 0.5 },
        ];

        var summary = CrossValidationSummary.Summarise(folds);

        Assert.Equal(0.5, summary["f1"].Mean);
        Assert.True(double.IsNaN(summary["f1"].StandardDeviation));
    }

    [Fact]
    public void Summarise_MetricSets_CoversEveryMetricInOrder()
    {
        var a = MetricSet.Compute(ReferenceData.Labels, ReferenceData.P, 0.5);
        var b = MetricSet.Compute(ReferenceData.Labels, ReferenceData.Q, 0.6);

        var summary = CrossValidationSummary.Summarise([a, b]);

        Assert.Equal(MetricNames.All, summary.Keys);
        Assert.Equal((a.RocAuc + b.RocAuc) / 2, summary[MetricNames.RocAuc].Mean, 1e-12);
        Assert.Equal(
            Math.Abs(a.F1 - b.F1) / Math.Sqrt(2),
            summary[MetricNames.F1].StandardDeviation,
            1e-12
        );
    }
}
