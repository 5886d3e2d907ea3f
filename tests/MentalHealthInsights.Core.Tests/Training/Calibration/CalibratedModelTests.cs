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
