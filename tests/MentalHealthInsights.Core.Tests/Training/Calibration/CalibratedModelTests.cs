using MentalHealthInsights.Core.Scoring;
using MentalHealthInsights.Core.Training;
using MentalHealthInsights.Core.Training.Calibration;

namespace MentalHealthInsights.Core.Tests.Training.Calibration;

public class CalibratedModelTests
{
    /// <summary>A raw model whose score is the first feature.</summary>
    private sealed class FirstColumnModel : IBinaryModel
    {
        public bool Disposed { get; private set; }

        public string TrainerName => "stub";

        public string Format => "stub-bytes";

        public void Predict(FeatureMatrix data, Span<double> destination)
        {
            for (var i = 0; i < data.Rows; i++)
            {
                destination[i] = data.Row(i)[0];
            }
        }

        public double Predict(ReadOnlySpan<float> features) => features[0];

        public FeatureContributions Explain(ReadOnlySpan<float> features) =>
            new([features[0], 0], -1, "stub method");

        public void Save(Stream destination) => destination.Write([1, 2, 3]);

        public void Dispose() => Disposed = true;
    }

    /// <summary>
    /// <see cref="FirstColumnModel"/> that also scores blocks, and counts them: a block's
    /// scores are the rows' first values, as its one-row prediction.
    /// </summary>
    private sealed class FirstColumnBlockModel : IBinaryModel, IBlockScoringModel
    {
        private readonly FirstColumnModel rows = new();

        public int Blocks { get; private set; }

        public string TrainerName => rows.TrainerName;

        public string Format => rows.Format;

        public void Predict(FeatureMatrix data, Span<double> destination) =>
            rows.Predict(data, destination);

        public double Predict(ReadOnlySpan<float> features) => rows.Predict(features);

        public void PredictBlock(ReadOnlySpan<float> values, Span<double> destination)
        {
            Blocks++;
            var width = values.Length / destination.Length;
            for (var i = 0; i < destination.Length; i++)
            {
                destination[i] = values[i * width];
            }
        }

        public FeatureContributions Explain(ReadOnlySpan<float> features) => rows.Explain(features);

        public void Save(Stream destination) => rows.Save(destination);

        public void Dispose() => rows.Dispose();
    }

    private static readonly PlattParameters Sigmoid = new(-4, 2);

    [Fact]
    public void Predict_Row_AppliesCalibratorToRawScore()
    {
        using var model = new CalibratedModel(new FirstColumnModel(), new PlattCalibrator(Sigmoid));

        // 1 / (1 + exp(-4 * 0.75 + 2)) = 1 / (1 + e^-1)
        Assert.Equal(1 / (1 + Math.Exp(-1)), model.Predict([0.75f, 9f]), 1e-12);
        Assert.Equal(0.5, model.Predict([0.5f, 9f]), 1e-12);
    }

    [Fact]
    public void PredictBlock_BlockAndRowRawModels_EqualsOneRowPredictionBitForBit()
    {
        float[] rows = [0.75f, 9f, 0.1f, 1f, 0.5f, 2f, 0.33f, 3f];
        var blockRaw = new FirstColumnBlockModel();
        using var viaBlock = new CalibratedModel(blockRaw, new PlattCalibrator(Sigmoid));
        using var viaRows = new CalibratedModel(
            new FirstColumnModel(),
            new PlattCalibrator(Sigmoid)
        );
        var fromBlock = new double[4];
        var fromRows = new double[4];

        viaBlock.PredictBlock(rows, fromBlock);
        viaRows.PredictBlock(rows, fromRows);

        Assert.Equal(1, blockRaw.Blocks);
        for (var i = 0; i < 4; i++)
        {
            var expected = BitConverter.DoubleToInt64Bits(viaRows.Predict(rows.AsSpan(2 * i, 2)));
            Assert.Equal(expected, BitConverter.DoubleToInt64Bits(fromBlock[i]));
            Assert.Equal(expected, BitConverter.DoubleToInt64Bits(fromRows[i]));
        }
        Assert.Throws<ArgumentException>(() => viaRows.PredictBlock(rows, new double[3]));
    }

    [Fact]
    public void Predict_Matrix_AppliesCalibratorToEveryRow()
    {
        using var model = new CalibratedModel(
            new FirstColumnModel(),
            new IsotonicCalibrator(new IsotonicParameters([0.0, 1.0], [0.2, 0.6]))
        );
        var data = new FeatureMatrix([0f, 0f, 0.5f, 0f, 2f, 0f], [false, true, true], ["a", "b"]);
        var destination = new double[3];

        model.Predict(data, destination);

        Assert.Equal([0.2, 0.4, 0.6], destination.Select(d => Math.Round(d, 12)));
    }

    [Fact]
    public void Explain_DelegatesToRawModelAndSaysSo()
    {
        using var model = new CalibratedModel(new FirstColumnModel(), new PlattCalibrator(Sigmoid));

        var explanation = model.Explain([0.75f, 9f]);

        Assert.Equal([0.75, 0], explanation.Values);
        Assert.Equal(-1, explanation.Bias);
        Assert.Contains("stub method", explanation.Method, StringComparison.Ordinal);
        Assert.Contains("uncalibrated", explanation.Method, StringComparison.Ordinal);
    }

    [Fact]
    public void SaveAndDispose_DelegateToRawModel_CalibratorIsExposed()
    {
        var raw = new FirstColumnModel();
        var calibrator = new PlattCalibrator(Sigmoid);
        var model = new CalibratedModel(raw, calibrator);
        using var stream = new MemoryStream();

        model.Save(stream);
        model.Dispose();

        Assert.Equal([1, 2, 3], stream.ToArray());
        Assert.Equal("stub-bytes", model.Format);
        Assert.Equal("stub", model.TrainerName);
        Assert.Same(calibrator, model.Calibrator);
        Assert.Same(raw, model.Raw);
        Assert.True(raw.Disposed);
    }
}
