using System.IO.Compression;
using MentalHealthInsights.Core.Training;
using MentalHealthInsights.Infrastructure.Training.MlNet;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace MentalHealthInsights.Infrastructure.Tests.Training.MlNet;

public class LogisticRegressionTrainerTests
{
    private static readonly FeatureMatrix Training = PlantedData.Create(600, seed: 11);
    private static readonly FeatureMatrix Test = PlantedData.Create(400, seed: 12);

    private static LogisticRegressionModel Fit(
        HyperParameters? hyperParameters = null,
        int seed = 1
    ) =>
        (LogisticRegressionModel)
            new LogisticRegressionTrainer().Fit(
                Training,
                hyperParameters ?? LogisticRegressionTrainer.Defaults,
                seed,
                CancellationToken.None
            );

    [Fact]
    public void Fit_PlantedData_HeldOutAucAboveThreshold()
    {
        using var model = Fit();

        var scores = PlantedData.Predict(model, Test);

        Assert.True(PlantedData.Auc(scores, Test.Labels) > 0.75);
    }

    [Fact]
    public void Predict_HeldOutRows_ProbabilitiesInUnitIntervalAndBatchEqualsRow()
    {
        using var model = Fit();

        var scores = PlantedData.Predict(model, Test);

        for (var i = 0; i < Test.Rows; i++)
        {
            Assert.InRange(scores[i], 0.0, 1.0);
            Assert.Equal(scores[i], model.Predict(Test.Row(i)));
        }
    }

    [Fact]
    public void Fit_PlantedData_CoefficientSignsFollowThePlantedEffects()
    {
        using var model = Fit();

        Assert.Equal(5, model.Coefficients.Count);
        Assert.True(model.Coefficients[0] > 0.5);
        Assert.True(model.Coefficients[1] < -0.5);
    }

    [Fact]
    public void Explain_AnyRow_ContributionsPlusBiasEqualLogitOfPrediction()
    {
        using var model = Fit();

        for (var i = 0; i < 50; i++)
        {
            var row = Test.Row(i);
            var explanation = model.Explain(row);
            var p = model.Predict(row);

            Assert.Equal(5, explanation.Values.Length);
            Assert.Equal(Math.Log(p / (1 - p)), explanation.Bias + explanation.Values.Sum(), 1e-5);
            Assert.Equal(model.Coefficients[0] * row[0], explanation.Values[0], 1e-12);
            Assert.Equal(model.Intercept, explanation.Bias);
        }
        Assert.Equal("coefficient × standardised value", model.Explain(Test.Row(0)).Method);
    }

    [Fact]
    public void Predict_AnyRow_MatchesMlNetOwnProbability()
    {
        using var model = Fit();
        var ml = new MLContext(0);
        using var zip = new MemoryStream(PlantedData.Save(model));
        var transformer = ml.Model.Load(zip, out _);

        var probabilities = transformer
            .Transform(MlNetData.ToDataView(Test))
            .GetColumn<float>("Probability")
            .ToArray();

        var ours = PlantedData.Predict(model, Test);
        for (var i = 0; i < Test.Rows; i++)
        {
            Assert.Equal(probabilities[i], ours[i], 1e-5);
        }
    }

    [Fact]
    public void Fit_SameSeedAndData_IdenticalPredictionsAndModelBytes()
    {
        using var first = Fit(seed: 5);
        using var second = Fit(seed: 5);

        var firstBytes = PlantedData.Save(first);

        Assert.Equal(PlantedData.Predict(first, Test), PlantedData.Predict(second, Test));
        Assert.Equal(firstBytes, PlantedData.Save(second));
        // ML.NET stamps zip entries with the current time; ours carry a fixed one.
        using var archive = new ZipArchive(new MemoryStream(firstBytes), ZipArchiveMode.Read);
        Assert.All(archive.Entries, e => Assert.Equal(1980, e.LastWriteTime.Year));
    }

    [Fact]
    public void SaveLoad_RoundTrip_IdenticalPredictionsCoefficientsAndBytes()
    {
        using var model = Fit();
        var bytes = PlantedData.Save(model);

        using var loaded = LogisticRegressionModel.Load(new MemoryStream(bytes));

        Assert.Equal(PlantedData.Predict(model, Test), PlantedData.Predict(loaded, Test));
        Assert.Equal(model.Coefficients, loaded.Coefficients);
        Assert.Equal(model.Intercept, loaded.Intercept);
        Assert.Equal(bytes, PlantedData.Save(loaded));
        Assert.Equal("mlnet-zip", loaded.Format);
        Assert.Equal("lr", loaded.TrainerName);
    }

    [Fact]
    public void Fit_StrongerL2_ShrinksCoefficients()
    {
        using var weak = Fit(LogisticRegressionTrainer.Defaults.With("l2", 1e-4));
        using var strong = Fit(LogisticRegressionTrainer.Defaults.With("l2", 500.0));

        Assert.True(Math.Abs(strong.Coefficients[0]) < Math.Abs(weak.Coefficients[0]) / 2);
    }

    [Fact]
    public void SearchSpace_BudgetAndSeed_DefaultsFirstThenDistinctDeterministicDraws()
    {
        var trainer = new LogisticRegressionTrainer();

        var space = trainer.SearchSpace(12, seed: 3);

        Assert.Equal(12, space.Count);
        Assert.Equal(LogisticRegressionTrainer.Defaults, space[0]);
        Assert.Equal(space, trainer.SearchSpace(12, seed: 3));
        Assert.NotEqual(space, trainer.SearchSpace(12, seed: 4));
        Assert.Equal(space.Count, space.Distinct().Count());
        Assert.All(space, h => Assert.InRange(h.GetDouble("l2", -1), 1e-4, 10));
        Assert.All(space, h => Assert.Equal(0.0, h.GetDouble("l1", -1)));
        Assert.Single(trainer.SearchSpace(1, seed: 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => trainer.SearchSpace(0, 3));
    }

    [Fact]
    public void Fit_CancelledToken_ThrowsBeforeFitting()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.Throws<OperationCanceledException>(() =>
            new LogisticRegressionTrainer().Fit(
                Training,
                LogisticRegressionTrainer.Defaults,
                1,
                cancelled.Token
            )
        );
    }

    [Fact]
    public void Fit_UnknownOrInvalidHyperParameter_Throws()
    {
        var trainer = new LogisticRegressionTrainer();

        Assert.Throws<ArgumentException>(() =>
            trainer.Fit(
                Training,
                HyperParameters.Empty.With("numberOfTrees", 5),
                1,
                CancellationToken.None
            )
        );
        Assert.Throws<ArgumentException>(() =>
            trainer.Fit(Training, HyperParameters.Empty.With("l2", -1.0), 1, CancellationToken.None)
        );
    }

    [Fact]
    public void Predict_ManyThreads_SameAsSequential()
    {
        using var model = Fit();
        var sequential = PlantedData.Predict(model, Test);
        var parallel = new double[Test.Rows];

        Parallel.For(
            0,
            Test.Rows * 20,
            new ParallelOptions { MaxDegreeOfParallelism = 8 },
            k =>
            {
                var i = k % Test.Rows;
                parallel[i] = model.Predict(Test.Row(i));
            }
        );

        Assert.Equal(sequential, parallel);
    }

    [Fact]
    public void Load_RandomForestZip_ThrowsInvalidData()
    {
        using var forest = new RandomForestTrainer().Fit(
            Training,
            RandomForestTrainer.Defaults.With("numberOfTrees", 5),
            1,
            CancellationToken.None
        );

        Assert.Throws<InvalidDataException>(() =>
            LogisticRegressionModel.Load(new MemoryStream(PlantedData.Save(forest)))
        );
        Assert.Throws<InvalidDataException>(() =>
            LogisticRegressionModel.Load(new MemoryStream([1, 2, 3]))
        );
    }

    [Fact]
    public void Predict_WrongColumnCount_Throws()
    {
        using var model = Fit();

        Assert.Throws<ArgumentException>(() => model.Predict(new float[3]));
        Assert.Throws<ArgumentException>(() => model.Explain(new float[6]));
    }
}
