namespace MentalHealthInsights.Infrastructure.Scoring.Bundles;

/// <summary>A metric with its interval in metadata.json; null stands for NaN (undefined).</summary>
internal sealed class IntervalDocument
{
    public double? Estimate { get; init; }

    public double? Lower { get; init; }

    public double? Upper { get; init; }
}
