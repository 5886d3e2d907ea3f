using Microsoft.ML.Data;

namespace MentalHealthInsights.Infrastructure.Training.MlNet;

/// <summary>One row as ML.NET sees it; the vector size is set at run time by <see cref="MlNetData"/>.</summary>
internal sealed class FeatureRow
{
    [VectorType]
    public float[] Features { get; set; } = [];

    public bool Label { get; set; }
}
