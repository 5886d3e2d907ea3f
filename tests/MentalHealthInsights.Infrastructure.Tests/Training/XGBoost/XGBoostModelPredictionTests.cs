using System.Collections.Concurrent;
using MentalHealthInsights.Infrastructure.Training.XGBoost;

namespace MentalHealthInsights.Infrastructure.Tests.Training.XGBoost;

public sealed class XGBoostModelPredictionTests
{
    private const int Rows = 300;
    private const int Cols = 5;
    private static readonly XGBoostOptions Options = new() { Rounds = 40, MaxDepth = 4 };

    [Fact]
    public void PredictContributions_TrainedModel_RowsSumToMarginWithBiasLast()
    {
        var data = SyntheticXGBoostData.Create(Rows, Cols, seed: 11, missingShare: 0.1);
        using var model = XGBoostModel.Train(data.Features, Rows, Cols, data.Labels, Options);

        var contributions = model.PredictContributions(data.Features, Rows);
        var margins = model.PredictMargins(data.Features, Rows);

        Assert.Equal(Rows * (Cols + 1), contributions.Length);
        var meanAbs = new double[Cols + 1];
        for (var r = 0; r < Rows; r++)
        {
            var row = contributions.AsSpan(r * (Cols + 1), Cols + 1);
            double sum = 0;
            for (var c = 0; c <= Cols; c++)
            {
                sum += row[c];
                meanAbs[c] += Math.Abs(row[c]) / Rows;
            }

            // TreeSHAP is exact: the sum equals the margin up to float rounding.
            Assert.True(Math.Abs(sum - margins[r]) <= 1e-4, $"row {r}: {sum} vs {margins[r]}");
            // The bias (expected margin) is the same for every row and sits last.
            Assert.Equal(contributions[Cols], row[Cols]);
        }

        // The label depends on x0 only, so x0 must carry most of the attribution.
        for (var c = 1; c < Cols; c++)
        {
            Assert.True(meanAbs[0] > 3 * meanAbs[c], $"x0 {meanAbs[0]} vs x{c} {meanAbs[c]}");
        }
    }

    [Fact]
    public void PredictProbabilities_AreLogisticOfMargins()
    {
        var data = SyntheticXGBoostData.Create(Rows, Cols, seed: 12);
        using var model = XGBoostModel.Train(data.Features, Rows, Cols, data.Labels, Options);

        var probabilities = model.PredictProbabilities(data.Features, Rows);
        var margins = model.PredictMargins(data.Features, Rows);

        for (var i = 0; i < Rows; i++)
        {
            Assert.Equal(1 / (1 + Math.Exp(-margins[i])), probabilities[i], 1e-6);
        }
    }

    [Fact]
    public void PredictProbability_EachRow_EqualsBatchBitwise()
    {
        var data = SyntheticXGBoostData.Create(Rows, Cols, seed: 13, missingShare: 0.1);
        using var model = XGBoostModel.Train(data.Features, Rows, Cols, data.Labels, Options);

        var batch = model.PredictProbabilities(data.Features, Rows);

        for (var r = 0; r < Rows; r++)
        {
            var single = model.PredictProbability(data.Row(r));
            Assert.True(
                BitConverter.SingleToInt32Bits(single) == BitConverter.SingleToInt32Bits(batch[r]),
                $"row {r}: {single} vs {batch[r]}"
            );
        }
    }

    [Fact]
    public void PredictProbability_FromSeveralThreadsAtOnce_EqualsBatchBitwise()
    {
        var data = SyntheticXGBoostData.Create(Rows, Cols, seed: 14, missingShare: 0.1);
        using var model = XGBoostModel.Train(data.Features, Rows, Cols, data.Labels, Options);
        var batch = model.PredictProbabilities(data.Features, Rows);
        const int threadCount = 4;
        using var start = new Barrier(threadCount);
        var mismatches = 0;
        var failures = new ConcurrentQueue<Exception>();

        var threads = Enumerable
            .Range(0, threadCount)
            .Select(t => new Thread(() =>
            {
                try
                {
                    start.SignalAndWait();
                    for (var pass = 0; pass < 20; pass++)
                    {
                        if (t % 2 == 1 && pass % 5 == 0)
                        {
                            // Batch calls interleaved with single-row calls on the same booster.
                            var again = model.PredictProbabilities(data.Features, Rows);
                            if (!SyntheticXGBoostData.BitwiseEqual(again, batch))
                            {
                                Interlocked.Increment(ref mismatches);
                            }
                        }

                        for (var r = (t * 7) % Rows; r < Rows; r++)
                        {
                            var p = model.PredictProbability(data.Row(r));
                            if (
                                BitConverter.SingleToInt32Bits(p)
                                != BitConverter.SingleToInt32Bits(batch[r])
                            )
                            {
                                Interlocked.Increment(ref mismatches);
                            }
                        }
                    }
                }
                catch (Exception e)
                {
                    failures.Enqueue(e);
                }
            }))
            .ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        Assert.Empty(failures);
        Assert.Equal(0, mismatches);
    }
}
