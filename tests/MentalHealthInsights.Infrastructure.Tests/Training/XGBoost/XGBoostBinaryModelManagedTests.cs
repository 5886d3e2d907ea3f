using MentalHealthInsights.Core.Training;
using MentalHealthInsights.Infrastructure.Training.XGBoost;

namespace MentalHealthInsights.Infrastructure.Tests.Training.XGBoost;

public sealed class XGBoostBinaryModelManagedTests
{
    [Fact]
    public void Predict_OneRow_UsesManagedEvaluatorAndMatchesNative()
    {
        const int Rows = 2000;
        var (trained, data) = XGBoostTreeEnsembleTests.Train(6, 4, 100, 0.1, 21, Rows);
        using var model = new XGBoostBinaryModel(trained);
        Assert.NotNull(model.Evaluator);

        var native = trained.PredictProbabilities(data.Features, Rows);
        for (var r = 0; r < Rows; r++)
        {
            Assert.Equal(native[r], model.Predict(data.Row(r)), 1e-6);
        }
    }

    [Fact]
    public void PredictMatrix_TrainedModel_EqualsNativeManyRowPredictionsBitForBit()
    {
        // Through the block scorer (XGBoostTreeEnsembleBlockTests compares it with the native
        // many-row prediction on more models and on every vector path).
        const int Rows = 5000;
        var (trained, data) = XGBoostTreeEnsembleTests.Train(30, 4, 100, 0.05, 3, Rows);
        using var model = new XGBoostBinaryModel(trained);
        var matrix = new FeatureMatrix(
            data.Features,
            [.. data.Labels.Select(l => l == 1f)],
            [.. Enumerable.Range(0, 30).Select(c => $"x{c}")]
        );

        var managed = new double[Rows];
        model.Predict(matrix, managed);

        var native = trained.PredictProbabilities(data.Features, Rows);
        Assert.Equal(0, Enumerable.Range(0, Rows).Count(r => (double)native[r] != managed[r]));
    }

    [Fact]
    public void PredictMatrix_LoadedModel_NeverLoadsTheNativeBoosterAndChecksTheShape()
    {
        var (trained, data) = XGBoostTreeEnsembleTests.Train(4, 3, 40, 0.1, 28, 300);
        using var loaded = XGBoostBinaryModel.Load(new MemoryStream(trained.ToJson()));
        var labels = data.Labels.Select(l => l == 1f).ToArray();
        var matrix = new FeatureMatrix(data.Features, labels, ["a", "b", "c", "d"]);

        var scores = new double[300];
        loaded.Predict(matrix, scores);

        Assert.Equal(
            trained.PredictProbabilities(data.Features, 300).Select(p => (double)p),
            scores
        );
        Assert.False(loaded.NativeLoaded);
        Assert.Throws<ArgumentException>(() => loaded.Predict(matrix, new double[299]));
        var narrow = new FeatureMatrix(data.Features[..900], labels, ["a", "b", "c"]);
        Assert.Throws<ArgumentException>(() => loaded.Predict(narrow, new double[300]));
    }

    [Fact]
    public void Explain_OneRow_MatchesNativeContributionsAndBias()
    {
        const int Rows = 1000;
        var (trained, data) = XGBoostTreeEnsembleTests.Train(6, 5, 60, 0.2, 22, Rows);
        using var model = new XGBoostBinaryModel(trained);

        var native = trained.PredictContributions(data.Features, Rows);
        for (var r = 0; r < Rows; r++)
        {
            var explanation = model.Explain(data.Row(r));
            Assert.Equal(XGBoostBinaryModel.ExplanationMethod, explanation.Method);
            for (var c = 0; c < 6; c++)
            {
                Assert.Equal(native[(r * 7) + c], explanation.Values[c], 1e-6);
            }

            Assert.Equal(native[(r * 7) + 6], explanation.Bias, 1e-6);
        }
    }

    [Fact]
    public void PredictAndExplain_ManyThreadsOnOneModel_SameResultsAsOneThread()
    {
        const int Rows = 400;
        var (trained, data) = XGBoostTreeEnsembleTests.Train(5, 4, 80, 0.1, 23, Rows);
        using var model = new XGBoostBinaryModel(trained);
        var expected = new double[Rows];
        var expectedFirst = new double[Rows];
        for (var r = 0; r < Rows; r++)
        {
            expected[r] = model.Predict(data.Row(r));
            expectedFirst[r] = model.Explain(data.Row(r)).Values[0];
        }

        var mismatches = 0;
        Parallel.For(
            0,
            Rows * 20,
            new ParallelOptions { MaxDegreeOfParallelism = 8 },
            i =>
            {
                var r = i % Rows;
                var row = data.Row(r);
                if (
                    model.Predict(row) != expected[r]
                    || model.Explain(row).Values[0] != expectedFirst[r]
                )
                {
                    Interlocked.Increment(ref mismatches);
                }
            }
        );

        Assert.Equal(0, mismatches);
    }

    [Fact]
    public void Load_ScoringAndExplaining_NeverLoadTheNativeBoosterAndMatchTheTrainedModel()
    {
        const int Rows = 1500;
        var (trained, data) = XGBoostTreeEnsembleTests.Train(6, 4, 80, 0.1, 25, Rows);
        using var original = new XGBoostBinaryModel(trained);
        var bytes = trained.ToJson();
        using var loaded = XGBoostBinaryModel.Load(new MemoryStream(bytes));

        var block = new double[Rows];
        loaded.PredictBlock(data.Features, block);
        var native = trained.PredictProbabilities(data.Features, Rows);
        for (var r = 0; r < Rows; r++)
        {
            var row = data.Row(r);
            // Bit for bit what the trained model's evaluator (read from the library's own JSON)
            // gives, and within float rounding of the native library.
            Assert.Equal(original.Predict(row), loaded.Predict(row));
            Assert.Equal(original.Predict(row), block[r]);
            Assert.Equal(native[r], loaded.Predict(row), 1e-6);
            Assert.Equal(original.Explain(row).Values, loaded.Explain(row).Values);
        }

        Assert.False(loaded.NativeLoaded);
        using var saved = new MemoryStream();
        loaded.Save(saved);
        Assert.True(loaded.NativeLoaded);
        Assert.Equal(bytes, saved.ToArray());
    }

    [Fact]
    public void Load_GarbageBytes_ThrowsTheLibrarysErrorAtOnce()
    {
        var e = Assert.Throws<XGBoostException>(() =>
            XGBoostBinaryModel.Load(new MemoryStream("not a model at all"u8.ToArray()))
        );

        Assert.Contains("wrong model format", e.NativeMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_AnotherObjective_RejectedAtOnce()
    {
        var (trained, _) = XGBoostTreeEnsembleTests.Train(3, 2, 5, 0, 26, 100);
        var json = System
            .Text.Encoding.UTF8.GetString(trained.ToJson())
            .Replace("binary:logistic", "reg:squarederror", StringComparison.Ordinal);

        Assert.Throws<ArgumentException>(() =>
            XGBoostBinaryModel.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json)))
        );
    }

    [Fact]
    public void Model_AfterDispose_ThrowsObjectDisposedExceptionWithoutLoadingIt()
    {
        var (trained, data) = XGBoostTreeEnsembleTests.Train(3, 2, 5, 0, 27, 100);
        var loaded = XGBoostBinaryModel.Load(new MemoryStream(trained.ToJson()));
        loaded.Dispose();

        Assert.Throws<ObjectDisposedException>(() => loaded.Model);
        Assert.False(loaded.NativeLoaded);
        Assert.Throws<ObjectDisposedException>(() => loaded.Save(new MemoryStream()));
        Assert.Equal(
            trained.PredictProbabilities(data.Row(0), 1)[0],
            loaded.Predict(data.Row(0)),
            1e-6
        );
    }

    [Fact]
    public void Predict_InfiniteValue_ThrowsArgumentException()
    {
        var (trained, _) = XGBoostTreeEnsembleTests.Train(3, 2, 5, 0, 24, 100);
        using var model = new XGBoostBinaryModel(trained);

        Assert.Throws<ArgumentException>(() => model.Predict([1f, float.PositiveInfinity, 0f]));
        Assert.Throws<ArgumentException>(() => model.Explain([1f, float.NegativeInfinity, 0f]));
    }
}
