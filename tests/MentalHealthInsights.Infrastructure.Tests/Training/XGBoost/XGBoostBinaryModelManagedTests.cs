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
    public void Predict_InfiniteValue_ThrowsArgumentException()
    {
        var (trained, _) = XGBoostTreeEnsembleTests.Train(3, 2, 5, 0, 24, 100);
        using var model = new XGBoostBinaryModel(trained);

        Assert.Throws<ArgumentException>(() => model.Predict([1f, float.PositiveInfinity, 0f]));
        Assert.Throws<ArgumentException>(() => model.Explain([1f, float.NegativeInfinity, 0f]));
    }
}
