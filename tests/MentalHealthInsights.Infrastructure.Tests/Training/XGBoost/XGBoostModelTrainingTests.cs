using System.Text.Json;
using MentalHealthInsights.Infrastructure.Training.XGBoost;

namespace MentalHealthInsights.Infrastructure.Tests.Training.XGBoost;

public sealed class XGBoostModelTrainingTests
{
    private static readonly XGBoostOptions Small = new() { Rounds = 30, MaxDepth = 3 };

    [Fact]
    public void Train_SignalInFirstColumn_PredictsHeldOutRowsBetterThanChance()
    {
        var train = SyntheticXGBoostData.Create(500, 5, seed: 1);
        var test = SyntheticXGBoostData.Create(500, 5, seed: 2);

        using var model = XGBoostModel.Train(train.Features, 500, 5, train.Labels, Small);
        var probabilities = model.PredictProbabilities(test.Features, 500);

        Assert.Equal(5, model.FeatureCount);
        Assert.Equal(30, model.BoostedRounds);
        Assert.Equal(500, probabilities.Length);
        Assert.All(probabilities, p => Assert.InRange(p, 0f, 1f));
        var correct = probabilities.Where((p, i) => (p > 0.5f) == (test.Labels[i] == 1f)).Count();
        // 10 % of labels are flipped, so about 90 % is reachable; chance is about 50 %.
        Assert.True(correct >= 400, $"accuracy {correct}/500");
    }

    [Fact]
    public void Train_SameSeedTwice_GivesIdenticalProbabilitiesAndJsonBytes()
    {
        var data = SyntheticXGBoostData.Create(300, 4, seed: 3);
        var options = Small with { Subsample = 0.7, ColsampleByTree = 0.5, Seed = 7 };

        using var first = XGBoostModel.Train(data.Features, 300, 4, data.Labels, options);
        using var second = XGBoostModel.Train(data.Features, 300, 4, data.Labels, options);
        using var otherSeed = XGBoostModel.Train(
            data.Features,
            300,
            4,
            data.Labels,
            options with
            {
                Seed = 8,
            }
        );

        Assert.True(
            SyntheticXGBoostData.BitwiseEqual(
                first.PredictProbabilities(data.Features, 300),
                second.PredictProbabilities(data.Features, 300)
            )
        );
        Assert.Equal(first.ToJson(), second.ToJson());
        // With sampling on, the seed must matter; otherwise this test proves nothing.
        Assert.NotEqual(first.ToJson(), otherSeed.ToJson());
    }

    [Fact]
    public void Train_TwoThreadsInsteadOfOne_GivesIdenticalModel()
    {
        var data = SyntheticXGBoostData.Create(400, 6, seed: 4, missingShare: 0.05);

        using var one = XGBoostModel.Train(data.Features, 400, 6, data.Labels, Small);
        using var two = XGBoostModel.Train(
            data.Features,
            400,
            6,
            data.Labels,
            Small with
            {
                Threads = 2,
            }
        );

        Assert.True(
            SyntheticXGBoostData.BitwiseEqual(
                one.PredictMargins(data.Features, 400),
                two.PredictMargins(data.Features, 400)
            )
        );
    }

    [Fact]
    public void Train_MissingValuesInEveryColumn_TrainsAndPredictsFiniteProbabilities()
    {
        var data = SyntheticXGBoostData.Create(
            400,
            4,
            seed: 5,
            missingShare: 0.2,
            missingInSignal: true
        );
        var allMissing = new[] { float.NaN, float.NaN, float.NaN, float.NaN };

        using var model = XGBoostModel.Train(data.Features, 400, 4, data.Labels, Small);
        var probabilities = model.PredictProbabilities(data.Features, 400);
        var missingRow = model.PredictProbability(allMissing);

        Assert.Contains(data.Features, float.IsNaN);
        Assert.All(probabilities, p => Assert.InRange(p, 0f, 1f));
        Assert.InRange(missingRow, 0f, 1f);
        var observed = Enumerable.Range(0, 400).Where(i => !float.IsNaN(data.Features[i * 4]));
        var correct = observed.Count(i => (probabilities[i] > 0.5f) == (data.Labels[i] == 1f));
        Assert.True(correct >= 0.8 * observed.Count(), $"{correct}/{observed.Count()}");
    }

    [Fact]
    public void Train_Weights_UnitWeightsMatchUnweightedAndSkewedWeightsChangeModel()
    {
        var data = SyntheticXGBoostData.Create(300, 3, seed: 6);
        var unit = Enumerable.Repeat(1f, 300).ToArray();
        var skewed = data.Labels.Select(y => y == 1f ? 5f : 1f).ToArray();

        using var plain = XGBoostModel.Train(data.Features, 300, 3, data.Labels, Small);
        using var unitWeighted = XGBoostModel.Train(
            data.Features,
            300,
            3,
            data.Labels,
            Small,
            unit
        );
        using var skewWeighted = XGBoostModel.Train(
            data.Features,
            300,
            3,
            data.Labels,
            Small,
            skewed
        );

        var plainP = plain.PredictProbabilities(data.Features, 300);
        Assert.True(
            SyntheticXGBoostData.BitwiseEqual(
                plainP,
                unitWeighted.PredictProbabilities(data.Features, 300)
            )
        );
        // Up-weighting positives must raise the mean predicted probability.
        Assert.True(
            skewWeighted.PredictProbabilities(data.Features, 300).Average()
                > plainP.Average() + 0.05
        );
    }

    [Fact]
    public void Train_Options_ReachTheLibraryConfiguration()
    {
        var data = SyntheticXGBoostData.Create(100, 3, seed: 7);
        var options = Small with { Seed = 123, MaxDepth = 2, TreeMethod = "approx" };

        using var model = XGBoostModel.Train(data.Features, 100, 3, data.Labels, options);
        using var config = JsonDocument.Parse(model.GetConfigJson());

        var learner = config.RootElement.GetProperty("learner");
        Assert.Equal("123", learner.GetProperty("generic_param").GetProperty("seed").GetString());
        Assert.Equal("1", learner.GetProperty("generic_param").GetProperty("nthread").GetString());
        Assert.Equal(
            "binary:logistic",
            learner.GetProperty("learner_train_param").GetProperty("objective").GetString()
        );
        var booster = learner.GetProperty("gradient_booster");
        Assert.Equal(
            "approx",
            booster.GetProperty("gbtree_train_param").GetProperty("tree_method").GetString()
        );
        Assert.Contains("\"max_depth\":\"2\"", booster.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Train_TokenAlreadyCancelled_ThrowsBeforeTraining()
    {
        var data = SyntheticXGBoostData.Create(50, 2, seed: 8);
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() =>
            XGBoostModel.Train(data.Features, 50, 2, data.Labels, Small, default, cts.Token)
        );
    }

    [Fact]
    public void Train_CancelledAfterThirdRound_StopsBeforeTheFourth()
    {
        var data = SyntheticXGBoostData.Create(50, 2, seed: 9);
        using var cts = new CancellationTokenSource();
        var completed = new List<int>();

        Assert.ThrowsAny<OperationCanceledException>(() =>
            XGBoostModel.Train(
                data.Features,
                50,
                2,
                data.Labels,
                Small,
                default,
                round =>
                {
                    completed.Add(round);
                    if (round == 2)
                    {
                        cts.Cancel();
                    }
                },
                cts.Token
            )
        );
        Assert.Equal([0, 1, 2], completed);
    }
}
