using MentalHealthInsights.Core.Training;

namespace MentalHealthInsights.Infrastructure.Tests.Scoring.Bundles;

/// <summary>A real model whose Save writes some bytes and then runs <paramref name="onSave"/> (to throw or cancel mid-write).</summary>
internal sealed class FailingSaveModel(IBinaryModel inner, Action onSave) : IBinaryModel
{
    public string TrainerName => inner.TrainerName;

    public string Format => inner.Format;

    public void Predict(FeatureMatrix data, Span<double> destination) =>
        inner.Predict(data, destination);

    public double Predict(ReadOnlySpan<float> features) => inner.Predict(features);

    public FeatureContributions Explain(ReadOnlySpan<float> features) => inner.Explain(features);

    public void Save(Stream destination)
    {
        destination.Write("{\"format\":"u8);
        onSave();
        inner.Save(destination);
    }

    public void Dispose() { }
}
