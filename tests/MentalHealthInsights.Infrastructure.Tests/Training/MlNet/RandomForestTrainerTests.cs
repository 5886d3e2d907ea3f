using System.IO.Compression;
using MentalHealthInsights.Core.Training;
using MentalHealthInsights.Core.Training.Calibration;
using MentalHealthInsights.Infrastructure.Training.MlNet;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace MentalHealthInsights.Infrastructure.Tests.Training.MlNet;

public class RandomForestTrainerTests
{
    private static readonly FeatureMatrix Training = PlantedData.Create(600, seed: 21);
    private static readonly FeatureMatrix Test = PlantedData.Create(400, seed: 22);

    private static readonly HyperParameters Small = RandomForestTrainer
        .Defaults.With("numberOfTrees", 40)
        .With("numberOfLeaves", 16);

    private static RandomForestModel Fit(HyperParameters? hyperParameters = null, int seed = 1) =>
        (RandomForestModel)
            new RandomForestTrainer().Fit(
                Training,
                hyperParameters ?? Small,
                seed,
                CancellationToken.None
            );

    [Fact]
    public void Fit_PlantedData_HeldOutAucAboveThreshold()
    {
        using var model = Fit(RandomForestTrainer.Defaults);

        var scores = PlantedData.Predict(model, Test);

        Assert.True(PlantedData.Auc(scores, Test.Labels) > 0.75);
    }

    [Fact]
    public void Fit_TooFewRowsForOneSplit_SaysSoPlainly()
    {
        // 20 rows: each tree's 70 % bag (about 14 rows) cannot make two leaves of 10 rows.
        var tiny = PlantedData.Create(20, seed: 5);

        var error = Assert.Throws<InvalidDataException>(() =>
            new RandomForestTrainer().Fit(
                tiny,
                RandomForestTrainer.Defaults,
                1,
                CancellationToken.None
            )
        );

        Assert.Contains("could not be trained on so few rows", error.Message);
        Assert.Contains("20 training rows", error.Message);
    }

    // The first 131 test rows — two full 64-row blocks, then 3 rows (fewer than the eight a tree
    // walk takes side by side) — with every n-th value missing.
    private static float[] RowsWithMissingValues(int every)
    {
        var rows = Test.Features.AsSpan(0, 131 * Test.Columns).ToArray();
        for (var i = 0; i < rows.Length; i += every)
        {
            rows[i] = float.NaN;
        }
        return rows;
    }

    [Fact]
    public void PredictBlock_RowsWithMissingValuesAcrossBlocks_EqualsOneRowPredictionBitForBit()
    {
        using var model = Fit();
        // NaN goes right at every split, in both paths.
        var rows = RowsWithMissingValues(every: 7);

        AssertBlockEqualsOneRowBitForBit(model, rows);
        Assert.Throws<ArgumentException>(() => model.PredictBlock(rows, new double[130]));
    }

    // Forests of up to 64 leaves a tree are scored by exit leaf on AVX-512 (8 rows a register,
    // 64-bit leaf masks); one larger tree sends the whole forest to the block walk. Either way a
    // block's probabilities are the one-row walk's, bit for bit.
    [Theory]
    [InlineData(8, true)]
    [InlineData(64, true)]
    [InlineData(200, false)]
    public void PredictBlock_ExitLeavesOrBlockWalk_EqualsOneRowPredictionBitForBit(
        int leaves,
        bool exitLeaves
    )
    {
        using var model = Fit(
            RandomForestTrainer
                .Defaults.With("numberOfTrees", 30)
                .With("numberOfLeaves", leaves)
                .With("minimumExampleCountPerLeaf", 1)
        );
        Assert.Equal(exitLeaves ? VectorPaths.Widest(8, 4) : 0, model.Forest.VectorLanes);
        Assert.Equal(exitLeaves, model.Forest.Trees.All(t => t.Leaves <= 64));

        var rows = RowsWithMissingValues(every: 3);
        AssertBlockEqualsOneRowBitForBit(model, rows);
        // Every path this machine can run, so an AVX-512 machine still proves the AVX2 one.
        foreach (var lanes in VectorPaths.Runnable(8, 4).Where(l => exitLeaves || l == 0))
        {
            var block = new double[rows.Length / Test.Columns];
            model.Forest.ProbabilitiesWithLanes(rows, block, lanes);
            for (var i = 0; i < block.Length; i++)
            {
                Assert.True(
                    BitConverter.DoubleToInt64Bits(
                        model.Forest.Probability(rows.AsSpan(i * Test.Columns, Test.Columns))
                    ) == BitConverter.DoubleToInt64Bits(block[i]),
                    $"lanes {lanes}, row {i}"
                );
            }
        }
    }

    private static void AssertBlockEqualsOneRowBitForBit(RandomForestModel model, float[] rows)
    {
        var block = new double[rows.Length / Test.Columns];
        model.PredictBlock(rows, block);

        for (var i = 0; i < block.Length; i++)
        {
            Assert.Equal(
                BitConverter.DoubleToInt64Bits(
                    model.Predict(rows.AsSpan(i * Test.Columns, Test.Columns))
                ),
                BitConverter.DoubleToInt64Bits(block[i])
            );
        }
    }

    [Fact]
    public void CountLeaves_RowsWithMissingValuesAcrossBlocks_EqualsOneLeafPerRowAndTree()
    {
        using var model = Fit();
        var data = new FeatureMatrix(
            RowsWithMissingValues(every: 5),
            Test.Labels[..131],
            Test.ColumnNames
        );
        var forest = model.Forest;

        var counts = forest.CountLeaves(data);

        for (var t = 0; t < forest.Trees.Count; t++)
        {
            var expected = new int[forest.Trees[t].Leaves];
            for (var i = 0; i < data.Rows; i++)
            {
                expected[forest.Trees[t].FindLeaf(data.Row(i))]++;
            }
            Assert.Equal(expected, counts[t]);
        }
        Assert.Throws<ArgumentException>(() =>
            forest.CountLeaves(new FeatureMatrix(new float[8], [true, false], ["a", "b", "c", "d"]))
        );
        // A row narrower than the tree's largest split column is refused, not read past.
        var tree = forest.Trees.First(t => t.MaxFeature > 0);
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            tree.FindLeaves(data.Features, tree.MaxFeature, new int[8])
        );
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
    public void Predict_AnyRow_IsMlNetScoreMappedToUnitInterval()
    {
        using var model = Fit();
        var ml = new MLContext(0);
        using var zip = new MemoryStream(PlantedData.Save(model));
        var transformer = ml.Model.Load(zip, out _);

        var mlNetScores = transformer
            .Transform(MlNetData.ToDataView(Test))
            .GetColumn<float>("Score")
            .ToArray();

        for (var i = 0; i < Test.Rows; i++)
        {
            var row = Test.Row(i);
            Assert.Equal(mlNetScores[i], model.Score(row), 1e-4);
            Assert.InRange(model.Score(row), -model.Trees, model.Trees);
            Assert.Equal((model.Score(row) / model.Trees + 1) / 2, model.Predict(row), 1e-12);
        }
    }

    [Fact]
    public void EarlyRungStandIn_AnyConfiguration_SameSettingsWithAQuarterOfTheTrees()
    {
        IBinaryTrainer trainer = new RandomForestTrainer();

        var standIn = trainer.EarlyRungStandIn(RandomForestTrainer.Defaults)!;
        using var model = Fit(Small.With("numberOfTrees", 10));
        var fitted = (RandomForestModel)
            trainer.Fit(
                Training,
                trainer.EarlyRungStandIn(Small.With("numberOfTrees", 10))!,
                1,
                CancellationToken.None
            );

        Assert.True(trainer.RanksOnStandIns);
        Assert.Equal(RandomForestTrainer.Defaults.With("numberOfTrees", 25), standIn);
        // ⌈10 / 4⌉ = 3; ⌈1 / 4⌉ = 1: a stand-in always has a tree.
        Assert.Equal(3, fitted.Trees);
        Assert.Equal(
            1,
            trainer.EarlyRungStandIn(Small.With("numberOfTrees", 1))!.GetInt("numberOfTrees", 0)
        );
        fitted.Dispose();
    }

    [Fact]
    public void Fit_NumberOfTrees_ForestHasExactlyThatMany()
    {
        using var model = Fit(Small.With("numberOfTrees", 7));

        // ML.NET 5.0.1 keeps one tree fewer than asked when its per-tree FeatureFraction is below 1;
        // the trainer fixes that fraction at 1.
        Assert.Equal(7, model.Trees);
    }

    [Fact]
    public void Fit_SameSeedAndData_IdenticalPredictionsAndModelBytes()
    {
        using var first = Fit(seed: 5);
        using var second = Fit(seed: 5);
        using var otherSeed = Fit(seed: 6);

        var firstBytes = PlantedData.Save(first);

        Assert.Equal(PlantedData.Predict(first, Test), PlantedData.Predict(second, Test));
        Assert.Equal(firstBytes, PlantedData.Save(second));
        Assert.NotEqual(PlantedData.Predict(first, Test), PlantedData.Predict(otherSeed, Test));
        using var archive = new ZipArchive(new MemoryStream(firstBytes), ZipArchiveMode.Read);
        Assert.All(archive.Entries, e => Assert.Equal(1980, e.LastWriteTime.Year));
    }

    [Fact]
    public void SaveLoad_RoundTrip_IdenticalPredictionsExplanationsAndBytes()
    {
        using var model = Fit();
        var bytes = PlantedData.Save(model);

        using var loaded = RandomForestModel.Load(new MemoryStream(bytes));

        Assert.Equal(PlantedData.Predict(model, Test), PlantedData.Predict(loaded, Test));
        Assert.Equal(model.Explain(Test.Row(3)).Values, loaded.Explain(Test.Row(3)).Values);
        Assert.Equal(bytes, PlantedData.Save(loaded));
        Assert.Equal("mlnet-zip", loaded.Format);
        Assert.Equal("rf", loaded.TrainerName);
    }

    [Fact]
    public void Load_LogisticRegressionZip_ThrowsInvalidData()
    {
        using var lr = new LogisticRegressionTrainer().Fit(
            Training,
            LogisticRegressionTrainer.Defaults,
            1,
            CancellationToken.None
        );

        Assert.Throws<InvalidDataException>(() =>
            RandomForestModel.Load(new MemoryStream(PlantedData.Save(lr)))
        );
        Assert.Throws<InvalidDataException>(() =>
            RandomForestModel.Load(new MemoryStream([1, 2, 3]))
        );
    }

    [Fact]
    public void Explain_AnyRow_RightLengthAndAddsUpToLogitOfPrediction()
    {
        using var model = Fit();

        for (var i = 0; i < 50; i++)
        {
            var row = Test.Row(i);
            var explanation = model.Explain(row);
            var p = Math.Clamp(
                model.Predict(row),
                RandomForestModel.LogitClip,
                1 - RandomForestModel.LogitClip
            );

            Assert.Equal(PlantedData.Columns.Length, explanation.Values.Length);
            Assert.Equal(Math.Log(p / (1 - p)), explanation.Bias + explanation.Values.Sum(), 1e-9);
        }
        var p0 = model.BaseProbability;
        var prevalence = Training.Labels.Count(l => l) / (double)Training.Rows;
        Assert.Equal(prevalence, p0, 0.05);
    }

    [Fact]
    public void Explain_HeldOutRows_SignalColumnsOutrankNoiseOnAverage()
    {
        using var model = Fit();
        var meanAbs = new double[PlantedData.Columns.Length];

        for (var i = 0; i < Test.Rows; i++)
        {
            var values = model.Explain(Test.Row(i)).Values;
            for (var j = 0; j < values.Length; j++)
            {
                meanAbs[j] += Math.Abs(values[j]) / Test.Rows;
            }
        }

        var strongestNoise = meanAbs.Skip(2).Max();
        Assert.True(meanAbs[0] > strongestNoise);
        Assert.True(meanAbs[1] > strongestNoise);
    }

    [Fact]
    public void Explain_HeldOutRows_SignsFollowThePlantedEffects()
    {
        using var model = Fit();
        double x0Sign = 0,
            x1Sign = 0;

        for (var i = 0; i < Test.Rows; i++)
        {
            var row = Test.Row(i);
            var values = model.Explain(row).Values;
            x0Sign += Math.Sign(values[0]) * Math.Sign(row[0]);
            x1Sign += Math.Sign(values[1]) * Math.Sign(row[1]);
        }

        // x0 raises the odds and x1 lowers them, so credits mostly share x0's sign and oppose x1's.
        Assert.True(x0Sign > Test.Rows / 2.0);
        Assert.True(x1Sign < -Test.Rows / 2.0);
    }

    [Fact]
    public void SearchSpace_BudgetAndSeed_DefaultsFirstThenDistinctDeterministicDrawsInRangeWithDefaultTreeCount()
    {
        var trainer = new RandomForestTrainer();

        var space = trainer.SearchSpace(20, seed: 9);

        Assert.Equal(20, space.Count);
        Assert.Equal(RandomForestTrainer.Defaults, space[0]);
        Assert.Equal(space, trainer.SearchSpace(20, seed: 9));
        Assert.NotEqual(space, trainer.SearchSpace(20, seed: 10));
        Assert.Equal(space.Count, space.Distinct().Count());
        Assert.All(
            space,
            h =>
            {
                // The tree count is not tuned (see RandomForestTrainer): every draw keeps 100.
                Assert.Equal(100, h.GetInt("numberOfTrees", -1));
                Assert.InRange(h.GetInt("numberOfLeaves", -1), 8, 64);
                Assert.InRange(h.GetInt("minimumExampleCountPerLeaf", -1), 2, 50);
                Assert.InRange(h.GetDouble("featureFraction", -1), 0.3, 1.0);
            }
        );
        Assert.True(trainer.NeedsCalibration);
        // ML.NET's FastTree trains one model at a time per process (a global lock).
        Assert.True(trainer.FitsOneAtATime);
    }

    [Fact]
    public void Fit_CancelledToken_ThrowsBeforeFitting()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.Throws<OperationCanceledException>(() =>
            new RandomForestTrainer().Fit(Training, Small, 1, cancelled.Token)
        );
    }

    [Fact]
    public void MlNetCancellation_TokenCancelledInsideFastForestFit_StopsWithOperationCanceled()
    {
        // Deterministic, not timing-based: the token is cancelled from ML.NET's own log, i.e.
        // once the FastForest fit is running. A million trees could never finish before the
        // trainer polls its cancellation flag between trees.
        var ml = new MLContext(seed: 1);
        var data = MlNetData.ToDataView(Training);
        var trainer = ml.BinaryClassification.Trainers.FastForest(
            new Microsoft.ML.Trainers.FastTree.FastForestBinaryTrainer.Options
            {
                FeatureColumnName = MlNetData.FeaturesColumn,
                LabelColumnName = MlNetData.LabelColumn,
                NumberOfTrees = 1_000_000,
                NumberOfLeaves = 16,
                NumberOfThreads = 1,
            }
        );
        using var cancellation = new CancellationTokenSource();
        var cancelledFromInsideFit = false;
        var fitting = false;
        ml.Log += (_, _) =>
        {
            if (Volatile.Read(ref fitting) && !cancellation.IsCancellationRequested)
            {
                cancelledFromInsideFit = true;
                cancellation.Cancel();
            }
        };

        var thrown = Assert.ThrowsAny<OperationCanceledException>(() =>
            MlNetCancellation.Run(
                ml,
                () =>
                {
                    Volatile.Write(ref fitting, true);
                    return trainer.Fit(data);
                },
                cancellation.Token
            )
        );

        Assert.True(cancelledFromInsideFit);
        // Interrupted inside ML.NET (thrown from, or wrapping, ML.NET's own frames), not merely
        // checked after a finished fit.
        Assert.Contains("Microsoft.ML", thrown.ToString(), StringComparison.Ordinal);
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
    public void CalibratedModel_IsotonicOnHeldOutScores_PredictsCalibratorOfRawAndLowersBrier()
    {
        using var raw = Fit();
        var rawScores = PlantedData.Predict(raw, Test);
        var calibrator = IsotonicCalibrator.Fit(rawScores, Test.Labels);

        using var calibrated = new CalibratedModel(Fit(), calibrator);
        var calibratedScores = PlantedData.Predict(calibrated, Test);

        for (var i = 0; i < Test.Rows; i++)
        {
            Assert.Equal(calibrator.Apply(rawScores[i]), calibratedScores[i], 1e-15);
        }
        // The identity map is itself isotonic, so the fitted map cannot do worse on its own data.
        Assert.True(Brier(calibratedScores, Test.Labels) <= Brier(rawScores, Test.Labels));
        Assert.Equal(raw.Explain(Test.Row(0)).Values, calibrated.Explain(Test.Row(0)).Values);
    }

    private static double Brier(double[] scores, bool[] labels) =>
        scores.Select((s, i) => Math.Pow(s - (labels[i] ? 1 : 0), 2)).Average();

    [Fact]
    public void Fit_UnknownOrInvalidHyperParameter_Throws()
    {
        var trainer = new RandomForestTrainer();

        Assert.Throws<ArgumentException>(() =>
            trainer.Fit(Training, Small.With("l2", 1.0), 1, CancellationToken.None)
        );
        Assert.Throws<ArgumentException>(() =>
            trainer.Fit(Training, Small.With("featureFraction", 1.5), 1, CancellationToken.None)
        );
    }
}
