using MentalHealthInsights.Core.Training.Evaluation;
using MentalHealthInsights.Core.Training.Metrics;

namespace MentalHealthInsights.Core.Tests.Training.Evaluation;

public class PairedBootstrapTestTests
{
    [Fact]
    public void Compare_ClearlyBetterModel_Rejects()
    {
        var (labels, good, noise) = Data(200, seed: 1);

        var result = PairedBootstrapTest.Compare(labels, good, noise, MetricNames.RocAuc);

        Assert.True(result.Difference.Estimate > 0.3);
        Assert.True(result.Difference.Lower > 0);
        Assert.True(result.IsSignificant(0.05));
        // No centred resample is as extreme as the observed gap: p = 1 / (B + 1).
        Assert.Equal(1.0 / 1001, result.PValue, 1e-15);
        Assert.Equal(1000, result.ResamplesUsed);
    }

    [Fact]
    public void Compare_IdenticalScores_PValueIsOne()
    {
        var (labels, good, _) = Data(100, seed: 2);

        var result = PairedBootstrapTest.Compare(labels, good, good, MetricNames.F1);

        Assert.Equal(0.0, result.Difference.Estimate);
        Assert.Equal(0.0, result.Difference.Lower);
        Assert.Equal(0.0, result.Difference.Upper);
        Assert.Equal(1.0, result.PValue);
        Assert.False(result.IsSignificant());
    }

    [Fact]
    public void Compare_TwoNoiseModels_DoesNotReject()
    {
        var (labels, _, noiseA) = Data(200, seed: 3);
        var (_, _, noiseB) = Data(200, seed: 4);

        var result = PairedBootstrapTest.Compare(labels, noiseA, noiseB, MetricNames.RocAuc);

        Assert.True(result.PValue > 0.05, $"p = {result.PValue}");
        Assert.True(result.Difference.Contains(0));
    }

    [Fact]
    public void Compare_MajorityBaseline_OnLogLoss_ModelIsBetter()
    {
        // The baseline predicts the prevalence for everyone; a good model has a lower log loss.
        var (labels, good, _) = Data(200, seed: 5);
        var prevalence = labels.Count(l => l) / (double)labels.Length;
        var baseline = Enumerable.Repeat(prevalence, labels.Length).ToArray();

        var result = PairedBootstrapTest.Compare(labels, good, baseline, MetricNames.LogLoss);

        Assert.True(result.Difference.Estimate < 0);
        Assert.True(result.IsSignificant());
    }

    [Fact]
    public void Compare_CustomMetric_SameSeed_MatchesNamedMetric()
    {
        // Both overloads draw identical resamples for a seed.
        var (labels, good, noise) = Data(80, seed: 6);

        var named = PairedBootstrapTest.Compare(
            labels,
            good,
            noise,
            MetricNames.RocAuc,
            resamples: 300,
            seed: 9
        );
        var custom = PairedBootstrapTest.Compare(
            labels,
            good,
            noise,
            "auc",
            (l, s) => BinaryMetrics.RocAuc(l, s),
            resamples: 300,
            seed: 9
        );

        Assert.Equal(named.Difference.Estimate, custom.Difference.Estimate, 1e-12);
        Assert.Equal(named.Difference.Lower, custom.Difference.Lower, 1e-12);
        Assert.Equal(named.Difference.Upper, custom.Difference.Upper, 1e-12);
        Assert.Equal(named.PValue, custom.PValue);
        Assert.Equal(named.ResamplesUsed, custom.ResamplesUsed);
    }

    [Fact]
    public void Compare_SameSeed_IsReproducible()
    {
        var (labels, good, noise) = Data(60, seed: 7);

        var first = PairedBootstrapTest.Compare(
            labels,
            good,
            noise,
            MetricNames.Accuracy,
            resamples: 200,
            seed: 3
        );
        var second = PairedBootstrapTest.Compare(
            labels,
            good,
            noise,
            MetricNames.Accuracy,
            resamples: 200,
            seed: 3
        );

        Assert.Equal(first, second);
    }

    [Fact]
    public void Compare_PValue_FollowsTheDocumentedDefinition()
    {
        // Recompute (1 + #{|d*_b − d| ≥ |d|}) / (B + 1) from the documented resample sequence.
        var (labels, good, noise) = Data(30, seed: 8);
        const int B = 400;
        var n = labels.Length;
        var observed =
            BinaryMetrics.BrierScore(labels, good) - BinaryMetrics.BrierScore(labels, noise);
        var random = new Random(11);
        var extreme = 0;
        var sl = new bool[n];
        var sa = new double[n];
        var sb = new double[n];
        for (var b = 0; b < B; b++)
        {
            for (var j = 0; j < n; j++)
            {
                var row = random.Next(n);
                sl[j] = labels[row];
                sa[j] = good[row];
                sb[j] = noise[row];
            }

            var d = BinaryMetrics.BrierScore(sl, sa) - BinaryMetrics.BrierScore(sl, sb);
            if (Math.Abs(d - observed) >= Math.Abs(observed))
            {
                extreme++;
            }
        }

        var result = PairedBootstrapTest.Compare(
            labels,
            good,
            noise,
            MetricNames.BrierScore,
            resamples: B,
            seed: 11
        );

        Assert.Equal((1.0 + extreme) / (B + 1.0), result.PValue, 1e-15);
    }

    [Fact]
    public void Compare_UnknownMetric_Throws()
    {
        Assert.Throws<ArgumentException>(() =>
            PairedBootstrapTest.Compare([true, false], [0.6, 0.3], [0.5, 0.5], "auroc")
        );
    }

    [Fact]
    public void Compare_LengthMismatch_NamesTheArgument()
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            PairedBootstrapTest.Compare([true, false], [0.6, 0.3], [0.5], MetricNames.RocAuc)
        );

        Assert.Equal("probabilitiesB", ex.ParamName);
    }

    /// <summary>Labels with prevalence ~0.3, an informative model and a pure-noise model.</summary>
    private static (bool[] Labels, double[] Good, double[] Noise) Data(int n, int seed)
    {
        var random = new Random(seed);
        var labels = new bool[n];
        var good = new double[n];
        var noise = new double[n];
        for (var i = 0; i < n; i++)
        {
            labels[i] = random.NextDouble() < 0.3;
            good[i] = Math.Clamp(
                (labels[i] ? 0.7 : 0.25) + ((random.NextDouble() - 0.5) * 0.4),
                0,
                1
            );
            noise[i] = random.NextDouble();
        }

        return (labels, good, noise);
    }
}
