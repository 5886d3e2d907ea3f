using MentalHealthInsights.Core.Tests.Training.Metrics;
using MentalHealthInsights.Core.Training.Evaluation;
using MentalHealthInsights.Core.Training.Metrics;

namespace MentalHealthInsights.Core.Tests.Training.Evaluation;

public class BootstrapTests
{
    [Fact]
    public void MetricIntervals_SameSeed_IsReproducible()
    {
        var first = Bootstrap.MetricIntervals(
            ReferenceData.Labels,
            ReferenceData.P,
            0.5,
            500,
            seed: 7
        );
        var second = Bootstrap.MetricIntervals(
            ReferenceData.Labels,
            ReferenceData.P,
            0.5,
            500,
            seed: 7
        );

        Assert.Equal(first, second);
    }

    [Fact]
    public void MetricIntervals_DifferentSeed_GivesDifferentIntervals()
    {
        var first = Bootstrap.MetricIntervals(
            ReferenceData.Labels,
            ReferenceData.P,
            0.5,
            500,
            seed: 7
        );
        var second = Bootstrap.MetricIntervals(
            ReferenceData.Labels,
            ReferenceData.P,
            0.5,
            500,
            seed: 8
        );

        Assert.Contains(MetricNames.All, name => first[name] != second[name]);
        Assert.NotEqual(first[MetricNames.RocAuc], second[MetricNames.RocAuc]);
    }

    [Fact]
    public void Run_DefaultSettings_EveryIntervalContainsItsEstimate()
    {
        var report = Bootstrap.Run(ReferenceData.Labels, ReferenceData.Q, 0.6);
        var estimates = report.Estimate.AsDictionary();

        Assert.Equal(1000, report.Resamples);
        Assert.Equal(42, report.Seed);
        Assert.Equal(0.95, report.Confidence);
        Assert.Equal(MetricNames.All, report.Intervals.Keys);
        foreach (var name in MetricNames.All)
        {
            var interval = report.Intervals[name];
            Assert.Equal(estimates[name], interval.Estimate);
            Assert.True(interval.Lower <= interval.Upper, name);
            Assert.True(interval.Contains(interval.Estimate), name);
            Assert.True(interval.Width > 0, name);
        }
    }

    [Fact]
    public void Run_OneResample_EqualsMetricsOfTheMaterialisedResample()
    {
        // The documented draw sequence: n calls of new Random(seed).Next(n). The weighted fast
        // path must give exactly what recomputing on the copied rows gives.
        var labels = ReferenceData.Labels;
        var probabilities = ReferenceData.Q;
        var random = new Random(123);
        var sampleLabels = new bool[labels.Length];
        var sampleProbabilities = new double[labels.Length];
        for (var j = 0; j < labels.Length; j++)
        {
            var row = random.Next(labels.Length);
            sampleLabels[j] = labels[row];
            sampleProbabilities[j] = probabilities[row];
        }

        var expected = MetricSet.Compute(sampleLabels, sampleProbabilities, 0.6).AsDictionary();

        var report = Bootstrap.Run(labels, probabilities, 0.6, resamples: 1, seed: 123);

        foreach (var name in MetricNames.All)
        {
            Assert.Equal(expected[name], report.Intervals[name].Lower, 1e-12);
            Assert.Equal(expected[name], report.Intervals[name].Upper, 1e-12);
        }
    }

    [Fact]
    public void Run_Bounds_AreLinearPercentilesOfTheReplicates()
    {
        // Replicates recomputed from the documented draw sequence; bounds are numpy's default
        // percentile (linear, type 7) at 2.5% and 97.5%: h = (B − 1)·q, lerp between order statistics.
        var labels = ReferenceData.Labels;
        var probabilities = ReferenceData.P;
        const int B = 199;
        var random = new Random(5);
        var brier = new double[B];
        var auc = new double[B];
        var sampleLabels = new bool[labels.Length];
        var sampleProbabilities = new double[labels.Length];
        for (var b = 0; b < B; b++)
        {
            for (var j = 0; j < labels.Length; j++)
            {
                var row = random.Next(labels.Length);
                sampleLabels[j] = labels[row];
                sampleProbabilities[j] = probabilities[row];
            }

            brier[b] = BinaryMetrics.BrierScore(sampleLabels, sampleProbabilities);
            auc[b] = BinaryMetrics.RocAuc(sampleLabels, sampleProbabilities);
        }

        var report = Bootstrap.Run(labels, probabilities, 0.5, resamples: B, seed: 5);

        Assert.Equal(Type7(brier, 0.025), report.Intervals[MetricNames.BrierScore].Lower, 1e-12);
        Assert.Equal(Type7(brier, 0.975), report.Intervals[MetricNames.BrierScore].Upper, 1e-12);
        Assert.Equal(Type7(auc, 0.025), report.Intervals[MetricNames.RocAuc].Lower, 1e-12);
        Assert.Equal(Type7(auc, 0.975), report.Intervals[MetricNames.RocAuc].Upper, 1e-12);
    }

    [Fact]
    public void Run_RareClass_SkipsOneClassResamplesForAucOnly()
    {
        // One positive in ten rows: a resample misses it with probability 0.9^10 ≈ 0.35.
        bool[] labels = [false, false, false, true, false, false, false, false, false, false];
        double[] probabilities = [0.1, 0.2, 0.3, 0.9, 0.4, 0.2, 0.1, 0.5, 0.3, 0.2];
        var random = new Random(42);
        var bothClasses = 0;
        for (var b = 0; b < 1000; b++)
        {
            var sawPositive = false;
            var sawNegative = false;
            for (var j = 0; j < labels.Length; j++)
            {
                if (labels[random.Next(labels.Length)])
                {
                    sawPositive = true;
                }
                else
                {
                    sawNegative = true;
                }
            }

            if (sawPositive && sawNegative)
            {
                bothClasses++;
            }
        }

        var report = Bootstrap.Run(labels, probabilities, 0.5);

        Assert.InRange(bothClasses, 550, 750);
        Assert.Equal(bothClasses, report.ResamplesUsed[MetricNames.RocAuc]);
        Assert.Equal(bothClasses, report.ResamplesUsed[MetricNames.PrAuc]);
        Assert.Equal(1000, report.ResamplesUsed[MetricNames.Accuracy]);
        Assert.Equal(1000, report.ResamplesUsed[MetricNames.LogLoss]);
        Assert.Equal(1.0, report.Intervals[MetricNames.RocAuc].Estimate);
    }

    [Fact]
    public void Run_OneClassData_AucIntervalIsUndefined()
    {
        var report = Bootstrap.Run([false, false, false], [0.1, 0.2, 0.3], 0.5, resamples: 50);

        Assert.True(double.IsNaN(report.Intervals[MetricNames.RocAuc].Lower));
        Assert.Equal(0, report.ResamplesUsed[MetricNames.RocAuc]);
        Assert.Equal(50, report.ResamplesUsed[MetricNames.BrierScore]);
    }

    [Fact]
    public void Run_HigherConfidence_GivesWiderIntervals()
    {
        var narrow = Bootstrap.Run(ReferenceData.Labels, ReferenceData.Q, 0.6, confidence: 0.8);
        var wide = Bootstrap.Run(ReferenceData.Labels, ReferenceData.Q, 0.6, confidence: 0.99);

        Assert.True(
            wide.Intervals[MetricNames.RocAuc].Width > narrow.Intervals[MetricNames.RocAuc].Width
        );
        Assert.True(
            wide.Intervals[MetricNames.LogLoss].Width > narrow.Intervals[MetricNames.LogLoss].Width
        );
    }

    [Theory]
    [InlineData(0, 0.95)]
    [InlineData(100, 1.0)]
    [InlineData(100, 0.0)]
    public void Run_InvalidSettings_Throw(int resamples, double confidence)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            Bootstrap.Run([true, false], [0.7, 0.2], 0.5, resamples, confidence: confidence)
        );
    }

    private static double Type7(double[] values, double q)
    {
        var sorted = values.Order().ToArray();
        var h = (sorted.Length - 1) * q;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + ((h - lo) * (sorted[hi] - sorted[lo]));
    }
}
