using MentalHealthInsights.Core.Training;
using MentalHealthInsights.Infrastructure.Training.XGBoost;

namespace MentalHealthInsights.Infrastructure.Tests.Training.XGBoost;

/// <summary>
/// The XGBoost search's shortcuts must not change a number: the first k rounds of a longer fit
/// predict exactly what a k-round fit predicts, and a matrix shared between fits trains the
/// same model as a fresh one.
/// </summary>
public sealed class XGBoostSearchSessionTests
{
    private static readonly XGBoostOptions Sampled = new()
    {
        Rounds = 40,
        MaxDepth = 3,
        LearningRate = 0.2,
        Subsample = 0.7,
        ColsampleByTree = 0.8,
        Seed = 11,
    };

    [Fact]
    public void PredictFirstRounds_EachCount_BitwiseEqualsASeparatelyTrainedModel()
    {
        var data = SyntheticXGBoostData.Create(600, 6, seed: 21, missingShare: 0.05);
        using var longest = Train(data, Sampled);

        int[] counts = [40, 5, 17, 1, 33];
        var firstRounds = longest.PredictFirstRounds(data.Features, data.Rows, counts);

        for (var i = 0; i < counts.Length; i++)
        {
            using var shorter = Train(data, Sampled with { Rounds = counts[i] });
            var expected = shorter.PredictProbabilities(data.Features, data.Rows);
            Assert.True(
                SyntheticXGBoostData.BitwiseEqual(expected, firstRounds[i]),
                $"k = {counts[i]}"
            );
        }
    }

    [Fact]
    public void PredictFirstRounds_MoreRoundsThanTrained_Throws()
    {
        var data = SyntheticXGBoostData.Create(200, 3, seed: 22);
        using var model = Train(data, Sampled with { Rounds = 4 });

        Assert.Throws<ArgumentOutOfRangeException>(() =>
            model.PredictFirstRounds(data.Features, data.Rows, [5])
        );
    }

    [Fact]
    public void Train_SharedMatrixAfterAnotherFit_SameJsonBytesAsAFreshMatrix()
    {
        var data = SyntheticXGBoostData.Create(800, 5, seed: 23);
        using var shared = XGBoostTrainingMatrix.Create(
            data.Features,
            data.Rows,
            data.Cols,
            data.Labels,
            default,
            CancellationToken.None
        );
        using var before = XGBoostModel.Train(
            shared,
            Sampled with
            {
                MaxDepth = 2,
                Seed = 3,
            },
            null,
            CancellationToken.None
        );

        using var onShared = XGBoostModel.Train(shared, Sampled, null, CancellationToken.None);
        using var fresh = Train(data, Sampled);

        Assert.Equal(fresh.ToJson(), onShared.ToJson());
    }

    [Fact]
    public void FitAndPredict_GroupsOnManyThreads_BitwiseEqualToSeparateFits()
    {
        var trainer = new XGBoostTrainer();
        var (training, validation) = Matrices(SyntheticXGBoostData.Create(900, 5, seed: 24));
        // Two tree settings × four round counts.
        var space = trainer
            .SearchSpace(8, seed: 3)
            .Select(h => h.With("rounds", h.GetInt("rounds", 0) / 10))
            .ToArray();
        var groups = space.GroupBy(h => trainer.SharedFitKey(h)).Select(g => g.ToArray()).ToArray();
        Assert.Equal(2, groups.Length);
        const int repeats = 3;
        var results = new double[repeats, groups.Length][][];

        using (var session = trainer.BeginSearch(seed: 5))
        {
            // Every group three times, all at once, on one shared fold matrix.
            Parallel.For(
                0,
                repeats * groups.Length,
                new ParallelOptions { MaxDegreeOfParallelism = 4 },
                i =>
                {
                    var (repeat, g) = Math.DivRem(i, groups.Length);
                    var destinations = groups[g].Select(_ => new double[validation.Rows]).ToArray();
                    session.FitAndPredict(
                        training,
                        validation,
                        groups[g],
                        destinations,
                        CancellationToken.None
                    );
                    results[repeat, g] = destinations;
                }
            );
        }

        for (var g = 0; g < groups.Length; g++)
        {
            for (var c = 0; c < groups[g].Length; c++)
            {
                using var separate = trainer.Fit(training, groups[g][c], 5, CancellationToken.None);
                var expected = new double[validation.Rows];
                separate.Predict(validation, expected);
                for (var repeat = 0; repeat < repeats; repeat++)
                {
                    Assert.Equal(expected, results[repeat, g][c]);
                }
            }
        }
    }

    [Fact]
    public void FitAndPredict_GroupDifferingInMoreThanRounds_Throws()
    {
        var trainer = new XGBoostTrainer();
        var (training, validation) = Matrices(SyntheticXGBoostData.Create(100, 3, seed: 25));
        using var session = trainer.BeginSearch(1);

        Assert.Throws<ArgumentException>(() =>
            session.FitAndPredict(
                training,
                validation,
                [HyperParameters.Empty.With("rounds", 2), HyperParameters.Empty.With("eta", 0.5)],
                [new double[validation.Rows], new double[validation.Rows]],
                CancellationToken.None
            )
        );
    }

    [Fact]
    public void SearchSpace_Budget20_DefaultsFirstThenFiveTreeSettingsWithEveryRoundCount()
    {
        var trainer = new XGBoostTrainer();

        var space = trainer.SearchSpace(20, seed: 42);

        Assert.Equal(20, space.Count);
        Assert.Equal(20, space.Distinct().Count());
        Assert.Equal(space, trainer.SearchSpace(20, seed: 42));
        Assert.Equal(
            XGBoostOptions.Default,
            trainer.ToOptions(space[0], XGBoostOptions.Default.Seed)
        );
        var groups = space.GroupBy(h => trainer.SharedFitKey(h)).ToArray();
        Assert.Equal(5, groups.Length);
        Assert.All(
            groups,
            g => Assert.Equal([50, 100, 200, 400], g.Select(h => h.GetInt("rounds", 0)).Order())
        );
        Assert.All(space.Skip(4), h => Assert.InRange(h.GetInt("max_depth", 0), 2, 6));
    }

    [Fact]
    public void SearchSpace_BudgetNotAMultipleOfTheRoundCounts_CutAtTheBudget()
    {
        var space = new XGBoostTrainer().SearchSpace(6, seed: 1);

        Assert.Equal(6, space.Count);
        Assert.Equal(200, space[0].GetInt("rounds", 0));
        Assert.Single(new XGBoostTrainer().SearchSpace(1, seed: 1));
    }

    [Fact]
    public void SharedFitKey_OnlyRoundsDiffer_SameKeyOtherwiseDifferent()
    {
        var trainer = new XGBoostTrainer();
        var a = HyperParameters.Empty.With("rounds", 50).With("eta", 0.1);

        Assert.Equal(trainer.SharedFitKey(a), trainer.SharedFitKey(a.With("rounds", 400)));
        Assert.NotEqual(trainer.SharedFitKey(a), trainer.SharedFitKey(a.With("eta", 0.2)));
    }

    private static XGBoostModel Train(SyntheticXGBoostData data, XGBoostOptions options) =>
        XGBoostModel.Train(data.Features, data.Rows, data.Cols, data.Labels, options);

    private static (FeatureMatrix Training, FeatureMatrix Validation) Matrices(
        SyntheticXGBoostData data
    )
    {
        var names = Enumerable.Range(0, data.Cols).Select(c => $"x{c}").ToArray();
        var all = new FeatureMatrix(data.Features, [.. data.Labels.Select(l => l == 1f)], names);
        var split = data.Rows * 2 / 3;
        return (
            all.Select([.. Enumerable.Range(0, split)]),
            all.Select([.. Enumerable.Range(split, data.Rows - split)])
        );
    }
}
