using MentalHealthInsights.Core.Training;
using MentalHealthInsights.Core.Training.Baseline;

namespace MentalHealthInsights.Core.Tests.Training.Baseline;

public class MajorityBaselineTrainerTests
{
    /// <summary>Rows with three random columns and a label that is true with probability <paramref name="rate"/>.</summary>
    private static FeatureMatrix Planted(int rows, double rate, int seed)
    {
        var random = new Random(seed);
        var features = new float[rows * 3];
        var labels = new bool[rows];
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < 3; j++)
            {
                features[i * 3 + j] = (float)(random.NextDouble() * 2 - 1);
            }
            labels[i] = random.NextDouble() < rate;
        }
        return new FeatureMatrix(features, labels, ["x0", "x1", "x2"]);
    }

    /// <summary>ROC AUC by the Mann–Whitney formula (ties count one half).</summary>
    private static double Auc(ReadOnlySpan<double> scores, ReadOnlySpan<bool> labels)
    {
        double wins = 0;
        long pairs = 0;
        for (var i = 0; i < scores.Length; i++)
        {
            if (!labels[i])
            {
                continue;
            }
            for (var j = 0; j < scores.Length; j++)
            {
                if (labels[j])
                {
                    continue;
                }
                pairs++;
                wins += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0;
            }
        }
        return wins / pairs;
    }

    [Fact]
    public void Fit_PlantedData_PredictsTrainingPrevalenceForEveryRow()
    {
        var training = Planted(600, 0.3, seed: 1);
        var test = Planted(200, 0.3, seed: 2);
        var prevalence = training.Labels.Count(l => l) / 600.0;

        using var model = new MajorityBaselineTrainer().Fit(training, HyperParameters.Empty, 7, default);
        var scores = new double[test.Rows];
        model.Predict(test, scores);

        Assert.All(scores, s => Assert.Equal(prevalence, s));
        Assert.Equal(prevalence, model.Predict(test.Row(5)));
        // A constant score ties every positive with every negative: AUC is exactly one half.
        Assert.Equal(0.5, Auc(scores, test.Labels));
    }

    [Theory]
    [InlineData(0.3, false)]
    [InlineData(0.8, true)]
    public void Fit_ImbalancedData_MajorityClassWinsAtThresholdOneHalf(double rate, bool majority)
    {
        var training = Planted(500, rate, seed: 3);

        var model = (MajorityBaselineModel)new MajorityBaselineTrainer().Fit(training, HyperParameters.Empty, 0, default);

        Assert.Equal(majority, model.MajorityClass);
        Assert.Equal(majority, model.Predict(training.Row(0)) >= 0.5);
    }

    [Fact]
    public void Explain_AnyRow_ZeroContributionsAndLogitPrevalenceBias()
    {
        var training = new FeatureMatrix(new float[12], [true, false, false, false], ["a", "b", "c"]);

        using var model = new MajorityBaselineTrainer().Fit(training, HyperParameters.Empty, 0, default);
        var explanation = model.Explain([1f, 2f, 3f]);

        Assert.Equal([0.0, 0.0, 0.0], explanation.Values);
        Assert.Equal(Math.Log(0.25 / 0.75), explanation.Bias, 1e-12);
    }

    [Fact]
    public void SearchSpace_AnyBudget_IsTheSingleDefaultConfiguration()
    {
        var trainer = new MajorityBaselineTrainer();

        Assert.Equal([HyperParameters.Empty], trainer.SearchSpace(10, 42));
        Assert.Equal([HyperParameters.Empty], trainer.SearchSpace(1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => trainer.SearchSpace(0, 0));
        Assert.Equal("baseline", trainer.Name);
        Assert.False(trainer.NeedsCalibration);
    }

    [Fact]
    public void Fit_CancelledToken_Throws()
    {
        var training = Planted(10, 0.5, seed: 4);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.Throws<OperationCanceledException>(() =>
            new MajorityBaselineTrainer().Fit(training, HyperParameters.Empty, 0, cancelled.Token)
        );
    }

    [Fact]
    public void Fit_UnknownHyperParameter_Throws()
    {
        var training = Planted(10, 0.5, seed: 5);

        Assert.Throws<ArgumentException>(() =>
            new MajorityBaselineTrainer().Fit(training, HyperParameters.Empty.With("depth", 3), 0, default)
        );
    }
}
