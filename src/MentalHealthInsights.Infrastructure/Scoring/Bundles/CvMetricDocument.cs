namespace MentalHealthInsights.Infrastructure.Scoring.Bundles;

/// <summary>A cross-validation summary in metadata.json; null stands for NaN (undefined).</summary>
internal sealed class CvMetricDocument
{
    public double? Mean { get; init; }

    public double? Std { get; init; }

    public int? Folds { get; init; }
}
