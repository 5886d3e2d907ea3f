using MentalHealthInsights.Core.Training;
using MentalHealthInsights.Infrastructure.Training.XGBoost;

namespace MentalHealthInsights.Infrastructure.Tests.Training.XGBoost;

public sealed class XGBoostTrainerTests
{
    [Fact]
    public void SearchSpace_SameSeed_IsDeterministicWithinBudgetAndStartsWithDefaults()
    {
        var trainer = new XGBoostTrainer();

        var first = trainer.SearchSpace(12, seed: 3);
        var again = trainer.SearchSpace(12, seed: 3);
        var other = trainer.SearchSpace(12, seed: 4);

        Assert.Equal(12, first.Count);
        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.Equal(12, first.Distinct().Count());
        Assert.Equal(XGBoostOptions.Default.Rounds, first[0].GetInt("rounds", -1));
        Assert.Equal(XGBoostOptions.Default.MaxDepth, first[0].GetInt("max_depth", -1));
    }

    [Fact]
    public void Fit_PlantedData_BeatsChanceOnHeldOutRows()
    {
        var (train, test) = Planted(1200, seed: 5);
        var trainer = new XGBoostTrainer();

        using var model = trainer.Fit(
            train,
            trainer.SearchSpace(1, 1)[0],
            seed: 1,
            CancellationToken.None
        );
        var scores = new double[test.Rows];
        model.Predict(test, scores);

        Assert.All(scores, p => Assert.InRange(p, 0, 1));
        Assert.True(Auc(test.Labels, scores) > 0.75);
    }

    [Fact]
    public void SaveLoad_RoundTrip_PredictsBitwiseIdentically()
    {
        var (train, test) = Planted(600, seed: 6);
        using var model = new XGBoostTrainer().Fit(
            train,
            HyperParameters.Empty,
            2,
            CancellationToken.None
        );
        using var buffer = new MemoryStream();
        model.Save(buffer);
        buffer.Position = 0;

        using var loaded = XGBoostBinaryModel.Load(buffer);

        for (var i = 0; i < test.Rows; i++)
        {
            Assert.Equal(model.Predict(test.Row(i)), loaded.Predict(test.Row(i)));
        }
        Assert.Equal("xgboost-json", loaded.Format);
    }

    [Fact]
    public void Explain_AnyRow_ContributionsSumToTheMargin()
    {
        var (train, test) = Planted(600, seed: 7);
        using var model = new XGBoostTrainer().Fit(
            train,
            HyperParameters.Empty,
            2,
            CancellationToken.None
        );

        for (var i = 0; i < 20; i++)
        {
            var explanation = model.Explain(test.Row(i));
            var p = model.Predict(test.Row(i));
            Assert.Equal(test.Columns, explanation.Values.Length);
            Assert.Equal(Math.Log(p / (1 - p)), explanation.Values.Sum() + explanation.Bias, 1e-3);
        }
    }

    private static (FeatureMatrix Train, FeatureMatrix Test) Planted(int rows, int seed)
    {
        var random = new Random(seed);
        const int columns = 4;
        var features = new float[rows * columns];
        var labels = new bool[rows];
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < columns; j++)
            {
                features[(i * columns) + j] = (float)((random.NextDouble() * 2) - 1);
            }
            var logit = (3 * features[i * columns]) - (2 * features[(i * columns) + 1]);
            labels[i] = random.NextDouble() < 1 / (1 + Math.Exp(-logit));
        }
        var all = new FeatureMatrix(features, labels, ["x0", "x1", "noise0", "noise1"]);
        var split = rows * 3 / 4;
        return (
            all.Select(Enumerable.Range(0, split).ToArray()),
            all.Select(Enumerable.Range(split, rows - split).ToArray())
        );
    }

    private static double Auc(bool[] labels, double[] scores)
    {
        double wins = 0;
        long pairs = 0;
        for (var i = 0; i < labels.Length; i++)
        {
            for (var j = 0; j < labels.Length; j++)
            {
                if (labels[i] && !labels[j])
                {
                    pairs++;
                    wins +=
                        scores[i] > scores[j] ? 1
                        : scores[i] == scores[j] ? 0.5
                        : 0;
                }
            }
        }
        return wins / pairs;
    }
}
